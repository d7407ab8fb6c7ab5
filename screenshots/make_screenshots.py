"""Make screenshots/*.svg from the real app: one per screen, an idea, the weekly check-in,
and Today in a light theme.

Runs the app headless at 120x36 with a fixed date and a temporary journal holding a little
sample history, opens each screen by its key, and saves what is on screen.
Usage: python screenshots/make_screenshots.py
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from micromance_tui.core import paths as paths_mod  # noqa: E402
from micromance_tui.core.clock import fixed_clock  # noqa: E402
from micromance_tui.core.content import load_library  # noqa: E402
from micromance_tui.core.journal import Journal, QuizResult, new_id  # noqa: E402
from micromance_tui.core.models import Library  # noqa: E402
from micromance_tui.tui.app import SCREENS, MicromanceApp  # noqa: E402
from micromance_tui.tui.screens import checkin  # noqa: E402

NOW = datetime(2026, 11, 25, 9, 30)
SIZE = (120, 36)


def sample_history(journal: Journal) -> None:
    journal.update_settings(my_name="Alex", partner_name="Sam")
    journal.set_partner_name("Sam")
    journal.add_little_thing("Coffee order", "Oat flat white, extra hot, no sugar")
    journal.add_little_thing("On a bad day", "Quiet first, then a walk; no advice unless asked")
    journal.add_date("birthday", "Birthday", date(1991, 12, 1), yearly=True)
    journal.add_date("anniversary", "First date", date(2021, 3, 14), yearly=True)
    tried = [
        ("hug-after-long-day", 1, 5, "They melted into it"),
        ("good-morning-text", 3, 4, ""),
        ("bring-them-coffee", 5, 5, "Remembered the oat milk"),
        ("nightly-check-in", 8, 3, "Short one, both tired"),
        ("mirror-note", 12, 5, "Found it before work"),
        ("plan-time-together", 17, 4, ""),
        ("their-favourite-snack", 23, 2, "They were not hungry"),
    ]
    for gid, days_ago, reaction, note in tried:
        day = date.fromordinal(NOW.date().toordinal() - days_ago)
        journal.add_tried(gid, on=day, reaction=reaction, note=note)
    journal.add_quiz_result(
        QuizResult(
            id=new_id(),
            who="partner",
            mode="classic",
            scores={"words": 5, "service": 4, "gifts": 3, "time": 10, "touch": 8},
            receive={},
            give={},
            answers={},
            taken="2026-11-20T20:15:00",
        )
    )
    journal.set_favourite("mirror-note", True)


def sample_conversation(journal: Journal, library: Library) -> None:
    """A question asked last week and kept as a favourite, and a check-in 8 days ago."""
    if library.prompts:
        first = library.prompts[0].id
        journal.add_asked(first, on=date.fromordinal(NOW.date().toordinal() - 6))
        journal.toggle_prompt_favourite(first)
    earlier = Journal.open(journal.path, clock=fixed_clock(NOW - timedelta(days=8)))
    earlier.add_checkin(
        {
            "appreciations": "The soup when I was ill; the lift to the station on Friday.",
            "was-hard": "Two late nights in a row; we barely talked.",
            "wish-me": "A walk on Saturday morning, phones at home",
            "plan": "Saturday 9:30, the canal loop, coffee after",
        },
        started=(NOW - timedelta(days=8, minutes=22)).isoformat(timespec="seconds"),
    )


async def shoot(app: MicromanceApp, keys: list[str], name: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause(0.3)
        app.save_screenshot(filename=f"{name}.svg", path=str(HERE))
        print(f"wrote screenshots/{name}.svg")


def paired_with_sam(tmp: Path, library_journal: Path) -> paths_mod.Paths:
    """A Together pairing: Alex (a copy of the sample journal) and Sam, through a shared
    folder; Sam has done something for Alex, sent an appreciation and shared a little thing
    and their quiz result. Returns Alex's paths."""
    import contextlib
    import io
    import json
    import shutil

    from micromance_tui.cli import main as cli

    os.environ["MICROMANCE_NOW"] = NOW.isoformat()
    # The folder is shown from the home folder ("~/Sync/us"): with HOME at tmp, the picture
    # is the same on every run, not a new /tmp/tmpXXXX path each time.
    os.environ["HOME"] = str(tmp)
    alex, sam, shared = tmp / "alex", tmp / "sam", tmp / "Sync" / "us"
    shared.parent.mkdir()
    alex.mkdir()
    shutil.copy(library_journal, alex / "journal.json")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        cli(["--data-dir", str(alex), "together", "init", str(shared), "--name", "Alex", "--json"])
    code = json.loads(out.getvalue())["code"]
    with contextlib.redirect_stdout(io.StringIO()):
        cli(["--data-dir", str(sam), "together", "join", str(shared), code, "--name", "Sam"])
        cli(["--data-dir", str(sam), "tried", "bring-them-coffee", "--date", "2026-11-24"])
        cli(["--data-dir", str(sam), "together", "about", "Flowers", "Ranunculus, never lilies"])
        cli(["--data-dir", str(sam), "appreciate", "You noticed I was tired and took over dinner"])
        cli(["--data-dir", str(alex), "together", "sync"])
    return paths_mod.resolve(data_dir=alex)


async def main() -> None:
    library = load_library(paths_mod.resolve(), use_cache=False).library
    with tempfile.TemporaryDirectory() as tmp:
        journal_path = Path(tmp) / "journal.json"
        clock = fixed_clock(NOW)
        sample_history(Journal.open(journal_path, clock=clock))
        sample_conversation(Journal.open(journal_path, clock=clock), library)
        checkin.seconds = lambda: 0.0  # the check-in's timer shows 0:00 in the picture

        def make(theme: str = "textual-dark") -> MicromanceApp:
            journal = Journal.open(journal_path, clock=clock)
            return MicromanceApp(
                library, journal, clock=clock, theme=theme, cursor_blink=False, welcome=False
            )

        for mode, (_, key, _, _) in SCREENS.items():
            keys = [] if mode == "today" else [key]
            await shoot(make(), keys, mode)
        await shoot(make(), ["o"], "gesture")
        await shoot(make(), ["k", "c"], "checkin")
        await shoot(make("textual-light"), [], "today-light")

        home = os.environ.get("HOME")
        alex = paired_with_sam(Path(tmp), journal_path)

        def make_paired() -> MicromanceApp:
            journal = Journal.open(alex.journal_file, clock=clock)
            return MicromanceApp(
                library,
                journal,
                clock=clock,
                paths=alex,
                theme="textual-dark",
                cursor_blink=False,
                welcome=False,
            )

        await shoot(make_paired(), [], "today-together")
        await shoot(make_paired(), ["i"], "together")
        if home is not None:
            os.environ["HOME"] = home

    # A new user's first minute: the welcome on a blank journal, and an empty Journal.
    with tempfile.TemporaryDirectory() as tmp:
        journal_path = Path(tmp) / "journal.json"

        def blank(welcome: bool) -> MicromanceApp:
            journal = Journal.open(journal_path, clock=clock)
            return MicromanceApp(
                library,
                journal,
                clock=clock,
                theme="textual-dark",
                cursor_blink=False,
                welcome=welcome,
            )

        await shoot(blank(True), [], "first-run")
        await shoot(blank(False), ["j"], "journal-empty")


if __name__ == "__main__":
    asyncio.run(main())
