"""Trust, round two (issue 14), in the app: values from a hand-edited journal never crash a
screen, and an unexpected error prints one line (no traceback, no local variables) and
goes to a private log. The command-line side is tests/unit/test_trust.py."""

from __future__ import annotations

import argparse
import json
import os
import pty
import re
import select
import signal
import stat
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from micromance_tui.core import paths as paths_mod
from micromance_tui.core.clock import fixed_clock
from micromance_tui.core.journal import SCHEMA_VERSION, Journal
from micromance_tui.launch import build_app
from micromance_tui.tui.app import MicromanceApp
from micromance_tui.tui.screen_table import SCREENS

REPO = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 25, 9, 30)
IDEA = "good-morning-text"


def real_app() -> MicromanceApp:
    app, _opened = build_app(argparse.Namespace(theme=None), paths_mod.resolve(), fixed_clock(NOW))
    app.cursor_blink = False
    return app


def _result(n: int, who: str, value: Any) -> dict[str, Any]:
    return {
        "id": f"r{n}",
        "who": who,
        "mode": "rating",
        "scores": {"words": value, "time": 3.0},
        "receive": {"words": value, "time": 3.0},
        "give": {"words": 2.0, "time": value},
        "answers": {"r1": 4},
        "taken": f"2026-11-2{n}T08:00:00",
    }


def _hostile_journal() -> Path:
    """Every kind of value that crashed a screen before (issue 14, point 4)."""
    journal_file = paths_mod.resolve().journal_file
    tried = {
        "1": {
            "id": "t1",
            "gesture": IDEA,
            "date": "2026-11-24",
            "time": "9:05",
            "note": "old \x1b[2J note\r\nsecond line",
            "reaction": True,
        },
        "2": {"id": "t2", "gesture": IDEA, "date": "2026-11-24", "reaction": 1e308},
        "3": {"id": "t3", "gesture": IDEA, "date": "2026-11-23", "note": "fine"},
    }
    data = {
        "meta": {"1": {"schema": SCHEMA_VERSION}},
        "tried": tried,
        "quiz_results": {
            "1": _result(1, "me", 1e308),
            "2": _result(2, "partner", float("inf")),
            "3": _result(3, "partner", "lots"),
        },
        "quiz_progress": {"1": {"who": "me", "mode": "rating", "position": 1e400}},
        "daily": {"1": {"date": "2026-11-25", "context": "|False", "gesture": ["x"]}},
        "little_things": {"1": {"id": "l1", "label": ["x"], "text": 5}},
        "dates": {"1": {"id": "d1", "kind": "birthday", "label": "B", "date": "9999-12-31"}},
        "settings": {"1": {"partner_name": "Sam\x1b]0;owned\x07", "theme": 7}},
    }
    journal_file.parent.mkdir(parents=True)
    journal_file.write_text(json.dumps(data))
    return journal_file


async def test_values_that_crashed_screens_are_shown_as_unreadable_and_kept() -> None:
    journal_file = _hostile_journal()
    before = json.loads(journal_file.read_text())
    app = real_app()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        assert any("tried entry in the journal cannot be read" in w for w in warnings), warnings
        assert any("quiz results in the journal cannot be read" in w for w in warnings)
        for mode in SCREENS:
            await app.action_show(mode)
            await pilot.pause()
        await app.action_show("journal")
        await pilot.pause()
        for key in ("1", "2", "3"):  # entries, rhythm, balance
            await pilot.press(key)
            await pilot.pause()
        await app.action_show("quiz")
        await pilot.pause()
        await pilot.press("c")  # compare
        await pilot.pause()
        await pilot.press("escape")
        notes = [e.note for e in app.journal.tried()]
        assert "old \ufffd[2J note\nsecond line" in notes and "fine" in notes
        assert app.journal.settings().partner_name == ""  # refused characters: not used
    after = json.loads(journal_file.read_text())
    for table in ("quiz_results", "little_things", "dates", "settings"):
        assert json.dumps(after[table]) == json.dumps(before[table])  # kept as they were
    assert after["tried"]["2"] == before["tried"]["2"]


# == an unexpected error in a real terminal ===============================================

CRASHING_APP = r"""
import sys
from micromance_tui.tui.app import MicromanceApp

def crash(self, mode):
    note = "secret note about Sam"
    raise RuntimeError("while saving " + note)

MicromanceApp.action_show = crash
from micromance_tui.cli import main
sys.exit(main([]))
"""


def _run_crashing_app(env: dict[str, str]) -> tuple[str, int | None]:
    main, secondary = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-c", CRASHING_APP],
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env=env,
        cwd=REPO,
        start_new_session=True,
    )
    os.close(secondary)
    chunks: list[bytes] = []
    pressed = False
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([main], [], [], 0.2)
            if ready:
                try:
                    data = os.read(main, 65536)
                except OSError:
                    break
                if not data:
                    break
                chunks.append(data)
            text = b"".join(chunks).decode("utf-8", "replace")
            if not pressed and "Done it" in text:
                os.write(main, b"j")  # Journal: the patched action raises
                pressed = True
            if proc.poll() is not None and not ready:
                break
        code = proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        os.close(main)
    assert pressed, "the app never showed today's idea"
    return b"".join(chunks).decode("utf-8", "replace"), code


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX pseudo-terminal")
def test_an_unexpected_error_prints_one_line_and_logs_no_private_text() -> None:
    cache = paths_mod.resolve().cache_dir
    # Past the first-run welcome, straight to Today, where the crash is set up.
    Journal.open(paths_mod.resolve().journal_file).update_settings(welcomed=True)
    drop = ("TEXTUAL", "NO_COLOR", "COLUMNS", "LINES")
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
    env.update(
        {"PYTHONPATH": str(REPO), "MICROMANCE_NOW": "2026-11-25T09:30", "TERM": "xterm-256color"}
    )
    output, code = _run_crashing_app(env)
    plain = re.sub(r"\x1b\[[0-9;?<>$]*[A-Za-z]", "", output)
    assert code == 1
    assert "secret note" not in plain  # Textual printed note='secret note ...' before
    assert "Traceback" not in plain and "locals" not in plain
    log = cache / "logs" / "micromance.log"
    assert (
        f"micromance: the app stopped on an unexpected error (RuntimeError); details in {log}"
        in plain
    )
    text = log.read_text()
    assert "Traceback" in text and "in crash" in text and "secret" not in text
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700
