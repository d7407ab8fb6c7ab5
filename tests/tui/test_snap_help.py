"""Snapshot of Help at 80x24: what the app is for, above the generated keys."""

from __future__ import annotations

from typing import Any

from tests.tui.conftest import AppFactory


def test_help_80x24(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), press=["question_mark"], terminal_size=(80, 24))
