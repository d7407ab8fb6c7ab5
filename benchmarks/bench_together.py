"""Together benchmarks, with a partner file of 20,000 events. Prints ratios.

- opening the app (first frame of Today) with a fresh 20k-event partner file to read, vs a
  bare Textual app's first frame                                              budget 1.3x
- merging that file (decrypt, check every event, merge, save the local copy) vs opening
  one's own journal of 20,000 entries and listing them                        budget 2x
- `micromance today` when paired, vs the bare Textual app's start and exit  budget 0.5x,
  twice: with the partner's file already read (the steady state), and with their file just
  changed (`today` then says there is news and leaves the read to the app or `inbox`)
- the same app not paired, in the same runs, so what pairing itself adds is plain even when
  a busy machine moves every ratio

Each app run starts from the same state (the partner's file not yet read), so every run
really reads it. Runs are interleaved and the ratios are medians. Not a test::

    python benchmarks/bench_together.py [--events 20000] [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.bench_startup import BARE_APP, first_frame, wall  # noqa: E402
from benchmarks.journal_data import WORDS, tried_docs, write_journal  # noqa: E402
from micromance_tui.cli import main as cli_main  # noqa: E402
from micromance_tui.core.journal import Journal  # noqa: E402
from micromance_tui.core.together.events import new_event_id  # noqa: E402
from micromance_tui.core.together.session import Together  # noqa: E402

NOW = datetime(2026, 11, 25, 9, 30)


def partner_events(n: int) -> list[dict[str, object]]:
    """n events as a partner would write them: mostly tried-for-you, some appreciations."""
    events: list[dict[str, object]] = []
    start = date(2020, 1, 1)
    for i in range(n):
        day = start + timedelta(days=i * 2000 // n)
        at = f"{day.isoformat()}T12:{i % 60:02d}:00"
        if i % 5 == 4:
            text = " ".join(WORDS[: 3 + i % 12])
            events.append({"id": new_event_id(), "kind": "appreciation", "at": at, "text": text})
        else:
            events.append(
                {
                    "id": new_event_id(),
                    "kind": "tried",
                    "at": at,
                    "gesture": f"gesture-{i % 600:03d}",
                    "title": f"An idea with a title of ordinary length {i % 600}",
                    "date": day.isoformat(),
                }
            )
    return events


def setup(tmp: Path, n: int) -> tuple[Path, Path]:
    """Alex and Sam paired through tmp/shared; Sam's file holds n events, unread by Alex.
    Returns Alex's data folder and a pristine copy of Alex's Together state."""
    os.environ["MICROMANCE_NOW"] = NOW.isoformat()
    shared = tmp / "shared"
    import contextlib
    import io
    import json

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        cli_main(["--data-dir", str(tmp / "alex"), "together", "init", str(shared), "--json"])
    code = json.loads(out.getvalue())["code"]
    with contextlib.redirect_stdout(io.StringIO()):
        cli_main(["--data-dir", str(tmp / "sam"), "together", "join", str(shared), code])
        cli_main(["--data-dir", str(tmp / "alex"), "today"])
    # A returning user's start: the first-run welcome was seen (it would hide Today).
    from micromance_tui.core.journal import Journal

    Journal.open(tmp / "alex" / "journal.json").update_settings(welcomed=True)
    sam = Together.load(tmp / "sam" / "together.json", tmp / "sam" / "git")
    assert sam is not None
    with sam.transaction():
        sam.state["own"] = {e["id"]: e for e in partner_events(n)}
        sam._write_own(NOW)
    pristine = tmp / "alex-together-pristine.json"
    shutil.copy(tmp / "alex" / "together.json", pristine)
    return tmp / "alex", pristine


def own_journal(path: Path, n: int) -> None:
    start = date(2020, 1, 1)
    tried = tried_docs(
        n,
        [f"gesture-{i:03d}" for i in range(600)],
        lambda k, _rng: start + timedelta(days=k * 2000 // n),
    )
    write_journal(path, tried)


def restore(alex: Path, saved: Path) -> None:
    """Put back a saved Together state (the small file and, if saved, the partner's copy)."""
    shutil.copy(saved, alex / "together.json")
    received = saved.with_suffix(".received")
    if received.exists():
        shutil.copy(received, alex / "together-received.json")
    else:
        (alex / "together-received.json").unlink(missing_ok=True)


def merge_once(alex: Path, pristine: Path) -> float:
    restore(alex, pristine)
    start = time.perf_counter()
    session = Together.load(alex / "together.json", alex / "git")
    assert session is not None
    status = session.exchange(None, None, NOW)
    elapsed = time.perf_counter() - start
    assert status.partner is not None and status.partner.events > 0, status
    return elapsed


def journal_once(path: Path) -> float:
    start = time.perf_counter()
    journal = Journal.open(path)
    entries = journal.tried()
    journal.close()
    elapsed = time.perf_counter() - start
    assert entries
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="mm-bench-together-"))
    alex, pristine = setup(tmp, args.events)
    journal_file = tmp / "own" / "journal.json"
    own_journal(journal_file, args.events)

    merges, journals = [], []
    for _ in range(args.runs):
        merges.append(merge_once(alex, pristine))
        journals.append(journal_once(journal_file))
    m_merge, m_journal = statistics.median(merges), statistics.median(journals)
    merged = tmp / "alex-together-merged.json"  # the state once the file has been read
    shutil.copy(alex / "together.json", merged)
    shutil.copy(alex / "together-received.json", merged.with_suffix(".received"))

    exe = sys.executable
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "PYTHONPATH": str(REPO),
        "MICROMANCE_NOW": NOW.isoformat(),
        "MICROMANCE_DATA_DIR": str(alex),
        "MICROMANCE_CONFIG_DIR": str(tmp / "config"),
        "MICROMANCE_CACHE_DIR": str(tmp / "cache"),
    }
    bare_file = tmp / "bare.py"
    bare_file.write_text(BARE_APP)
    subprocess.run([exe, "-m", "compileall", "-q", str(REPO / "micromance_tui")], check=True)
    wall([exe, "-m", "micromance_tui", "today"], env)  # warm the library cache
    first_frame([exe, str(bare_file)], b"bare-app-ready", env)
    # The same app, not paired, in the same runs: on a busy machine the ratios move from
    # run to run, and what pairing adds is the difference between the two.
    solo_env = {**env, "MICROMANCE_DATA_DIR": str(tmp / "solo")}
    Journal.open(tmp / "solo" / "journal.json").update_settings(welcomed=True)
    wall([exe, "-m", "micromance_tui", "today"], solo_env)
    bare, home, today, today_new, home_solo, today_solo = [], [], [], [], [], []
    for _ in range(args.runs):
        bare.append(first_frame([exe, str(bare_file)], b"bare-app-ready", env))
        restore(alex, pristine)  # the partner's file is new again
        home.append(first_frame([exe, "-m", "micromance_tui"], b"Today's idea", env))
        home_solo.append(first_frame([exe, "-m", "micromance_tui"], b"Today's idea", solo_env))
        restore(alex, pristine)  # today with the partner's file just changed
        today_new.append(wall([exe, "-m", "micromance_tui", "today"], env))
        restore(alex, merged)  # today in the steady state
        today.append(wall([exe, "-m", "micromance_tui", "today"], env))
        today_solo.append(wall([exe, "-m", "micromance_tui", "today"], solo_env))
    m_bare, m_home, m_today = (statistics.median(x) for x in (bare, home, today))
    m_home_solo, m_today_solo = statistics.median(home_solo), statistics.median(today_solo)
    m_today_new = statistics.median(today_new)
    files = sorted((tmp / "shared").glob("*.mmt"), key=lambda p: p.stat().st_size)
    print(f"partner file: {args.events} events, {files[-1].stat().st_size / 1e6:.1f} MB")
    print(f"merge the partner file:             {m_merge * 1000:7.1f} ms (median of {args.runs})")
    print(f"open own journal of the same size:  {m_journal * 1000:7.1f} ms")
    print(f"bare Textual app, first frame:      {m_bare * 1000:7.1f} ms")
    print(f"micromance home, partner file new:  {m_home * 1000:7.1f} ms")
    print(f"micromance today, paired:           {m_today * 1000:7.1f} ms")
    print(f"  the same, partner file just changed:{m_today_new * 1000:7.1f} ms")
    print(f"merge / own journal:    ratio {m_merge / m_journal:.2f} (budget 2x)")
    print(f"home / bare:            ratio {m_home / m_bare:.2f} (budget 1.3x)")
    print(f"today / bare app start: ratio {m_today / m_bare:.2f} (budget 0.5x)")
    print(f"  partner file changed: ratio {m_today_new / m_bare:.2f} (budget 0.5x)")
    print(
        f"not paired, same runs:  home / bare {m_home_solo / m_bare:.2f}, today / bare "
        f"{m_today_solo / m_bare:.2f}"
    )
    print(
        f"what pairing adds:      home x{m_home / m_home_solo:.2f}, today "
        f"x{m_today / m_today_solo:.2f}"
    )
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
