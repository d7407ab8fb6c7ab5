"""Hostile input, as the full-screen app meets it: a broken, read-only or full journal, odd
user files, strange text in every field, NO_COLOR and TERM=dumb, and terminals smaller than
the screens need. Each case ends in a clear message and a usable app, with nothing already
saved changed. (The headless side of the same cases: tests/unit/test_hostile.py.)"""

from __future__ import annotations

import argparse
import asyncio
import errno
import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import Label

from micromance_tui.core import paths as paths_mod
from micromance_tui.core import storage as storage_mod
from micromance_tui.core.clock import fixed_clock
from micromance_tui.core.daily import todays_idea
from micromance_tui.core.journal import SCHEMA_VERSION, Journal
from micromance_tui.launch import build_app
from micromance_tui.tui.app import MicromanceApp
from micromance_tui.tui.dialogs.confirm import ConfirmDialog
from micromance_tui.tui.dialogs.too_small import TooSmallScreen
from micromance_tui.tui.dialogs.tried import TriedDialog
from micromance_tui.tui.screen_table import SCREENS
from micromance_tui.tui.screens.browse import BrowseScreen
from micromance_tui.tui.screens.gesture import GestureScreen
from micromance_tui.tui.screens.today import TodayScreen
from micromance_tui.tui.widgets.field import Field
from tests.monkeykit import ODD_IDEAS, odd_library
from tests.monkeykit import make_app as monkey_app
from tests.tui.conftest import NOW, AppFactory, screen_as, unwrapped
from tests.tui.test_browse import settle, shown

# Hostile input, files, sizes and terminals, each in a running app (several start a real
# terminal): minutes in all on two cores.
pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
IDEA = "good-morning-text"


def real_app(**args: Any) -> MicromanceApp:
    """The app exactly as the bare `micromance` command builds it (notices and all)."""
    namespace = argparse.Namespace(theme=None, **args)
    app, _opened = build_app(namespace, paths_mod.resolve(), fixed_clock(NOW))
    app.cursor_blink = False
    app.offer_welcome = False  # these tests are about what comes after the first-run welcome
    return app


def notices(app: MicromanceApp, severity: str | None = None) -> list[str]:
    return [
        unwrapped(n.message)
        for n in list(app._notifications)
        if severity is None or n.severity == severity
    ]


async def mark_tried(pilot: Any, note: str = "") -> TriedDialog:
    """Open the tried dialog for today's idea, fill the note, press ctrl+s."""
    app = pilot.app
    if not isinstance(app.screen, TodayScreen):
        await pilot.press("t")
        await pilot.pause()
    await pilot.press("d")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, TriedDialog)
    dialog.query_one("#note", Field).value = note
    await pilot.press("ctrl+s")
    await pilot.pause()
    return dialog


def error_line(dialog: TriedDialog, which: str) -> str:
    label = dialog.query_one(f"#{which}-error", Label)
    return str(label.render()) if label.display else ""


# == the journal file =====================================================================


async def test_corrupt_journal_app_starts_and_says_where_the_old_file_is() -> None:
    journal_file = paths_mod.resolve().journal_file
    journal_file.parent.mkdir(parents=True)
    journal_file.write_bytes(b'{"tried": {"1": {"note": "half a jour')
    app = real_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        [warning] = notices(app, "warning")
        kept = journal_file.with_name("journal.json.corrupt-20261125-093000")
        assert warning == (
            "the journal file could not be read (line 1 column 26: Unterminated string "
            f"starting at), so a fresh one was started; the old file is kept at {kept}"
        )
        await mark_tried(pilot, "works again")
        assert [e.note for e in app.journal.tried()] == ["works again"]
    assert kept.read_bytes() == b'{"tried": {"1": {"note": "half a jour'


async def test_read_only_journal_opens_says_so_and_refuses_writes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    journal_file = paths_mod.resolve().journal_file
    with Journal.open(journal_file, clock=fixed_clock(NOW)) as journal:
        journal.add_tried(IDEA, note="kept safe")
    before = journal_file.read_bytes()
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)  # as if not ours
    app = real_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert notices(app, "warning") == [
            f"The journal {journal_file} is read-only: you can look around, but nothing you "
            "change will be saved."
        ]
        await mark_tried(pilot, "not saved")
        await pilot.press("s")  # favourite
        await pilot.pause()
        errors = notices(app, "error")
        assert len(errors) == 2
        assert all(
            e == f"cannot write the journal {journal_file}: the journal is read-only "
            "(its file or folder is not writable)"
            for e in errors
        )
        assert isinstance(app.screen, TodayScreen) and app.is_running
        await pilot.press("j")
        await pilot.pause()
        assert [e.note for e in app.journal.tried()] == ["kept safe"]
    assert journal_file.read_bytes() == before


def _enospc(*args: Any, **kwargs: Any) -> Any:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


async def test_full_disk_while_running(
    make_app: AppFactory, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(setup=lambda j: j.add_tried(IDEA, note="kept safe"))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        before = journal_path.read_bytes()
        with monkeypatch.context() as full:
            full.setattr(storage_mod, "_write_all", _enospc)
            dialog = await mark_tried(pilot, "lost")
            await pilot.press("s")
            await pilot.pause()
        assert dialog not in app.screen_stack  # the dialog closed; the error says why
        assert (
            notices(app, "error")
            == [f"cannot write the journal {journal_path}: no space left on device"] * 2
        )
        assert journal_path.read_bytes() == before
        assert not list(journal_path.parent.glob("*.tmp"))
        await mark_tried(pilot, "space again")  # and then it works
        assert sorted(e.note for e in app.journal.tried()) == ["kept safe", "space again"]


async def test_journal_broken_by_another_program_while_running_is_never_overwritten(
    make_app: AppFactory, journal_path: Path
) -> None:
    app = make_app(setup=lambda j: j.add_tried(IDEA, note="kept safe"))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        journal_path.write_bytes(b"\x00\x01 garbage")
        await mark_tried(pilot, "not over the garbage")
        assert notices(app, "error") == [
            f"{journal_path}: not a readable journal: line 1 column 1: Expecting value"
        ]
        for key in "bjpqt":  # every screen still opens
            await pilot.press(key)
            await pilot.pause()
        assert app.is_running
    assert journal_path.read_bytes() == b"\x00\x01 garbage"


async def test_odd_entries_from_an_old_or_hand_edited_journal(
    make_app: AppFactory, journal_path: Path
) -> None:
    """Entries for ideas that no longer exist, markup and escapes in notes, broken documents:
    every screen still opens, and nothing is dropped from the file."""
    journal_path.parent.mkdir(parents=True)
    doc = {"date": "2026-11-20", "time": "", "reaction": None, "for_whom": "partner"}
    odd = {
        "meta": {"1": {"schema": SCHEMA_VERSION}},
        "tried": {
            "1": {**doc, "id": "a", "gesture": "[/]gone", "note": "[/] [b]x", "created": ""},
            "2": {**doc, "id": "b", "gesture": IDEA, "note": "\x1b[2J\x07 old", "created": ""},
            "3": {"id": "c", "gesture": 5, "date": "not a date"},
            "4": {**doc, "id": "d", "gesture": IDEA, "note": "x" * 5000, "reaction": 9},
        },
        "favourites": {"1": {"gesture": "[/]gone"}, "2": {"gesture": None}},
        "little_things": {"1": {"id": "l", "label": "[/]", "text": "[@click=app.quit]x[/]"}},
        "dates": {"1": {"id": "e", "kind": "birthday", "label": "[/]", "date": "2000-11-26"}},
    }
    journal_path.write_text(json.dumps(odd))
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        for mode, (_title, key, _module, _cls) in SCREENS.items():
            await pilot.press(key)
            await pilot.pause()
            assert app.current_mode == mode
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("o")  # open the idea of an entry whose idea is gone
        await pilot.pause()
        assert app.is_running
    stored = json.loads(journal_path.read_bytes())
    assert set(stored["tried"]) == {"1", "2", "3", "4"}  # nothing dropped


# == user files ===========================================================================


async def test_user_yaml_whose_error_quotes_markup_does_not_crash_the_app() -> None:
    """`languages: ["[/]"]` in the user's own file: the message quotes it, the app starts."""
    folder = paths_mod.resolve().user_gestures_dir
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text(
        '- {id: mine, title: "Mine", summary: "s", how: "h", why: "w", languages: ["[/]"], '
        "effort: tiny, cost: free}\n"
    )
    app = real_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        [warning] = notices(app, "warning")
        assert warning.startswith(f"Skipped your gestures file: {folder / 'mine.yaml'}:1:")
        assert "unknown value '[/]'" in warning
        assert isinstance(app.screen, TodayScreen)


async def test_user_idea_with_markup_characters_in_its_title(journal_path: Path) -> None:
    folder = paths_mod.resolve().user_gestures_dir
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text(
        '- {id: odd-one, title: "[/] hug [b]now", summary: "[@click=app.quit]s[/]", '
        'how: "[/]", why: "[/]", languages: [touch], effort: tiny, cost: free}\n'
    )
    app = real_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert notices(app, "warning") == []
        app.open_gesture("odd-one")
        await pilot.pause()
        await pilot.press("s", "d")  # favourite it, then mark it tried
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert notices(app) == [
            "Saved to favourites: [/] hug [b]now",
            "Logged: [/] hug [b]now",
        ]
        await pilot.press("escape", "j")  # the journal lists it by its title
        await pilot.pause()
        assert type(app.screen).__name__ == "JournalScreen"
        await pilot.press("b", "slash", *"hug now")  # Browse finds it by its title
        browse = screen_as(app, BrowseScreen)
        await settle(pilot, browse)
        assert [g.id for g in shown(browse)][:1] == ["odd-one"]
        await pilot.press("enter", "enter")  # to the list, then open it
        await pilot.pause()
        assert screen_as(app, GestureScreen).gesture_id == "odd-one"
        assert app.is_running
        assert [e.gesture_id for e in app.journal.tried()] == ["odd-one"]


async def test_odd_ideas_and_partner_text_on_every_screen(journal_path: Path) -> None:
    """Markup look-alikes, mixed scripts and longest-allowed text in the user's own ideas,
    notes and partner details: every screen shows them, every dialog opens on them."""
    library = odd_library(paths_mod.resolve().config_dir, markup=True)
    app = monkey_app(library, journal_path, seed=1)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        for _mode, (_title, key, _module, _cls) in SCREENS.items():
            await pilot.press(key)
            await pilot.pause()
        for size in ((60, 16), (120, 40)):
            await pilot.resize_terminal(*size)
            for odd in ODD_IDEAS:
                app.open_gesture(odd)
                await pilot.pause()
                await pilot.press("s", "d")
                await pilot.pause()
                await pilot.press("ctrl+s")
                await pilot.pause()
                if isinstance(app.screen, ConfirmDialog):  # already logged today: log again
                    await pilot.press("y")
                    await pilot.pause()
                await pilot.press("escape")
                await pilot.pause()
            for key in "jbpt":
                await pilot.press(key)
                await pilot.pause()
        await pilot.press("p", "tab", "e")  # edit a little thing whose label is "[/]Flowers"
        await pilot.pause()
        assert app.is_running and app._exception is None
        logged = [e.gesture_id for e in app.journal.tried() if e.gesture_id in ODD_IDEAS]
        assert len(logged) == 2 * len(ODD_IDEAS) + len(ODD_IDEAS)  # + the ones already there


@pytest.mark.parametrize("key", ["t", "q"])
async def test_a_partner_name_with_markup_characters(make_app: AppFactory, key: str) -> None:
    def setup(journal: Journal) -> None:
        journal.update_settings(partner_name="Jo [/] Ann")
        if key == "t":  # shown on Today as "Jo [/] Ann's birthday is in 3 days"
            journal.add_date("birthday", "Jo [/] Ann", NOW.date().replace(day=28))

    app = make_app(setup=setup)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("j", key)
        await pilot.pause()
        assert app.is_running and app._exception is None


async def test_an_odd_idea_as_the_idea_of_the_day(journal_path: Path) -> None:
    library = odd_library(paths_mod.resolve().config_dir, markup=True)
    with Journal.open(journal_path, clock=fixed_clock(NOW)) as journal:
        todays_idea(library, journal, NOW)
        pin = journal.daily_pick()
        assert pin is not None
        journal.set_daily_pick({**pin, "gesture": "odd-markup"})
    app = MicromanceApp(
        library,
        Journal.open(journal_path, clock=fixed_clock(NOW)),
        clock=fixed_clock(NOW),
        welcome=False,
    )
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen) and screen.info and screen.info.gesture
        assert screen.info.gesture.id == "odd-markup"
        assert "[their name]" in str(screen.query_one("#idea").render())


# == text typed into the app ==============================================================

UNICODE_NOTES = [
    "👩‍❤️‍👨 made coffee ☕️ 🫶🏽",
    "cafe\u0301 nai\u0308ve",
    "قلت لها شكرا",
    "אמרתי לה תודה",
    "[bold]not bold[/bold] [/]",
]


@pytest.mark.parametrize("note", UNICODE_NOTES)
async def test_unicode_and_markup_notes_are_saved_exactly(make_app: AppFactory, note: str) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await mark_tried(pilot, note)
        assert not isinstance(app.screen, TriedDialog)
        assert [e.note for e in app.journal.tried()] == [note]
        await pilot.press("j")  # and the journal screen shows it without trouble
        await pilot.pause()
        assert app.is_running


@pytest.mark.parametrize(
    ("note", "message"),
    [
        ("\x1b[31mred", "The note has control characters; remove them."),
        ("ding\x07", "The note has control characters; remove them."),
        ("\u202eevil", "The note has invisible text-direction controls; remove them."),
    ],
)
async def test_bad_characters_are_refused_under_the_note(
    make_app: AppFactory, journal_path: Path, note: str, message: str
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TriedDialog)
        app.post_message(events.Paste(note))  # pasted, as a terminal would send it
        await pilot.pause()
        assert error_line(dialog, "note") == message
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog  # still open: nothing saved
        assert app.journal.tried() == []


@pytest.mark.parametrize("typed", ["[/]", "[b]2026", "[@click=app.quit]x[/]", "\x00"])
async def test_markup_in_a_date_field_is_shown_as_text(make_app: AppFactory, typed: str) -> None:
    """Found by the monkey test: the day field's message quotes what was typed, and '[/]'
    used to be read as markup and crash the app."""
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TriedDialog)
        dialog.query_one("#day", Field).value = typed
        await pilot.pause()
        shown = typed.replace("\x00", "\\u0000")  # a control character is shown escaped
        assert error_line(dialog, "day") == (
            f"'{shown}' is not a date: use YYYY-MM-DD, like 2026-02-14."
        )
        assert app.is_running


async def test_a_100000_character_paste_is_refused_with_a_message(
    make_app: AppFactory, journal_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TriedDialog)
        app.post_message(events.Paste("x" * 100_000))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.journal.tried() == []
        assert error_line(dialog, "note") == "The note is 100000 characters; at most 2000."


async def test_a_very_long_export_path_is_refused_with_a_message(make_app: AppFactory) -> None:
    app = make_app(setup=lambda j: j.add_tried(IDEA))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("j", "x")
        await pilot.pause()
        assert type(app.screen).__name__ == "ExportDialog"
        app.post_message(events.Paste("z" * 3000))
        await pilot.pause()
        assert app.is_running and app._exception is None


async def test_markup_typed_into_the_help_search(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("question_mark", "slash")
        await pilot.pause()
        app.post_message(events.Paste("[/]"))
        await pilot.pause()
        assert app.is_running and app._exception is None


@pytest.mark.parametrize("theme", ["ansi-dark", "ansi-light"])
async def test_every_theme_in_the_palette_works(make_app: AppFactory, theme: str) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert theme in app.available_themes
        app.theme = theme
        await asyncio.wait_for(pilot.pause(), 10)
        assert app.is_running and app._exception is None


# == the environment ======================================================================


@pytest.mark.parametrize(
    "env", [{"NO_COLOR": "1"}, {"TERM": "dumb"}, {"NO_COLOR": "1", "TERM": "dumb"}]
)
async def test_no_color_and_dumb_terminals_start_and_render(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch, make_app: AppFactory
) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    app = make_app()
    assert app.no_color == ("NO_COLOR" in env)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen) and screen.info and screen.info.gesture
        assert screen.info.gesture.title in str(screen.query_one("#idea").render())
        for _mode, (_title, key, _module, _cls) in SCREENS.items():
            await pilot.press(key)
            await pilot.pause()
        await mark_tried(pilot, "fine")
        assert len(app.journal.tried()) == 1


# == terminals that are too small =========================================================

TOO_SMALL = "Make the window larger (at least 60x16)."


def overlay_text(app: MicromanceApp) -> str:
    screen = app.screen
    assert isinstance(screen, TooSmallScreen)
    return str(screen.query_one("#too-small-text").render())


async def test_too_small_shows_a_friendly_message_and_goes_when_resized(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(40, 12), notifications=True) as pilot:
        await pilot.pause()
        assert overlay_text(app) == f"{TOO_SMALL}\nIt is 40x12 now.\nctrl+q quits."
        await pilot.resize_terminal(50, 14)
        assert overlay_text(app).splitlines()[1] == "It is 50x14 now."
        await pilot.press("b")  # the screen keys wait until it fits
        await pilot.pause()
        assert app.current_mode == "today" and isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        assert isinstance(app.screen, TodayScreen)
        assert len(app.screen_stack) == 1
        await pilot.press("b")
        await pilot.pause()
        assert app.current_mode == "browse"


@pytest.mark.parametrize(
    ("size", "small"),
    [((60, 16), False), ((59, 16), True), ((60, 15), True), ((80, 24), False), ((200, 60), False)],
)
async def test_the_minimum_is_60_by_16(
    make_app: AppFactory, size: tuple[int, int], small: bool
) -> None:
    app = make_app()
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen) == small
        if small:
            assert overlay_text(app).startswith(TOO_SMALL)


async def test_shrinking_over_a_dialog_keeps_what_was_typed(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TriedDialog)
        await pilot.press(*"half")
        await pilot.resize_terminal(30, 10)
        too_small = app.screen
        assert isinstance(too_small, TooSmallScreen)
        await pilot.press("escape", "enter")  # nothing reaches the dialog underneath
        await pilot.resize_terminal(100, 30)
        assert app.screen is dialog
        assert dialog.query_one("#note", Field).value == "half"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [e.note for e in app.journal.tried()] == ["half"]


async def test_a_mode_left_while_small_loses_its_notice_when_shown_again(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        await pilot.resize_terminal(40, 12)
        assert isinstance(app.screen, TooSmallScreen)
        app.switch_mode("today")  # a mode switch that does not come from a key
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        app.switch_mode("journal")
        await pilot.pause()
        assert type(app.screen).__name__ == "JournalScreen"


async def test_no_second_palette_under_the_notice(make_app: AppFactory) -> None:
    """Found by the monkey test: ctrl+p gets past the notice (it is a priority key), and a
    second palette over a covered one crashed the app (DuplicateIds)."""
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert palette.has_class("--textual-command-palette")
        await pilot.resize_terminal(40, 12)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen) and app.is_running
        await pilot.resize_terminal(80, 24)
        assert app.screen is palette
        await pilot.press("escape")
        await pilot.resize_terminal(40, 12)
        await pilot.press("ctrl+p")  # and none over the notice either
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert len(app.screen_stack) == 2


async def test_tiny_and_odd_sizes_never_crash(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        sizes = [(1, 1), (2, 1), (10, 3), (20, 5), (59, 60), (200, 15)]
        for key, size in zip("bjpqlg", sizes, strict=True):
            await pilot.press(key)
            await pilot.resize_terminal(*size)
            assert isinstance(app.screen, TooSmallScreen)
            await pilot.resize_terminal(80, 24)
            assert not isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(1, 1)
        await pilot.press("ctrl+q")  # quitting works at any size
        await pilot.pause()
    assert app.return_code == 0


# == a real terminal ======================================================================


def _run_in_pty(
    env: dict[str, str], size: tuple[int, int], until: Callable[[str], bool]
) -> tuple[str, int]:
    """Start `micromance` in a pseudo-terminal, wait until ``until(output)``, press ctrl+q
    (again every few seconds until it exits); returns everything it wrote and its exit code."""
    main, secondary = pty.openpty()
    cols, rows = size
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "micromance_tui"],
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env=env,
        cwd=REPO,
        start_new_session=True,
    )
    os.close(secondary)
    chunks: list[bytes] = []
    deadline = time.monotonic() + 60
    quit_sent = 0.0
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            ready, _, _ = select.select([main], [], [], 0.2)
            if ready:
                try:
                    data = os.read(main, 65536)
                except OSError:  # the app closed the terminal
                    break
                chunks.append(data)
            text = b"".join(chunks).decode("utf-8", "replace")
            if until(text) and time.monotonic() - quit_sent > 3:
                os.write(main, b"\x11")  # ctrl+q
                quit_sent = time.monotonic()
        try:
            code: int | None = proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            code = None
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        os.close(main)
    text = b"".join(chunks).decode("utf-8", "replace")
    shown = re.sub(r"\x1b\[[0-9;?<>$]*[A-Za-z]", "", text)[-1500:]
    assert quit_sent, f"the app never showed what was expected:\n{shown!r}"
    assert code is not None, f"ctrl+q did not end the app:\n{shown!r}"
    return text, code


def _pty_env(extra: dict[str, str]) -> dict[str, str]:
    drop = ("TEXTUAL", "NO_COLOR", "COLORTERM", "FORCE_COLOR", "COLUMNS", "LINES")
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop)}  # COLUMNS: xdist
    env.update(extra)
    env["MICROMANCE_NOW"] = "2026-11-25T09:30"
    env["PYTHONPATH"] = str(REPO)
    return env


def _colours(output: str) -> list[tuple[int, int, int] | int]:
    """Every foreground/background colour the output sets: (r, g, b) or a 256-colour index."""
    found: list[tuple[int, int, int] | int] = []
    for params in re.findall(r"\x1b\[([0-9;]*)m", output):
        codes = [int(c) for c in params.split(";") if c]
        i = 0
        while i < len(codes):
            code = codes[i]
            if code in (38, 48) and codes[i + 1 : i + 2] == [5]:
                found.append(codes[i + 2])
                i += 3
            elif code in (38, 48) and codes[i + 1 : i + 2] == [2]:
                r, g, b = codes[i + 2 : i + 5]
                found.append((r, g, b))
                i += 5
            else:
                if 30 <= code <= 37 or 40 <= code <= 47:
                    found.append(code % 10)
                elif 90 <= code <= 97 or 100 <= code <= 107:
                    found.append(code % 10 + 8)
                i += 1
    return found


def _grey(colour: tuple[int, int, int] | int) -> bool:
    if isinstance(colour, tuple):
        return colour[0] == colour[1] == colour[2]
    if colour in (0, 7, 8, 15) or colour >= 232:
        return True
    if 16 <= colour <= 231:
        n = colour - 16
        return n // 36 == (n // 6) % 6 == n % 6
    return False


@pytest.mark.parametrize("term", ["xterm-256color", "dumb"])
@pytest.mark.parametrize("no_color", [True, False])
def test_a_real_terminal_honours_no_color(term: str, no_color: bool) -> None:
    env = {"TERM": term, **({"NO_COLOR": "1"} if no_color else {})}
    # A blank data dir is a first start: the welcome is what shows.
    output, code = _run_in_pty(
        _pty_env(env), (80, 24), lambda text: "Welcome to micromance" in text and "Skip" in text
    )
    assert code == 0
    colours = _colours(output)
    if no_color:
        assert [c for c in colours if not _grey(c)] == []
    else:  # the same check sees colour when there is some
        assert any(not _grey(c) for c in colours)


def test_a_real_terminal_that_is_too_small() -> None:
    output, code = _run_in_pty(
        _pty_env({"TERM": "xterm-256color"}), (40, 12), lambda text: "It is 40x12" in text
    )
    assert code == 0
    assert "Make the window" in output
