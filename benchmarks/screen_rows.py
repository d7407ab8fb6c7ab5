"""How much of each top-level screen carries content or guidance for a new user: every
screen at 120x36 on an empty journal, counting the rows of its body (not the title bar,
the nav bar or the key bar) that draw any text.

    PYTHONPATH=$PWD python benchmarks/screen_rows.py [--size 120x36]

It measures the tree on PYTHONPATH, so the same script compares two commits (extract the
older one with `git archive COMMIT | tar -x -C DIR`, then `PYTHONPATH=DIR`)."""

from __future__ import annotations

import argparse
import asyncio
import html
import inspect
import re
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from rich.cells import cell_len
from textual.errors import NoWidget
from textual.widget import Widget

from micromance_tui.core import paths as paths_mod
from micromance_tui.core.clock import fixed_clock
from micromance_tui.core.content import load_library
from micromance_tui.core.journal import Journal
from micromance_tui.tui.app import MicromanceApp
from micromance_tui.tui.screen_table import SCREENS

NOW = datetime(2026, 11, 25, 9, 30)
CHROME = {"Header", "NavBar", "Footer"}
#: glyphs that draw lines and boxes, not words
DRAWING = set("─│┌┐└┘├┤┬┴┼╭╮╰╯━┃┏┓┗┛═║╔╗╚╝▁▂▃▄▅▆▇█▉▊▋▌▍▎▏▐▕▔▀·⠀")
CHAR_WIDTH = 20 * 0.61
LINE_HEIGHT = 20 * 1.22
_TEXT = re.compile(r'<text class="[\w-]+" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>')


def _in_chrome(widget: Widget) -> bool:
    return any(type(node).__name__ in CHROME for node in widget.ancestors_with_self)


def content_rows(app: MicromanceApp) -> tuple[int, int]:
    """(rows of the body that draw text, rows the body has)."""
    svg = app.export_screenshot()
    screen = app.screen
    rows: set[int] = set()
    chrome_rows: set[int] = set()
    for x, y, text in _TEXT.findall(svg):
        row = round((float(y) - 20) / LINE_HEIGHT)
        column = round(float(x) / CHAR_WIDTH)
        for char in html.unescape(text):
            here = column
            column += cell_len(char)
            if char.isspace() or char in DRAWING:
                continue
            try:
                widget, _ = screen.get_widget_at(here, row)
            except NoWidget:
                continue
            (chrome_rows if _in_chrome(widget) else rows).add(row)
    return len(rows - chrome_rows), app.size.height - len(chrome_rows)


async def measure(size: tuple[int, int]) -> list[tuple[str, int, int]]:
    library = load_library(paths_mod.resolve(), use_cache=False).library
    results = []
    for mode, (title, key, _, _) in SCREENS.items():
        with tempfile.TemporaryDirectory() as tmp:
            clock = fixed_clock(NOW)
            journal = Journal.open(Path(tmp) / "journal.json", clock=clock)
            kwargs = {"clock": clock, "theme": "textual-dark", "cursor_blink": False}
            if "welcome" in inspect.signature(MicromanceApp.__init__).parameters:
                kwargs["welcome"] = False
            app = MicromanceApp(library, journal, **kwargs)  # type: ignore[arg-type]
            async with app.run_test(size=size) as pilot:
                await pilot.pause()
                if mode != "today":
                    await pilot.press(key)
                await pilot.pause(0.3)
                used, body = content_rows(app)
            results.append((title, used, body))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="120x36")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    for title, used, body in asyncio.run(measure((width, height))):
        print(f"{title:<16} {used:>3} of {body} rows")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
