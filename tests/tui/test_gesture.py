"""One idea on its own screen: opened from the palette, marked tried from there."""

from __future__ import annotations

from datetime import date

from micromance_tui.tui.dialogs.tried import TriedDialog
from micromance_tui.tui.screens.gesture import GestureScreen
from tests.tui.conftest import AppFactory, search_palette


def _markdown_text(app: object) -> str:
    from textual.widgets import Markdown

    screen = app.screen  # type: ignore[attr-defined]
    return str(screen.query_one("#gesture-md", Markdown).source)


async def test_palette_finds_an_idea_by_fuzzy_name(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await search_palette(pilot, "hug after long")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GestureScreen)
        assert screen.gesture_id == "hug-after-long-day"
        assert "### How" in _markdown_text(app)


async def test_marking_tried_from_the_idea_updates_it(make_app: AppFactory) -> None:
    def setup(journal) -> None:  # type: ignore[no-untyped-def]
        journal.add_tried("hug-after-long-day", on=date(2026, 11, 1), reaction=4)

    app = make_app(setup=setup)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_gesture("hug-after-long-day")
        await pilot.pause()
        assert "Tried 1 time; last on Sun 01 Nov 2026, went well." in _markdown_text(app)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, TriedDialog)
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, GestureScreen)
        assert "Tried 2 times; last on Wed 25 Nov 2026." in _markdown_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.current_mode == "today" and len(app.screen_stack) == 1
