"""Empty states: each place with nothing yet says what it will show and offers the one
action that starts it, and goes away once there is something."""

from __future__ import annotations

from textual.widgets import Button, Checkbox

from micromance_tui.core.journal import Journal, QuizResult, new_id
from micromance_tui.tui.screens.quiz import QuizScreen
from micromance_tui.tui.screens.quiz.start import StartView
from micromance_tui.tui.screens.today import TodayScreen
from micromance_tui.tui.widgets.empty_state import EmptyState
from tests.tui.conftest import AppFactory


def _shown(screen: object, empty_id: str) -> bool:
    from textual.screen import Screen

    assert isinstance(screen, Screen)
    return screen.query_one(empty_id, EmptyState).display


async def test_an_empty_journal_offers_todays_idea(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        empty = app.screen.query_one("#entries-empty", EmptyState)
        assert empty.display and "(t)" in str(empty.query_one(Button).label)
        await pilot.click(empty.query_one(Button))
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


async def test_the_journal_empty_states_go_once_something_is_tried(make_app: AppFactory) -> None:
    app = make_app(setup=lambda journal: journal.add_tried("compliment-specific"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        for empty_id in ("#entries-empty", "#rhythm-empty", "#balance-empty"):
            assert not _shown(app.screen, empty_id)


async def test_favourites_only_with_none_offers_every_idea(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        assert not _shown(screen, "#favourites-empty")
        screen.query_one("#f-favourites", Checkbox).value = True
        await pilot.pause(0.3)
        assert _shown(screen, "#favourites-empty")
        await pilot.click(screen.query_one("#favourites-empty Button"))
        await pilot.pause(0.3)
        assert not screen.query_one("#f-favourites", Checkbox).value
        assert not _shown(screen, "#favourites-empty")


def _one_result(journal: Journal) -> None:
    journal.update_settings(my_name="Alex", partner_name="Sam")
    journal.add_quiz_result(
        QuizResult(
            id=new_id(),
            who="me",
            mode="classic",
            scores={"words": 9.0, "time": 7.0, "gifts": 3.0, "service": 6.0, "touch": 5.0},
            receive={},
            give={},
            answers={"c01": 1},
            taken="2026-11-20T20:00:00",
        )
    )


async def test_quiz_start_shows_bars_and_compare_offers_the_missing_one(
    make_app: AppFactory,
) -> None:
    app = make_app(setup=_one_result)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        assert not _shown(screen, "#start-empty")
        assert "█" in str(screen.query_one("#start-bars-me").render())
        await pilot.press("c")
        await pilot.pause()
        empty = screen.query_one("#compare-empty", EmptyState)
        assert empty.display and "Sam" in empty.what
        await pilot.click(empty.query_one(Button))
        await pilot.pause()
        assert screen.view == "question" and screen.query_one(StartView).who == "partner"


async def test_quiz_with_no_results_offers_the_quiz(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert _shown(app.screen, "#start-empty")
        assert not app.screen.query_one("#start-profiles").display


async def test_an_empty_partner_list_offers_to_add_to_it(make_app: AppFactory) -> None:
    from micromance_tui.tui.dialogs.important_date import DateDialog

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert _shown(app.screen, "#things-empty") and _shown(app.screen, "#dates-empty")
        button = app.screen.query_one("#dates-empty Button", Button)
        assert str(button.label) == "Add a date (A)"
        await pilot.click(button)
        await pilot.pause()
        assert isinstance(app.screen, DateDialog)
        await pilot.press("escape")
        await pilot.pause()
        # The one key it names works from the screen, wherever the focus is.
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, DateDialog)


async def test_today_puts_its_cards_side_by_side_only_when_wide(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        glance = app.screen.query_one("#glance")
        keep = app.screen.query_one("#today-keep")
        assert glance.region.y == keep.region.y and glance.region.x < keep.region.x
        assert "No quiz profile" in str(app.screen.query_one("#today-profile").render())
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen.query_one("#today-keep").region.y > glance.region.y
