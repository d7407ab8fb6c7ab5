"""One meaning per key: `o` opens everywhere, a screen's key lands on that screen's top
level, related ideas open from the keyboard, and only links look like links."""

from __future__ import annotations

import dataclasses
from importlib import import_module

from textual.widgets import Markdown

from micromance_tui.tui.screen_table import SCREENS
from micromance_tui.tui.screens.browse import BrowseScreen
from micromance_tui.tui.screens.gesture import GestureScreen
from micromance_tui.tui.screens.help import class_bindings
from micromance_tui.tui.widgets.navbar import NavBar
from micromance_tui.tui.widgets.related import RelatedLinks
from tests.tui.conftest import AppFactory, shipped_library


def test_o_means_open_on_every_screen() -> None:
    classes = [
        getattr(import_module(f"micromance_tui.tui.screens.{module}"), name)
        for _, _, module, name in SCREENS.values()
    ]
    found = []
    for cls in [*classes, GestureScreen]:
        for binding in class_bindings(cls):
            if "o" in binding.key.split(","):
                found.append((cls.__name__, binding.description))
    assert found, "no screen binds o"
    assert [f for f in found if not f[1].startswith("Open")] == []


async def test_a_screen_key_lands_on_its_top_level(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        app.open_gesture("hug-after-long-day")  # pushed on Browse's stack
        await pilot.pause()
        assert isinstance(app.screen, GestureScreen)
        await pilot.press("t", "b")
        await pilot.pause()
        assert isinstance(app.screen, BrowseScreen)
        assert app.screen.query_one(NavBar).display


async def test_related_ideas_open_from_the_keyboard(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_gesture("hug-after-long-day")
        await pilot.pause()
        links = app.screen.query_one(RelatedLinks)
        assert links.option_count > 0
        target = links.get_option_at_index(1).id
        links.focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, GestureScreen) and app.screen.gesture_id == target


async def test_the_idea_title_is_not_drawn_as_a_link(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_gesture("hug-after-long-day")
        await pilot.pause()
        await app.screen.query_one("#gesture-md", Markdown).wait_for_refresh()
        await pilot.pause()
        title = app.screen.query_one("MarkdownH2")
        assert not title.styles.text_style.underline
        assert title.styles.color != app.current_theme.to_color_system().primary


async def test_a_related_title_with_markup_is_shown_as_written(make_app: AppFactory) -> None:
    library = shipped_library()
    odd = "Odd [/] title [b]bold"
    base = library.gesture_by_id["hug-after-long-day"]
    twin = dataclasses.replace(base, id="odd-twin", title=odd)
    library = dataclasses.replace(library, gestures=(*library.gestures, twin))
    app = make_app(library=library)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_gesture("hug-after-long-day")
        await pilot.pause()
        links = app.screen.query_one(RelatedLinks)
        prompts = [str(links.get_option_at_index(i).prompt) for i in range(links.option_count)]
        assert any(odd in p for p in prompts), prompts


async def test_together_is_on_the_nav_bar_and_in_help(make_app: AppFactory) -> None:
    from micromance_tui.tui.screens.help import HelpScreen
    from micromance_tui.tui.screens.together import TogetherScreen

    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        text = str(app.screen.query_one(NavBar).render())  # what the bar shows
        assert "i\u00a0Together" in text
        x = text.index("i\u00a0Together") + 1  # the bar's left padding
        await pilot.click(NavBar, offset=(x + 2, 0))
        await pilot.pause()
        assert isinstance(app.screen, TogetherScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        together = next(g for g in help_screen.groups if g.title == "Together (i)")
        assert ("s", "Start a pairing") in together.rows
