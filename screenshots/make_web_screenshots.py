"""Browser screenshots for the README, from the real app served by `micromance serve` and
opened in Debian's Chromium (the same way tests/web drives it).

Usage: python screenshots/make_web_screenshots.py  ->  screenshots/browser-today.png,
screenshots/browser-browse.png
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.web.browserkit import launch, missing, open_tab, serve  # noqa: E402

NOW = "2026-11-25T09:30"


def main() -> int:
    if reason := missing():
        print(f"make_web_screenshots: {reason}", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        env = {
            "MICROMANCE_DATA_DIR": f"{tmp}/data",
            "MICROMANCE_CONFIG_DIR": f"{tmp}/config",
            "MICROMANCE_CACHE_DIR": f"{tmp}/cache",
            "MICROMANCE_NOW": NOW,
            "TEXTUAL_ANIMATIONS": "none",
        }
        with serve(env) as served, sync_playwright() as playwright:
            browser = launch(playwright)
            tab = open_tab(browser, served.url, width=1000, height=600)
            tab.wait_for_first_screen("Done it")  # skips the first-run welcome
            tab.page.wait_for_timeout(800)  # the rhythm below the idea fills in after
            tab.page.mouse.move(0, 599)  # no hover highlight in the picture
            tab.page.screenshot(path=str(HERE / "browser-today.png"))
            tab.page.click("#terminal")
            seen = len(tab.frames)
            tab.page.keyboard.press("b")
            tab.wait_for_text("ideas", since=seen)
            tab.page.wait_for_timeout(800)
            tab.page.screenshot(path=str(HERE / "browser-browse.png"))
            browser.close()
    print(f"wrote {HERE / 'browser-today.png'} and {HERE / 'browser-browse.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
