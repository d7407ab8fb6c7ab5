"""Snapshots of Guides: at 80x24, at 120x36 (list beside the reader), and in a light theme."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from micromance_tui.tui.screens.reader import ListReaderScreen
from tests.tui.conftest import AppFactory


async def _open_guides(pilot: Pilot[Any]) -> None:
    await pilot.press("g")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ListReaderScreen)
    await screen.rendering
    await pilot.pause()


def test_guides_80x24(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), run_before=_open_guides, terminal_size=(80, 24))


def test_guides_120x36(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), run_before=_open_guides, terminal_size=(120, 36))


def test_guides_light_theme(snap_compare: Any, make_app: AppFactory) -> None:
    app = make_app(theme="textual-light")
    assert snap_compare(app, run_before=_open_guides, terminal_size=(80, 24))
