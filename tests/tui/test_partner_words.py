"""The pronoun chosen for the partner (welcome or Partner screen) is the one the app uses
when it speaks about them, and the Partner screen changes everything the welcome asks."""

from __future__ import annotations

from textual.widgets import Input, Label, Select, Static

from micromance_tui.core.journal import Journal
from micromance_tui.tui.screens.partner import PartnerScreen
from tests.tui.conftest import AppFactory


def _sam(journal: Journal) -> None:
    journal.update_settings(partner_name="Sam", pronoun="he")


async def test_choosing_she_changes_what_today_and_partner_say(make_app: AppFactory) -> None:
    app = make_app(setup=_sam)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        profile = app.screen.query_one("#today-profile", Static)
        assert str(profile.render()).endswith("what means most to him.")
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PartnerScreen)
        # Opening the screen keeps the pronoun chosen (its list starts on the one kept).
        assert app.journal.settings().pronoun == "he"
        assert str(screen.query_one("#name-label", Label).render()) == "His name"
        screen.query_one("#pronoun", Select).value = "she"
        await pilot.pause()
        assert app.journal.settings().pronoun == "she"
        assert str(screen.query_one("#name-label", Label).render()) == "Her name"
        await pilot.press("t")
        await pilot.pause()
        profile = app.screen.query_one("#today-profile", Static)
        assert str(profile.render()).endswith("what means most to her.")


async def test_the_partner_screen_changes_your_own_name(make_app: AppFactory) -> None:
    app = make_app(setup=_sam)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("y", *"Alex", "enter")
        await pilot.pause()
        assert app.journal.settings().my_name == "Alex"
        assert app.journal.settings().partner_name == "Sam"
        # Checked like the partner's: too long is a message under the fields, not saved.
        app.screen.query_one("#my-name", Input).value = "x" * 41
        await pilot.pause()
        error = app.screen.query_one("#name-error", Label)
        assert error.display and str(error.render()).startswith("Your name")
        await pilot.press("escape", "t")
        await pilot.pause()
        assert app.journal.settings().my_name == "Alex"


async def test_quiz_and_together_speak_of_her_once_she_is_chosen(make_app: AppFactory) -> None:
    app = make_app(setup=lambda journal: journal.update_settings(pronoun="she"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        bars = app.screen.query_one("#start-bars-partner", Static)
        assert str(bars.render()) == "No result yet: choose her with w, then 1 or 2."
        await pilot.press("i")
        await pilot.pause()
        status = str(app.screen.query_one("#together-status", Static).render())
        assert "what comes from her," in status
        assert "them" not in status
