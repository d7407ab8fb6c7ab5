"""Start-up benchmarks, in a real pseudo-terminal (80x24). Prints ratios.

- the home screen's first frame vs a bare Textual app (Header, Static, Footer)  budget 1.3x
- the same with 10,000 gestures loaded vs the shipped content                   budget 1.5x
- `micromance today` wall time vs the bare Textual app's start and exit          budget 0.5x

Each run is a fresh process: time from spawn until the screen shows a marker text
(the first frame). Runs are interleaved so machine noise hits both sides; the ratios are
medians of N runs, and for the home screen also the median of each run's own ratio with
the middle half of those ratios, since a shared VM can be noisy.
Usage: python benchmarks/bench_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("bare-app-ready")
        yield Footer()

Bare().run()
"""


def first_frame(cmd: list[str], marker: bytes, env: dict[str, str], timeout: float = 30) -> float:
    """Seconds from spawn until `marker` has been written to the terminal."""
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.execvpe(cmd[0], cmd, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    seen = b""
    elapsed = float("nan")
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if marker in seen:
                elapsed = time.perf_counter() - start
                break
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
    return elapsed


def wall(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def big_user_file(folder: Path, n: int) -> None:
    from tests.contentkit import dump, gesture

    folder.mkdir(parents=True, exist_ok=True)
    items = [gesture(i) for i in range(n)]
    for item in items:
        item["id"] = f"generated-{item['id']}"
        item["title"] = f"Generated {item['title']}"
    # Several files: one content file may be at most a few MB.
    for start in range(0, n, 1000):
        chunk = items[start : start + 1000]
        (folder / f"generated-{start // 1000:02d}.yaml").write_text(dump(chunk), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="mm-bench-"))
    exe = Path(sys.executable)
    micromance = [str(exe), "-m", "micromance_tui"]
    base_env = {
        **os.environ,
        "TERM": "xterm-256color",
        "PYTHONPATH": str(REPO),
        "MICROMANCE_NOW": "2026-11-25T09:30",
    }
    shipped_env = {
        **base_env,
        "MICROMANCE_DATA_DIR": str(tmp / "data"),
        "MICROMANCE_CONFIG_DIR": str(tmp / "config"),
        "MICROMANCE_CACHE_DIR": str(tmp / "cache"),
    }
    big_env = {
        **shipped_env,
        "MICROMANCE_CONFIG_DIR": str(tmp / "big-config"),
        "MICROMANCE_CACHE_DIR": str(tmp / "big-cache"),
    }
    big_user_file(tmp / "big-config" / "gestures", 10_000 - 250)
    bare_file = tmp / "bare.py"
    bare_file.write_text(BARE_APP)
    check = subprocess.run(
        [*micromance, "check"], env=big_env, capture_output=True, text=True, check=False
    )
    if check.returncode != 0:
        raise SystemExit(f"the generated gestures do not validate:\n{check.stdout[-2000:]}")
    # Byte-compile the project as an install would (PYTHONDONTWRITEBYTECODE may be set
    # here), then warm the library cache once, unmeasured.
    subprocess.run([str(exe), "-m", "compileall", "-q", str(REPO / "micromance_tui")], check=True)
    wall([*micromance, "today"], shipped_env)
    wall([*micromance, "today"], big_env)
    # A returning user's start: the first-run welcome was seen (it would hide Today).
    welcomed = (
        "from micromance_tui.core import paths; from micromance_tui.core.journal import Journal;"
        "Journal.open(paths.resolve().journal_file).update_settings(welcomed=True)"
    )
    subprocess.run([str(exe), "-c", welcomed], env=shipped_env, check=True)
    first_frame([str(exe), str(bare_file)], b"bare-app-ready", base_env)
    bare, home, home_big, today = [], [], [], []
    for _ in range(args.runs):
        bare.append(first_frame([str(exe), str(bare_file)], b"bare-app-ready", base_env))
        home.append(first_frame(micromance, b"Today's idea", shipped_env))
        home_big.append(first_frame(micromance, b"Today's idea", big_env))
        today.append(wall([*micromance, "today"], shipped_env))
    m_bare, m_home = statistics.median(bare), statistics.median(home)
    m_big, m_today = statistics.median(home_big), statistics.median(today)
    print(f"bare Textual app, first frame:      {m_bare * 1000:7.1f} ms (median of {args.runs})")
    print(f"micromance home, first frame:       {m_home * 1000:7.1f} ms")
    print(f"micromance home, 10,000 gestures:   {m_big * 1000:7.1f} ms")
    print(f"micromance today, wall time:        {m_today * 1000:7.1f} ms")
    paired = sorted(h / b for h, b in zip(home, bare, strict=True))
    low, high = paired[len(paired) // 4], paired[(3 * len(paired)) // 4]
    print(f"home / bare:            ratio {m_home / m_bare:.2f} (budget 1.3x)")
    print(
        f"  run by run:           median {statistics.median(paired):.2f}, "
        f"middle half {low:.2f}-{high:.2f}"
    )
    print(f"home 10k / home:        ratio {m_big / m_home:.2f} (budget 1.5x)")
    print(f"today / bare app start: ratio {m_today / m_bare:.2f} (budget 0.5x)")


if __name__ == "__main__":
    main()
