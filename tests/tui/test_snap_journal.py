"""Snapshots of the Journal at 80x24: the entries, the rhythm and the balance tabs."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from micromance_tui.core.journal import Journal, QuizResult
from tests.tui.conftest import AppFactory

TODAY = date(2026, 11, 25)


def _history(journal: Journal) -> None:
    journal.set_partner_name("Sam")
    tried = [
        ("hug-after-long-day", 2, "long day, long hug", 5),
        ("good-morning-text", 4, "sent before the train", None),
        ("hug-after-long-day", 9, "", 4),
        ("good-morning-text", 16, "she replied with a photo of the sunrise", 3),
        ("hug-after-long-day", 30, "", 2),
        ("good-morning-text", 75, "after the move [boxes everywhere]", 5),
    ]
    for gesture_id, days_ago, note, reaction in tried:
        journal.add_tried(
            gesture_id, on=TODAY - timedelta(days=days_ago), note=note, reaction=reaction
        )
    journal.add_quiz_result(
        QuizResult(
            id="partner-1",
            who="partner",
            mode="classic",
            scores={"words": 9, "service": 6, "gifts": 3, "time": 7, "touch": 5},
            receive={},
            give={},
            answers={},
            taken=datetime(2026, 11, 1, 10, 0).isoformat(),
        )
    )


def test_journal_entries_80x24(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(setup=_history), press=["j"], terminal_size=(80, 24))


def test_journal_rhythm_80x24(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(setup=_history), press=["j", "2"], terminal_size=(80, 24))


def test_journal_balance_80x24(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(setup=_history), press=["j", "3"], terminal_size=(80, 24))


def test_journal_empty_80x24(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), press=["j"], terminal_size=(80, 24))


def test_journal_light_theme(snap_compare: Any, make_app: AppFactory) -> None:
    app = make_app(setup=_history, theme="textual-light")
    assert snap_compare(app, press=["j", "2"], terminal_size=(80, 24))


def _history_with_a_place(journal: Journal) -> None:
    _history(journal)
    newest = journal.tried()[0]
    journal.edit_tried(newest.id, where="on the sofa, after her late shift")


def test_journal_edit_entry_with_where_80x24(snap_compare: Any, make_app: AppFactory) -> None:
    """The Edit entry dialog, its Where field pre-filled, fits at 80x24."""
    app = make_app(setup=_history_with_a_place)
    assert snap_compare(app, press=["j", "e"], terminal_size=(80, 24))
