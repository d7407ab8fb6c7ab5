"""Partner: their name, the little things, important dates, and the reminder on Today."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.widgets import Checkbox, Input, Label, OptionList

from micromance_tui.core.daily import todays_idea
from micromance_tui.core.journal import Journal
from micromance_tui.tui.dialogs.confirm import ConfirmDialog
from micromance_tui.tui.dialogs.important_date import DateDialog
from micromance_tui.tui.dialogs.little_thing import LittleThingDialog
from micromance_tui.tui.screens.partner import PartnerScreen
from micromance_tui.tui.screens.today import TodayScreen
from micromance_tui.tui.widgets.field import Field
from tests.tui.conftest import NOW, AppFactory


async def _open(pilot: Any) -> PartnerScreen:
    await pilot.press("p")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, PartnerScreen)
    return screen


def _prompts(screen: PartnerScreen, list_id: str) -> list[str]:
    listing = screen.query_one(f"#{list_id}", OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def test_name_is_saved_on_enter_and_checked(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot)
        await pilot.press("n", *"Sam", "enter")
        await pilot.pause()
        assert app.journal.partner().name == "Sam"
        # Too long: a message under the field, nothing saved.
        name = screen.query_one("#name", Input)
        name.value = "x" * 41
        await pilot.pause()
        error = screen.query_one("#name-error", Label)
        assert error.display and "at most 40" in str(error.render())
        await pilot.press("n", "enter")
        await pilot.pause()
        assert app.journal.partner().name == "Sam"


async def test_name_typed_is_kept_when_the_screen_is_left(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        await pilot.press("n", *"Alex")
        await pilot.press("escape")  # back to the lists, no enter
        await pilot.press("t")
        await pilot.pause()
        assert app.journal.partner().name == "Alex"


async def test_add_edit_and_remove_a_little_thing(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot)
        # Empty: no placeholder row in the list, only the empty state that offers its key.
        assert _prompts(screen, "things") == []
        assert screen.query_one("#things-empty").display
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, LittleThingDialog)
        await pilot.press(*"Coffee order", "enter", *"oat flat white", "enter")
        await pilot.pause()
        (thing,) = app.journal.partner().little_things
        assert (thing.label, thing.text) == ("Coffee order", "oat flat white")
        assert _prompts(screen, "things") == ["[b]Coffee order[/b]: oat flat white"]
        # Edit it.
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, LittleThingDialog)
        assert dialog.query_one("#thing-text", Field).value == "oat flat white"
        dialog.query_one("#thing-text", Field).value = "oat flat white, no sugar"
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
        assert app.journal.partner().little_things[0].text == "oat flat white, no sugar"
        assert app.journal.partner().little_things[0].id == thing.id
        # A second one is added below, and the cursor goes to it.
        await pilot.press("a", *"Sizes", "enter", *"M", "enter")
        await pilot.pause()
        things = screen.query_one("#things", OptionList)
        assert things.highlighted == 1
        assert things.get_option_at_index(1).id == app.journal.partner().little_things[1].id
        await pilot.press("up")
        # Remove the first, after a yes.
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert [t.label for t in app.journal.partner().little_things] == ["Sizes"]


async def test_little_thing_needs_a_label_and_a_note(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, LittleThingDialog)
        dialog.query_one("#thing-text", Field).value = "size M"
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
        assert app.screen is dialog
        assert "cannot be empty" in str(dialog.query_one("#thing-label-error", Label).render())
        # Spaces only is still empty.
        dialog.query_one("#thing-label", Field).value = "   "
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
        assert app.screen is dialog
        assert app.journal.partner().little_things == ()
        # What was typed is still there; fixing the label saves it.
        assert dialog.query_one("#thing-text", Field).value == "size M"
        dialog.query_one("#thing-label", Field).value = "Sizes"
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
        assert [t.label for t in app.journal.partner().little_things] == ["Sizes"]


async def test_birthday_six_days_away_shows_on_today(make_app: AppFactory) -> None:
    app = make_app(setup=lambda j: j.set_partner_name("Sam"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot)
        await pilot.press("tab")  # from the little things to the dates
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, DateDialog)
        assert dialog.query_one("#date-label", Field).value == "Birthday"
        dialog.query_one("#date-day", Field).value = "1990-12-01"  # NOW is 25 Nov 2026
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
        (item,) = app.journal.partner().dates
        assert (item.kind, item.label, item.date, item.yearly) == (
            "birthday",
            "Birthday",
            date(1990, 12, 1),
            True,
        )
        assert _prompts(screen, "dates") == ["Birthday · 1 Dec, every year · in 6 days"]
        # Today shows it, and so does today's idea for the CLI.
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        upcoming = str(app.screen.query_one("#glance").render())
        assert "Sam's birthday is in 6 days" in upcoming
        info = todays_idea(app.library, app.journal, NOW)
        assert [(d.label, days) for d, days in info.upcoming] == [("Birthday", 6)]


async def test_today_updates_when_a_date_changes(make_app: AppFactory) -> None:
    """Today is built first; editing a date on Partner refreshes it through the signal."""

    def setup(journal: Journal) -> None:
        journal.add_date("anniversary", "Our anniversary", date(2019, 3, 2))

    app = make_app(setup=setup)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()  # the cards below today's idea come just after the first frame
        today = app.screen
        assert isinstance(today, TodayScreen)
        assert "No important dates" in str(today.query_one("#glance").render())
        screen = await _open(pilot)
        await pilot.press("tab", "e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, DateDialog)
        assert dialog.query_one("#date-label", Field).value == "Our anniversary"
        dialog.query_one("#date-day", Field).value = "2019-12-04"
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
        assert _prompts(screen, "dates") == ["Our anniversary · 4 Dec, every year · in 9 days"]
        assert "Our anniversary is in 9 days" in str(today.query_one("#glance").render())


async def test_invalid_dates_show_a_message_and_save_nothing(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot)
        screen.query_one("#dates", OptionList).focus()
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, DateDialog)
        day = dialog.query_one("#date-day", Field)
        error = dialog.query_one("#date-day-error", Label)
        for value, message in [
            ("", "Enter a date"),
            ("2026-02-30", "is not a date"),
            ("1 Dec", "is not a date"),
            ("1850-01-01", "from 1900 on"),
        ]:
            day.value = value
            await pilot.pause()
            await pilot.click("#save")
            await pilot.pause()
            assert app.screen is dialog, value
            assert message in str(error.render()), value
        dialog.query_one("#date-label", Field).value = ""
        day.value = "2026-12-24"
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
        assert app.screen is dialog
        assert "cannot be empty" in str(dialog.query_one("#date-label-error", Label).render())
        assert app.journal.partner().dates == ()
        # A one-off custom date.
        await pilot.click("#custom")
        dialog.query_one("#date-label", Field).value = "Concert"
        dialog.query_one("#date-yearly", Checkbox).value = False
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
        (item,) = app.journal.partner().dates
        assert (item.kind, item.label, item.yearly) == ("custom", "Concert", False)
        assert _prompts(screen, "dates") == ["Concert · 24 Dec 2026 · in 29 days"]


async def test_dates_sorted_soonest_first_and_removed(make_app: AppFactory) -> None:
    def setup(journal: Journal) -> None:
        journal.add_date("custom", "Trip", date(2026, 1, 10), yearly=False)  # passed
        journal.add_date("anniversary", "Anniversary", date(2020, 2, 14))
        journal.add_date("birthday", "Birthday", date(1990, 11, 25))  # today

    app = make_app(setup=setup)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot)
        assert _prompts(screen, "dates") == [
            "Birthday · 25 Nov, every year · today",
            "Anniversary · 14 Feb, every year · in 81 days",
            "Trip · 10 Jan 2026 · passed",
        ]
        screen.query_one("#dates", OptionList).focus()
        await pilot.press("end", "d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert [d.label for d in app.journal.partner().dates] == ["Anniversary", "Birthday"]


async def test_partner_screen_keeps_everything_after_a_restart(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        await pilot.press("n", *"Sam", "enter", "a")
        await pilot.pause()
        await pilot.press(*"On a bad day", "enter", *"tea and quiet", "enter")
        await pilot.pause()
    app.journal.close()
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot)
        assert screen.query_one("#name", Input).value == "Sam"
        assert _prompts(screen, "things") == ["[b]On a bad day[/b]: tea and quiet"]
