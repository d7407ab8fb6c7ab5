"""Browse: the situation filter, the date-ideas switch, and search by situation names."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import Checkbox, Select

from micromance_tui.core.models import Library
from micromance_tui.tui.widgets.field import Field
from tests.tui.conftest import AppFactory, shipped_library
from tests.tui.test_browse import open_browse, settle, shown


def library_with_situations() -> Library:
    """The shipped ideas with their own situations and date tags taken off, then three of
    them given situations and two tagged as date ideas."""
    shipped = shipped_library()
    gestures = [
        replace(g, situations=(), tags=tuple(t for t in g.tags if t != "date-idea"))
        for g in shipped.gestures
    ]
    gestures[0] = replace(gestures[0], situations=("grief",))
    gestures[1] = replace(gestures[1], situations=("grief", "new-parents"))
    gestures[2] = replace(gestures[2], situations=("shift-work",), tags=("date-idea",))
    gestures[3] = replace(gestures[3], tags=(*gestures[3].tags, "date-idea"))
    return Library(shipped.languages, tuple(gestures), shipped.faq, shipped.guides, shipped.quiz)


async def test_situation_filter_and_date_ideas(make_app: AppFactory) -> None:
    library = library_with_situations()
    ids = [g.id for g in library.gestures[:4]]
    app = make_app(library=library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browse(pilot)
        screen.query_one("#f-situation", Select).value = "grief"
        await settle(pilot, screen)
        assert {g.id for g in shown(screen)} == {ids[0], ids[1]}
        screen.query_one("#f-situation", Select).value = "new-parents"
        await settle(pilot, screen)
        assert [g.id for g in shown(screen)] == [ids[1]]
        screen.query_one("#f-situation", Select).value = ""
        screen.query_one("#f-date-ideas", Checkbox).value = True
        await settle(pilot, screen)
        assert {g.id for g in shown(screen)} == {ids[2], ids[3]}
        # the two combine
        screen.query_one("#f-situation", Select).value = "shift-work"
        await settle(pilot, screen)
        assert [g.id for g in shown(screen)] == [ids[2]]
        screen.query_one("#f-situation", Select).value = ""
        screen.query_one("#f-date-ideas", Checkbox).value = False
        await settle(pilot, screen)
        assert len(shown(screen)) == len(library.gestures)


async def test_search_finds_situation_names(make_app: AppFactory) -> None:
    library = library_with_situations()
    ids = [g.id for g in library.gestures[:4]]
    app = make_app(library=library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browse(pilot)
        screen.query_one("#search", Field).value = "new parents"
        await settle(pilot, screen)
        assert shown(screen)[0].id == ids[1]
        screen.query_one("#search", Field).value = "shift work"
        await settle(pilot, screen)
        assert shown(screen)[0].id == ids[2]
