"""The header and the footer every screen shares (Textual's own Header and Footer): they
follow the screen, the focus and the bindings' state, and the mouse works on them."""

from __future__ import annotations

from typing import Any

from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Footer, Header, Static

from micromance_tui.tui.screens.gesture import GestureScreen
from micromance_tui.tui.screens.today import TodayScreen
from micromance_tui.tui.widgets.field import Field
from tests.tui.conftest import AppFactory
from tests.tui.test_browse import open_browse, settle
from tests.tui.test_today import click_another_then_done


def footer_keys(pilot: Pilot[Any]) -> dict[str, Widget]:
    """The keys the footer shows now, by what they read ("d Done it"), left to right and
    the palette's key last (the Footer's keys are found by their CSS type, FooterKey)."""
    keys = pilot.app.screen.query_one(Footer).query("FooterKey")
    return {str(key.render()).strip(): key for key in keys}


def title(pilot: Pilot[Any]) -> str:
    header = pilot.app.screen.query_one(Header)
    return str(header.query_one("HeaderTitle", Static).render())


async def test_footer_shows_the_screens_keys_and_a_click_runs_one(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        keys = footer_keys(pilot)
        assert list(keys)[:4] == ["d Done it", "n Another", "s Favourite", "o Open"]
        # The palette's key stays on screen, at the right end of the bottom line.
        assert list(keys)[-1] == "^p palette"
        palette = keys["^p palette"].region
        assert palette.right >= 79 and palette.y == 23

        def click(label: str) -> Any:
            key = next(k for text, k in footer_keys(pilot).items() if text.endswith(label))
            return pilot.click(key)

        await click_another_then_done(pilot, click)


async def test_footer_follows_focus_and_dims_what_cannot_run(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = await open_browse(pilot)
        shown = list(footer_keys(pilot))
        assert "esc Clear/back" in shown
        assert not [s for s in shown if "Order" in s]  # no partner profile: hidden
        # Nothing matches: acting on "the highlighted idea" is shown dimmed and does nothing.
        screen.query_one("#search", Field).value = "zzzz no such idea qqqq"
        await settle(pilot, screen)
        await pilot.pause()
        done = footer_keys(pilot)["d Done it"]
        drawn = [seg for seg in done.render_line(0) if "Done it" in seg.text]
        assert drawn and all(seg.style and seg.style.dim for seg in drawn)
        await pilot.click(done)
        await pilot.pause()
        assert app.screen is screen
        assert app.journal.tried() == []


async def test_header_follows_the_screen_and_opens_the_palette(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert title(pilot) == "Today"
        await pilot.press("q")
        await pilot.pause()
        quiz = app.screen
        quiz.sub_title = "answering"
        await pilot.pause()
        assert title(pilot) == "Quiz — answering"
        await pilot.press("t")
        await pilot.pause()
        today = app.screen
        assert isinstance(today, TodayScreen) and today.info and today.info.gesture
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, GestureScreen)
        assert title(pilot) == today.info.gesture.title
        await pilot.click("HeaderIcon")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_footer_keeps_the_palette_key_when_the_keys_do_not_fit(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        keys = footer_keys(pilot)
        assert sum(len(text) + 1 for text in keys) > 60  # more keys than the line holds
        palette = keys["^p palette"].region
        assert palette.right >= 59 and palette.y == 23
