"""Snapshots of Browse at 80x24 and 120x36 (the detail beside the list), and a search
with the partner's order on."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.pilot import Pilot

from micromance_tui.core.journal import Journal, QuizResult
from micromance_tui.tui.screens.browse import BrowseScreen
from micromance_tui.tui.widgets.field import Field
from tests.tui.conftest import AppFactory
from tests.tui.test_browse import settle


def _marks(journal: Journal) -> None:
    journal.add_tried("back-rub-after-stress", on=date(2026, 11, 23), reaction=5)
    journal.set_favourite("birthday-reasons-list", True)
    journal.set_favourite("back-rub-after-stress", True)


def _partner(journal: Journal) -> None:
    _marks(journal)
    journal.set_partner_name("Sam")
    journal.add_quiz_result(
        QuizResult(
            id="profile-1",
            who="partner",
            mode="classic",
            scores={"words": 3, "service": 2, "gifts": 1, "time": 8, "touch": 4},
            receive={},
            give={},
            answers={"c01": 1},
            taken="2026-11-01T10:00:00",
        )
    )


async def _open(pilot: Pilot[Any], *keys: str) -> BrowseScreen:
    await pilot.press("b")
    screen = pilot.app.screen
    assert isinstance(screen, BrowseScreen)
    await settle(pilot, screen)
    if keys:
        await pilot.press(*keys)
        await settle(pilot, screen)
    return screen


def test_browse_80x24(snap_compare: Any, make_app: AppFactory) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await _open(pilot, "down")

    assert snap_compare(make_app(setup=_marks), run_before=run_before, terminal_size=(80, 24))


def test_browse_120x36_with_detail(snap_compare: Any, make_app: AppFactory) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await _open(pilot, "down", "down")

    assert snap_compare(make_app(setup=_marks), run_before=run_before, terminal_size=(120, 36))


def test_browse_search_for_partner_80x24(snap_compare: Any, make_app: AppFactory) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        screen = await _open(pilot, "v")
        screen.query_one("#search", Field).value = "hand"
        await settle(pilot, screen)

    app = make_app(setup=_partner)
    assert snap_compare(app, run_before=run_before, terminal_size=(80, 24))
