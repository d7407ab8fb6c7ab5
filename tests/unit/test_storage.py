"""SafeJSONStorage: atomic writes, private files, the read cache, the lock, clear errors."""

from __future__ import annotations

import copy
import errno
import json
import os
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import filelock
import pytest
from tinydb import TinyDB

from micromance_tui.core.storage import (
    JournalAccessError,
    JournalCorruptError,
    JournalError,
    JournalWriteError,
    SafeJSONStorage,
)

SAMPLE: dict[str, dict[str, Any]] = {
    "meta": {"1": {"schema": 2}},
    "tried": {"1": {"id": "a1", "note": "tea on the balcony, ça va"}},
}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "journal.json"


@pytest.fixture
def store(path: Path) -> Iterator[SafeJSONStorage]:
    s = SafeJSONStorage(path)
    yield s
    s.close()


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every json.loads call made while the test runs."""
    calls: list[str] = []
    real = json.loads

    def counting(text: str | bytes, *args: Any, **kwargs: Any) -> Any:
        calls.append("parse")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(json, "loads", counting)
    return calls


def mode(p: Path) -> int:
    return stat.S_IMODE(os.stat(p).st_mode)


# -- basics ------------------------------------------------------------------------------


def test_missing_file_reads_as_none_and_write_round_trips(store: SafeJSONStorage) -> None:
    assert store.read() is None
    store.write(SAMPLE)
    assert store.read() == SAMPLE
    fresh = SafeJSONStorage(store.path)
    assert fresh.read() == SAMPLE
    fresh.close()


def test_file_is_compact_utf8_json(store: SafeJSONStorage) -> None:
    store.write(SAMPLE)
    raw = store.path.read_bytes()
    assert raw == json.dumps(SAMPLE, ensure_ascii=False, separators=(",", ":")).encode()
    assert "ça va".encode() in raw


def test_write_replaces_the_file_with_a_new_inode(store: SafeJSONStorage) -> None:
    store.write(SAMPLE)
    first = os.stat(store.path).st_ino
    store.write({"meta": {"1": {"schema": 2}}})
    assert os.stat(store.path).st_ino != first
    assert json.loads(store.path.read_text()) == {"meta": {"1": {"schema": 2}}}


def test_tinydb_can_use_the_storage(path: Path) -> None:
    db = TinyDB(path, storage=SafeJSONStorage)
    db.table("things").insert({"name": "tea"})
    db.close()
    db = TinyDB(path, storage=SafeJSONStorage)
    assert [doc["name"] for doc in db.table("things").all()] == ["tea"]
    db.close()


# -- permissions and leftovers -----------------------------------------------------------


def test_folder_is_created_0700_and_file_written_0600(path: Path) -> None:
    nested = path.parent / "deeper" / "journal.json"
    s = SafeJSONStorage(nested)
    s.write(SAMPLE)
    assert mode(nested.parent) == 0o700
    assert mode(nested) == 0o600
    s.close()


def test_loose_folder_and_file_of_ours_are_tightened(path: Path) -> None:
    path.parent.mkdir(mode=0o755)
    os.chmod(path.parent, 0o755)
    path.write_text(json.dumps(SAMPLE))
    os.chmod(path, 0o644)
    SafeJSONStorage(path).close()
    assert mode(path.parent) == 0o700
    assert mode(path) == 0o600


def test_leftover_temp_files_are_removed_on_open(path: Path) -> None:
    path.parent.mkdir()
    leftovers = [path.parent / ".journal-abc123.tmp", path.parent / ".journal-x.tmp"]
    kept = [path.parent / ".other-abc.tmp", path.parent / "notes.txt", path.parent / ".journal-x"]
    for p in leftovers + kept:
        p.write_text("half a journal")
    s = SafeJSONStorage(path)
    assert not any(p.exists() for p in leftovers)
    assert all(p.exists() for p in kept)
    assert s.temp_files() == []
    s.close()


def test_temp_cleanup_waits_for_a_writer_holding_the_lock(path: Path) -> None:
    """A temp file being written by another process right now is not deleted under it."""
    path.parent.mkdir()
    in_flight = path.parent / ".journal-inflight.tmp"
    in_flight.write_text("being written")
    other = filelock.FileLock(path.with_name("journal.json.lock"), thread_local=False)
    other.acquire()  # another writer, as `micromance tried` in a shell would hold it
    opened: list[SafeJSONStorage] = []
    thread = threading.Thread(target=lambda: opened.append(SafeJSONStorage(path)))
    thread.start()
    time.sleep(0.2)
    assert thread.is_alive() and in_flight.exists()
    other.release()
    thread.join(5)
    assert not thread.is_alive()
    assert not in_flight.exists()
    opened[0].close()


# -- the read cache ----------------------------------------------------------------------


def test_unchanged_file_is_parsed_once(store: SafeJSONStorage, parses: list[str]) -> None:
    store.path.parent.mkdir(exist_ok=True)
    store.path.write_text(json.dumps(SAMPLE))
    assert store.read() == SAMPLE
    assert store.read() == SAMPLE
    assert store.read() == SAMPLE
    assert len(parses) == 1


def test_own_write_is_cached_without_parsing(store: SafeJSONStorage, parses: list[str]) -> None:
    for n in range(5):
        store.write({"meta": {"1": {"schema": 2}}, "t": {"1": {"n": n}}})
        assert store.read() == {"meta": {"1": {"schema": 2}}, "t": {"1": {"n": n}}}
    assert parses == []


def test_change_by_another_writer_is_seen(path: Path, parses: list[str]) -> None:
    mine, theirs = SafeJSONStorage(path), SafeJSONStorage(path)
    mine.write(SAMPLE)
    assert theirs.read() == SAMPLE
    assert len(parses) == 1
    theirs.write({"meta": {"1": {"schema": 2}}})
    assert mine.read() == {"meta": {"1": {"schema": 2}}}
    assert len(parses) == 2
    mine.close()
    theirs.close()


def test_in_place_edit_of_same_size_is_seen(store: SafeJSONStorage) -> None:
    store.write({"t": {"1": {"v": "aaaa"}}})
    before = os.stat(store.path)
    with open(store.path, "r+b") as fh:  # an editor saving in place, same length
        fh.write(json.dumps({"t": {"1": {"v": "bbbb"}}}, separators=(",", ":")).encode())
    os.utime(store.path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    assert store.read() == {"t": {"1": {"v": "bbbb"}}}


def test_failed_write_forgets_the_cache(store: SafeJSONStorage, monkeypatch: Any) -> None:
    store.write(copy.deepcopy(SAMPLE))
    data = store.read()
    assert data is not None
    data["tried"]["2"] = {"id": "changed in memory"}

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(JournalWriteError):
        store.write(data)
    monkeypatch.undo()
    assert store.read() == SAMPLE


# -- the lock ----------------------------------------------------------------------------


def _try_lock(lock_path: Path) -> bool:
    """Whether another holder could take the lock file now (a descriptor of its own)."""
    fd = os.open(lock_path, os.O_RDWR)
    try:
        return filelock.lock_descriptor(fd, blocking=False)
    finally:
        os.close(fd)


native_lock = pytest.mark.skipif(
    os.name == "posix" and not filelock.has_fcntl,
    reason="probes the lock file's native lock; without fcntl filelock uses a soft lock",
)


@native_lock
def test_lock_excludes_others_and_is_reentrant(store: SafeJSONStorage) -> None:
    with store.lock():
        assert not _try_lock(store.lock_path)
        with store.lock():  # re-entrant: does not deadlock
            store.write(SAMPLE)  # write takes the lock too
            assert not _try_lock(store.lock_path)
        assert not _try_lock(store.lock_path)  # still held by the outer block
    assert _try_lock(store.lock_path)
    assert mode(store.lock_path) == 0o600


def test_lock_blocks_other_threads(store: SafeJSONStorage) -> None:
    order: list[str] = []

    def other() -> None:
        with store.lock():
            order.append("other")

    with store.lock():
        thread = threading.Thread(target=other)
        thread.start()
        time.sleep(0.1)
        order.append("first")
    thread.join(5)
    assert order == ["first", "other"]


# -- errors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b"  \n", "the file is blank"),
        (b'{"meta": {"1": {"schema": 2}}, "tried": {"1": {"id": "a"', "line 1 column"),
        (b'{\n "meta": {}\n "x": 1}', "line 3 column 2: Expecting ',' delimiter"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "not UTF-8 text (byte 0x89 at offset 0)"),
        (b"[1, 2]", "the top level is a list, not an object of tables"),
        (b'{"tried": []}', "table 'tried' is a list, not an object of documents"),
        (b'{"tried": {"1": 5}}', "table 'tried': document 1 is a number, not an object"),
        (b'{"tried": {"one": {}}}', "table 'tried': document id 'one' is not a number"),
        (b"null", "the top level is null"),
    ],
)
def test_corrupt_files_raise_a_clear_one_line_error(
    path: Path, content: bytes, reason: str
) -> None:
    path.parent.mkdir()
    path.write_bytes(content)
    s = SafeJSONStorage(path)
    with pytest.raises(JournalCorruptError) as caught:
        s.read()
    message = str(caught.value)
    assert reason in message
    assert str(path) in message
    assert "\n" not in message
    assert isinstance(caught.value, JournalError)
    assert path.read_bytes() == content  # reading never changes the file
    s.close()


def test_a_folder_where_the_file_should_be(path: Path) -> None:
    path.mkdir(parents=True)
    s = SafeJSONStorage(path)
    with pytest.raises(JournalAccessError, match="not a regular file"):
        s.read()
    s.close()


def test_a_file_where_the_folder_should_be(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("not a folder")
    with pytest.raises(JournalAccessError, match="is not a folder"):
        SafeJSONStorage(tmp_path / "data" / "journal.json")


def _enospc(*args: Any) -> Any:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("target", ["write", "fsync", "replace"])
def test_no_space_leaves_the_old_file_intact(
    store: SafeJSONStorage, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    store.write(SAMPLE)
    old = store.path.read_bytes()
    bigger = {**SAMPLE, "more": {"1": {"x": "y" * 10_000}}}
    if target == "write":
        real_write = os.write
        calls: list[int] = []

        def half_then_fail(fd: int, data: Any) -> int:
            if calls:
                return _enospc()  # type: ignore[no-any-return]
            calls.append(fd)
            return real_write(fd, bytes(data[: len(data) // 2]))

        monkeypatch.setattr(os, "write", half_then_fail)
    else:
        monkeypatch.setattr(os, target, _enospc)
    with pytest.raises(JournalWriteError) as caught:
        store.write(bigger)
    monkeypatch.undo()
    assert "no space left on device" in str(caught.value)
    assert str(store.path) in str(caught.value)
    assert store.path.read_bytes() == old
    assert store.temp_files() == []
    assert store.read() == SAMPLE


def test_read_only_folder_is_a_write_error(
    store: SafeJSONStorage, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.write(SAMPLE)

    def denied(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(JournalWriteError, match=r"is read-only \(permission denied\)"):
        store.write({})
    monkeypatch.undo()
    assert store.read() == SAMPLE


def test_unreadable_file_is_an_access_error(
    store: SafeJSONStorage, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.path.parent.mkdir(exist_ok=True)
    store.path.write_text(json.dumps(SAMPLE))
    real_open: Callable[..., int] = os.open

    def denied(p: Any, flags: int, *args: Any) -> int:
        if Path(p) == store.path:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        return real_open(p, flags, *args)

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(JournalAccessError) as caught:
        store.read()
    assert str(caught.value) == f"cannot open the journal {store.path}: permission denied"
