"""Hostile input: broken, huge, strange or unwritable files and text. Every case must end in
one clear line for the user, a usable program, and nothing already saved changed.

The UI side of the same cases (the app starts, says what happened, keeps working) is in
tests/tui/test_hostile_tui.py.
"""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import signal
import stat
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import redirect_stderr, redirect_stdout
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from micromance_tui.cli import main
from micromance_tui.core import paths as paths_mod
from micromance_tui.core import storage as storage_mod
from micromance_tui.core.clock import fixed_clock
from micromance_tui.core.content import check_files, load_library
from micromance_tui.core.journal import (
    Journal,
    JournalValueError,
    JournalWriteError,
)
from micromance_tui.tui.validate import note_problem
from tests.contentkit import make_content

NOW_TEXT = "2026-11-25T09:30"
NOW = datetime(2026, 11, 25, 9, 30)
STAMP = "20261125-093000"
IDEA = "good-morning-text"  # a shipped idea
IDEA2 = "hug-after-long-day"
MB = 1024 * 1024
NOT_REGULAR = "not a regular file"


@pytest.fixture(autouse=True)
def _fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MICROMANCE_NOW", NOW_TEXT)


@pytest.fixture
def journal_file() -> Path:
    """The journal the CLI uses in this test (the temp data dir from tests/conftest.py)."""
    return paths_mod.resolve().journal_file


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    """The single line the program printed on stderr (fails if there is not exactly one)."""
    lines = err.splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got: {err!r}"
    assert "Traceback" not in err
    return lines[0]


def sha(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(MB):
            digest.update(chunk)
    return digest.hexdigest()


def saved_journal(journal_file: Path, capsys: pytest.CaptureFixture[str]) -> bytes:
    """A journal with two entries, saved through the CLI; returns its bytes."""
    assert cli(capsys, "tried", IDEA, "--note", "kept safe", "--reaction", "5")[0] == 0
    assert cli(capsys, "tried", IDEA2, "--date", "2026-11-20")[0] == 0
    return journal_file.read_bytes()


def logged_notes(capsys: pytest.CaptureFixture[str]) -> list[str]:
    code, out, err = cli(capsys, "log", "--json")
    assert code == 0, err
    return [row["note"] for row in json.loads(out)]


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Fail (instead of hanging the suite) if the test takes more than 10 seconds."""

    def timeout(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError("hung for 10 s")

    previous = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(10)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# == journal files =======================================================================

_REAL = (
    b'{"meta":{"1":{"schema":2}},"tried":{"1":{"id":"a1","gesture":"good-morning-text",'
    b'"date":"2026-11-01","time":"","note":"tea","reaction":4,"for_whom":"partner",'
    b'"created":"2026-11-01T08:00:00"}}}'
)

UNREADABLE: dict[str, tuple[bytes, str]] = {
    # name: (file content, the reason the user is shown)
    "empty": (b"", "the file is empty"),
    "blank": (b"  \n\t\n", "the file is blank"),
    "truncated": (_REAL[:97], "line 1 column 89: Unterminated string starting at"),
    "cut-after-a-comma": (_REAL[:27], "line 1 column 28: Expecting property name"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "not UTF-8 text (byte 0x89 at offset 0)"),
    "nul-bytes": (b"\x00" * 64, "line 1 column 1: Expecting value"),
    "latin-1": ('{"tried": "caf\xe9"}'.encode("latin-1"), "not UTF-8 text (byte 0xe9"),
    "a-list": (b"[1, 2, 3]", "the top level is a list, not an object of tables"),
    "a-string": (b'"journal"', "the top level is a string, not an object of tables"),
    "null": (b"null", "the top level is null, not an object of tables"),
    "a-table-that-is-a-list": (b'{"tried": []}', "table 'tried' is a list"),
    "a-document-id-that-is-not-a-number": (
        b'{"tried": {"x": {}}}',
        "table 'tried': document id 'x' is not a number",
    ),
    "a-document-that-is-a-number": (b'{"tried": {"1": 5}}', "table 'tried': document 1 is a"),
    "schema-as-text": (b'{"meta": {"1": {"schema": "two"}}}', "meta: schema 'two' is not"),
    "nested-100000-deep": (b"[" * 100_000, "nested too deeply"),
}


@pytest.mark.parametrize("name", list(UNREADABLE))
def test_unreadable_journal_is_kept_aside_and_a_fresh_one_starts(
    name: str, journal_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content, reason = UNREADABLE[name]
    journal_file.parent.mkdir(parents=True, exist_ok=True)
    journal_file.write_bytes(content)

    code, out, err = cli(capsys, "log")
    kept = journal_file.with_name(f"journal.json.corrupt-{STAMP}")
    assert code == 3
    line = one_line(err)
    assert line.startswith(f"micromance: the journal file could not be read ({reason}")
    assert line.endswith(f"), so a fresh one was started; the old file is kept at {kept}")
    assert out == "Nothing logged yet.\n"
    assert kept.read_bytes() == content  # the user's bytes, exactly
    # ... and the fresh journal works
    assert cli(capsys, "tried", IDEA)[0] == 0
    assert len(logged_notes(capsys)) == 1
    assert kept.read_bytes() == content


def test_a_second_corrupt_file_never_overwrites_the_first(
    journal_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal_file.parent.mkdir(parents=True)
    journal_file.write_bytes(b"first {")
    cli(capsys, "log")
    journal_file.write_bytes(b"second {")
    code, _, err = cli(capsys, "log")
    assert code == 3 and "kept at" in err
    kept = sorted(p.name for p in journal_file.parent.glob("journal.json.corrupt-*"))
    assert kept == [f"journal.json.corrupt-{STAMP}", f"journal.json.corrupt-{STAMP}-2"]
    assert (journal_file.parent / kept[0]).read_bytes() == b"first {"
    assert (journal_file.parent / kept[1]).read_bytes() == b"second {"


def _write_50mb_corrupt(path: Path) -> None:
    """A valid-looking journal whose last note never ends: 50 MB, written in ~0.1 s."""
    path.parent.mkdir(parents=True, exist_ok=True)
    head = _REAL[:-2] + b',"2":{"id":"b","gesture":"x","date":"2026-11-02","note":"'
    with path.open("wb") as fh:
        fh.write(head)
        block = b"la" * (MB // 2)
        for _ in range(50):
            fh.write(block)


def test_huge_corrupt_journal_is_refused_in_bounded_memory_and_kept(
    journal_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_50mb_corrupt(journal_file)
    digest = sha(journal_file)
    # Time is the benchmarks' business (tracemalloc alone makes this run take seconds on a
    # busy machine); what a user would notice is the memory and the file kept.
    tracemalloc.start()
    try:
        code, _, err = cli(capsys, "log")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert code == 3
    assert "could not be read (line 1 column " in one_line(err)
    assert "Unterminated string" in err and "kept at" in err
    assert peak < 4 * 50 * MB, f"peak {peak / MB:.0f} MB for a 50 MB file"
    assert sha(journal_file.with_name(f"journal.json.corrupt-{STAMP}")) == digest


def test_huge_valid_journal_opens_and_keeps_everything(journal_file: Path) -> None:
    """50 MB is big but allowed: it opens, takes a new entry and loses nothing."""
    journal_file.parent.mkdir(parents=True)
    data = json.loads(_REAL)
    data["attachments"] = {"1": {"blob": "x" * (50 * MB)}}  # a table this version ignores
    journal_file.write_text(json.dumps(data))
    started = time.perf_counter()
    with Journal.open(journal_file, clock=fixed_clock(NOW)) as journal:
        assert journal.recovered_from is None
        journal.add_tried(IDEA2, note="still fine")
    assert time.perf_counter() - started < 10
    stored = json.loads(journal_file.read_bytes())
    assert stored["attachments"]["1"]["blob"] == "x" * (50 * MB)
    assert [doc["note"] for doc in stored["tried"].values()] == ["tea", "still fine"]


def test_journal_over_the_size_limit_is_refused_untouched(
    journal_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal_file.parent.mkdir(parents=True)
    with journal_file.open("wb") as fh:  # sparse: 70 MB on paper, nothing on disk
        fh.truncate(70 * MB)
    before = os.stat(journal_file)
    for args in (["log"], ["tried", IDEA]):
        code, _, err = cli(capsys, *args)
        assert code == 3
        assert one_line(err) == (
            f"micromance: cannot open the journal {journal_file}: the file is 70.0 MB, more "
            "than the 64 MB a journal may be; it was left untouched"
        )
    after = os.stat(journal_file)
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (
        before.st_ino,
        before.st_size,
        before.st_mtime_ns,
    )
    # Nothing was added either: opening only read the file, so it took no lock (no lock file).
    assert sorted(p.name for p in journal_file.parent.iterdir()) == ["journal.json"]


def test_a_write_that_would_pass_the_size_limit_is_refused(
    journal_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Journal.open(journal_file, clock=fixed_clock(NOW)) as journal:
        journal.add_tried(IDEA)
        before = journal_file.read_bytes()
        monkeypatch.setattr(storage_mod, "MAX_JOURNAL_BYTES", len(before) + 100)
        with pytest.raises(JournalWriteError, match="more than the 0 MB a journal may be"):
            journal.add_tried(IDEA2, note="x" * 500)
        assert journal_file.read_bytes() == before
        assert len(journal.tried()) == 1


def test_missing_folders_are_created_private(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "a" / "b" / "c"
    code, _, err = cli(capsys, "tried", IDEA, "--data-dir", str(data))
    assert code == 0, err
    assert stat.S_IMODE(os.stat(data).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(data / "journal.json").st_mode) == 0o600


def test_a_file_where_the_folder_should_be(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("my notes")
    code, _, err = cli(capsys, "tried", IDEA, "--data-dir", str(blocker))
    assert code == 3
    assert one_line(err) == (
        f"micromance: cannot open the journal {blocker / 'journal.json'}: {blocker} is not a folder"
    )
    assert blocker.read_text() == "my notes"


def test_a_folder_where_the_journal_should_be(
    journal_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal_file.mkdir(parents=True)
    code, _, err = cli(capsys, "log")
    assert code == 3
    assert (
        one_line(err) == f"micromance: cannot open the journal {journal_file}: not a regular file"
    )
    assert journal_file.is_dir()


def test_a_named_pipe_where_the_journal_should_be_does_not_hang(
    journal_file: Path, capsys: pytest.CaptureFixture[str], no_hang: None
) -> None:
    journal_file.parent.mkdir(parents=True)
    os.mkfifo(journal_file, 0o600)
    code, _, err = cli(capsys, "tried", IDEA)
    assert code == 3
    assert (
        one_line(err) == f"micromance: cannot open the journal {journal_file}: not a regular file"
    )
    assert stat.S_ISFIFO(os.stat(journal_file).st_mode)


def test_a_link_to_a_pipe_elsewhere_changes_nothing_there(
    tmp_path: Path, journal_file: Path, capsys: pytest.CaptureFixture[str], no_hang: None
) -> None:
    """A journal that is a link is refused: the folder it points into and the pipe keep
    their permissions, and nothing (no lock file) is created next to them."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o755)
    os.chmod(elsewhere, 0o755)
    pipe = elsewhere / "pipe"
    os.mkfifo(pipe, 0o644)
    os.chmod(pipe, 0o644)
    journal_file.parent.mkdir(parents=True)
    journal_file.symlink_to(pipe)
    code, _, err = cli(capsys, "log")
    assert code == 3
    assert "is a symbolic link" in one_line(err)
    assert stat.S_IMODE(os.stat(elsewhere).st_mode) == 0o755
    assert stat.S_IMODE(os.stat(pipe).st_mode) == 0o644
    assert os.listdir(elsewhere) == ["pipe"]


def _enospc(*args: Any, **kwargs: Any) -> Any:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _half_then_enospc(fd: int, payload: bytes) -> None:
    os.write(fd, payload[: len(payload) // 2])  # the disk fills up half-way through
    _enospc()


@pytest.mark.parametrize("where", ["temp file", "write", "fsync", "rename"])
def test_full_disk_keeps_the_saved_journal(
    where: str,
    journal_file: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = saved_journal(journal_file, capsys)
    with pytest.MonkeyPatch.context() as full:
        if where == "temp file":
            full.setattr(tempfile, "mkstemp", _enospc)
        elif where == "write":
            full.setattr(storage_mod, "_write_all", _half_then_enospc)
        elif where == "fsync":
            full.setattr(os, "fsync", _enospc)
        else:
            full.setattr(os, "replace", _enospc)
        code, _, err = cli(capsys, "tried", IDEA, "--again", "--note", "lost to a full disk")
    assert code == 1
    assert one_line(err) == (
        f"micromance: cannot write the journal {journal_file}: no space left on device"
    )
    assert journal_file.read_bytes() == before
    assert [p.name for p in journal_file.parent.iterdir() if p.name.endswith(".tmp")] == []
    # space again: everything saved is still there and the next write works
    assert cli(capsys, "tried", IDEA, "--again", "--note", "after")[0] == 0
    assert sorted(logged_notes(capsys)) == ["", "after", "kept safe"]


# -- real permissions: run as an unprivileged user in a forked child ---------------------


def _as_nobody(work: Callable[[], Any]) -> Any:
    """Run ``work`` in a forked child without root's powers; return its result or raise."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            os.close(read_end)
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            payload = {"ok": work()}
        except BaseException as exc:
            payload = {"error": f"{type(exc).__name__}: {exc}"}
        os.write(write_end, json.dumps(payload).encode())
        os._exit(0)
    os.close(write_end)
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    os.waitpid(pid, 0)
    result = json.loads(b"".join(chunks))
    if "error" in result:
        raise AssertionError(result["error"])
    return result["ok"]


def _cli_as_nobody(data: Path, *args: str) -> tuple[int, str, str]:
    def work() -> tuple[int, str, str]:
        os.environ["MICROMANCE_DATA_DIR"] = str(data)
        os.environ["MICROMANCE_CACHE_DIR"] = str(data.parent / "cache")
        os.environ["MICROMANCE_CONFIG_DIR"] = str(data.parent / "config")
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            code = main(list(args))
        return code, out.getvalue(), err.getvalue()

    code, out, err = _as_nobody(work)
    return code, out, err


def _journal_for_nobody(shared_dir: Path) -> tuple[Path, bytes]:
    data = shared_dir / "data"
    with Journal.open(data / "journal.json", clock=fixed_clock(NOW)) as journal:
        journal.add_tried(IDEA, note="kept safe")
    os.chmod(data, 0o755)
    os.chmod(data / "journal.json", 0o644)
    os.chmod(data / "journal.json.lock", 0o666)
    return data, (data / "journal.json").read_bytes()


needs_fork = pytest.mark.skipif(
    not hasattr(os, "fork") or os.geteuid() != 0, reason="needs root to become another user"
)


@needs_fork
@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_journal_reads_but_refuses_writes(shared_dir: Path, what: str) -> None:
    data, before = _journal_for_nobody(shared_dir)
    if what == "file":  # someone else's file in a folder we may write
        os.chmod(data, 0o777)
    else:  # a folder we may not write
        os.chmod(data / "journal.json", 0o666)
        os.chmod(data, 0o555)
    path = data / "journal.json"

    code, out, err = _cli_as_nobody(data, "log")
    assert (code, err) == (0, "")
    assert "kept safe" in out

    code, _, err = _cli_as_nobody(data, "tried", IDEA2)
    assert code == 1
    assert one_line(err) == (
        f"micromance: cannot write the journal {path}: the journal is read-only "
        "(its file or folder is not writable)"
    )
    assert path.read_bytes() == before
    assert sorted(os.listdir(data)) == ["journal.json", "journal.json.lock"]


@needs_fork
def test_a_folder_that_cannot_be_created(shared_dir: Path) -> None:
    os.chmod(shared_dir, 0o555)
    data = shared_dir / "data"
    code, _, err = _cli_as_nobody(data, "tried", IDEA)
    assert code == 3
    assert one_line(err) == (
        f"micromance: cannot open the journal {data / 'journal.json'}: cannot create the "
        f"folder {data}: permission denied"
    )
    assert not data.exists()


@needs_fork
def test_an_unreadable_journal_is_not_moved_or_replaced(shared_dir: Path) -> None:
    data, before = _journal_for_nobody(shared_dir)
    os.chmod(data / "journal.json", 0o600)  # root's own, private
    code, _, err = _cli_as_nobody(data, "log")
    assert code == 3
    assert one_line(err) == (
        f"micromance: cannot open the journal {data / 'journal.json'}: permission denied"
    )
    assert (data / "journal.json").read_bytes() == before


# == notes ===============================================================================

GOOD_NOTES = {
    "emoji with joiners and skin tones": "👩‍❤️‍👨 made coffee ☕️ 🫶🏽",
    "flags and keycaps": "🇫🇷 trip planned 1️⃣",
    "combining marks (decomposed)": "cafe\u0301 nai\u0308ve Z\u0351\u0352a\u0353\u0354",
    "precomposed is kept precomposed": "café naïve",
    "hebrew": "אמרתי לה תודה",
    "arabic": "قلت لها شكرا",
    "mixed directions": "coffee ☕ قهوة with milk حليب",
    "markup-looking text": "[bold]not bold[/bold] [/] [@click=app.quit]x[/] $var",
    "tab and newline": "line one\n\tline two",
    "wide CJK": "一緒にお茶を飲んだ",
    "zero-width joiner alone": "a\u200db",
    "2000 emoji (8000 bytes)": "😀" * 2000,
}

BAD_NOTES = {
    "100,000 characters": ("x" * 100_000, "note of 100000 characters is not allowed"),
    "2,001 characters": ("y" * 2001, "use at most 2000 characters"),
    "NUL": ("a\x00b", "it has control characters; remove them"),
    "bell": ("ding\x07", "it has control characters; remove them"),
    "terminal escape": ("\x1b[31mred\x1b[0m", "it has control characters; remove them"),
    "carriage return": ("one\rtwo", "it has control characters; remove them"),
    "delete": ("a\x7fb", "it has control characters; remove them"),
    "C1 control (NEL)": ("a\x85b", "it has control characters; remove them"),
    "right-to-left override": ("\u202eevil", "invisible text-direction controls"),
    "direction isolate": ("a\u2067b\u2069", "invisible text-direction controls"),
    "lone surrogate": ("bad\udcffbyte", "not valid Unicode"),
}


@pytest.mark.parametrize("name", list(GOOD_NOTES))
def test_valid_notes_round_trip_exactly(name: str, journal_file: Path) -> None:
    note = GOOD_NOTES[name]
    assert note_problem(note) == ""  # the form accepts it too
    with Journal.open(journal_file, clock=fixed_clock(NOW)) as journal:
        entry = journal.add_tried(IDEA, note=note)
        assert entry.note == note
    with Journal.open(journal_file, clock=fixed_clock(NOW)) as journal:
        assert [e.note for e in journal.tried()] == [note]
        export = journal.export_data()
    assert export["tried"][0]["note"] == note


@pytest.mark.parametrize("name", list(BAD_NOTES))
def test_bad_notes_are_refused_and_nothing_changes(name: str, journal_file: Path) -> None:
    note, message = BAD_NOTES[name]
    assert note_problem(note)  # the form refuses it before it gets here
    with Journal.open(journal_file, clock=fixed_clock(NOW)) as journal:
        kept = journal.add_tried(IDEA, note="kept safe")
        before = journal_file.read_bytes()
        with pytest.raises(JournalValueError) as caught:
            journal.add_tried(IDEA2, note=note)
        text = str(caught.value)
        assert message in text
        assert "\n" not in text and len(text) < 200
        assert not any(ch in text for ch in "\x00\x07\x1b\r\x7f\x85\u202e\u2067")
        with pytest.raises(JournalValueError):
            journal.edit_tried(kept.id, note=note)
        assert journal_file.read_bytes() == before
        assert journal.tried() == [kept]


@pytest.mark.parametrize("name", list(GOOD_NOTES))
def test_cli_tried_note_round_trips(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    note = GOOD_NOTES[name]
    code, _, err = cli(capsys, "tried", IDEA, "--note", note)
    assert (code, err) == (0, ""), err
    assert logged_notes(capsys) == [note]


@pytest.mark.parametrize("name", list(BAD_NOTES))
def test_cli_tried_refuses_bad_notes_in_one_line(
    name: str, journal_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    note, message = BAD_NOTES[name]
    before = saved_journal(journal_file, capsys)
    code, out, err = cli(capsys, "tried", IDEA, "--note", note)
    assert code == 2
    assert out == ""
    line = one_line(err)
    assert line.startswith("micromance: note ") and message in line
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F for ch in line)
    assert journal_file.read_bytes() == before


def test_cli_note_from_bytes_that_are_not_utf8(
    journal_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--note $'\\xff'` in a shell: Python hands over a lone surrogate, never a crash."""
    before = saved_journal(journal_file, capsys)
    note = os.fsdecode(b"caf\xe9 au lait")
    code, _, err = cli(capsys, "tried", IDEA, "--note", note)
    assert code == 2
    assert "is not allowed: it has characters that are not valid Unicode" in one_line(err)
    assert journal_file.read_bytes() == before


def test_log_never_prints_control_characters_from_an_old_journal(
    journal_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Notes written before the check existed (or by hand) print as text, not as escapes."""
    journal_file.parent.mkdir(parents=True)
    data = json.loads(_REAL)
    data["tried"]["1"]["note"] = "\x1b]0;pwned\x07\x1b[2J gone"
    journal_file.write_text(json.dumps(data))
    code, out, err = cli(capsys, "log")
    assert (code, err) == (0, "")
    assert "\x1b" not in out and "\x07" not in out
    assert "gone" in out


# == content and user YAML ===============================================================

GOOD_YAML = """\
- id: my-idea
  title: "My idea"
  summary: "A small thing."
  how: "Do it."
  why: "Because."
  languages: [words]
  effort: tiny
  cost: free
"""


def _laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    prev = "a"
    for name in "bcdefghi":  # 9 ** 9 = 387,420,489 "lol"s if expanded
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
        prev = name
    return "\n".join(lines) + "\n"


def _scalar_bomb() -> str:
    """One 1 MB text, repeated through aliases in 2,000 ideas: 2 GB if it were copied."""
    first = GOOD_YAML.replace('how: "Do it."', "how: &big " + "a" * MB)
    rest = [
        f"- {{id: idea-{i}, title: t, summary: s, how: *big, why: w, languages: [words], "
        "effort: tiny, cost: free}\n"
        for i in range(2000)
    ]
    return first + "".join(rest)


YAML_CASES: dict[str, tuple[str | bytes, str]] = {
    # name: (file content, what the line says after "file:line:col: ")
    "unclosed quote": ('- id: "abc\n  title: x\n', "3:1: YAML syntax: found unexpected end"),
    "bad indentation": (
        "- id: a\n   title: b\n  summary: c\n",
        "2:9: YAML syntax: mapping values are not allowed in this context",
    ),
    "tab indentation": (
        "- id: a\n\ttitle: b\n",
        "2:1: YAML syntax: found a tab character that violates indentation",
    ),
    "unclosed bracket": ("- languages: [words\n", "2:1: YAML syntax: did not find expected"),
    "two documents": (
        GOOD_YAML + "---\n" + GOOD_YAML,
        "9:1: YAML syntax: expected a single document in the stream, but found another",
    ),
    "not UTF-8": (GOOD_YAML.encode().replace(b"My idea", b"My \xe9dea"), "2:14: the file is "),
    "UTF-16": (GOOD_YAML.encode("utf-16"), "1:1: the file is not UTF-8 text"),
    "binary": (b"\x00\x01\x02binary\x00", "1:1: the file is binary, not YAML text"),
    "empty": ("", "1:1: the file is empty; expected a list of gestures"),
    "only comments": ("# nothing yet\n", "1:1: the file is empty; expected a list of gestures"),
    "a mapping at the top": ("id: a\n", "1:1: the top level should be a list of gestures"),
    "an item that is text": ("- just text\n", "1:3: a gesture should be a mapping"),
    "duplicate key": (GOOD_YAML + "  title: again\n", "9:3: duplicate key 'title'"),
    "unknown key": (GOOD_YAML.replace("summary", "sumary"), "did you mean 'summary'?"),
    "missing keys": ("- id: a\n", "1:3: a gesture is missing the required key 'title'"),
    "a number for text": (GOOD_YAML.replace("effort: tiny", "effort: 3"), "7:11: effort: found"),
    "yes for text": (
        GOOD_YAML.replace('title: "My idea"', "title: yes"),
        "2:10: title: found a true/false value 'yes' where text is expected",
    ),
    "a date for text": (GOOD_YAML.replace('"My idea"', "2026-01-01"), "(YAML reads it as a date)"),
    "a list for text": (GOOD_YAML.replace('"My idea"', "[a, b]"), "title: found a list where"),
    "unknown love language": (GOOD_YAML.replace("[words]", "[hugs]"), "unknown value 'hugs'"),
    "too long": (GOOD_YAML.replace("My idea", "x" * 61), "title is 61 characters long"),
    "duplicate id": (GOOD_YAML + GOOD_YAML, "9:7: duplicate id 'my-idea'"),
    "terminal escape": (GOOD_YAML.replace("My idea", "\\e[31mred"), "title has control charac"),
    "NUL escape": (GOOD_YAML.replace("My idea", "a\\0b"), "title has control characters"),
    "direction override": (
        GOOD_YAML.replace("My idea", "\\u202eevil"),
        "title has invisible text-direction controls",
    ),
    "41 levels deep": ("- id: " + "[" * 41 + "]" * 41 + "\n", "nesting deeper than 40 levels"),
    "100,000 levels deep": ("[" * 100_000 + "]" * 100_000, "exceeded maximum nesting depth"),
    "python tag": (
        "- !!python/object/apply:os.system ['touch /tmp/micromance-pwned']\n",
        "1:3: the tag '!!python/object/apply:os.system' is not allowed",
    ),
    "custom tag": ("- !foo bar\n", "1:3: the tag '!foo' is not allowed"),
    "set tag": ("- !!set {a, b}\n", "the tag '!!set' is not allowed"),
    "binary tag": (
        GOOD_YAML.replace('"My idea"', "!!binary aGVsbG8="),
        "title: found binary data",
    ),
    "merge key": ("- &base {id: a}\n- <<: *base\n  title: b\n", "merge keys (<<) are not"),
    "alias of a text": (
        GOOD_YAML.replace('"My idea"', "&t My idea").replace('"A small thing."', "*t"),
        "anchors and aliases (&name, *name) are not allowed",
    ),
    "billion laughs": (_laughs(), "1:4: anchors and aliases (&name, *name) are not allowed"),
}


def _write(path: Path, content: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")


@pytest.mark.parametrize("name", list(YAML_CASES))
def test_check_names_each_yaml_problem_with_its_place(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content, expected = YAML_CASES[name]
    bad = tmp_path / "mine.yaml"
    _write(bad, content)
    code, out, err = cli(capsys, "check", str(bad))
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith(f"{bad}:") and expected in first, first
    assert err.endswith(" found\n") and "(s)" not in err and "Traceback" not in err
    assert not Path("/tmp/micromance-pwned").exists()


@pytest.mark.parametrize("name", list(YAML_CASES))
def test_a_bad_user_file_is_skipped_with_one_line_and_the_app_data_loads(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], journal_file: Path
) -> None:
    content, expected = YAML_CASES[name]
    config = paths_mod.resolve().config_dir
    _write(config / "gestures" / "mine.yaml", content)
    _write(config / "gestures" / "fine.yaml", GOOD_YAML.replace("my-idea", "fine-idea"))
    saved_journal(journal_file, capsys)  # (prints the skip line too)
    before = json.loads(journal_file.read_bytes())["tried"]

    code, out, err = cli(capsys, "today")
    assert code == 0
    line = one_line(err)
    assert line.startswith(
        f"micromance: skipped your gestures file: {config / 'gestures' / 'mine.yaml'}:"
    )
    assert expected in line
    assert out.startswith("Today's idea: ")
    library = load_library(paths_mod.resolve()).library
    assert "fine-idea" in library.gesture_by_id  # the good user file still loads
    assert len(library.gestures) > 250
    assert json.loads(journal_file.read_bytes())["tried"] == before  # (today pins its idea)


def test_billion_laughs_is_refused_in_well_under_a_second(tmp_path: Path) -> None:
    bad = tmp_path / "laughs.yaml"
    bad.write_text(_laughs())
    started = time.perf_counter()
    _, errors = check_files([bad], paths_mod.resolve())
    assert time.perf_counter() - started < 0.2
    assert [e.message for e in errors] == ["anchors and aliases (&name, *name) are not allowed"]


def test_aliases_of_one_big_text_are_refused_not_copied(tmp_path: Path) -> None:
    """Without this, 2,000 aliases of a 1 MB text would load as 2 GB of ideas (and a 2 GB
    start-up cache); the loader must stop at the first alias."""
    bad = tmp_path / "bomb.yaml"
    bad.write_text(_scalar_bomb())
    assert bad.stat().st_size < 2 * MB
    started = time.perf_counter()
    library, errors = check_files([bad], paths_mod.resolve())
    assert time.perf_counter() - started < 2
    assert library is None
    assert [e.message for e in errors] == ["anchors and aliases (&name, *name) are not allowed"]


@pytest.mark.parametrize("size_mb", [10, 500])
def test_a_huge_yaml_file_is_refused_before_it_is_read(
    size_mb: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "huge.yaml"
    with bad.open("wb") as fh:
        fh.write(GOOD_YAML.encode())
        fh.truncate(size_mb * MB)  # sparse: instant, and nothing to read
    started = time.perf_counter()
    code, out, _ = cli(capsys, "check", str(bad))
    assert time.perf_counter() - started < 1
    assert code == 1
    assert out.splitlines()[0] == (
        f"{bad}:1:1: the file is {size_mb:.1f} MB; content files may be at most 4 MB"
    )


def test_a_user_file_that_is_a_folder_or_a_broken_link(
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = paths_mod.resolve().user_gestures_dir
    (folder / "odd.yaml").mkdir(parents=True)
    (folder / "gone.yaml").symlink_to(folder / "nowhere.yaml")
    code, out, err = cli(capsys, "today")
    assert code == 0 and out.startswith("Today's idea: ")
    assert "Traceback" not in err


def test_broken_shipped_content_stops_before_the_journal_is_touched(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    journal_file: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = saved_journal(journal_file, capsys)
    content = make_content(tmp_path / "content")
    (content / "faq.yaml").write_text("- id: [\n", encoding="utf-8")
    (content / "gestures" / "main.yaml").write_text(_laughs(), encoding="utf-8")
    monkeypatch.setattr(paths_mod, "shipped_content_dir", lambda: content)
    for args in (["today"], ["tried", IDEA], []):
        code, _, err = cli(capsys, *args)
        assert code == 1
        lines = err.splitlines()
        assert lines[-1] == "micromance: the shipped content has 3 errors; nothing was changed"
        assert any("faq.yaml:2:1: YAML syntax" in line for line in lines)
        assert any("main.yaml:1:4: anchors and aliases" in line for line in lines)
        assert "Traceback" not in err
    assert journal_file.read_bytes() == before


@pytest.mark.parametrize(
    "cache",
    [b"", b"\x00\xff garbage", b"[]", b'{"key": 1}', b'{"key": null, "library": 5}', None],
)
def test_a_broken_start_up_cache_is_rebuilt_never_trusted(
    cache: bytes | None, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = paths_mod.resolve()
    assert cli(capsys, "today")[0] == 0  # writes a good cache
    target = paths.library_cache_file
    if cache is None:  # a huge file (sparse): not read whole
        with target.open("wb") as fh:
            fh.truncate(5 * 1024 * MB)
    else:
        target.write_bytes(cache)
    started = time.perf_counter()
    code, out, err = cli(capsys, "today")
    assert (code, err) == (0, "")
    assert out.startswith("Today's idea: ")
    assert time.perf_counter() - started < 5
    assert load_library(paths).from_cache  # rebuilt, and good again


# == the environment =====================================================================


@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {"TERM": "dumb"}, {"TERM": ""}])
def test_headless_commands_print_plain_text(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    code, out, err = cli(capsys, "today")
    assert (code, err) == (0, "")
    assert "\x1b" not in out and out.startswith("Today's idea: ")


def test_a_bad_clock_override_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MICROMANCE_NOW", "yesterday-ish")
    code, _, err = cli(capsys, "today")
    assert code == 2
    assert one_line(err) == (
        "micromance: $MICROMANCE_NOW is 'yesterday-ish'; expected an ISO date and time like "
        "2026-11-25T09:00"
    )
