"""Crash safety and concurrency with real processes.

A writer subprocess adds entries in a loop and prints each id once ``add_tried`` has
returned (acknowledged). It is killed with SIGKILL at random moments; after every kill the
journal must load (never moved aside as corrupt) and hold every acknowledged id. Two writers
running at once must both keep all their entries.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from micromance_tui.core.journal import SCHEMA_VERSION, Journal, new_id
from micromance_tui.core.storage import SafeJSONStorage

REPO = Path(__file__).resolve().parents[2]
KILLS = 24  # random-moment kills; test_sigkill_in_the_middle_of_a_write adds 8 more
SEED = 20261125

WRITER = r"""
import os, sys, time
from pathlib import Path
from micromance_tui.core import storage
from micromance_tui.core.journal import Journal

path, gesture, count, mode = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
pause_after = int(sys.argv[5]) if len(sys.argv) > 5 else -1
acked = 0

def pause_here():
    print("paused", flush=True)
    time.sleep(30)

if mode == "partial":  # stop half way through writing the temp file
    real_write = os.write
    def write(fd, data):
        if acked == pause_after:
            real_write(fd, bytes(data[: len(data) // 2]))
            pause_here()
        return real_write(fd, data)
    storage.os.write = write
elif mode == "before-replace":  # stop with the temp file complete, before os.replace
    real_replace = os.replace
    def replace(src, dst):
        if acked == pause_after:
            pause_here()
        return real_replace(src, dst)
    storage.os.replace = replace

journal = Journal.open(path)
print("ready", flush=True)
if mode == "wait":
    sys.stdin.readline()
while count == 0 or acked < count:
    entry = journal.add_tried(gesture, note="written by a writer that may be killed")
    print(entry.id, flush=True)
    acked += 1
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fcntl and SIGKILL are POSIX")


def spawn(
    path: Path, gesture: str, count: int, mode: str = "go", pause_after: int = -1
) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    args = [str(path), gesture, str(count), mode, str(pause_after)]
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def seed_journal(path: Path, entries: int) -> None:
    """A journal big enough that a write takes a few milliseconds: kills land mid-write."""
    tried = {
        str(n): {
            "id": new_id(),
            "gesture": "seed",
            "date": "2026-01-01",
            "time": "12:00",
            "note": "an older entry with a note of a realistic length, nothing more",
            "reaction": 4,
            "for_whom": "partner",
            "created": "2026-01-01T12:00:00",
        }
        for n in range(1, entries + 1)
    }
    storage = SafeJSONStorage(path)
    storage.write({"meta": {"1": {"schema": SCHEMA_VERSION}}, "tried": tried})
    storage.close()


def check_after_kill(path: Path, acknowledged: set[str], label: str) -> set[str]:
    """The journal loads as it is (not moved aside), with every acknowledged id."""
    with Journal.open(path) as journal:
        assert journal.recovered_from is None, f"{label}: {journal.recovery_message()}"
        present = {entry.id for entry in journal.tried()}
    missing = acknowledged - present
    assert not missing, f"{label}: {len(missing)} acknowledged entries lost"
    assert not [name for name in os.listdir(path.parent) if name.endswith(".tmp")]
    return present


def acked_ids(out: str) -> set[str]:
    return {line for line in out.splitlines() if line not in ("", "ready", "paused")}


@pytest.mark.slow  # 24 writers killed at random moments: 20 s alone on a loaded 2-core machine
def test_sigkill_at_random_moments_loses_no_acknowledged_entry(tmp_path: Path) -> None:
    path = tmp_path / "data" / "journal.json"
    seed_journal(path, 3000)
    rng = random.Random(SEED)
    acknowledged: set[str] = set()
    mid_write = least = 0
    for kill in range(KILLS):
        writer = spawn(path, "crash", 0)
        if kill % 4 == 3:
            time.sleep(rng.uniform(0.0, 0.15))  # may land while it starts or opens
        else:  # after 0-2 acknowledged writes, then a random moment of the loop
            assert writer.stdout is not None
            assert writer.stdout.readline() == "ready\n"
            waited = [writer.stdout.readline() for _ in range(rng.randrange(3))]
            acknowledged |= acked_ids("".join(waited))
            least += len(waited)
            time.sleep(rng.uniform(0.0, 0.03))
        writer.send_signal(signal.SIGKILL)
        out, err = writer.communicate(timeout=10)
        assert writer.returncode == -signal.SIGKILL, err
        mid_write += any(name.endswith(".tmp") for name in os.listdir(path.parent))
        acknowledged |= acked_ids(out)
        check_after_kill(path, acknowledged, f"kill {kill}")
    print(f"{KILLS} random kills, {mid_write} mid-write, {len(acknowledged)} acknowledged")
    assert least > 0 and len(acknowledged) >= least  # the writers really wrote


@pytest.mark.parametrize("mode", ["partial", "before-replace"])
def test_sigkill_in_the_middle_of_a_write(tmp_path: Path, mode: str) -> None:
    """Kills that surely land mid-write: the writer pauses inside the write and is killed."""
    path = tmp_path / "data" / "journal.json"
    seed_journal(path, 500)
    rng = random.Random(f"{SEED}-{mode}")
    acknowledged: set[str] = set()
    for kill in range(4):
        writer = spawn(path, "paused", 0, mode=mode, pause_after=rng.randrange(4))
        assert writer.stdout is not None
        lines = []
        while (line := writer.stdout.readline()) not in ("paused\n", ""):
            lines.append(line)
        assert line == "paused\n", writer.communicate()[1]
        temp_files = [name for name in os.listdir(path.parent) if name.endswith(".tmp")]
        assert len(temp_files) == 1  # the half-done write is really in progress
        writer.send_signal(signal.SIGKILL)
        out, _err = writer.communicate(timeout=10)
        acknowledged |= acked_ids("".join(lines) + out)
        present = check_after_kill(path, acknowledged, f"{mode} kill {kill}")
        assert present - acknowledged == {e for e in present if e not in acknowledged}
        assert len([e for e in present if e in acknowledged]) == len(acknowledged)
        assert len(present) == 500 + len(acknowledged)  # the interrupted entry is not there


def test_two_writers_at_once_keep_all_200_entries(tmp_path: Path) -> None:
    path = tmp_path / "data" / "journal.json"
    Journal.open(path).close()
    writers = [spawn(path, gesture, 100, mode="wait") for gesture in ("left", "right")]
    for writer in writers:
        assert writer.stdout is not None
        assert writer.stdout.readline() == "ready\n"
    for writer in writers:  # start both together
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    outputs = []
    for writer in writers:
        out, err = writer.communicate(timeout=60)
        assert writer.returncode == 0, err
        outputs.append([line for line in out.splitlines() if line != "ready"])
    with Journal.open(path) as journal:
        entries = journal.tried()
    assert len(entries) == 200
    assert sorted(e.gesture_id for e in entries) == ["left"] * 100 + ["right"] * 100
    assert {e.id for e in entries} == set(outputs[0]) | set(outputs[1])
    assert len(set(outputs[0]) | set(outputs[1])) == 200
