"""Drive `micromance serve` from a real Chromium: shared by the web tests, the README
screenshot script and the start-up benchmark.

Debian's Chromium is used (Playwright's own browser download cannot run on these machines).
The terminal in the page is drawn on a canvas, so the tests read what the app sends instead:
every websocket frame the browser receives is kept, and `wait_for_text` waits until a text
has arrived (the first screen has been drawn when its footer's words have).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("MICROMANCE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
URL_LINE = re.compile(r"open (http://\S+)")


def missing() -> str | None:
    """Why the browser tests cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install playwright)"
    try:
        import textual_serve  # noqa: F401
    except ImportError:
        return 'textual-serve is not installed (pip install "micromance[web]")'
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    return None


@dataclass
class Served:
    process: subprocess.Popen[str]
    url: str
    port: int
    token: str | None

    def children(self) -> list[int]:
        """Process ids whose parent is the server: the app processes it started."""
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            # The command name is in brackets and may hold spaces: the ppid follows it.
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if ppid == self.process.pid:
                found.append(int(entry.name))
        return found

    def stderr(self) -> str:
        """What the server wrote to stderr (after it has stopped)."""
        assert self.process.stderr is not None
        return self.process.stderr.read()


@contextmanager
def serve(
    env: dict[str, str], *args: str, before: tuple[str, ...] = (), timeout: float = 20
) -> Iterator[Served]:
    """Run `micromance BEFORE serve --port 0 ARGS` until the block ends; yields the URL."""
    command = [sys.executable, "-m", "micromance_tui", *before, "serve", "--port", "0", *args]
    full_env = {**os.environ, **env, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(
        command, env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + timeout
        url = None
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            match = URL_LINE.search(line)
            if match:
                url = match.group(1)
                break
        if url is None:
            process.kill()
            raise RuntimeError(
                f"serve printed no URL: {process.stderr.read() if process.stderr else ''}"
            )
        port = int(re.search(r":(\d+)/", url).group(1))  # type: ignore[union-attr]
        token_match = re.search(r"token=([\w-]+)", url)
        yield Served(process, url, port, token_match.group(1) if token_match else None)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def launch(playwright: Any) -> Any:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@dataclass
class Tab:
    """A browser page on the app, with every websocket frame it has received."""

    page: Any
    frames: list[bytes] = field(default_factory=list)
    size: tuple[int, int] = (0, 0)  # columns and rows the page first asked the app for

    def received(self) -> str:
        return b"".join(self.frames).decode("utf-8", "replace")

    def wait_for_text(self, text: str, timeout: float = 20, since: int = 0) -> float:
        """Wait until `text` has arrived (in frames after index `since`); seconds waited."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if text in b"".join(self.frames[since:]).decode("utf-8", "replace"):
                return time.perf_counter() - start
            self.page.wait_for_timeout(25)
        raise AssertionError(f"{text!r} never arrived; last: {self.received()[-300:]!r}")

    def wait_for_first_screen(self, today: str, timeout: float = 20) -> None:
        """Wait for Today (its `today` text); a new user's first-run welcome, which comes
        first on a blank journal, is skipped with esc on the way."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            text = b"".join(self.frames).decode("utf-8", "replace")
            if WELCOME in text:
                seen = len(self.frames)
                self.page.click("#terminal")
                self.page.keyboard.press("Escape")
                self.wait_for_text(today, timeout=timeout, since=seen)
                return
            if today in text:
                return
            self.page.wait_for_timeout(25)
        raise AssertionError(f"{today!r} never arrived; last: {self.received()[-300:]!r}")


#: the title of the first-run welcome (tui/dialogs/welcome.py)
WELCOME = "Welcome to micromance"


def click_cell(tab: Tab, column: int, row: int) -> None:
    """Click the middle of a terminal cell (the size the page first asked for)."""
    box = tab.page.locator(".xterm-screen").bounding_box()
    width, height = box["width"] / tab.size[0], box["height"] / tab.size[1]
    tab.page.mouse.click(box["x"] + (column + 0.5) * width, box["y"] + (row + 0.5) * height)


def open_tab(browser: Any, url: str, width: int = 1000, height: int = 640) -> Tab:
    """A new page on `url` (fonts from the internet blocked: the tests run offline)."""
    page = browser.new_page(viewport={"width": width, "height": height})
    page.route("**/fonts.googleapis.com/**", lambda route: route.abort())
    tab = Tab(page)

    def on_socket(socket: Any) -> None:
        asked = dict(part.split("=", 1) for part in socket.url.split("?", 1)[1].split("&"))
        tab.size = (int(asked["width"]), int(asked["height"]))
        socket.on(
            "framereceived",
            lambda payload: tab.frames.append(
                payload if isinstance(payload, bytes) else payload.encode()
            ),
        )

    page.on("websocket", on_socket)
    page.goto(url)
    return tab


COUNT_BLACK = """async (png) => {
    const image = new Image();
    image.src = "data:image/png;base64," + png;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    const box = document.querySelector(".xterm-screen").getBoundingClientRect();
    const x = Math.ceil(box.left), y = Math.ceil(box.top);
    const w = Math.floor(Math.min(box.right, image.width)) - x;
    const h = Math.floor(Math.min(box.bottom, image.height)) - y;
    const data = context.getImageData(x, y, w, h).data;
    const isBlack = (px, py) => {
        const i = (py * w + px) * 4;
        return data[i] === 0 && data[i + 1] === 0 && data[i + 2] === 0;
    };
    // A cell left to the default background is a solid black block; black *text* (the
    // theme's text on a light highlight) is strokes a pixel or two wide. So a pixel counts
    // only where the 4x4 block it starts is all black.
    let black = 0;
    for (let py = 0; py + 3 < h; py++) {
        for (let px = 0; px + 3 < w; px++) {
            let solid = true;
            for (let dy = 0; solid && dy < 4; dy++) {
                for (let dx = 0; solid && dx < 4; dx++) {
                    solid = isBlack(px + dx, py + dy);
                }
            }
            if (solid) black++;
        }
    }
    return black;
}"""


def black_pixels(tab: Tab) -> int:
    """Pure black patches in the terminal's cells: what the terminal's default background
    looks like in textual-serve's page (no theme of the app paints a pure black ground;
    black text on a light highlight is strokes, not patches, and is not counted)."""
    import base64

    png = base64.b64encode(tab.page.screenshot()).decode()
    return int(tab.page.evaluate(COUNT_BLACK, png))


def settled_black_pixels(tab: Tab, tries: int = 16) -> list[int]:
    """Black pixel counts, taken until one is 0 or `tries` have been taken: a screen may
    arrive in more than one frame, but a cell left to the default stays black."""
    counts = [black_pixels(tab)]
    while counts[-1] and len(counts) < tries:
        tab.page.wait_for_timeout(250)
        counts.append(black_pixels(tab))
    return counts
