"""The title line and the key line every screen shares: they follow the screen, the
focus and the bindings' state, and the mouse works on them."""

from __future__ import annotations

from textual.command import CommandPalette

from micromance_tui.tui.screens.gesture import GestureScreen
from micromance_tui.tui.screens.today import TodayScreen
from micromance_tui.tui.widgets.chrome import KeyBar, TitleBar
from micromance_tui.tui.widgets.field import Field
from tests.tui.conftest import AppFactory
from tests.tui.test_browse import open_browse, settle
from tests.tui.test_today import click_another_then_done


def line(widget: KeyBar | TitleBar) -> str:
    return widget.render().plain


async def test_key_bar_shows_the_screens_keys_and_a_click_runs_one(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen) and screen.info and screen.info.gesture
        bar = screen.query_one(KeyBar)
        text = line(bar)
        assert text.startswith("d Done it n Another s Favourite o Open")
        assert text.rstrip().endswith("^p palette")
        assert len(text) == 80
        await click_another_then_done(
            pilot, lambda label: pilot.click(KeyBar, offset=(text.index(label), 0))
        )


async def test_key_bar_follows_focus_and_dims_what_cannot_run(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = await open_browse(pilot)
        bar = screen.query_one(KeyBar)
        assert "esc Clear/back" in line(bar)
        assert "Order" not in line(bar)  # no partner profile yet: the action is hidden
        # Nothing matches: acting on "the highlighted idea" is shown dimmed and does nothing.
        screen.query_one("#search", Field).value = "zzzz no such idea qqqq"
        await settle(pilot, screen)
        bindings, _palette = bar.shown_bindings()
        assert {b.description: enabled for b, enabled in bindings}["Done it"] is False
        # What is on the screen (the cached line, not a fresh render) shows it dimmed.
        drawn = [seg for seg in bar.render_line(0) if "Done it" in seg.text]
        assert drawn and all(seg.style and seg.style.dim for seg in drawn)
        text = line(bar)
        await pilot.click(KeyBar, offset=(text.index("Done it"), 0))
        await pilot.pause()
        assert app.screen is screen
        assert app.journal.tried() == []


async def test_key_bar_cuts_what_does_not_fit_and_keeps_the_palette_key(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        text = line(app.screen.query_one(KeyBar))
        assert len(text) == 60
        assert "…" in text
        assert text.rstrip().endswith("^p palette")


async def test_title_bar_follows_the_screen_and_opens_the_palette(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        title = line(app.screen.query_one(TitleBar))
        assert title.startswith(" ♥ ") and title.rstrip().endswith("Today")
        assert abs(title.index("Today") - (80 - len("Today")) // 2) <= 1  # centred
        await pilot.press("q")
        await pilot.pause()
        quiz = app.screen
        quiz.sub_title = "answering"
        await pilot.pause()
        assert "Quiz — answering" in line(quiz.query_one(TitleBar))
        await pilot.press("t")
        await pilot.pause()
        today = app.screen
        assert isinstance(today, TodayScreen) and today.info and today.info.gesture
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, GestureScreen)
        assert today.info.gesture.title in line(app.screen.query_one(TitleBar))
        await pilot.click(TitleBar, offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
