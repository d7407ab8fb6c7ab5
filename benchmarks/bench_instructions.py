"""Start-up counted in instructions (valgrind's callgrind), not in time. Prints ratios.

Timings on a shared 2-core machine move by a tenth from run to run, which is the whole
margin of the start-up budgets; an instruction count is the same on every run, so it shows
what a change to the code did. It is not the budget itself (bench_startup.py times that):
a bare app spends more of its wall time waiting on the terminal than counting.

- the home screen's first frame vs a bare Textual app's (Header, Static, Footer)
- `micromance today` vs that bare app's first frame

Each app exits right after its first refresh. Needs `valgrind` and `script` (util-linux)::

    python benchmarks/bench_instructions.py
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.bench_startup import BARE_APP  # noqa: E402

#: bench_startup's bare app, told to exit after its first refresh
BARE_EXIT = BARE_APP.replace(
    "Bare().run()",
    "Bare.on_mount = lambda self: self.call_after_refresh(self.exit)\nBare().run()",
)
assert BARE_EXIT != BARE_APP, "bench_startup.BARE_APP no longer ends with Bare().run()"

HOME_EXIT = """
from micromance_tui.tui import app as appmod

first = appmod.MicromanceApp.on_mount

def on_mount(self):
    first(self)
    self.call_after_refresh(self.exit)

appmod.MicromanceApp.on_mount = on_mount
from micromance_tui.cli import main
main([])
"""


def instructions(args: list[str], env: dict[str, str], tty: bool) -> int:
    """Instructions executed by ``python ARGS`` (in a pseudo-terminal when ``tty``)."""
    with tempfile.NamedTemporaryFile("r", suffix=".log") as log:
        valgrind = [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            f"--log-file={log.name}",
            sys.executable,
            *args,
        ]
        if tty:
            command = " ".join(f"'{a}'" for a in valgrind)
            run = ["script", "-qc", command, "/dev/null"]
        else:
            run = valgrind
        subprocess.run(run, env=env, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        found = re.search(r"Collected : (\d+)", Path(log.name).read_text())
    if found is None:
        raise SystemExit(f"valgrind counted nothing for {args}")
    return int(found.group(1))


def main() -> None:
    for tool in ("valgrind", "script"):
        if shutil.which(tool) is None:
            raise SystemExit(f"this benchmark needs {tool}")
    tmp = Path(tempfile.mkdtemp(prefix="mm-bench-instr-"))
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "COLUMNS": "80",
        "LINES": "24",
        "PYTHONPATH": str(REPO),
        "MICROMANCE_NOW": "2026-11-25T09:30:00",
        "MICROMANCE_DATA_DIR": str(tmp / "data"),
        "MICROMANCE_CONFIG_DIR": str(tmp / "config"),
        "MICROMANCE_CACHE_DIR": str(tmp / "cache"),
    }
    from micromance_tui.core.journal import Journal

    Journal.open(tmp / "data" / "journal.json").update_settings(welcomed=True)
    (tmp / "bare.py").write_text(BARE_EXIT)
    (tmp / "home.py").write_text(HOME_EXIT)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "micromance_tui")])
    # The first runs fill the content cache and pin the day's idea: what a returning user has.
    subprocess.run(
        [sys.executable, "-m", "micromance_tui", "today"], env=env, stdout=subprocess.DEVNULL
    )
    instructions([str(tmp / "home.py")], env, tty=True)
    bare = instructions([str(tmp / "bare.py")], env, tty=True)
    home = instructions([str(tmp / "home.py")], env, tty=True)
    today = instructions(["-m", "micromance_tui", "today"], env, tty=False)
    print(f"bare Textual app, first frame:  {bare / 1e6:8.0f} M instructions")
    print(f"micromance home, first frame:   {home / 1e6:8.0f} M")
    print(f"micromance today:               {today / 1e6:8.0f} M")
    print(f"home / bare:  {home / bare:.2f}  (the timed budget is 1.3x)")
    print(f"today / bare: {today / bare:.2f}  (the timed budget is 0.5x)")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
