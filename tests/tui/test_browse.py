"""Browse: search as you type, filters, marks, the partner's order, the detail, and being
opened from other screens."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widgets import Button, Checkbox, Select, Static

from micromance_tui.core.journal import Journal, QuizResult, new_id
from micromance_tui.core.models import Gesture, Library
from micromance_tui.tui.dialogs.tried import TriedDialog
from micromance_tui.tui.screens.browse import BrowseScreen
from micromance_tui.tui.screens.gesture import GestureScreen
from micromance_tui.tui.widgets.field import Field
from micromance_tui.tui.widgets.gesture_detail import GestureDetail
from micromance_tui.tui.widgets.gesture_list import GestureList
from tests.tui.conftest import AppFactory, shipped_library


async def open_browse(pilot: Pilot[Any]) -> BrowseScreen:
    await pilot.press("b")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, BrowseScreen)
    await settle(pilot, screen)
    return screen


async def settle(pilot: Pilot[Any], screen: BrowseScreen) -> None:
    """Wait until the list shows the answer to the latest search (it runs in a thread)."""
    await pilot.pause()
    for _ in range(300):
        if screen.settled:
            await pilot.pause()
            if screen.settled:
                return
        await pilot.pause(0.01)
    raise AssertionError("the search never finished")


def shown(screen: BrowseScreen) -> list[Gesture]:
    return list(screen.query_one("#results", GestureList).items)


def count_text(screen: BrowseScreen) -> str:
    return str(screen.query_one("#count", Static).render())


def partner_profile(top: str) -> Callable[[Journal], object]:
    def setup(journal: Journal) -> None:
        scores = dict.fromkeys(("words", "service", "gifts", "time", "touch"), 2.0)
        scores[top] = 10.0
        journal.set_partner_name("Sam")
        journal.add_quiz_result(
            QuizResult(
                id=new_id(),
                who="partner",
                mode="classic",
                scores=scores,
                receive={},
                give={},
                answers={"c01": 1},
                taken="2026-11-01T10:00:00",
            )
        )

    return setup


async def test_lists_every_idea_a_to_z(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browse(pilot)
        items = shown(screen)
        assert len(items) == len(app.library.gestures)
        assert count_text(screen) == f"{len(items)} ideas"
        # A to Z by the words of the title (quotes and dashes do not count)
        keys = [" ".join(re.findall(r"\w+", g.title.lower())) for g in items]
        assert keys == sorted(keys)


async def test_typing_narrows_and_a_typo_still_finds_the_idea(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browse(pilot)
        total = len(shown(screen))
        await pilot.press("slash", *"cofee")  # one letter short of "coffee"
        assert screen.focused is screen.query_one("#search", Field)
        await settle(pilot, screen)
        results = shown(screen)
        assert 0 < len(results) < total
        assert "coffee" in results[0].title.lower()
        assert count_text(screen) == f"{len(results)} of {total} ideas"
        # two slips and a missing letter, and the idea still comes first
        screen.query_one("#search", Field).value = "god mornnig txt"
        await settle(pilot, screen)
        assert shown(screen)[0].id == "good-morning-text"
        # nonsense finds nothing and says so
        screen.query_one("#search", Field).value = "zzqxj"
        await settle(pilot, screen)
        assert shown(screen) == [] and count_text(screen) == f"0 of {total} ideas"
        await pilot.press("escape")  # clears the search
        await settle(pilot, screen)
        assert len(shown(screen)) == total


async def test_each_filter_narrows_to_matching_ideas(make_app: AppFactory) -> None:
    app = make_app()
    library = app.library
    cases: list[tuple[str, str, Callable[[Gesture], bool]]] = [
        ("#f-language", "touch", lambda g: "touch" in g.languages),
        ("#f-effort", "tiny", lambda g: g.effort == "tiny"),
        ("#f-cost", "free", lambda g: g.cost == "free"),
        ("#f-moment", "evening", lambda g: "evening" in g.moments),
    ]
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browse(pilot)
        for selector, value, keep in cases:
            select = screen.query_one(selector, Select)
            select.value = value
            await settle(pilot, screen)
            expected = {g.id for g in library.gestures if keep(g)}
            assert expected and {g.id for g in shown(screen)} == expected, selector
            select.value = ""
            await settle(pilot, screen)
        # filters combine, and the search works inside them
        screen.query_one("#f-language", Select).value = "time"
        screen.query_one("#f-cost", Select).value = "free"
        screen.query_one("#search", Field).value = "walk"
        await settle(pilot, screen)
        results = shown(screen)
        assert results
        assert all("time" in g.languages and g.cost == "free" for g in results)


async def test_not_tried_and_favourites_after_marking(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browse(pilot)
        first = shown(screen)[0]
        await pilot.press("s")  # favourite the highlighted idea
        await pilot.press("d")  # and log it as tried
        await pilot.pause()
        assert isinstance(app.screen, TriedDialog)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.journal.is_favourite(first.id)
        assert [e.gesture_id for e in app.journal.tried()] == [first.id]
        results = screen.query_one("#results", GestureList)
        assert first.id in results.tried and first.id in results.favourites
        screen.query_one("#f-favourites", Checkbox).value = True
        await settle(pilot, screen)
        assert [g.id for g in shown(screen)] == [first.id]
        assert count_text(screen) == f"1 of {len(app.library.gestures)} ideas"
        screen.query_one("#f-favourites", Checkbox).value = False
        screen.query_one("#f-not-tried", Checkbox).value = True
        await settle(pilot, screen)
        assert first.id not in {g.id for g in shown(screen)}
        assert len(shown(screen)) == len(app.library.gestures) - 1
        # unfavouriting from the list updates the favourites-only view at once
        screen.query_one("#f-not-tried", Checkbox).value = False
        screen.query_one("#f-favourites", Checkbox).value = True
        await settle(pilot, screen)
        await pilot.press("s")
        await settle(pilot, screen)
        assert shown(screen) == []


async def test_partner_order_needs_a_profile(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browse(pilot)
        assert not screen.query_one("#order", Button).display
        before = [g.id for g in shown(screen)]
        await pilot.press("v")
        await settle(pilot, screen)
        assert [g.id for g in shown(screen)] == before
        assert screen.order == "az"


async def test_partner_order_puts_their_top_language_first(make_app: AppFactory) -> None:
    app = make_app(setup=partner_profile("touch"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browse(pilot)
        a_to_z = [g.id for g in shown(screen)]
        button = screen.query_one("#order", Button)
        assert button.display and "A-Z" in str(button.label)
        await pilot.press("v")
        await settle(pilot, screen)
        results = shown(screen)
        touch = sum(1 for g in app.library.gestures if g.language == "touch")
        assert {g.language for g in results[:touch]} == {"touch"}
        assert "for Sam" in str(button.label)
        assert "Physical touch first" in str(screen.query_one("#order-note", Static).render())
        await pilot.click("#order")  # the mouse toggles it back
        await settle(pilot, screen)
        assert "A-Z" in str(button.label)
        assert [g.id for g in shown(screen)] == a_to_z


async def test_a_partner_named_like_markup_in_the_order_button(make_app: AppFactory) -> None:
    def setup(journal: Journal) -> None:
        partner_profile("touch")(journal)
        journal.set_partner_name("Jo [/] [b]Ann")

    app = make_app(setup=setup)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browse(pilot)
        await pilot.press("v")
        await settle(pilot, screen)
        assert str(screen.query_one("#order", Button).label) == "Order: for Jo [/] [b]Ann"


async def test_opened_from_love_languages_with_a_language(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.browse_language("touch")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BrowseScreen)
        await settle(pilot, screen)
        assert screen.query_one("#f-language", Select).value == "touch"
        results = shown(screen)
        assert results and all("touch" in g.languages for g in results)
        assert len(results) < len(app.library.gestures)


async def test_select_item_clears_what_hides_the_idea(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browse(pilot)
        screen.query_one("#f-language", Select).value = "words"
        await settle(pilot, screen)
        screen.select_item("morning-kitchen-hug")  # a touch idea, hidden by the filter
        await settle(pilot, screen)
        highlighted = screen.query_one("#results", GestureList).highlighted
        assert highlighted is not None and highlighted.id == "morning-kitchen-hug"
        assert screen.query_one("#f-language", Select).value == ""


async def test_narrow_enter_and_click_open_the_idea(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browse(pilot)
        second = shown(screen)[1]
        await pilot.press("down", "enter")
        await pilot.pause()
        opened = app.screen
        assert isinstance(opened, GestureScreen) and opened.gesture_id == second.id
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        # rows are two lines tall: under the panel's top border, the third idea starts on
        # line 5 of the list
        third = shown(screen)[2]
        await pilot.click("#results", offset=(10, 5))
        await pilot.pause()
        reopened = app.screen
        assert isinstance(reopened, GestureScreen) and reopened.gesture_id == third.id


async def test_wide_shows_the_detail_beside_the_list(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_browse(pilot)
        detail = screen.query_one("#browse-detail", GestureDetail)
        assert detail.display and detail.region.x > screen.query_one("#results").region.x
        third = shown(screen)[2]
        await pilot.click("#results", offset=(10, 5))  # under the panel's border
        await pilot.pause()
        assert app.screen is screen  # a click selects; it does not leave the list
        assert screen._detail_id == third.id
        markdown = detail.query_one("#gesture-md")
        assert third.title in str(getattr(markdown, "source", ""))


def _big_library(n: int) -> Library:
    base = shipped_library()
    gestures = tuple(
        Gesture(
            id=f"gen-{i}",
            title=f"Generated idea {i}",
            summary=f"Summary {i}",
            how="Do it.",
            why="Because.",
            languages=(("words", "service", "gifts", "time", "touch")[i % 5],),
            effort="tiny",
            cost="free",
        )
        for i in range(n)
    )
    return Library(base.languages, gestures, base.faq, base.guides, base.quiz)


async def test_a_large_library_loads_and_searches_in_the_background(
    make_app: AppFactory,
) -> None:
    app = make_app(library=_big_library(3000))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browse(pilot)
        assert len(shown(screen)) == 3000
        screen.query_one("#search", Field).value = "genrated 2999"
        await settle(pilot, screen)
        assert shown(screen)[0].id == "gen-2999"


async def test_the_list_renders_only_the_rows_on_screen(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    rendered: list[int] = []
    render_line = GestureList.render_line

    def counting(self: GestureList, y: int) -> Strip:
        rendered.append(y)
        return render_line(self, y)

    monkeypatch.setattr(GestureList, "render_line", counting)
    app = make_app(library=_big_library(3000))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_browse(pilot)
        height = screen.query_one("#results", GestureList).size.height
        rendered.clear()
        screen.query_one("#search", Field).value = "generated"  # all 3,000 match
        await settle(pilot, screen)
        assert len(shown(screen)) == 3000
        # one or two repaints of the visible rows, never thousands of lines
        assert 0 < len(rendered) <= 3 * height
        assert max(rendered) < height
