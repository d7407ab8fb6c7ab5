"""Time to the first screen in a browser beside the terminal's first frame.

- browser: from asking Chromium to open the URL printed by `micromance serve` until the
  first screen's text has reached the page over the websocket (the server is already up;
  each run opens a new tab, so each run starts a new app process, as a user's tab does)
- terminal: from spawning `micromance` in an 80x24 pseudo-terminal until its first frame
  (bench_startup.first_frame, the same measure as the start-up benchmark)

Runs alternate so machine noise hits both; prints medians.
Usage: python benchmarks/bench_web_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.bench_startup import first_frame  # noqa: E402
from tests.web.browserkit import launch, missing, open_tab, serve  # noqa: E402

MARKER = "Today's idea"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if reason := missing():
        raise SystemExit(f"bench_web_startup: {reason}")
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="mm-web-bench-"))
    env = {
        "MICROMANCE_DATA_DIR": str(tmp / "data"),
        "MICROMANCE_CONFIG_DIR": str(tmp / "config"),
        "MICROMANCE_CACHE_DIR": str(tmp / "cache"),
        "MICROMANCE_NOW": "2026-11-25T09:30",
    }
    term_env = {**os.environ, **env, "TERM": "xterm-256color", "PYTHONPATH": str(REPO)}
    app = [sys.executable, "-m", "micromance_tui"]
    browser_times: list[float] = []
    terminal_times: list[float] = []
    with serve(env) as served, sync_playwright() as playwright:
        browser = launch(playwright)
        first_frame(app, MARKER.encode(), term_env)  # warm caches, unmeasured
        warm = open_tab(browser, served.url)
        warm.wait_for_text(MARKER)
        warm.page.close()
        for _ in range(args.runs):
            start = time.perf_counter()
            tab = open_tab(browser, served.url)
            tab.wait_for_text(MARKER, timeout=60)
            browser_times.append(time.perf_counter() - start)
            tab.page.close()
            terminal_times.append(first_frame(app, MARKER.encode(), term_env))
        browser.close()
    b, t = statistics.median(browser_times), statistics.median(terminal_times)
    print(f"browser, URL opened to first screen: median {b * 1000:.0f} ms over {args.runs} runs")
    print(f"terminal, spawn to first frame:      median {t * 1000:.0f} ms over {args.runs} runs")
    print(f"browser / terminal: {b / t:.2f}x")


if __name__ == "__main__":
    main()
