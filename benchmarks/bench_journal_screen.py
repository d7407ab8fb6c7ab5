"""Benchmark: opening the Journal screen with 20,000 tried entries, against 100.

The app is started headless (``App.run_test``) on the Today screen; the clock starts when
the Journal mode is switched to and stops once the Journal screen has mounted, filled its
entry list and rendered (its first refresh after mount has run). Budget: at most 3x the
time with 100 entries, both measured in the same run, alternating, so a slow or noisy
machine cancels out. Scrolling (end, then ten pages up) is timed the same way.

Not a test: run it by hand::

    python benchmarks/bench_journal_screen.py [--entries 20000] [--small 100] [--runs 7]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.journal_data import tried_docs, write_journal
from micromance_tui.core import paths as paths_mod
from micromance_tui.core.clock import fixed_clock
from micromance_tui.core.content import load_library
from micromance_tui.core.journal import Journal
from micromance_tui.core.models import Library

NOW = datetime(2026, 11, 25, 9, 30)
BUDGET = 3.0


def build(path: Path, entries: int, gesture_ids: list[str], seed: int = 7) -> None:
    """A journal of ``entries`` tried entries spread over the years before NOW."""
    span = max(entries // 6, 30)  # about six a day: 20,000 entries cover some nine years
    tried = tried_docs(
        entries,
        gesture_ids,
        lambda _n, rng: NOW.date() - timedelta(days=rng.randrange(span)),
        seed,
    )
    write_journal(
        path,
        tried,
        settings={"1": {"theme": "textual-dark", "apart": False, "partner_name": "Sam"}},
    )


async def open_once(library: Library, path: Path, expected: int) -> tuple[float, float]:
    """Seconds to open the Journal screen, and to scroll to the end and ten pages back."""
    from micromance_tui.tui.app import MicromanceApp
    from micromance_tui.tui.screens.journal import JournalScreen
    from micromance_tui.tui.widgets.entry_list import EntryList

    clock = fixed_clock(NOW)
    journal = Journal.open(path, clock=clock)
    journal.tried()  # the file is parsed (and cached) at start-up, as the app does
    app = MicromanceApp(library, journal, clock=clock, cursor_blink=False, welcome=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        app.switch_mode("journal")
        while True:
            screen = app.screen
            if isinstance(screen, JournalScreen) and getattr(screen, "rendered_once", False):
                break
            await asyncio.sleep(0.0005)
        opened = time.perf_counter() - start
        listing = screen.query_one("#entries", EntryList)
        assert listing.row_count == expected, (listing.row_count, expected)
        start = time.perf_counter()
        await pilot.press("end", *["pageup"] * 10)
        await pilot.pause()
        scrolled = time.perf_counter() - start
        assert listing.cursor < expected
    journal.close()
    return opened, scrolled


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    library = load_library(paths_mod.resolve(), use_cache=False).library
    ids = [g.id for g in library.gestures]
    with tempfile.TemporaryDirectory(prefix="micromance-bench-") as folder:
        small = Path(folder) / "small" / "journal.json"
        large = Path(folder) / "large" / "journal.json"
        build(small, args.small, ids)
        build(large, args.entries, ids)
        open_times: dict[int, list[float]] = {args.small: [], args.entries: []}
        scroll_times: dict[int, list[float]] = {args.small: [], args.entries: []}
        asyncio.run(open_once(library, small, args.small))  # warm up: imports, CSS
        for _ in range(args.runs):
            for size, path in ((args.small, small), (args.entries, large)):
                opened, scrolled = asyncio.run(open_once(library, path, size))
                open_times[size].append(opened)
                scroll_times[size].append(scrolled)

    def ms(samples: list[float]) -> float:
        return statistics.median(samples) * 1000

    small_ms, large_ms = ms(open_times[args.small]), ms(open_times[args.entries])
    ratio = large_ms / small_ms
    print(
        f"open Journal @{args.entries:,}: {large_ms:.1f} ms; @{args.small:,}: {small_ms:.1f} ms; "
        f"ratio {ratio:.2f} (budget {BUDGET:.0f}x; median of {args.runs})"
    )
    s_small, s_large = ms(scroll_times[args.small]), ms(scroll_times[args.entries])
    print(
        f"scroll (end + 10 pages up) @{args.entries:,}: {s_large:.1f} ms; "
        f"@{args.small:,}: {s_small:.1f} ms; ratio {s_large / s_small:.2f}"
    )
    print("within budget" if ratio <= BUDGET else "OVER BUDGET")
    return 0 if ratio <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
