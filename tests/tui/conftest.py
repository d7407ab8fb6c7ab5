"""Fixtures for Pilot and snapshot tests: a fixed clock, a temp journal, the dark theme,
no cursor blink. Build apps with `make_app`; use `shipped` for the real content."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import pytest
from textual.app import App
from textual.command import CommandInput, CommandList, CommandPalette
from textual.pilot import Pilot
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


async def search_palette(pilot: Pilot[Any], text: str, timeout: float = 10.0) -> None:
    """Open the command palette, type `text` and wait until its search for all of it has
    finished with a result highlighted, so that `enter` picks the best match. The search runs
    in a worker and fills the list in batches: the condition has to hold on two looks in a
    row (a key still on its way would start a new search in between). Fails with what the
    palette shows if that does not happen within `timeout` seconds."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette), f"ctrl+p opened {type(palette).__name__}"
    await pilot.press(*text)
    field = palette.query_one(CommandInput)
    results = palette.query_one(CommandList)
    deadline = time.monotonic() + timeout
    settled = 0
    while settled < 2:
        await pilot.pause(0.02)
        searching = any(w.node is palette and not w.is_finished for w in pilot.app.workers)
        done = field.value == text and not searching and results.highlighted is not None
        settled = settled + 1 if done else 0
        if not done and time.monotonic() > deadline:
            shown = [str(option.prompt) for option in results.options]
            raise AssertionError(
                f"the palette's search for {text!r} did not settle on a result within {timeout} s:"
                f" the field holds {field.value!r}, still searching: {searching}, shown: {shown}"
            )


@pytest.fixture(autouse=True)
def no_button_press_effect(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Button ignores a click that comes within `active_effect_duration` (0.2 s) of its
    previous press, while it shows the press effect, and it does so even with animations
    off (Textualize/textual#5058). Tests click far faster than a person, so a second click
    on Save went nowhere whenever the steps between took under 0.2 s (one run in eight on a
    loaded machine, more on a fast one). Every Button here is built with no effect, through
    the public attribute, so every click a test makes lands."""
    build = Button.__init__

    def without_effect(self: Button, *args: Any, **kwargs: Any) -> None:
        build(self, *args, **kwargs)
        self.active_effect_duration = 0

    monkeypatch.setattr(Button, "__init__", without_effect)


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
