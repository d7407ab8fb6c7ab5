"""Guides: open a guide and read it; follow a related idea; open a guide from elsewhere."""

from __future__ import annotations

from textual.widgets import Markdown, OptionList

from micromance_tui.tui.screens.gesture import GestureScreen
from micromance_tui.tui.screens.guides import GuidesScreen
from micromance_tui.tui.widgets.related import RelatedLinks
from tests.tui.conftest import AppFactory, screen_as, shipped_library


async def test_open_a_guide_and_read_it(make_app: AppFactory) -> None:
    guides = shipped_library().guides
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GuidesScreen)
        titles = [str(o.prompt).splitlines()[0] for o in screen.query_one(OptionList).options]
        assert titles == [g.title for g in guides]
        await pilot.press("down", "enter")
        await screen.rendering
        text = screen.query_one("#reader-md", Markdown).source
        assert text.startswith(f"# {guides[1].title}")
        assert guides[1].body.strip()[:80] in text
        pane = screen.query_one("#reader-pane")
        assert app.focused is pane
        await pilot.press("pagedown")
        await pilot.pause()
        assert pane.scroll_y > 0  # a long guide scrolls


async def test_related_idea_opens(make_app: AppFactory) -> None:
    library = shipped_library()
    guide = next(g for g in library.guides if any(r in library.gesture_by_id for r in g.related))
    gesture_id = next(r for r in guide.related if r in library.gesture_by_id)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        app.open_guide(guide.id)  # as the command palette does
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GuidesScreen)
        assert screen.current == guide.id
        await pilot.press("r")
        related = screen.query_one("#reader-related", RelatedLinks)
        shown = [o.id for o in related.options]
        assert shown == [
            r for r in guide.related if r in library.gesture_by_id or r in library.guide_by_id
        ]
        related.highlighted = shown.index(gesture_id)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GestureScreen)
        assert app.screen.gesture_id == gesture_id


async def test_related_guide_switches_the_reader(make_app: AppFactory) -> None:
    library = shipped_library()
    guide = next(g for g in library.guides if any(r in library.guide_by_id for r in g.related))
    other = next(r for r in guide.related if r in library.guide_by_id)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        screen = screen_as(app, GuidesScreen)
        screen.select_item(guide.id)
        await pilot.press("r")
        related = screen.query_one("#reader-related", RelatedLinks)
        related.highlighted = related.get_option_index(other)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert screen.current == other
        highlighted = screen.query_one("#reader-list", OptionList).highlighted_option
        assert highlighted is not None and highlighted.id == other
