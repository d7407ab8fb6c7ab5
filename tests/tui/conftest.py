"""Fixtures for Pilot and snapshot tests: a fixed clock, a temp journal, the dark theme,
no cursor blink. Build apps with `make_app`; use `shipped` for the real content."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import pytest
from textual.app import App
from textual.screen import Screen
from textual.widgets import Button

from micromance_tui.core import paths as paths_mod
from micromance_tui.core.clock import fixed_clock
from micromance_tui.core.content import load_library
from micromance_tui.core.journal import Journal
from micromance_tui.core.models import Library
from micromance_tui.tui.app import MicromanceApp

#: Wednesday 25 November 2026, 9:30 in the morning
NOW = datetime(2026, 11, 25, 9, 30)

_SHIPPED: Library | None = None


def shipped_library() -> Library:
    global _SHIPPED
    if _SHIPPED is None:
        _SHIPPED = load_library(paths_mod.resolve(), use_cache=False).library
    return _SHIPPED


AppFactory = Callable[..., MicromanceApp]

ScreenT = TypeVar("ScreenT", bound=Screen[Any])


def screen_as(app: App[Any], kind: type[ScreenT]) -> ScreenT:
    """The app's current screen, checked to be a `kind`, for a test that comes back to it
    after other screens. A local set from `app.screen` keeps mypy's declared type
    `Screen[object]`: comparing it with `app.screen` later widens it back to that (mypy 1.20's
    identity narrowing, python/mypy#21181), and narrowing `app.screen` itself sticks past the
    key presses that change the screen (python/mypy#11969)."""
    screen = app.screen
    assert isinstance(screen, kind), f"the screen is {type(screen).__name__}, not {kind.__name__}"
    return screen


def unwrapped(message: str) -> str:
    """A notification as written, before the app wrapped it to the toast's width (a break
    after a path separator joins up; any other break was a space)."""
    return re.sub(r"(?<=[/\\])\n", "", message).replace("\n", " ")


@pytest.fixture(autouse=True)
def no_button_press_effect(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Button ignores a click that comes within 0.2 s of its previous press (while it
    shows the press effect). Tests click far faster than a person, so a second click on
    Save sometimes went nowhere, depending on machine load. Without the effect, every
    click a test makes lands."""
    monkeypatch.setattr(Button, "_start_active_affect", lambda self: None)


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "journal.json"


@pytest.fixture
def make_app(journal_path: Path) -> AppFactory:
    """make_app(library=None, now=NOW, theme="textual-dark", welcome=False) -> a
    MicromanceApp (offering the first-run welcome only when asked) on a temp
    journal (the same file for every app built in one test, so restarts can be tested).
    `theme` is what `--theme` would give; None starts with the remembered theme."""

    def factory(
        library: Library | None = None,
        now: datetime = NOW,
        theme: str | None = "textual-dark",
        setup: Callable[[Journal], object] | None = None,
        welcome: bool = False,
    ) -> MicromanceApp:
        clock = fixed_clock(now)
        journal = Journal.open(journal_path, clock=clock)
        if setup is not None:
            setup(journal)
        return MicromanceApp(
            library or shipped_library(),
            journal,
            clock=clock,
            theme=theme,
            cursor_blink=False,
            welcome=welcome,
        )

    return factory
