"""Snapshots of Ask (a question, a favourite, one asked) and the weekly check-in, 80x24."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from micromance_tui.core import paths as paths_mod
from micromance_tui.core.content import load_library
from micromance_tui.core.models import Guide, Library
from micromance_tui.tui.screens import checkin
from tests.contentkit import make_content
from tests.tui.conftest import AppFactory, shipped_library


@pytest.fixture
def library(tmp_path: Path) -> Library:
    content = make_content(tmp_path / "content", prompts_per_deck=3)
    paths = paths_mod.resolve(cache_dir=tmp_path / "cache", content_dir=content)
    shipped = shipped_library()
    # the check-in's guide, the same before and after the shipped one is written
    guide = Guide("the-weekly-check-in", "The weekly check-in", "Twenty minutes.", "Body.")
    guides = (*(g for g in shipped.guides if g.id != guide.id), guide)
    return Library(
        shipped.languages,
        shipped.gestures,
        shipped.faq,
        guides,
        shipped.quiz,
        prompts=load_library(paths, use_cache=False).library.prompts,
    )


async def _ask_and_favourite(pilot: Pilot[Any]) -> None:
    await pilot.press("k")
    await pilot.pause()
    await pilot.press("d", "s")
    await pilot.pause()
    pilot.app.clear_notifications()
    await pilot.pause()


def test_ask_80x24(snap_compare: Any, make_app: AppFactory, library: Library) -> None:
    assert snap_compare(
        make_app(library=library), run_before=_ask_and_favourite, terminal_size=(80, 24)
    )


async def _checkin_step_two(pilot: Pilot[Any]) -> None:
    await pilot.press("k", "c")
    await pilot.pause()
    await pilot.press("ctrl+n")
    await pilot.pause()


def test_checkin_80x24(
    snap_compare: Any, make_app: AppFactory, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checkin, "seconds", lambda: 1000.0)  # the timer stays at 0:00
    assert snap_compare(
        make_app(library=library), run_before=_checkin_step_two, terminal_size=(80, 24)
    )
