"""The long monkey test: a seeded random walk of thousands of steps through the real app,
headless, across every screen (see ``tests/monkeykit.py`` for what a step is and what is
checked after each one). Not part of the test suite (a short walk is:
``tests/tui/test_monkey.py``). Run it by hand::

    python benchmarks/monkey.py --steps 3000 --seed 1
    python benchmarks/monkey.py --steps 3000 --seed 1 --seed 2 --seed 3

Each seed runs in a fresh temp folder (HOME, the working folder and the data, config and
cache folders all point into it, so an export the walk makes lands there). Exit status 0
when every walk passed, 1 when one failed; the failure names the seed, the step and the
last actions, so ``--seed N`` replays it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.monkeykit import MonkeyFailure, check_journal_after, make_app, odd_library, walk


def run_one(seed: int, steps: int, size: tuple[int, int], keep: bool) -> bool:
    folder = Path(tempfile.mkdtemp(prefix=f"micromance-monkey-{seed}-"))
    home = folder / "home"
    home.mkdir()
    os.environ["HOME"] = str(home)
    for name in ("DATA", "CONFIG", "CACHE"):
        os.environ[f"MICROMANCE_{name}_DIR"] = str(folder / name.lower())
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
    os.chdir(home)
    library = odd_library(folder / "config")  # shipped + a few odd ideas of the user's
    journal_path = folder / "data" / "journal.json"
    started = time.perf_counter()
    try:
        app = make_app(library, journal_path, seed=seed)
        result, expected = asyncio.run(
            walk(app, seed=seed, steps=steps, size=size, log=lambda line: print(line, flush=True))
        )
        held = check_journal_after(journal_path, expected)
    except MonkeyFailure as failure:
        print(f"FAILED after {time.perf_counter() - started:.1f} s: {failure}", flush=True)
        print(f"  files kept in {folder}", flush=True)
        return False
    print(result.summary())
    print(f"  the journal reopens cleanly and holds {held} tried entries (all it should)")
    print(f"  files in {folder}" if keep else "", end="\n" if keep else "")
    if not keep:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", type=int, default=3000, help="steps per walk (3000)")
    parser.add_argument("--seed", type=int, action="append", help="a seed (repeatable; 1)")
    parser.add_argument("--size", default="80x24", help="starting terminal size (80x24)")
    parser.add_argument("--keep", action="store_true", help="keep each walk's temp folder")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.lower().split("x"))
    cwd = os.getcwd()
    ok = True
    for seed in args.seed or [1]:
        print(f"seed {seed}: {args.steps} steps", flush=True)
        ok = run_one(seed, args.steps, (width, height), args.keep) and ok
        os.chdir(cwd)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
