"""Snapshots of Together: the screen paired (with what Sam shared) and not paired, and Today
with a "from Sam" card. Fixed clock, fixed ids (so the daily question and the order of
same-minute events never change) and the shared folder under a fixed home ("~/shared")."""

from __future__ import annotations

import itertools
import json
import secrets
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from micromance_tui.core import paths as paths_mod
from micromance_tui.core.clock import fixed_clock
from micromance_tui.core.journal import Journal
from micromance_tui.tui.app import MicromanceApp
from tests.tui.conftest import NOW, shipped_library
from tests.tui.test_together import GESTURE, Pair, _settle


@pytest.fixture
def couple(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Pair:
    """Alex and Sam paired; Sam did two things for Alex, sent an appreciation, shared a
    little thing and answered today's question; Alex said how the hug landed."""
    counter = itertools.count(1)
    monkeypatch.setattr(secrets, "token_hex", lambda n=32: f"{next(counter):0{2 * n}x}")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("MICROMANCE_NOW", NOW.isoformat())
    p = Pair(tmp_path, capsys)
    out = p.cli("alex", "together", "init", str(p.shared), "--name", "Alex", "--json")
    p.cli("sam", "together", "join", str(p.shared), json.loads(out)["code"], "--name", "Sam")
    p.cli("sam", "tried", "hug-after-long-day", "--date", "2026-11-23")
    p.cli("sam", "tried", GESTURE)
    p.cli("sam", "appreciate", "You remembered my train was late and had tea ready")
    p.cli("sam", "together", "about", "Coffee", "oat flat white, no sugar")
    p.cli("sam", "question", "--answer", "The walk by the canal in October")
    hug = next(e for e in json.loads(p.cli("alex", "inbox", "--json")) if e["kind"] == "tried")
    p.cli("alex", "react", hug["id"], "5")
    return p


def _app(root: Path, who: str) -> MicromanceApp:
    paths = paths_mod.resolve(data_dir=root / who)
    clock = fixed_clock(NOW)
    journal = Journal.open(paths.journal_file, clock=clock)
    return MicromanceApp(
        shipped_library(),
        journal,
        clock=clock,
        paths=paths,
        theme="textual-dark",
        cursor_blink=False,
        welcome=False,
    )


def _read_then(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, MicromanceApp)
        await _settle(app, pilot)
        if keys:
            await pilot.press(*keys)
            await _settle(app, pilot)

    return run_before


def test_together_paired_80x24(snap_compare: Any, couple: Pair) -> None:
    app = _app(couple.root, "alex")
    assert snap_compare(app, run_before=_read_then("i"), terminal_size=(80, 24))


def test_together_not_paired_80x24(snap_compare: Any, tmp_path: Path) -> None:
    app = _app(tmp_path, "solo")
    assert snap_compare(app, run_before=_read_then("i"), terminal_size=(80, 24))


def test_today_from_sam_80x30(snap_compare: Any, couple: Pair) -> None:
    app = _app(couple.root, "alex")
    assert snap_compare(app, run_before=_read_then(), terminal_size=(80, 30))
