"""Snapshots of the first-run welcome: its first step at 80x24 and a choice step at
120x36."""

from __future__ import annotations

from typing import Any

from tests.tui.conftest import AppFactory


def test_welcome_names_80x24(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(welcome=True), terminal_size=(80, 24))


def test_welcome_apart_120x36(snap_compare: Any, make_app: AppFactory) -> None:
    app = make_app(welcome=True)
    assert snap_compare(app, press=["ctrl+n", "ctrl+n"], terminal_size=(120, 36))
