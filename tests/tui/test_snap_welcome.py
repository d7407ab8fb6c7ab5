"""Snapshots of the first run: each step of the welcome (names and choices at 80x24, one
at 120x36) and the Today it leads to on an empty journal."""

from __future__ import annotations

from typing import Any

from tests.tui.conftest import AppFactory


def test_welcome_names_80x24(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(welcome=True), terminal_size=(80, 24))


def test_welcome_apart_120x36(snap_compare: Any, make_app: AppFactory) -> None:
    app = make_app(welcome=True)
    assert snap_compare(app, press=["ctrl+n", "ctrl+n"], terminal_size=(120, 36))


def test_welcome_pronoun_80x24(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(welcome=True), press=["ctrl+n"], terminal_size=(80, 24))


def test_welcome_where_next_80x24(snap_compare: Any, make_app: AppFactory) -> None:
    app = make_app(welcome=True)
    assert snap_compare(app, press=["ctrl+n"] * 3, terminal_size=(80, 24))


def test_first_today_after_the_welcome_120x36(snap_compare: Any, make_app: AppFactory) -> None:
    """What the welcome leads to: Today on an empty journal, every card saying what starts it."""
    app = make_app(welcome=True)
    assert snap_compare(app, press=["escape"], terminal_size=(120, 36))
