"""Snapshots of every empty state a new user meets: Journal's three tabs, Ask's history,
the quiz with no results, Compare with one result, Browse's favourites and Partner's lists
(the last in test_snap_partner.py)."""

from __future__ import annotations

from typing import Any

from micromance_tui.core.journal import Journal, QuizResult
from tests.tui.conftest import AppFactory


def _one_result(journal: Journal) -> None:
    journal.update_settings(my_name="Alex", partner_name="Sam")
    journal.add_quiz_result(
        QuizResult(
            id="r1",
            who="me",
            mode="classic",
            scores={"words": 9.0, "time": 7.0, "gifts": 3.0, "service": 6.0, "touch": 5.0},
            receive={},
            give={},
            answers={"c01": 1},
            taken="2026-11-20T20:00:00",
        )
    )


def test_empty_journal_entries_120x36(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), press=["j"], terminal_size=(120, 36))


def test_empty_journal_rhythm_80x24(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), press=["j", "2"], terminal_size=(80, 24))


def test_empty_journal_balance_80x24(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), press=["j", "3"], terminal_size=(80, 24))


def test_empty_ask_history_80x24(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), press=["k"], terminal_size=(80, 24))


def test_empty_quiz_120x36(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), press=["q"], terminal_size=(120, 36))


def test_quiz_one_result_start_and_compare_120x36(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(setup=_one_result), press=["q", "c"], terminal_size=(120, 36))


def test_empty_favourites_100x30(snap_compare: Any, make_app: AppFactory) -> None:
    async def favourites_only(pilot: Any) -> None:
        await pilot.press("b")
        await pilot.pause()
        await pilot.click("#f-favourites")
        await pilot.pause(0.3)

    app = make_app()
    assert snap_compare(app, run_before=favourites_only, terminal_size=(100, 30))
