"""Benchmark: marking a gesture tried in a journal of 20,000 entries.

Budget (see the design notes): at most 1.5x one ``json.dumps`` + write + fsync of the same
data, the floor for any whole-file rewrite. Both are measured in the same run, in the same
folder, so a slow or noisy machine cancels out. Not a test: run it by hand::

    python benchmarks/bench_journal.py [--entries 20000] [--runs 15]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.journal_data import tried_docs, write_journal
from micromance_tui.core.journal import Journal


def build(path: Path, entries: int, seed: int = 7) -> None:
    """Write a journal of ``entries`` tried entries (plus a little of everything else)."""
    start = date(2020, 1, 1)
    tried = tried_docs(
        entries,
        [f"gesture-{i:03d}" for i in range(600)],
        lambda n, _rng: start + timedelta(days=n * 2000 // entries),
        seed,
    )
    write_journal(
        path,
        tried,
        favourites={str(i): {"gesture": f"gesture-{i:03d}"} for i in range(1, 40)},
        settings={"1": {"theme": "textual-dark", "apart": False, "my_name": "A"}},
    )


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="micromance-bench-") as folder:
        path = Path(folder) / "data" / "journal.json"
        build(path, args.entries)
        size = path.stat().st_size
        journal = Journal.open(path, clock=lambda: datetime(2026, 1, 1, 9, 0))

        journal_times: list[float] = []
        floor_times: list[float] = []
        floor_path = path.with_name("floor.json")
        for _ in range(args.runs):
            # The journal: lock, (cached) read, add, serialise, temp file, fsync, replace.
            t0 = time.perf_counter()
            journal.add_tried("gesture-001", note="a quick one")
            journal_times.append(time.perf_counter() - t0)

            # The floor: serialise the same data once, write it, fsync it.
            data = json.loads(path.read_bytes())
            t0 = time.perf_counter()
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            with open(floor_path, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            floor_times.append(time.perf_counter() - t0)
        journal.close()

        ours, floor = median_ms(journal_times), median_ms(floor_times)
        print(
            f"journal add @{args.entries // 1000}k: {ours:.1f} ms; "
            f"json.dumps+write+fsync: {floor:.1f} ms; ratio {ours / floor:.2f} "
            f"(budget 1.5x; file {size / 1e6:.1f} MB, median of {args.runs})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
