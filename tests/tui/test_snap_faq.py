"""Snapshot of the FAQ at 80x24: the questions above, an answer below."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from micromance_tui.tui.screens.reader import ListReaderScreen
from tests.tui.conftest import AppFactory


async def _second_question(pilot: Pilot[Any]) -> None:
    await pilot.press("f", "down")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ListReaderScreen)
    await screen.rendering
    await pilot.pause()


def test_faq_80x24(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), run_before=_second_question, terminal_size=(80, 24))
