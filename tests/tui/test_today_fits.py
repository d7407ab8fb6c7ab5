"""Today fits the day: how is today (h), apart mode from Today (a), the Partner screen (m)
and the palette, and what the card says about them."""

from __future__ import annotations

from textual.widgets import Checkbox, RadioSet

from micromance_tui.tui.dialogs.how_today import HowTodayDialog
from micromance_tui.tui.screens.today import TodayScreen
from tests.tui.conftest import NOW, AppFactory, search_palette


def card_text(app: object) -> str:
    screen = app.screen  # type: ignore[attr-defined]
    return str(screen.query_one("#idea").render())


async def test_how_is_today_changes_the_idea_for_today(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Today: an ordinary day" in card_text(app)
        await pilot.press("h")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, HowTodayDialog)
        assert dialog.query_one("#mood", RadioSet).pressed_button.id == "ordinary"  # type: ignore[union-attr]
        dialog.query_one("#day-off", Checkbox).value = True
        await pilot.press("2")  # a hard day for them: chosen and kept at once
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert app.journal.said_today(NOW.date()) == ("hard-day", True)
        info = app.screen.info
        assert info is not None and info.gesture is not None
        assert {"tough-times", "after-hard-day"} & set(info.gesture.moments)
        text = card_text(app)
        assert "Today: a hard day for them, a day off" in text
        assert "you said today is a hard day for them" in text


async def test_how_is_today_cancelled_changes_nothing(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        before = app.screen.info.gesture  # type: ignore[attr-defined]
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.journal.said_today(NOW.date()) == ("ordinary", False)
        assert app.screen.info.gesture == before  # type: ignore[attr-defined]


async def test_apart_mode_from_today(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Turn apart mode on (a)" in card_text(app)
        await pilot.press("a")
        await pilot.pause()
        assert app.journal.settings().apart is True
        info = app.screen.info  # type: ignore[attr-defined]
        assert {"apart", "apart-only"} & set(info.gesture.moments)
        text = card_text(app)
        assert "Today: Apart mode is on" in text and "Turn apart mode off (a)" in text
        assert "it works at a distance" in text
        await pilot.press("a")
        await pilot.pause()
        assert app.journal.settings().apart is False
        assert "Apart mode is on" not in card_text(app)


async def test_apart_mode_from_the_partner_screen(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        box = app.screen.query_one("#apart", Checkbox)
        assert box.value is False
        await pilot.press("m")
        await pilot.pause()
        assert app.journal.settings().apart is True and box.value is True
        await pilot.click("#apart")
        await pilot.pause()
        assert app.journal.settings().apart is False and box.value is False
        await pilot.press("t")
        await pilot.pause()
        assert "Apart mode is on" not in card_text(app)


async def test_apart_mode_and_how_is_today_from_the_palette(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await search_palette(pilot, "apart mode")
        await pilot.press("enter")
        await pilot.pause()
        assert app.journal.settings().apart is True
        await search_palette(pilot, "how is today")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HowTodayDialog)
