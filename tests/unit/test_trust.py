"""Trust, round two (issue 14): no path that loses an entry, leaks a note or lets a file steer
the terminal. One section per numbered point of the issue; each test fails on the code
before it (checked by running this file against that commit).

The property-based side (arbitrary JSON and bytes as a journal and as an import, export then
import) is in tests/unit/test_properties.py.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from micromance_tui.core import paths as paths_mod
from micromance_tui.core import storage as storage_mod
from micromance_tui.core.journal import SCHEMA_VERSION, Journal, JournalValueError
from micromance_tui.core.storage import SafeJSONStorage
from tests.unit.test_hostile import cli, one_line

REPO = Path(__file__).resolve().parents[2]
NOW_TEXT = "2026-11-25T09:30"
IDEA = "good-morning-text"  # shipped ideas
IDEA2 = "hug-after-long-day"
ESC_TITLE = "\x1b]0;owned\x07"
CLEAR = "\x1b[2J"
RLO = "\u202e"

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX processes and files")


@pytest.fixture(autouse=True)
def _fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MICROMANCE_NOW", NOW_TEXT)


@pytest.fixture
def journal_file() -> Path:
    return paths_mod.resolve().journal_file


def tried_doc(n: int, **fields: Any) -> dict[str, Any]:
    doc = {
        "id": f"id{n}",
        "gesture": IDEA,
        "date": "2026-11-20",
        "time": "08:00",
        "note": f"note {n}",
        "reaction": 4,
        "for_whom": "partner",
        "created": "2026-11-20T08:00:00",
    }
    doc.update(fields)
    return doc


def write_journal(path: Path, tables: dict[str, Any]) -> bytes:
    data = {"meta": {"1": {"schema": SCHEMA_VERSION}}, **tables}
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(data).encode()
    path.write_bytes(raw)
    return raw


def _dumps(data: object) -> bytes:
    """JSON as a foreign program may write it: lone surrogates as escapes."""
    return json.dumps(data, ensure_ascii=False).encode("utf-8", "backslashreplace")


def corrupt_copies(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + ".corrupt-*"))


# == 1. a deleted lock file ================================================================

WRITER = r"""
import sys
from pathlib import Path
from micromance_tui.core.journal import Journal
path, gesture, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
journal = Journal.open(path)
print("ready", flush=True)
sys.stdin.readline()
for _ in range(count):
    print(journal.add_tried(gesture).id, flush=True)
"""


def _writer(path: Path, gesture: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), gesture, str(count)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


@posix_only
@pytest.mark.slow
def test_two_writers_keep_every_entry_while_the_lock_file_is_deleted_over_and_over(
    tmp_path: Path,
) -> None:
    """The issue's case: two writers x 300 add_tried, the lock file deleted all the while
    (before: 304 of 600 kept, every call reported success)."""
    count = 300
    path = tmp_path / "data" / "journal.json"
    Journal.open(path).close()
    lock = path.with_name("journal.json.lock")
    writers = []
    for gesture in (IDEA, IDEA2):  # the second one starts after the lock file was deleted
        lock.unlink(missing_ok=True)
        writer = _writer(path, gesture, count)
        assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
        writers.append(writer)
    stop = threading.Event()
    deletions = 0

    def delete_the_lock() -> None:
        nonlocal deletions
        while not stop.is_set():
            try:
                lock.unlink()
                deletions += 1
            except FileNotFoundError:
                pass
            time.sleep(0.0005)

    deleter = threading.Thread(target=delete_the_lock)
    deleter.start()
    try:
        for writer in writers:
            assert writer.stdin is not None
            writer.stdin.write("go\n")
            writer.stdin.flush()
        acknowledged: set[str] = set()
        for writer in writers:
            out, err = writer.communicate(timeout=240)
            assert writer.returncode == 0, err
            acknowledged |= set(out.split())
    finally:
        stop.set()
        deleter.join()
    with Journal.open(path) as journal:
        kept = {entry.id for entry in journal.tried()}
    assert len(acknowledged) == 2 * count
    assert kept == acknowledged, f"{len(kept)} of {2 * count} kept"
    assert deletions > 50  # the lock file really was deleted again and again


def test_a_write_based_on_a_replaced_journal_is_refused_and_redone(tmp_path: Path) -> None:
    """What keeps the entries above: a change is only written over the file it was made
    from; another process's write in between (possible once the lock file is deleted)
    makes it read again and redo the change."""
    from micromance_tui.core.storage import JournalChangedError

    path = tmp_path / "journal.json"
    storage = SafeJSONStorage(path)
    storage.write({"meta": {"1": {"schema": 2}}})
    data, key = storage.read_with_key()
    assert data is not None
    other = SafeJSONStorage(path)
    other.write({"meta": {"1": {"schema": 2}}, "tried": {"1": tried_doc(1)}})
    with pytest.raises(JournalChangedError):
        storage.write({**data, "tried": {"1": tried_doc(2)}}, expect=key)
    assert json.loads(path.read_text())["tried"]["1"]["id"] == "id1"

    journal = Journal.open(path)
    real_write = SafeJSONStorage.write
    raced: list[bool] = []

    def racing_write(self: SafeJSONStorage, data: Any, **kwargs: Any) -> None:
        if not raced:  # another copy, holding a re-created lock file, writes in between
            raced.append(True)
            theirs = json.loads(path.read_text())
            theirs["tried"]["5"] = tried_doc(5, note="from the other copy")
            temp = path.with_name("theirs.tmp")
            temp.write_text(json.dumps(theirs))
            os.replace(temp, path)
        real_write(self, data, **kwargs)

    try:
        SafeJSONStorage.write = racing_write  # type: ignore[method-assign]
        journal.add_tried(IDEA, note="from this copy")
    finally:
        SafeJSONStorage.write = real_write  # type: ignore[method-assign]
    assert {e.note for e in journal.tried()} == {"note 1", "from the other copy", "from this copy"}


@posix_only
def test_a_lock_file_replaced_as_it_is_locked_is_locked_again(tmp_path: Path) -> None:
    """The lock is taken on a file that is no longer at the lock's path (replaced between
    opening and locking it): it is let go and the file now at the path is locked."""
    path = tmp_path / "journal.json"
    storage = SafeJSONStorage(path)
    real_remember = storage._remember_locked
    locked: list[int] = []

    def remember_then_replace(fd: int) -> None:
        real_remember(fd)
        locked.append(os.fstat(fd).st_ino)
        if len(locked) == 1:  # someone replaces the lock file right now
            replacement = path.with_name("new.lock")
            replacement.write_bytes(b"")
            os.replace(replacement, storage.lock_path)

    storage._remember_locked = remember_then_replace  # type: ignore[method-assign]
    with storage.lock():
        assert len(locked) == 2
        assert locked[1] == storage.lock_path.stat().st_ino != locked[0]


def test_the_lock_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    old = os.umask(0)
    try:
        with Journal.open(path) as journal:
            journal.add_tried(IDEA)
    finally:
        os.umask(old)
    mode = stat.S_IMODE(path.with_name("journal.json.lock").stat().st_mode)
    assert mode & 0o077 == 0


# == 2. duplicate keys =====================================================================


@pytest.mark.parametrize(
    "text",
    [
        # a second "tried" table after a hand merge: the parser kept only the last one
        '{"meta": {"1": {"schema": 2}}, "tried": {"1": %s}, "tried": {"1": %s}}',
        # the same document twice in a table
        '{"meta": {"1": {"schema": 2}}, "tried": {"1": %s, "1": %s}}',
        # a key twice inside one entry
        '{"meta": {"1": {"schema": 2}}, "tried": {"1": %s, "2": {"note": "a", "note": %s}}}',
    ],
    ids=["table", "document", "field"],
)
def test_duplicate_keys_make_the_file_unreadable_and_it_is_kept_byte_for_byte(
    capsys: pytest.CaptureFixture[str], journal_file: Path, text: str
) -> None:
    raw = (text % (json.dumps(tried_doc(1)), json.dumps(tried_doc(2)))).encode()
    journal_file.parent.mkdir(parents=True)
    journal_file.write_bytes(raw)
    code, _, err = cli(capsys, "today")
    assert code == 3
    assert "appears twice in one object" in err
    [aside] = corrupt_copies(journal_file)
    assert aside.read_bytes() == raw
    assert str(aside) in err


# == 3. duplicate entry ids ================================================================


def test_duplicate_ids_are_reissued_and_a_delete_removes_exactly_the_one_asked(
    capsys: pytest.CaptureFixture[str], journal_file: Path
) -> None:
    write_journal(
        journal_file,
        {"tried": {"1": tried_doc(1, note="first"), "2": tried_doc(1, note="second")}},
    )
    with Journal.open(journal_file) as journal:
        assert journal.repairs == [
            "1 tried entry in the journal had an id already used by another; it was given a new id"
        ]
        entries = {e.note: e for e in journal.tried()}
        assert entries["first"].id == "id1" and entries["second"].id != "id1"
        journal.delete_tried(entries["second"].id)
        assert [e.note for e in journal.tried()] == ["first"]
        again = journal.add_tried(IDEA2, note="third")
        journal.edit_tried("id1", note="first, edited")
        assert sorted(e.note for e in journal.tried()) == ["first, edited", "third"]
        assert again.id != "id1"
    ids = [doc["id"] for doc in json.loads(journal_file.read_text())["tried"].values()]
    assert len(ids) == len(set(ids)) == 2


def test_duplicate_ids_written_by_another_program_while_open(journal_file: Path) -> None:
    """The journal is open; a sync client puts back a file with a repeated id. Reads show
    two entries with two ids (the same ids each time), and deleting one deletes one."""
    with Journal.open(journal_file) as journal:
        write_journal(
            journal_file,
            {"tried": {"1": tried_doc(1, note="first"), "2": tried_doc(1, note="second")}},
        )
        shown = [(e.id, e.note) for e in journal.tried()]
        assert len({i for i, _ in shown}) == 2
        assert [(e.id, e.note) for e in journal.tried()] == shown  # stable
        second = next(i for i, note in shown if note == "second")
        journal.delete_tried(second)
        assert [e.note for e in journal.tried()] == ["first"]


# == 4. every value read is checked ========================================================

RESULT = {
    "id": "r1",
    "who": "partner",
    "mode": "rating",
    "scores": {"words": 4.0},
    "receive": {"words": 4.0},
    "give": {"words": 3.0},
    "answers": {"r1": 4},
    "taken": "2026-11-20T08:00:00",
}
PROGRESS = {
    "who": "me",
    "mode": "classic",
    "answers": {"c1": 1},
    "position": 1,
    "started": "2026-11-20T08:00:00",
}

# (table, document) pairs as they may be found in a hand-edited or foreign journal file.
BAD_DOCUMENTS: dict[str, tuple[str, dict[str, Any]]] = {
    "receive 1e308": ("quiz_results", {**RESULT, "receive": {"words": 1e308}}),
    "scores 'lots'": ("quiz_results", {**RESULT, "scores": {"words": "lots"}}),
    "give Infinity": ("quiz_results", {**RESULT, "give": {"words": float("inf")}}),
    "scores NaN": ("quiz_results", {**RESULT, "scores": {"words": float("nan")}}),
    "answer key lone surrogate": ("quiz_results", {**RESULT, "answers": {"\ud800": 4}}),
    "position Infinity": ("quiz_progress", {**PROGRESS, "position": float("inf")}),
    "position 10**4000": ("quiz_progress", {**PROGRESS, "position": 10**4000}),
    "progress key lone surrogate": ("quiz_progress", {**PROGRESS, "answers": {"\udfff": 1}}),
    "pin gesture is a list": (
        "daily",
        {"date": "2026-11-25", "context": "|False", "gesture": ["x"], "shown": []},
    ),
    "pin shown is a number": (
        "daily",
        {"date": "2026-11-25", "context": "|False", "gesture": IDEA, "shown": 5},
    ),
    "reaction 1e308": ("tried", tried_doc(7, reaction=1e308)),
    "date year 9999": ("tried", tried_doc(7, date="9999-12-31")),
    "gesture with ESC": ("tried", tried_doc(7, gesture=f"idea{ESC_TITLE}")),
    "little thing label a list": ("little_things", {"id": "t1", "label": [], "text": "x"}),
    "date 0001-01-01 yearly": (
        "dates",
        {"id": "d1", "kind": "birthday", "label": "x", "date": "0001-01-01", "yearly": True},
    ),
}


def _raw_journal(journal_file: Path, table: str, doc: dict[str, Any]) -> bytes:
    tables: dict[str, Any] = {"tried": {"1": tried_doc(1)}}
    tables.setdefault(table, {})
    tables[table] = {**tables[table], "9": doc}
    data = {"meta": {"1": {"schema": SCHEMA_VERSION}}, **tables}
    raw = _dumps(data)
    journal_file.parent.mkdir(parents=True, exist_ok=True)
    journal_file.write_bytes(raw)
    return raw


@pytest.mark.parametrize("case", BAD_DOCUMENTS)
def test_a_bad_value_in_the_journal_is_kept_as_it_is_and_never_crashes_a_command(
    capsys: pytest.CaptureFixture[str], journal_file: Path, case: str
) -> None:
    table, doc = BAD_DOCUMENTS[case]
    _raw_journal(journal_file, table, doc)
    for args in (["today"], ["log"], ["log", "--json"], ["log", "--csv"], ["export", "-"]):
        code, _, err = cli(capsys, *args)
        assert code == 0, (args, err)
        assert "unexpected" not in err
    code, _, err = cli(capsys, "tried", IDEA2, "--note", "after the bad value")
    assert code == 0, err
    stored = json.loads(journal_file.read_text(encoding="utf-8", errors="surrogatepass"))
    if table == "daily":  # a pin is only a cache of today's pick: a bad one is replaced
        assert isinstance(stored["daily"]["1"]["gesture"], str)
    else:  # kept as it was (compared as text: NaN != NaN)
        assert json.dumps(stored[table]["9"], sort_keys=True) == json.dumps(doc, sort_keys=True)
    assert stored["tried"]["1"]["id"] == "id1"


@pytest.mark.parametrize(
    "case", [c for c in BAD_DOCUMENTS if BAD_DOCUMENTS[c][0] not in ("daily", "quiz_progress")]
)
def test_a_bad_value_in_the_journal_is_reported_as_unreadable(
    capsys: pytest.CaptureFixture[str], journal_file: Path, case: str
) -> None:
    table, doc = BAD_DOCUMENTS[case]
    _raw_journal(journal_file, table, doc)
    code, _, err = cli(capsys, "log")
    assert code == 0
    line = one_line(err)
    assert "cannot be read and is not shown" in line and "kept in the file as it is" in line
    assert f"{table} document 9" in line


@pytest.mark.parametrize(
    ("case", "place"),
    [
        ("receive 1e308", "quiz_results[0].receive['words']: 1e+308 is not allowed"),
        ("scores 'lots'", "quiz_results[0].scores['words']: 'lots' is not allowed"),
        ("position 10**4000", "quiz_progress.position: of 4001 digits is not allowed"),
        ("reaction 1e308", "tried[0].reaction: 1e+308 is not a whole number or null"),
        ("answer key lone surrogate", "quiz_results[0].answers key: '\\ud800' is not allowed"),
    ],
)
def test_a_bad_value_on_import_is_refused_with_its_place(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, journal_file: Path, case: str, place: str
) -> None:
    assert cli(capsys, "tried", IDEA, "--note", "already here")[0] == 0
    before = journal_file.read_bytes()
    table, doc = BAD_DOCUMENTS[case]
    export: dict[str, Any] = {"format": "micromance-export", "schema": 2}
    export[table] = doc if table == "quiz_progress" else [doc]
    source = tmp_path / "in.json"
    source.write_bytes(_dumps(export))
    code, _, err = cli(capsys, "import", str(source))
    assert code == 1
    assert place in one_line(err)
    assert "nothing was imported" in err
    assert journal_file.read_bytes() == before


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (
            b'{"meta": {"1": {"schema": 2}}, "tried": {"1": {"reaction": 1' + b"0" * 5000 + b"}}}",
            "a number that cannot be read",
        ),
        (
            b'{"meta": {"1": {"schema": 2}}, "x": {"1": {"a": ' + b"[" * 600 + b"]" * 600 + b"}}}",
            "nested more than 32 levels deep",
        ),
    ],
    ids=["5000 digits", "600 deep"],
)
def test_numbers_python_cannot_hold_and_deep_nesting_make_the_file_unreadable(
    capsys: pytest.CaptureFixture[str], journal_file: Path, raw: bytes, reason: str
) -> None:
    journal_file.parent.mkdir(parents=True)
    journal_file.write_bytes(raw)
    code, _, err = cli(capsys, "today")
    assert code == 3
    assert reason in err
    assert corrupt_copies(journal_file)[0].read_bytes() == raw


def test_a_lone_surrogate_read_from_the_file_is_written_back_as_it_was(journal_file: Path) -> None:
    _raw_journal(journal_file, "quiz_progress", {**PROGRESS, "answers": {"\ud800": 1}})
    with Journal.open(journal_file) as journal:
        journal.add_tried(IDEA2)  # before: UnicodeEncodeError on write
        assert journal.quiz_progress() is None  # unreadable, not shown
    assert '"\\ud800":1' in journal_file.read_text()


# == 7. a terminal that is not UTF-8 =======================================================


@pytest.mark.parametrize(
    "env",
    [{"LANG": "C", "LC_ALL": "C"}, {"PYTHONIOENCODING": "ascii"}, {"PYTHONIOENCODING": "latin-1"}],
    ids=["LANG=C", "ascii", "latin-1"],
)
def test_today_and_log_never_fail_on_a_terminal_that_is_not_utf8(
    tmp_path: Path, env: dict[str, str]
) -> None:
    base = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONIO"))},
        "PYTHONPATH": str(REPO),
        "MICROMANCE_NOW": NOW_TEXT,
        "PYTHONUTF8": "0",
        **env,
    }
    run = [sys.executable, "-m", "micromance_tui"]
    added = subprocess.run(
        [*run, "tried", IDEA, "--note", "hug 🤗 · café"],
        env={**base, "PYTHONIOENCODING": "utf-8", "LC_ALL": "C.UTF-8"},
        capture_output=True,
    )
    assert added.returncode == 0, added.stderr
    for args in (["today"], ["log"], ["log", "--csv"], ["log", "--json"]):
        result = subprocess.run([*run, *args], env=base, capture_output=True)
        assert result.returncode == 0, (args, result.stderr)
        assert b"Traceback" not in result.stderr
    log = subprocess.run([*run, "log"], env=base, capture_output=True)
    assert b"hug ? " in log.stdout  # replaced, the rest shown
    as_json = subprocess.run([*run, "log", "--json"], env=base, capture_output=True)
    assert json.loads(as_json.stdout)[0]["note"] == "hug 🤗 · café"  # ASCII escapes: nothing lost


# == 8. odd clocks and folders =============================================================


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("MICROMANCE_NOW", "0001-01-01T00:00", "use a year from 1900 to 2900"),
        ("MICROMANCE_NOW", "9999-12-31T23:59", "use a year from 1900 to 2900"),
        ("MICROMANCE_DATA_DIR", "~nosuchuser/x", "the home folder in it cannot be found"),
        ("MICROMANCE_CONFIG_DIR", "~nosuchuser/x", "the home folder in it cannot be found"),
    ],
)
def test_odd_clock_and_folder_values_give_one_clear_line(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    value: str,
    expected: str,
) -> None:
    monkeypatch.setenv(name, value)
    for command in ("today", "log"):
        code, _, err = cli(capsys, command)
        assert code == 2
        line = one_line(err)
        assert expected in line and f"${name}" in line


# == 9. nothing stored reaches the terminal raw ===========================================


def _hostile_journal(journal_file: Path) -> None:
    """Text that steers terminals in every field the commands print, as an old version or
    another program could have stored it."""
    _raw_journal(
        journal_file,
        "tried",
        tried_doc(
            2,
            note=f"a {ESC_TITLE} b {CLEAR} c {RLO}evil",
            time="09:00",
            for_whom=f"Sam{RLO}",
        ),
    )
    data = json.loads(journal_file.read_text())
    data["settings"] = {"1": {"theme": ESC_TITLE, "partner_name": f"Sam{CLEAR}"}}
    data["dates"] = {
        "1": {"id": "d1", "kind": "custom", "label": f"x{ESC_TITLE}", "date": "2026-11-26"}
    }
    journal_file.write_text(json.dumps(data))


def _assert_safe(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text and RLO not in text, repr(text)


def test_no_stored_text_reaches_the_terminal_raw(
    capsys: pytest.CaptureFixture[str], journal_file: Path, tmp_path: Path
) -> None:
    _hostile_journal(journal_file)
    for args in (
        ["today"],
        ["today", "--json"],
        ["log"],
        ["log", "--json"],
        ["log", "--csv"],
        ["export", "-"],
    ):
        code, out, err = cli(capsys, *args)
        assert code == 0, (args, err)
        _assert_safe(out)
        _assert_safe(err)
    weird = tmp_path / f"ideas{ESC_TITLE}{RLO}.yaml"
    weird.write_text("gestures:\n  - id: [\n")
    code, out, err = cli(capsys, "check", str(weird))
    assert code == 1
    _assert_safe(out + err)
    assert "\\u001b]0;owned\\u0007" in out  # shown escaped, not dropped
    code, out, err = cli(capsys, "tried", f"x{CLEAR}")  # an unknown id, echoed back
    assert code == 2
    _assert_safe(err)


def test_json_output_stays_valid_and_equal_once_made_safe(
    capsys: pytest.CaptureFixture[str], journal_file: Path
) -> None:
    _raw_journal(journal_file, "tried", tried_doc(2, note="x"))
    with Journal.open(journal_file) as journal:
        journal.add_tried(IDEA2, note=f"right{RLO.replace(RLO, '‏')}-to-left ok")
    code, out, _ = cli(capsys, "log", "--json")
    assert code == 0
    assert {row["note"] for row in json.loads(out)} >= {"x", "right‏-to-left ok"}


# == 10. CSV formula injection =============================================================


@pytest.mark.parametrize("note", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)"])
def test_csv_cells_that_look_like_formulas_are_neutralised(
    capsys: pytest.CaptureFixture[str], note: str
) -> None:
    assert cli(capsys, "tried", IDEA, f"--note={note}")[0] == 0
    code, out, _ = cli(capsys, "log", "--csv")
    assert code == 0
    import csv
    import io

    [row] = list(csv.DictReader(io.StringIO(out)))
    assert row["note"] == "'" + note
    assert row["gesture_id"] == IDEA  # ordinary cells untouched


# == 11. export then import ================================================================


def _legacy_journal(journal_file: Path) -> None:
    """Entries an older version (or a hand edit) left, which the app reads."""
    tried = {
        "1": {"id": "a1", "gesture": IDEA, "date": "2026-11-01", "note": "line one\r\nline two"},
        "2": {"id": "a2", "gesture": IDEA, "date": "2026-11-02", "note": f"esc {CLEAR} here"},
        "3": {"id": "a3", "gesture": IDEA2, "date": "2026-11-03", "reaction": True},
        "4": {"id": "a4", "gesture": IDEA2, "date": "2026-11-04", "time": "9:05"},
        "5": {"id": "a5", "gesture": IDEA2, "date": "2026-11-05", "created": None},
    }
    raw = b"\xef\xbb\xbf" + json.dumps({"meta": {"1": {"schema": 2}}, "tried": tried}).encode()
    journal_file.parent.mkdir(parents=True, exist_ok=True)
    journal_file.write_bytes(raw)


def test_any_journal_the_app_reads_exports_to_a_file_import_accepts(
    capsys: pytest.CaptureFixture[str], journal_file: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    _legacy_journal(journal_file)
    code, _, err = cli(capsys, "log")
    assert code == 0 and err == ""  # every one of them readable
    export = tmp_path / "export.json"
    assert cli(capsys, "export", str(export))[0] == 0
    monkeypatch.setenv("MICROMANCE_DATA_DIR", str(tmp_path / "fresh"))
    code, out, err = cli(capsys, "import", str(export))
    assert code == 0, err
    assert "added 5 tried entries" in out
    again = tmp_path / "again.json"
    assert cli(capsys, "export", str(again))[0] == 0
    assert json.loads(again.read_text())["tried"] == json.loads(export.read_text())["tried"]
    notes = {row["note"] for row in json.loads(cli(capsys, "log", "--json")[1])}
    assert "line one\nline two" in notes and "esc \ufffd[2J here" in notes


def test_an_export_with_a_bom_imports(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "bom.json"
    source.write_bytes(b"\xef\xbb\xbf" + b'{"format": "micromance-export", "schema": 2}')
    code, out, err = cli(capsys, "import", str(source))
    assert code == 0, err
    assert "nothing new to add" in out


def test_import_says_which_entries_it_skipped_because_their_id_is_taken(
    capsys: pytest.CaptureFixture[str], journal_file: Path, tmp_path: Path
) -> None:
    assert cli(capsys, "tried", IDEA, "--note", "mine")[0] == 0
    with Journal.open(journal_file) as journal:
        [mine] = journal.tried()
        export = journal.export_data()
    export["tried"][0]["note"] = "theirs, with the same id"
    export["tried"].append({**export["tried"][0], "id": "other", "note": "new"})
    source = tmp_path / "in.json"
    source.write_text(json.dumps(export))
    code, out, _ = cli(capsys, "import", str(source))
    assert code == 0
    assert out.strip().endswith(
        "added 1 tried entry; skipped 1 tried entry whose id is already used here by a "
        "different entry (the one here was kept)"
    )
    with Journal.open(journal_file) as journal:
        assert journal.get_tried(mine.id).note == "mine"


def test_the_import_cap_holds_the_export_of_the_biggest_journal_the_app_opens() -> None:
    from micromance_tui.core.journal import transfer

    assert transfer.MAX_IMPORT_BYTES >= transfer.EXPORT_GROWTH * storage_mod.MAX_JOURNAL_BYTES


@pytest.mark.slow
def test_a_54_mb_journal_exports_and_imports_again(
    capsys: pytest.CaptureFixture[str], journal_file: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    """The issue's case: 54 MB exported to 76 MB, which import refused as too big."""
    note = "n" * 1990
    tried = {str(i): tried_doc(i, note=f"{note}{i:05d}"[-2000:]) for i in range(1, 25_001)}
    raw = write_journal(journal_file, {"tried": tried})
    assert len(raw) > 50 * 1024 * 1024
    export = tmp_path / "big.json"
    assert cli(capsys, "export", str(export))[0] == 0
    monkeypatch.setenv("MICROMANCE_DATA_DIR", str(tmp_path / "fresh"))
    code, out, err = cli(capsys, "import", str(export))
    assert code == 0, err
    assert "added 25,000 tried entries" in out


# == 12. import reads only regular files ===================================================


@posix_only
@pytest.mark.parametrize("source", ["/dev/zero", "fifo", "folder"])
def test_import_reads_only_regular_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, source: str
) -> None:
    if source == "fifo":
        path = tmp_path / "pipe.json"
        os.mkfifo(path)
    elif source == "folder":
        path = tmp_path
    else:
        path = Path(source)
    started = time.monotonic()
    code, _, err = cli(capsys, "import", str(path))
    assert time.monotonic() - started < 2  # no waiting for a writer, no reading forever
    assert code == 1
    assert "nothing was imported" in one_line(err) or "is a folder" in err


def test_the_import_cap_holds_while_reading(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that grows while it is read (or lies about its size) is read only to the cap."""
    from micromance_tui.core.journal import transfer

    monkeypatch.setattr(transfer, "MAX_IMPORT_BYTES", 1024)
    source = tmp_path / "growing.json"
    source.write_bytes(b" " * 100)
    real_read = os.read
    reads = []

    def growing_read(fd: int, n: int) -> bytes:
        reads.append(n)
        return real_read(fd, n) or (b" " * 512 if len(reads) < 100 else b"")

    monkeypatch.setattr(os, "read", growing_read)
    code, _, err = cli(capsys, "import", str(source))
    assert code == 1
    assert "is more than 0 MB" in err or "more than" in err
    assert len(reads) < 10


def test_importing_100k_favourites_is_fast(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    export = {
        "format": "micromance-export",
        "schema": 2,
        "favourites": [f"idea-{i}" for i in range(100_000)],
    }
    source = tmp_path / "favs.json"
    source.write_text(json.dumps(export))
    started = time.monotonic()
    code, out, err = cli(capsys, "import", str(source))
    assert code == 0, err
    assert "added 100,000 favourites" in out
    assert time.monotonic() - started < 10  # before: 54 s


# == 13. never a file outside the data folder ==============================================


@posix_only
def test_a_symlinked_journal_is_refused_by_every_command_and_nothing_changes(
    capsys: pytest.CaptureFixture[str], journal_file: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere" / "important.txt"
    elsewhere.parent.mkdir()
    elsewhere.write_text("not a journal\n")
    os.chmod(elsewhere, 0o644)
    journal_file.parent.mkdir(parents=True)
    journal_file.symlink_to(elsewhere)
    for args in (["today"], ["tried", IDEA], ["log"], ["export", "-"]):
        code, _, err = cli(capsys, *args)
        assert code == 3
        assert "is a symbolic link" in one_line(err)
    assert elsewhere.read_text() == "not a journal\n"
    assert stat.S_IMODE(elsewhere.stat().st_mode) == 0o644
    assert os.listdir(elsewhere.parent) == ["important.txt"]
    assert journal_file.is_symlink()


@posix_only
def test_a_gesture_file_that_is_a_loop_or_a_pipe_is_reported(
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = paths_mod.resolve().user_gestures_dir
    folder.mkdir(parents=True)
    (folder / "loop.yaml").symlink_to("loop.yaml")
    os.mkfifo(folder / "pipe.yaml")
    code, _, err = cli(capsys, "today")
    assert code == 0
    assert "loop.yaml:1:1: a symbolic link that loops" in err
    assert "pipe.yaml:1:1: not a regular file" in err
    code, out, _ = cli(capsys, "check")
    assert code == 1
    assert "a symbolic link that loops" in out and "not a regular file" in out


def test_a_corrupt_journal_moved_aside_on_a_full_disk_says_where_and_is_mentioned_again(
    capsys: pytest.CaptureFixture[str], journal_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal_file.parent.mkdir(parents=True)
    journal_file.write_bytes(b"{broken")

    def no_space(*args: Any, **kwargs: Any) -> Any:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as full:
        full.setattr(tempfile, "mkstemp", no_space)
        code, _, err = cli(capsys, "today")
    assert code == 3
    [aside] = corrupt_copies(journal_file)
    assert aside.read_bytes() == b"{broken"
    line = one_line(err)
    assert "no space left on device" in line and f"kept at {aside}" in line
    code, _, err = cli(capsys, "today")  # the disk has room again
    assert code == 3
    assert str(aside) in err
    code, _, err = cli(capsys, "today")  # a fresh journal exists now: all is well
    assert code == 0 and err == ""


# == 5, 6. the crash log ===================================================================


@posix_only
def test_the_crash_log_is_private_and_never_falls_back_to_a_shared_folder(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from micromance_tui import commands

    def boom(*_: object) -> int:
        note = "secret note"
        raise JournalValueError("note", note, "no")

    monkeypatch.setattr(commands, "cmd_log", boom)
    old = os.umask(0)
    try:
        code, _, err = cli(capsys, "log")
    finally:
        os.umask(old)
    assert code == 1
    log = paths_mod.resolve().log_file
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700
    assert "secret" not in log.read_text() and "secret" not in err
    # a planted link is not followed; an unusable folder means no log, never /tmp
    log.unlink()
    target = tmp_path / "planted"
    log.symlink_to(target)
    code, _, err = cli(capsys, "log")
    assert code == 1 and not target.exists()
    assert "no log was written" in err
    tmp_logs = set(Path("/tmp").glob("micromance*.log"))
    monkeypatch.setenv("MICROMANCE_CACHE_DIR", "/proc/nowhere")
    code, _, err = cli(capsys, "log")
    assert "no log was written" in err
    assert set(Path("/tmp").glob("micromance*.log")) == tmp_logs


# == 14. portability =======================================================================


@posix_only
@pytest.mark.slow
def test_the_app_imports_and_the_storage_tests_pass_without_fcntl(tmp_path: Path) -> None:
    """As on Windows: no fcntl module. The package must import and the journal must work
    (filelock uses its own locking there)."""
    hide = tmp_path / "hide"
    hide.mkdir()
    (hide / "sitecustomize.py").write_text("import sys\nsys.modules['fcntl'] = None\n")
    env = {**os.environ, "PYTHONPATH": f"{hide}{os.pathsep}{REPO}"}
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import importlib.util, micromance_tui.cli, micromance_tui.commands, "
            "micromance_tui.core.journal, micromance_tui.tui.app\n"
            "try:\n import fcntl\nexcept ImportError:\n print('no fcntl')",
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.strip() == "no fcntl"
    tests = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:randomly",
            "-p",
            "no:xdist",
            "-W",
            "ignore::UserWarning",
            str(REPO / "tests" / "unit" / "test_storage.py"),
            str(REPO / "tests" / "unit" / "test_trust.py")
            + "::test_a_write_based_on_a_replaced_journal_is_refused_and_redone",
        ],
        env=env,
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert tests.returncode == 0, tests.stdout[-3000:]
    assert " passed" in tests.stdout
