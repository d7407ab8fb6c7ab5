"""Snapshots of Today at 80x24 and 120x36, and in a light theme."""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.tui.conftest import AppFactory


def _some_history(journal: Any) -> None:
    journal.set_partner_name("Sam")
    journal.add_date("birthday", "Birthday", date(1991, 12, 1), yearly=True)
    journal.add_tried("hug-after-long-day", on=date(2026, 11, 23), reaction=5)
    journal.add_tried("good-morning-text", on=date(2026, 11, 21))


def test_today_80x24(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(setup=_some_history), terminal_size=(80, 24))


def test_today_120x36(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(setup=_some_history), terminal_size=(120, 36))


def test_today_light_theme(snap_compare: Any, make_app: AppFactory) -> None:
    app = make_app(setup=_some_history, theme="textual-light")
    assert snap_compare(app, terminal_size=(80, 24))
