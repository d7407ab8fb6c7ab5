"""Benchmark: one keystroke in Browse's search box with 10,000 gestures vs 100.

Budget (see the design notes): at most 2x. Both libraries are generated the same way
(``tests/contentkit.py``'s ``gesture(i)``), and each runs in the real app, headless
(``app.run_test()``), at the same terminal size. Not a test: run it by hand::

    python benchmarks/bench_search.py [--keys 20] [--rounds 3] [--size 120x36]

What is timed, per keystroke (medians):

- keystroke: from sending a key to the search box until the app has processed it (the
  box and the screen's handler have seen it) and repainted the screen
  (``pilot.pause(0)``: every widget's queue drained, then a repaint), starting from a
  quiet app (the previous search finished). This is the budgeted figure.
- keystroke while a search runs: the same, sent while the previous keystroke's search is
  running in its thread (the search must not block typing).
- pilot.press + pilot.pause(): the same keystroke through Pilot's own helpers. They wait
  until the whole process is idle in 20 ms steps (``textual._wait.wait_for_idle``), so
  this figure is coarse and also counts the background search's CPU time.
- results shown: from the key until the list shows that query's results (this
  includes the short pause the screen waits for more typing before searching).
- opening Browse: from pressing ``b`` until the list is filled.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual import events

from micromance_tui.core.clock import fixed_clock
from micromance_tui.core.journal import Journal
from micromance_tui.core.models import (
    LANGUAGE_IDS,
    LANGUAGE_NAMES,
    Gesture,
    Library,
    LoveLanguage,
    Quiz,
)
from micromance_tui.tui.app import MicromanceApp
from micromance_tui.tui.screens.browse import BrowseScreen
from tests.contentkit import gesture

NOW = datetime(2026, 11, 25, 9, 30)
#: typed one key at a time; every prefix changes the results at 10,000 ideas
QUERY = "small idea numbr 4242"
KEY_NAMES = {" ": "space"}


def make_library(n: int) -> Library:
    gestures = []
    for i in range(n):
        d = gesture(i)
        gestures.append(
            Gesture(
                id=d["id"],
                title=d["title"],
                summary=d["summary"],
                how=d["how"],
                why=d["why"],
                languages=tuple(d["languages"]),
                effort=d["effort"],
                cost=d["cost"],
                moments=tuple(d["moments"]),
                tags=tuple(d["tags"]),
                variations=tuple(d["variations"]),
            )
        )
    languages = tuple(
        LoveLanguage(lid, LANGUAGE_NAMES[lid], f"About {lid}.", f"About {lid}.")
        for lid in LANGUAGE_IDS
    )
    return Library(languages, tuple(gestures), (), (), Quiz())


@dataclass
class Figures:
    keystroke: list[float] = field(default_factory=list)
    during_search: list[float] = field(default_factory=list)
    pilot: list[float] = field(default_factory=list)
    results: list[float] = field(default_factory=list)
    open_browse: list[float] = field(default_factory=list)


async def wait_settled(
    pilot: object, screen: BrowseScreen, timeout: float = 30.0, *, list_only: bool = False
) -> None:
    """Wait until the list (and, unless list_only, the detail beside it) is up to date."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if screen.results_shown if list_only else screen.settled:
            return
        await asyncio.sleep(0.0005)
    raise RuntimeError("the search did not finish")


async def measure(library: Library, keys: int, size: tuple[int, int], figures: Figures) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        clock = fixed_clock(NOW)
        journal = Journal.open(Path(tmp) / "journal.json", clock=clock)
        app = MicromanceApp(
            library, journal, clock=clock, theme="textual-dark", cursor_blink=False, welcome=False
        )
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            start = time.perf_counter()
            await pilot.press("b")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, BrowseScreen)
            await wait_settled(pilot, screen, list_only=True)
            await pilot.pause(0)
            figures.open_browse.append(time.perf_counter() - start)
            await wait_settled(pilot, screen)
            shown = len(screen.results_list.items)
            await pilot.press("slash")
            await pilot.pause()
            typed = QUERY[:keys]
            field = screen.search_field

            async def keystroke(key: str) -> float:
                """Send one key; return seconds until it is handled and repainted."""
                before = field.value
                char = " " if key == "space" else (key if len(key) == 1 else None)
                event = events.Key(key, char)
                event.set_sender(app)
                t0 = time.perf_counter()
                assert app._driver is not None
                app._driver.send_message(event)
                for _ in range(1000):
                    await pilot.pause(0)
                    if field.value != before and screen.query_text == field.value:
                        break
                await pilot.pause(0)  # the repaint after the last change
                return time.perf_counter() - t0

            # 1) from a quiet app: time the keystroke, then until the results are shown
            for ch in typed:
                t0 = time.perf_counter()
                figures.keystroke.append(await keystroke(KEY_NAMES.get(ch, ch)))
                await wait_settled(pilot, screen, list_only=True)
                figures.results.append(time.perf_counter() - t0)
                await wait_settled(pilot, screen)
                await pilot.pause()
            # 2) while the previous keystroke's search is running in its thread
            field.value = ""
            await wait_settled(pilot, screen)
            for ch in typed:
                await keystroke(KEY_NAMES.get(ch, ch))
                await asyncio.sleep(screen.SEARCH_DELAY + 0.002)
                figures.during_search.append(await keystroke("x"))
                await keystroke("backspace")
                await wait_settled(pilot, screen)
            # 3) the same keystrokes through pilot.press + pilot.pause()
            field.value = ""
            await wait_settled(pilot, screen)
            for ch in typed:
                t0 = time.perf_counter()
                await pilot.press(KEY_NAMES.get(ch, ch))
                await pilot.pause()
                figures.pilot.append(time.perf_counter() - t0)
                await wait_settled(pilot, screen)
        journal.close()
        return shown


def ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=20, help="keystrokes per round")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per library size")
    parser.add_argument("--size", default="120x36", help="terminal size, e.g. 80x24")
    args = parser.parse_args()
    width, height = (int(x) for x in args.size.lower().split("x"))
    small, large = make_library(100), make_library(10_000)
    results = {100: Figures(), 10_000: Figures()}
    for _ in range(args.rounds):  # interleaved, so machine noise hits both sides
        for n, library in ((100, small), (10_000, large)):
            shown = asyncio.run(measure(library, args.keys, (width, height), results[n]))
            assert shown == n, f"Browse listed {shown} ideas, not {n}"
    a, b = results[10_000], results[100]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"terminal {width}x{height}, {args.keys} keystrokes x {args.rounds} rounds, "
        f"{os.cpu_count()} CPUs, load average {load}"
    )
    print(f"{'':34}{'@100':>10}{'@10k':>10}{'ratio':>8}")
    for label, attr in (
        ("keystroke (press + repaint)", "keystroke"),
        ("keystroke while a search runs", "during_search"),
        ("pilot.press + pilot.pause()", "pilot"),
        ("keystroke until results shown", "results"),
        ("open Browse until listed", "open_browse"),
    ):
        x, y = ms(getattr(b, attr)), ms(getattr(a, attr))
        print(f"{label:34}{x:8.1f}ms{y:8.1f}ms{y / x:7.2f}x")
    ratio = ms(a.keystroke) / ms(b.keystroke)
    verdict = "ok" if ratio <= 2 else "OVER BUDGET"
    print(f"search keystroke @10k / @100: ratio {ratio:.2f} (budget 2x) {verdict}")


if __name__ == "__main__":
    main()
