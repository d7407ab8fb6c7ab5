"""Snapshot of Love languages at 80x24, with a partner quiz profile on file."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from micromance_tui.tui.screens.languages import LanguagesScreen
from tests.tui.conftest import AppFactory
from tests.tui.test_languages import _partner_quiz


async def _quality_time(pilot: Pilot[Any]) -> None:
    await pilot.press("l", "down", "down", "down")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, LanguagesScreen)
    await screen.rendering
    await pilot.pause()


def test_languages_80x24(snap_compare: Any, make_app: AppFactory) -> None:
    app = make_app(setup=_partner_quiz)
    assert snap_compare(app, run_before=_quality_time, terminal_size=(80, 24))
