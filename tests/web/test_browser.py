"""`micromance serve` in a real browser (Debian's Chromium, driven by Playwright).

Skipped, with the reason, only when Chromium or Playwright (or textual-serve) is missing;
`.ci/run` installs all three.
"""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.browserkit import (
    REPO,
    Served,
    click_cell,
    launch,
    missing,
    open_tab,
    serve,
    settled_black_pixels,
)

pytestmark = pytest.mark.skipif(missing() is not None, reason=str(missing()))

NOW = "2026-11-25T09:30"
FIRST_SCREEN = "Done it"  # Today's footer: drawn once the first screen is up


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        "MICROMANCE_DATA_DIR": str(tmp_path / "data"),
        "MICROMANCE_CONFIG_DIR": str(tmp_path / "config"),
        "MICROMANCE_CACHE_DIR": str(tmp_path / "cache"),
        "MICROMANCE_NOW": NOW,
        "TEXTUAL_ANIMATIONS": "none",
    }


def cli(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "micromance_tui", *args],
        env={**os.environ, **env, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def status(served: Served, path: str, headers: dict[str, str] | None = None) -> int:
    """The HTTP status of GET `path`, asked of 127.0.0.1 whatever host the server names."""
    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        return connection.getresponse().status
    finally:
        connection.close()


WEBSOCKET = {
    "Upgrade": "websocket",
    "Connection": "Upgrade",
    "Sec-WebSocket-Version": "13",
    "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
}


def test_a_tab_marks_an_idea_tried_for_its_profile_only(browser: Any, env: dict[str, str]) -> None:
    idea = json.loads(cli(env, "--profile", "sam", "today", "--json"))
    with serve(env, "--profile", "sam") as served:
        tab = open_tab(browser, served.url)
        tab.wait_for_first_screen(FIRST_SCREEN)
        tab.page.click("#terminal")
        seen = len(tab.frames)
        tab.page.keyboard.press("d")
        tab.wait_for_text("How did it land", since=seen)
        seen = len(tab.frames)
        tab.page.keyboard.press("Control+s")
        tab.wait_for_text("Logged", since=seen)
        tab.page.close()
    sam_log = json.loads(cli(env, "--profile", "sam", "log", "--json"))
    assert [row["gesture_id"] for row in sam_log] == [idea["idea"]["id"]]
    # The other profiles, the default one included, have nothing of sam's.
    assert json.loads(cli(env, "--profile", "alex", "log", "--json")) == []
    assert json.loads(cli(env, "log", "--json")) == []


def test_without_the_token_nothing_is_served_and_no_app_starts(
    browser: Any, env: dict[str, str]
) -> None:
    with serve(env, "--host", "0.0.0.0") as served:
        assert served.token, f"no token in {served.url}"
        wrong = served.token[:-1] + ("A" if served.token[-1] != "A" else "B")
        assert status(served, "/") == 403
        assert status(served, f"/?token={wrong}") == 403
        assert status(served, "/static/js/textual.js") == 403
        assert status(served, "/ws?width=80&height=24", WEBSOCKET) == 403
        assert status(served, f"/ws?token={wrong}", WEBSOCKET) == 403
        # The right token in the query, but the websocket is opened by another site's page.
        evil = {**WEBSOCKET, "Origin": "http://evil.example"}
        assert status(served, f"/ws?token={served.token}", evil) == 403
        assert served.children() == []
        # With the address as printed (reached through 127.0.0.1), the app runs.
        tab = open_tab(browser, f"http://127.0.0.1:{served.port}/?token={served.token}")
        tab.wait_for_first_screen(FIRST_SCREEN)
        assert served.children(), "the right token started no app process"
        tab.page.close()


def test_on_loopback_a_page_named_for_another_host_is_refused(env: dict[str, str]) -> None:
    # A web page can rebind its own name to 127.0.0.1; the Host header still says its name.
    with serve(env) as served:
        assert served.token is None
        assert status(served, "/") == 200
        assert status(served, "/", {"Host": f"evil.example:{served.port}"}) == 403
        assert status(served, "/ws", {**WEBSOCKET, "Host": "evil.example"}) == 403
        assert served.children() == []


def test_every_screen_paints_its_own_background(browser: Any, env: dict[str, str]) -> None:
    """No cell shows the terminal's default background (black in the browser's terminal).

    Nord has no pure black of its own (textual-dark's scrollbar track is pure black), so
    every black pixel is a cell left to the terminal's default."""
    with serve(env, before=("--theme", "nord")) as served:
        tab = open_tab(browser, served.url, width=900, height=540)
        tab.wait_for_first_screen(FIRST_SCREEN)
        tab.page.click("#terminal")
        found = {}
        for key, marker in [
            ("t", "Done it"),
            ("b", "Search ideas"),
            ("j", "Journal"),
            ("f", "FAQ"),
            ("l", "languages"),
            ("p", "Partner"),
        ]:
            seen = len(tab.frames)
            tab.page.keyboard.press(key)
            tab.wait_for_text(marker, since=seen)
            found[key] = settled_black_pixels(tab)[-1]
        tab.page.close()
    assert found == dict.fromkeys(found, 0)


def test_mouse_palette_and_window_size(browser: Any, env: dict[str, str]) -> None:
    with serve(env, before=("--theme", "nord")) as served:  # no black of its own: see above
        tab = open_tab(browser, served.url, width=1000, height=600)
        tab.wait_for_first_screen(FIRST_SCREEN)
        _columns, rows = tab.size
        # The navigation bar is the second row from the bottom; "b Browse" comes second.
        seen = len(tab.frames)
        click_cell(tab, 14, rows - 2)
        tab.wait_for_text("Search ideas", since=seen)
        seen = len(tab.frames)
        tab.page.keyboard.press("Control+p")
        tab.wait_for_text("Search for commands", since=seen)
        tab.page.keyboard.type("faq")
        seen = len(tab.frames)
        tab.page.keyboard.press("Enter")
        tab.wait_for_text("Questions", since=seen)
        # A bigger window: the terminal grows to fill it, and the app redraws to the new
        # size (a cell it did not paint would show the terminal's default black).
        seen = len(tab.frames)
        tab.page.set_viewport_size({"width": 1200, "height": 720})
        tab.wait_for_text("Questions", since=seen)
        black = settled_black_pixels(tab)
        box = tab.page.locator(".xterm-screen").bounding_box()
        assert box["width"] > 1150 and box["height"] > 680, f"the terminal stayed at {box}"
        assert black[-1] == 0, f"cells left unpainted after the resize: {black}"
        tab.page.close()


def test_a_partner_in_the_browser_answers_what_came_through_together(
    browser: Any, env: dict[str, str], tmp_path: Path
) -> None:
    """Sam never opens a terminal: Alex pairs from the shell, Sam's app runs under
    `micromance serve`. What Alex did for Sam shows on Sam's Today in the browser, one key
    there answers it, and the answer reaches Alex's shell."""
    alex = {**env, "MICROMANCE_DATA_DIR": str(tmp_path / "alex")}
    shared = str(tmp_path / "shared")
    code = json.loads(cli(alex, "together", "init", shared, "--name", "Alex", "--json"))["code"]
    cli(env, "together", "join", shared, code, "--name", "Sam")
    cli(alex, "tried", "welcome-home-note")
    with serve(env) as served:
        tab = open_tab(browser, served.url)
        tab.wait_for_first_screen(FIRST_SCREEN)
        tab.wait_for_text("A welcome-home note")  # the From Alex card, once the file is read
        tab.page.click("#terminal")
        seen = len(tab.frames)
        tab.page.keyboard.press("5")
        tab.wait_for_text("Told Alex", since=seen)
        tab.page.close()
    assert "Sam: loved it - A welcome-home note after a trip" in cli(alex, "inbox")
