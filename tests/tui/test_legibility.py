"""Every screen and the main dialogs, in every built-in theme the palette offers, are
readable: each text glyph at 3:1 against its cell's background, body text at 4.5:1
(see tests/tui/legibility.py for how glyphs are read and which text is body text).

Each scenario starts the app fresh in the default theme (the path where Today's idea was
once drawn in the background's colour until a resize), then switches through every other
theme as the palette's "Theme" command does. A fresh start in textual-light and the
default theme at 120x36 are checked as well.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from textual.pilot import Pilot

from micromance_tui.core.journal import Journal, QuizResult
from micromance_tui.tui.app import MicromanceApp
from micromance_tui.tui.dialogs.confirm import ConfirmDialog
from micromance_tui.tui.dialogs.export import ExportDialog
from micromance_tui.tui.dialogs.important_date import DateDialog
from micromance_tui.tui.dialogs.leave_quiz import LeaveQuizDialog
from micromance_tui.tui.dialogs.little_thing import LittleThingDialog
from micromance_tui.tui.dialogs.names import NamesDialog
from micromance_tui.tui.screen_table import SCREENS as APP_SCREENS
from tests.tui.conftest import AppFactory
from tests.tui.legibility import Glyph, glyphs, measurable_themes, report

TODAY = date(2026, 11, 25)
Open = Callable[[Pilot[Any]], Awaitable[None]]


def history(journal: Journal) -> None:
    """Enough of everything that every list, bar and note has something to draw."""
    journal.update_settings(my_name="Alex", partner_name="Sam")
    for gesture_id, days_ago, note, reaction in [
        ("hug-after-long-day", 0, "long day, long hug", 5),
        ("good-morning-text", 2, "sent before the train", None),
        ("hug-after-long-day", 9, "", 3),
    ]:
        journal.add_tried(
            gesture_id, on=TODAY - timedelta(days=days_ago), note=note, reaction=reaction
        )
    journal.toggle_favourite("good-morning-text")
    journal.add_little_thing("Coffee order", "oat flat white, no sugar")
    journal.add_date("birthday", "Birthday", date(1990, 12, 1))
    journal.add_quiz_result(
        QuizResult(
            id="partner-1",
            who="partner",
            mode="classic",
            scores={"words": 9, "service": 6, "gifts": 3, "time": 7, "touch": 5},
            receive={},
            give={},
            answers={},
            taken=datetime(2026, 11, 1, 10, 0).isoformat(),
        )
    )


def mode(name: str) -> Open:
    async def go(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, MicromanceApp)
        if app.current_mode != name:
            await app.switch_mode(name)
        await pilot.pause()

    return go


def then(first: Open, make: Callable[[MicromanceApp], object]) -> Open:
    """Open a screen, then whatever `make` shows on top of it (a dialog, a page)."""

    async def go(pilot: Pilot[Any]) -> None:
        await first(pilot)
        app = pilot.app
        assert isinstance(app, MicromanceApp)
        shown = make(app)
        if isinstance(shown, Awaitable):
            await shown
        await pilot.pause()
        await pilot.pause()

    return go


SCREENS: dict[str, Open] = {
    # every top-level screen of the app's own table, so a new one is checked too
    **{name: mode(name) for name in APP_SCREENS},
    "idea-page": then(mode("today"), lambda app: app.open_gesture("hug-after-long-day")),
    "checkin": then(mode("ask"), lambda app: app.open_checkin()),
    "together": then(mode("today"), lambda app: app.action_together()),
    # typing a search: the list's cursor is drawn blurred, in a translucent colour
    "browse-searching": then(mode("browse"), lambda app: app.screen.query_one("#search").focus()),
}
DIALOGS: dict[str, Open] = {
    "mark-as-tried": then(mode("today"), lambda app: app.mark_tried("hug-after-long-day")),
    "edit-entry": then(mode("journal"), lambda app: app.screen.run_action("edit")),
    "export": then(
        mode("journal"), lambda app: app.push_screen(ExportDialog("/tmp/x.json", entries=3))
    ),
    "confirm": then(
        mode("journal"),
        lambda app: app.push_screen(ConfirmDialog("Delete this entry?", "a hug", yes="Delete")),
    ),
    "partner-date": then(mode("partner"), lambda app: app.push_screen(DateDialog())),
    "partner-little-thing": then(
        mode("partner"), lambda app: app.push_screen(LittleThingDialog("Coffee", "oat"))
    ),
    "names": then(mode("quiz"), lambda app: app.push_screen(NamesDialog("Alex", "Sam"))),
    "leave-quiz": then(mode("quiz"), lambda app: app.push_screen(LeaveQuizDialog(3, 12))),
}
EVERYTHING = {**SCREENS, **DIALOGS}


def _faint(app: MicromanceApp) -> tuple[list[Glyph], float]:
    found = glyphs(app)
    assert found, "nothing was drawn"
    return [g for g in found if g.ratio < g.minimum], min(g.ratio for g in found)


async def _check(
    make_app: AppFactory, name: str, theme: str, size: tuple[int, int], every_theme: bool
) -> dict[str, float]:
    """The worst ratio measured in each theme; fails with every faint run found."""
    app = make_app(setup=history, theme=theme)
    problems: list[str] = []
    worst: dict[str, float] = {}
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await EVERYTHING[name](pilot)
        themes = [theme]
        if every_theme:
            themes += [t for t in measurable_themes(app) if t != theme]
        for current in themes:
            if app.theme != current:
                app.theme = current
                await pilot.pause()
            faint, worst[current] = _faint(app)
            if faint:
                problems.append(f"{name} in {current} at {size}:\n{report(faint)}")
    assert not problems, "\n".join(problems)
    return worst


@pytest.mark.slow  # 18 scenarios x 19 themes: a few minutes on two cores
@pytest.mark.parametrize("name", list(EVERYTHING))
async def test_readable_in_every_theme(make_app: AppFactory, name: str) -> None:
    await _check(make_app, name, "textual-dark", (80, 24), every_theme=True)


@pytest.mark.parametrize("name", list(EVERYTHING))
async def test_readable_from_a_light_start(make_app: AppFactory, name: str) -> None:
    await _check(make_app, name, "textual-light", (80, 24), every_theme=False)


@pytest.mark.parametrize("name", list(EVERYTHING))
async def test_readable_at_120x36(make_app: AppFactory, name: str) -> None:
    await _check(make_app, name, "textual-dark", (120, 36), every_theme=False)


async def test_the_check_sees_text_drawn_in_the_background_colour(make_app: AppFactory) -> None:
    """The measure itself: a label drawn in its own background's colour is caught."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        card = app.screen.query_one("#idea")
        card.styles.color = card.styles.background
        await pilot.pause()
        faint, worst = _faint(app)
        assert worst < 1.01
        assert any(g.widget.startswith("IdeaCard") for g in faint)
