"""Screens made of several regions show each as a titled panel, and the panel that holds
the focus is plain to see: its border in the theme's primary colour and its title bold,
the others faint. Moving the focus moves the light."""

from __future__ import annotations

from typing import Any

from textual.color import Color
from textual.widget import Widget

from tests.tui.conftest import AppFactory


def _look(panel: Widget) -> tuple[Color, bool]:
    """(the border's colour, whether the title is bold) as drawn now."""
    _, colour = panel.styles.border_top
    return colour, bool(panel.styles.border_title_style.bold)


def _lit(screen: Any) -> list[str]:
    """The titles of the panels drawn as focused."""
    panels = [p for p in screen.query(".panel") if p.display and p.border_title]
    primary = Color.parse(screen.app.current_theme.primary)
    return [str(p.border_title) for p in panels if _look(p) == (primary, True)]


async def test_browse_lights_the_panel_with_the_focus(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        titles = [str(p.border_title) for p in screen.query(".panel")]
        assert titles == ["Find an idea", "Ideas", "The idea in full"]
        assert _lit(screen) == ["Ideas"]
        await pilot.press("/")
        await pilot.pause()
        assert _lit(screen) == ["Find an idea"]


async def test_journal_lights_the_panel_with_the_focus(make_app: AppFactory) -> None:
    def one_entry(journal: Any) -> None:
        journal.add_tried("good-morning-text", note="sent early")

    app = make_app(setup=one_entry)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        screen = app.screen
        assert _lit(screen) == ["Every idea tried, newest first"]
        await pilot.press("/")
        await pilot.pause()
        assert _lit(screen) == ["Find entries"]
