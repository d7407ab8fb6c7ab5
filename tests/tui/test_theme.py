"""Themes: `--theme` picks one and it is remembered, a theme chosen in the app is
remembered, a bad name is explained and changes nothing saved."""

from __future__ import annotations

from micromance_tui.core.journal import Journal
from micromance_tui.tui.screens.today import TodayScreen
from tests.tui.conftest import AppFactory, unwrapped


async def test_theme_from_the_command_line_is_remembered(make_app: AppFactory) -> None:
    app = make_app(theme="nord")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
    assert app.journal.settings().theme == "nord"
    again = make_app(theme=None)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"
        assert again.current_theme.name == "nord"


async def test_theme_chosen_in_the_app_is_remembered(make_app: AppFactory) -> None:
    app = make_app(theme=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        app.theme = "textual-light"  # what the palette's "Theme" command does
        await pilot.pause()
        # The screen follows the theme: its background is now light.
        assert isinstance(app.screen, TodayScreen)
        assert app.screen.styles.background.brightness > 0.5
    assert app.journal.settings().theme == "textual-light"
    again = make_app(theme=None)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "textual-light"


async def test_unknown_theme_is_explained_and_the_saved_one_kept(make_app: AppFactory) -> None:
    def setup(journal: Journal) -> None:
        journal.update_settings(theme="gruvbox")

    app = make_app(theme="no-such-theme", setup=setup)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "gruvbox"
        messages = [unwrapped(n.message) for n in app._notifications]
        assert any("There is no theme called 'no-such-theme'" in m for m in messages)
    assert app.journal.settings().theme == "gruvbox"
