"""80x24 is the size every screen is laid out for first (and 60x20 still reads): the nav
bar keeps to one row, Guides leaves room to read, hints are shortened at a word, Compare
scrolls from the keyboard, and the rating boxes never split a word."""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Checkbox

from micromance_tui.core.journal import Journal
from micromance_tui.core.quiz import RATING_LABELS
from micromance_tui.tui.screen_table import SCREENS
from micromance_tui.tui.widgets.field import Field, fit_words
from micromance_tui.tui.widgets.navbar import NavBar
from micromance_tui.tui.widgets.quiz_choice import QuizChoice
from tests.tui.conftest import AppFactory


async def test_the_nav_bar_is_one_row_at_80_columns(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for mode in SCREENS:  # the highlighted item is wider: try each
            await app.switch_mode(mode)
            await pilot.pause()
            bar = app.screen.query_one(NavBar)
            assert bar.size.height == 1, f"the nav bar wraps on {mode}"
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert app.screen.query_one(NavBar).size.height == 2  # and wraps when it must


async def test_guides_leave_room_to_read_at_80x24(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.switch_mode("guides")
        await pilot.pause()
        reader = app.screen.query_one("#reader-pane")
        assert reader.size.height >= 12, f"only {reader.size.height} rows to read in"


@pytest.mark.parametrize("width", [60, 80, 120])
async def test_the_search_hint_is_shortened_at_a_word(make_app: AppFactory, width: int) -> None:
    app = make_app()
    async with app.run_test(size=(width, 24)) as pilot:
        await app.switch_mode("browse")
        await pilot.pause()
        # A filter makes the count beside the field wider ("250 of 250 ideas").
        app.screen.query_one("#f-not-tried", Checkbox).value = True
        await pilot.pause()
        search = app.screen.query_one("#search", Field)
        shown = search.placeholder
        room = search.content_size.width - 1
        full = "Search ideas: title, summary, tags, situation, how  (/)"
        assert len(shown) <= room, f"{shown!r} is cut at {room} cells"
        if shown != full:
            kept = shown.removesuffix("…")
            assert full.startswith(kept) and full[len(kept)] in " :,", shown


def test_fit_words() -> None:
    assert fit_words("Search ideas: title, summary", 40) == "Search ideas: title, summary"
    assert fit_words("Search ideas: title, summary", 20) == "Search ideas: title…"
    assert fit_words("Search ideas: title, summary", 14) == "Search ideas…"
    assert fit_words("Unbreakable", 5) == "Unbr…"


def _results(journal: Journal) -> None:
    from datetime import datetime

    from micromance_tui.core.journal import QuizResult

    for who, taken in (("me", 1), ("partner", 2)):
        journal.add_quiz_result(
            QuizResult(
                id=f"{who}-1",
                who=who,
                mode="classic",
                scores={"words": 9, "service": 6, "gifts": 3, "time": 7, "touch": 5},
                receive={},
                give={},
                answers={},
                taken=datetime(2026, 11, taken, 10, 0).isoformat(),
            )
        )


async def test_compare_scrolls_to_the_end_from_the_keyboard(make_app: AppFactory) -> None:
    app = make_app(setup=_results)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q", "c")
        await pilot.pause()
        body = app.screen.query_one("#compare-body", VerticalScroll)
        assert body.max_scroll_y > 0, "nothing to scroll: the test shows nothing"
        await pilot.press("end")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("home")
        await pilot.pause()
        assert body.scroll_y == 0
        for _ in range(body.max_scroll_y // max(body.size.height - 1, 1) + 1):
            await pilot.press("pagedown")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y


def _names(journal: Journal) -> None:
    journal.update_settings(my_name="Alex", partner_name="Sam")


async def test_rating_boxes_keep_words_whole_at_60x20(make_app: AppFactory) -> None:
    app = make_app(setup=_names)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("q", "2")
        await pilot.pause()
        for number, label in RATING_LABELS.items():
            box = app.screen.query_one(f"#rate-{number}", QuizChoice)
            longest = max(len(word) for word in label.split())
            assert box.content_size.width >= longest, (
                f"{label!r} breaks in a box {box.content_size.width} wide"
            )
