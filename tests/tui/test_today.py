"""Today (home): today's idea, marking it tried, another idea, favourites, the week."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Button, Label

from micromance_tui.core.daily import todays_idea
from micromance_tui.core.journal.records import TriedEntry, limit
from micromance_tui.core.models import Library
from micromance_tui.tui.dialogs.how_today import HowTodayDialog
from micromance_tui.tui.dialogs.tried import TriedDialog
from micromance_tui.tui.screens.today import TodayScreen
from micromance_tui.tui.widgets.field import Field
from tests.tui.conftest import NOW, AppFactory, search_palette, shipped_library


async def _mark_tried(pilot: Pilot[Any]) -> TriedDialog:
    """Press d on Today (once its idea is shown) and return the Mark-as-tried dialog."""
    await pilot.pause()
    await pilot.press("d")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, TriedDialog)
    return dialog


async def test_home_shows_the_same_idea_as_the_cli(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        assert screen.info is not None and screen.info.gesture is not None
        expected = todays_idea(app.library, app.journal, NOW).gesture
        assert screen.info.gesture == expected
        title = str(screen.query_one("#idea").render())
        assert expected is not None and expected.title in title


async def test_mark_tried_with_note_and_reaction(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen) and screen.info and screen.info.gesture
        gid = screen.info.gesture.id
        dialog = await _mark_tried(pilot)
        dialog.query_one("#note", Field).value = "they smiled"
        await pilot.click("#r5")
        await pilot.click("#save")
        await pilot.pause()
        entries = app.journal.tried()
        assert [(e.gesture_id, e.note, e.reaction, e.date) for e in entries] == [
            (gid, "they smiled", 5, date(2026, 11, 25))
        ]
        assert "done today" in str(app.screen.query_one("#idea").render())
        assert "today ●" in str(app.screen.query_one("#glance").render())


async def test_invalid_day_is_refused_under_the_field(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _mark_tried(pilot)
        dialog.query_one("#day", Field).value = "2026-12-31"
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, TriedDialog)
        assert "in the future" in str(dialog.query_one("#day-error").render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.journal.tried() == []


async def test_mark_tried_says_where(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _mark_tried(pilot)
        dialog.query_one("#where", Field).value = "  on the balcony "
        await pilot.click("#save")
        await pilot.pause()
        assert [e.where for e in app.journal.tried()] == ["on the balcony"]


async def test_bad_where_is_refused_under_the_field_and_fits_80x24(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _mark_tried(pilot)
        too_long = limit(TriedEntry, "where") + 1
        dialog.query_one("#where", Field).value = "x" * too_long
        await pilot.pause()  # checked as it is typed, before saving
        message = str(dialog.query_one("#where-error", Label).render())
        assert message == f"Where is {too_long} characters; at most {too_long - 1}."
        # every line under a field showing at once still leaves Save on the screen
        dialog.query_one("#note", Field).value = "\x07"
        dialog.query_one("#day", Field).value = "2026-12-31"
        await pilot.pause()
        save = dialog.query_one("#save", Button).region
        assert save.height and save.bottom <= 24, save
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, TriedDialog) and app.focused is dialog.query_one("#note")
        dialog.query_one("#note", Field).value = ""
        dialog.query_one("#day", Field).value = "2026-11-25"
        dialog.query_one("#where", Field).value = "a\x1bb"
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
        assert "control" in str(dialog.query_one("#where-error", Label).render())
        assert app.focused is dialog.query_one("#where")
        assert app.journal.tried() == []


async def test_another_changes_the_idea_and_sticks(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen) and screen.info
        first = screen.info.gesture
        await pilot.press("n")
        await pilot.pause()
        second = screen.info.gesture
        assert second is not None and second != first
    # The CLI and a restarted app now agree on the new idea.
    assert todays_idea(app.library, app.journal, NOW).gesture == second


async def test_favourite_toggles(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen) and screen.info and screen.info.gesture
        await pilot.press("s")
        await pilot.pause()
        assert app.journal.favourites() == {screen.info.gesture.id}
        assert "♥" in str(screen.query_one("#idea").render())


async def test_spread_counts_the_last_30_days(make_app: AppFactory) -> None:
    def setup(journal) -> None:  # type: ignore[no-untyped-def]
        journal.add_tried("hug-after-long-day", on=date(2026, 11, 20))
        journal.add_tried("back-rub-after-stress", on=date(2026, 11, 24))
        journal.add_tried("good-morning-text", on=date(2026, 9, 1))  # outside 30 days

    app = make_app(setup=setup)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        spread = str(app.screen.query_one("#glance").render())
        touch_line = next(line for line in spread.splitlines() if "Physical touch" in line)
        words_line = next(line for line in spread.splitlines() if "Words" in line)
        assert touch_line.rstrip().endswith(" 2")
        assert words_line.rstrip().endswith(" 0")


async def test_every_screen_opens_by_key_and_palette(make_app: AppFactory) -> None:
    from micromance_tui.tui.screen_table import SCREENS

    app = make_app(now=datetime(2026, 11, 25, 20, 0))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await search_palette(pilot, "browse")
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "browse"
        for mode, (_, key, _, _) in SCREENS.items():
            await pilot.press(key)
            await pilot.pause()
            assert app.current_mode == mode, key


async def test_screen_keys_work_from_the_browse_list(make_app: AppFactory) -> None:
    """The list keeps its arrow keys; letters still reach the app (j is Journal)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("down", "j")
        await pilot.pause()
        assert app.current_mode == "journal"


async def click_another_then_done(
    pilot: Pilot[Any], click: Callable[[str], Awaitable[object]]
) -> None:
    """`click(label)` clicks the label "Another" or "Done it" wherever a test shows them:
    another idea replaces today's, then the dialog for marking it tried opens."""
    screen = pilot.app.screen
    assert isinstance(screen, TodayScreen) and screen.info and screen.info.gesture
    first = screen.info.gesture.id
    await click("Another")
    await pilot.pause()
    assert screen.info.gesture.id != first
    await click("Done it")
    await pilot.pause()
    assert isinstance(pilot.app.screen, TriedDialog)


async def test_actions_work_with_the_mouse(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        card = app.screen.query_one("#idea")

        def click(label: str) -> Awaitable[object]:
            # The actions are among the card's last lines, inside its border and padding;
            # counted from the bottom, as a long line above them may wrap.
            lines = str(card.render()).splitlines()
            row = next(n for n, line in enumerate(lines) if label in line)
            y = card.size.height - (len(lines) - 1 - row)
            return pilot.click("#idea", offset=(lines[row].index(label) + 2, y))

        await click("Turn apart mode on")
        await pilot.pause()
        assert app.journal.settings().apart is True
        await click("How is today?")
        await pilot.pause()
        assert isinstance(app.screen, HowTodayDialog)
        await pilot.press("escape")
        await pilot.pause()
        await click_another_then_done(pilot, click)


async def test_changes_from_the_shell_show_when_switching_screens(make_app: AppFactory) -> None:
    from micromance_tui.core.clock import fixed_clock
    from micromance_tui.core.journal import Journal

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        # Another process (the CLI) logs an idea while the app is open.
        other = Journal.open(app.journal.path, clock=fixed_clock(NOW))
        other.add_tried("hug-after-long-day", on=date(2026, 11, 25))
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert "today ●" in str(app.screen.query_one("#glance").render())


async def test_an_empty_library_says_so_and_keys_do_nothing(make_app: AppFactory) -> None:
    shipped = shipped_library()
    empty = Library(shipped.languages, (), shipped.faq, shipped.guides, shipped.quiz)
    app = make_app(library=empty)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        assert "No ideas to choose from." in str(screen.query_one("#idea").render())
        await pilot.press("d", "s", "o")
        await pilot.pause()
        assert app.screen is screen
        assert app.journal.tried() == [] and not app.journal.favourites()
