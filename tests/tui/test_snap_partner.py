"""Snapshots of Partner at 80x24: empty, and with a name, little things and dates."""

from __future__ import annotations

from datetime import date
from typing import Any

from micromance_tui.core.journal import Journal
from tests.tui.conftest import AppFactory


def _profile(journal: Journal) -> None:
    journal.set_partner_name("Sam")
    journal.add_little_thing("Coffee order", "oat flat white, no sugar")
    journal.add_little_thing("Favourite snack", "salted almonds, the smoked ones")
    journal.add_little_thing("Sizes", "shoes 39, rings M")
    journal.add_little_thing("On a bad day", "tea, a blanket and no questions for an hour")
    journal.add_date("birthday", "Birthday", date(1990, 12, 1))
    journal.add_date("anniversary", "Anniversary", date(2019, 3, 2))
    journal.add_date("custom", "Concert", date(2026, 12, 24), yearly=False)


def test_partner_80x24(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(setup=_profile), press=["p"], terminal_size=(80, 24))


def test_partner_empty_80x24(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), press=["p"], terminal_size=(80, 24))


def test_partner_date_dialog_80x24(snap_compare: Any, make_app: AppFactory) -> None:
    app = make_app(setup=_profile)
    assert snap_compare(app, press=["p", "tab", "e"], terminal_size=(80, 24))
