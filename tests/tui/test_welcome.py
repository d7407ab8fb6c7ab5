"""The first-run welcome: shown once on a blank journal, every step skippable, its answers
kept in the journal's settings, and never shown again once done or skipped."""

from __future__ import annotations

from textual.widgets import Input, RadioButton

from micromance_tui.core.journal import Journal
from micromance_tui.tui.dialogs.welcome import WelcomeDialog
from micromance_tui.tui.screens.quiz import QuizScreen
from micromance_tui.tui.screens.today import TodayScreen
from tests.tui.conftest import AppFactory


async def test_the_welcome_keeps_its_answers_and_goes_where_chosen(make_app: AppFactory) -> None:
    app = make_app(welcome=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, WelcomeDialog)
        dialog.query_one("#my-name", Input).value = "Alex"
        dialog.query_one("#partner-name", Input).value = "Sam"
        dialog.action_next()
        await pilot.pause()
        dialog.query_one("#she", RadioButton).value = True  # a choice moves on at once
        await pilot.pause()
        dialog.query_one("#apart-yes", RadioButton).value = True
        await pilot.pause()
        dialog.query_one("#go-quiz", RadioButton).value = True
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
    settings = app.journal.settings()
    assert (settings.my_name, settings.partner_name) == ("Alex", "Sam")
    assert (settings.pronoun, settings.apart, settings.welcomed) == ("she", True, True)


async def test_skipping_changes_nothing_and_the_welcome_never_returns(
    make_app: AppFactory,
) -> None:
    app = make_app(welcome=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeDialog)
        await pilot.press("ctrl+n")  # skip the names
        await pilot.press("escape")  # skip the rest
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    settings = app.journal.settings()
    assert settings.welcomed and settings.my_name == "" and settings.pronoun == "they"
    again = make_app(welcome=True)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, TodayScreen)


async def test_a_journal_in_use_is_not_welcomed(make_app: AppFactory) -> None:
    def used(journal: Journal) -> None:
        journal.add_tried("compliment-specific")

    app = make_app(welcome=True, setup=used)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


async def test_a_name_with_a_problem_stays_on_its_step(make_app: AppFactory) -> None:
    app = make_app(welcome=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, WelcomeDialog)
        dialog.query_one("#my-name", Input).value = "x" * 500
        dialog.action_next()
        await pilot.pause()
        assert dialog.step == 0
        assert app.journal.settings().my_name == ""


async def test_the_pronoun_can_be_changed_on_the_partner_screen(make_app: AppFactory) -> None:
    from textual.widgets import Select

    app = make_app(setup=lambda journal: journal.update_settings(pronoun="he"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        select = app.screen.query_one("#pronoun", Select)
        assert select.value == "he"
        select.value = "they"
        await pilot.pause()
    assert app.journal.settings().pronoun == "they"
