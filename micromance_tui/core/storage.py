"""A TinyDB storage that never leaves a half-written journal behind.

TinyDB's stock ``JSONStorage`` rewrites its file in place, so a crash mid-write can leave it
empty or cut short, and two processes writing at once overwrite each other. This storage:

- writes atomically: serialise once, write a temp file in the same folder
  (``.<stem>-*.tmp``), flush and fsync it, ``os.replace`` it over the journal, fsync the
  folder;
- removes temp files left behind by a crashed writer when it is opened;
- keeps the folder 0700 and the file 0600;
- caches what it read, keyed on the file's (device, inode, size, mtime_ns), so an unchanged
  file is not parsed again, and after its own write the cache already holds what it wrote.
  While a version is cached its file stays open, so its inode cannot be reused by a later
  file: an equal key really means the same, unchanged file (we never modify in place);
- offers :meth:`SafeJSONStorage.lock`, an inter-process lock, re-entrant within one process,
  for every read-modify-write. It is taken with ``filelock`` on two things: the journal's
  folder (``flock`` on its descriptor, on Linux and macOS), which cannot vanish while the
  journal is in it, and a sibling ``<name>.lock`` file (``flock``, or ``LockFileEx`` on
  Windows, where a file held open cannot be deleted). A lock file deleted or replaced while
  held would let a second process in; the folder lock still excludes it. After acquiring,
  the lock checks that the path still names the file it locked (else it locks the new one);
  and :meth:`SafeJSONStorage.write` with ``expect=`` refuses to replace a journal that
  changed since it was read (:class:`JournalChangedError`, the caller reads and tries
  again), a last line of defence where a folder cannot be locked. ``filelock`` is imported
  the first time a lock is taken: a process that only reads never pays its ~20 ms import;
- refuses a journal that is a symbolic link (it would make us write outside the data
  folder), and never follows one when it reads, tightens or replaces the file;
- rejects JSON with a key twice in one object, nesting deeper than ``MAX_DEPTH`` and numbers
  Python cannot hold: such a file is corrupt, moved aside by the journal;
- reports problems as :class:`JournalError` subclasses with one-line messages.

The data returned by :meth:`SafeJSONStorage.read` is the cached object itself (no copy, for
speed), and :meth:`SafeJSONStorage.write` caches the object it is given. Treat both as
read-only: to change the data, build a new top level with copies of the tables you change
(the documents can be shared) and write that, as the journal does. Then a reader in another
thread never sees a half-made change, and a failed write leaves the cache as it was.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb.storages import Storage

if TYPE_CHECKING:
    import filelock

__all__ = [
    "Data",
    "JournalAccessError",
    "JournalChangedError",
    "JournalCorruptError",
    "JournalError",
    "JournalWriteError",
    "SafeJSONStorage",
    "write_bytes_atomic",
]

Data = dict[str, dict[str, Any]]
"""TinyDB's layout: table name -> document id (a decimal string) -> document (an object)."""

_StatKey = tuple[int, int, int, int]

MAX_JOURNAL_BYTES = 64 * 1024 * 1024
"""A bigger file is refused (never read into memory, never overwritten). A real journal
stays far below: 64 MB holds about 29,000 entries that each have a full 2,000-character note."""

MAX_DEPTH = 32
"""Deeper nesting is refused as corrupt: a journal nests 4 levels (tables, documents, a
quiz result's scores), and deep nesting would exhaust the stack when copied or written."""

_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


class JournalError(Exception):
    """Base of every journal problem; ``str()`` is one line meant for the user."""


class JournalCorruptError(JournalError):
    """The file is not JSON, or not the layout of a TinyDB journal."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: not a readable journal: {reason}")


class JournalWriteError(JournalError):
    """The journal could not be written; the file on disk is unchanged."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"cannot write the journal {path}: {reason}")


class JournalChangedError(JournalError):
    """Another process replaced the journal since it was read (its lock file was deleted
    while held, say): nothing was written; read it again and redo the change."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"{path} was changed by another program while this change was made")


class JournalAccessError(JournalError):
    """The journal (or its folder) cannot be read or created: permissions, not a file, ..."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"cannot open the journal {path}: {reason}")


def os_reason(exc: OSError) -> str:
    """A short lower-case reason for an OSError: 'no space left on device'."""
    if exc.errno is not None:
        text = os.strerror(exc.errno)
        return text[:1].lower() + text[1:]
    return str(exc) or type(exc).__name__


def _check_layout(value: object) -> str | None:
    """Why ``value`` is not TinyDB's layout, or None when it is."""
    if not isinstance(value, dict):
        return f"the top level is {_kind(value)}, not an object of tables"
    for name, table in value.items():
        if not isinstance(table, dict):
            return f"table {name!r} is {_kind(table)}, not an object of documents"
        for doc_id, doc in table.items():
            if not doc_id.isdecimal():
                return f"table {name!r}: document id {doc_id!r} is not a number"
            if not isinstance(doc, dict):
                return f"table {name!r}: document {doc_id} is {_kind(doc)}, not an object"
    return None


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


class SafeJSONStorage(Storage):
    """Atomic, locked, cached JSON storage for TinyDB (see the module docstring)."""

    def __init__(self, path: Path | str) -> None:
        super().__init__()
        self.path = Path(path)
        if os.path.islink(self.path):
            # Following it would chmod, move aside or replace a file outside the data folder.
            raise JournalAccessError(
                self.path,
                f"it is a symbolic link (to {os.readlink(self.path)}); micromance does not follow "
                "links out of its data folder: put the journal itself there, or point "
                "MICROMANCE_DATA_DIR at the folder it is in",
            )
        self.folder = self.path.parent
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.temp_prefix = f".{self.path.stem}-"
        self._mutex = threading.RLock()
        self._depth = 0
        self._file_lock: filelock.BaseFileLock | None = None
        self._folder_fd: int | None = None
        self._folder_locked = False
        self._locked_identity: tuple[int, int] | None = None
        self._lock_usable = True
        # The cached version: (its stat key, its data, an open fd that pins its inode), kept
        # as one tuple so a reader in another thread never sees a key with the wrong data.
        # A file that does not parse is cached as its error: it is not parsed again (a
        # 50 MB one takes seconds) when it is read once more, to be moved aside.
        self._cache: tuple[_StatKey, Data | JournalCorruptError, int] | None = None
        self._prepare_folder()
        self._tighten_file()
        self.remove_leftover_temp_files()

    # -- set-up -----------------------------------------------------------------------

    def _prepare_folder(self) -> None:
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except FileExistsError as exc:
            raise JournalAccessError(self.path, f"{self.folder} is not a folder") from exc
        except OSError as exc:
            raise JournalAccessError(
                self.path, f"cannot create the folder {self.folder}: {os_reason(exc)}"
            ) from exc
        if not self.folder.is_dir():
            raise JournalAccessError(self.path, f"{self.folder} is not a folder")
        self._chmod_if_ours(self.folder, 0o700)

    def _tighten_file(self) -> None:
        with contextlib.suppress(OSError):  # missing or unreadable: read() reports it
            self._chmod_if_ours(self.path, 0o600)

    @staticmethod
    def _chmod_if_ours(target: Path, mode: int) -> None:
        """Take group and other permissions away from ``target`` if we own it (POSIX only:
        Windows has no such bits, and its user folders are private already)."""
        geteuid = getattr(os, "geteuid", None)
        if geteuid is None:
            return
        info = os.lstat(target)  # a link is never followed
        if info.st_uid != geteuid() or not stat.S_IMODE(info.st_mode) & 0o077:
            return
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
            return  # never a device, a pipe or a link
        with contextlib.suppress(OSError):  # a read-only file system: leave it
            os.chmod(target, stat.S_IMODE(info.st_mode) & mode)

    def temp_files(self) -> list[Path]:
        """Temp files of this journal in its folder (left behind by a crashed writer)."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return []
        return [
            self.folder / name
            for name in names
            if name.startswith(self.temp_prefix) and name.endswith(".tmp")
        ]

    def remove_leftover_temp_files(self) -> list[Path]:
        """Remove temp files left by a crashed writer; returns the ones removed.

        Runs under the lock, so a temp file another process is writing right now is safe.
        """
        removed: list[Path] = []
        if not self.temp_files():
            return removed
        with self.lock():
            for leftover in self.temp_files():
                with contextlib.suppress(OSError):
                    leftover.unlink()
                    removed.append(leftover)
        return removed

    # -- locking ----------------------------------------------------------------------

    def _remember_locked(self, fd: int) -> None:
        info = os.fstat(fd)
        self._locked_identity = (info.st_dev, info.st_ino)

    def _new_file_lock(self) -> filelock.BaseFileLock:
        import filelock

        try:  # native locks hand over the locked descriptor, so we can check what we hold
            return filelock.FileLock(
                self.lock_path,
                mode=0o600,
                thread_local=False,
                poll_interval=0.005,
                on_acquired=self._remember_locked,
            )
        except (TypeError, ValueError):  # the soft lock (no flock here) has no descriptor
            return filelock.FileLock(
                self.lock_path, mode=0o600, thread_local=False, poll_interval=0.005
            )

    def _still_ours(self) -> bool:
        """Whether the lock path still names the file we locked (not deleted or replaced)."""
        if self._locked_identity is None:
            return True  # a soft lock: its file is ours alone while it exists
        try:
            info = os.lstat(self.lock_path)
        except OSError:
            return False
        return (info.st_dev, info.st_ino) == self._locked_identity

    def _lock_folder(self) -> None:
        """Lock the folder's descriptor (POSIX): the part of the lock no one can delete."""
        if os.name != "posix":
            return
        import filelock

        if self._folder_fd is None:
            try:
                self._folder_fd = os.open(
                    self.folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _O_CLOEXEC
                )
            except OSError:
                return
        try:
            filelock.lock_descriptor(self._folder_fd, poll_interval=0.002)
        except OSError:  # no flock here (some network file systems): the lock file only
            return
        self._folder_locked = True

    def _acquire(self) -> None:
        self._lock_folder()
        try:
            self._acquire_file()
        except BaseException:
            self._release()
            raise

    def _acquire_file(self) -> None:
        if not self._lock_usable:
            return
        if os.path.islink(self.lock_path):  # planted: remove the link, never follow it
            with contextlib.suppress(OSError):
                os.unlink(self.lock_path)
        if self._file_lock is None:
            self._file_lock = self._new_file_lock()
        for _ in range(1000):
            self._locked_identity = None
            try:
                self._file_lock.acquire()
            except OSError:
                # The lock file cannot be created (a read-only folder): run unlocked; nobody
                # can write the journal there anyway.
                self._lock_usable = False
                return
            if self._still_ours():
                return
            self._file_lock.release()  # deleted or replaced while we waited: lock the new one
        raise JournalAccessError(self.path, f"the lock file {self.lock_path} keeps changing")

    def _release(self) -> None:
        try:
            if self._lock_usable and self._file_lock is not None and self._file_lock.is_locked:
                self._file_lock.release()
        finally:
            if self._folder_locked and self._folder_fd is not None:
                import filelock

                self._folder_locked = False
                filelock.unlock_descriptor(self._folder_fd)

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the inter-process lock (re-entrant in this process, safe across threads).

        When the lock file cannot be created (a read-only folder) this runs unlocked: nobody
        can write the journal there anyway.
        """
        with self._mutex:
            if self._depth == 0:
                self._acquire()
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._release()

    # -- the cache --------------------------------------------------------------------

    @staticmethod
    def _key(info: os.stat_result) -> _StatKey:
        return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)

    def _set_cache(self, cache: tuple[_StatKey, Data | JournalCorruptError, int] | None) -> None:
        with self._mutex:
            old, self._cache = self._cache, cache
            if old is not None and (cache is None or old[2] != cache[2]):
                with contextlib.suppress(OSError):
                    os.close(old[2])

    def invalidate(self) -> None:
        """Forget the cached data: the next read parses the file."""
        self._set_cache(None)

    # -- TinyDB's Storage interface -----------------------------------------------------

    def read(self) -> Data | None:
        """The journal's data, or None if the file does not exist yet."""
        return self.read_with_key()[0]

    def read_with_key(self) -> tuple[Data | None, _StatKey | None]:
        """The data and the stat key of the file it came from (None when there is no file),
        to pass to :meth:`write` as ``expect``."""
        try:
            info = os.lstat(self.path)
        except FileNotFoundError:
            self.invalidate()
            return None, None
        except OSError as exc:
            raise JournalAccessError(self.path, os_reason(exc)) from exc
        if stat.S_ISLNK(info.st_mode):
            raise JournalAccessError(self.path, "it became a symbolic link; it was not followed")
        cache = self._cache
        if cache is not None and cache[0] == self._key(info):
            if isinstance(cache[1], JournalCorruptError):
                raise cache[1]
            return cache[1], cache[0]
        try:
            # O_NONBLOCK: a named pipe in the journal's place must not hang the app.
            fd = os.open(self.path, os.O_RDONLY | _O_CLOEXEC | _O_NONBLOCK | _O_NOFOLLOW)
        except FileNotFoundError:
            self.invalidate()
            return None, None
        except OSError as exc:
            raise JournalAccessError(self.path, os_reason(exc)) from exc
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                raise JournalAccessError(self.path, "not a regular file")
            if info.st_size > MAX_JOURNAL_BYTES:
                raise JournalAccessError(self.path, _too_large(info.st_size))
            raw = _read_all(fd, info.st_size)
            if len(raw) > MAX_JOURNAL_BYTES:  # it grew while we read it
                raise JournalAccessError(self.path, _too_large(len(raw)))
            data = self._parse(raw)
        except OSError as exc:
            os.close(fd)
            raise JournalAccessError(self.path, os_reason(exc)) from exc
        except JournalCorruptError as exc:
            self._set_cache((self._key(info), exc, fd))
            raise
        except BaseException:
            os.close(fd)
            raise
        key = self._key(info)
        self._set_cache((key, data, fd))
        return data, key

    def _parse(self, raw: bytes) -> Data:
        if not raw.strip():
            raise JournalCorruptError(
                self.path, "the file is empty" if not raw else "the file is blank"
            )
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise JournalCorruptError(
                self.path, f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})"
            ) from None
        value = parse_json(text, lambda reason: JournalCorruptError(self.path, reason))
        problem = _check_layout(value)
        if problem is not None:
            raise JournalCorruptError(self.path, problem)
        data: Data = value
        return data

    def write(self, data: Data, *, expect: _StatKey | bool | None = False) -> None:
        """Replace the journal with ``data`` atomically; on failure the old file stays.

        With ``expect`` (the key :meth:`read_with_key` gave, None for "no file"), the write
        is refused with :class:`JournalChangedError` when the file changed since that read.
        """
        payload = dumps(data)
        if len(payload) > MAX_JOURNAL_BYTES:  # it could not be read back
            raise JournalWriteError(self.path, _too_large(len(payload)))
        with self.lock():
            try:
                fd, temp_name = tempfile.mkstemp(
                    prefix=self.temp_prefix, suffix=".tmp", dir=self.folder
                )
            except OSError as exc:
                self.invalidate()
                raise JournalWriteError(self.path, _write_reason(exc, self.folder)) from exc
            try:
                _write_all(fd, payload)
                os.fsync(fd)
                if expect is not False and self._current_key() != expect:
                    raise JournalChangedError(self.path)
                os.replace(temp_name, self.path)
            except BaseException as exc:
                os.close(fd)
                with contextlib.suppress(OSError):
                    os.unlink(temp_name)
                self.invalidate()
                if isinstance(exc, OSError):
                    raise JournalWriteError(self.path, _write_reason(exc, self.folder)) from exc
                raise
            self._set_cache((self._key(os.fstat(fd)), data, fd))
            try:
                _fsync_folder(self.folder)
            except OSError as exc:  # the new file is in place but may not survive a crash
                raise JournalWriteError(
                    self.path, f"could not make the write durable: {os_reason(exc)}"
                ) from exc

    def _current_key(self) -> _StatKey | None:
        try:
            return self._key(os.lstat(self.path))
        except FileNotFoundError:
            return None

    def close(self) -> None:
        self.invalidate()
        with self._mutex:
            if self._file_lock is not None and self._depth == 0:
                with contextlib.suppress(OSError):
                    self._file_lock.release(force=True)
                self._file_lock = None
            if self._folder_fd is not None and self._depth == 0:
                with contextlib.suppress(OSError):
                    os.close(self._folder_fd)
                self._folder_fd = None
            self._lock_usable = True


def dumps(data: object) -> bytes:
    """Compact UTF-8 JSON. A lone surrogate (a value read from a hand-edited file) is written
    as its JSON escape, so the value survives as it was instead of failing the write."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8", errors="backslashreplace")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def parse_json(text: str, error: Any) -> Any:
    """Parse ``text`` strictly, or raise ``error(reason)``: a key twice in one object (a hand
    merge or a sync conflict: keeping either copy would drop the other), nesting deeper than
    ``MAX_DEPTH``, or a number Python cannot hold are refused, not resolved."""
    try:
        value = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise error(f"line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except _DuplicateKey as exc:
        raise error(f"the key {exc.key!r} appears twice in one object") from None
    except RecursionError:
        raise error("nested too deeply") from None
    except ValueError as exc:  # an integer of more than 4,300 digits
        raise error(f"a number that cannot be read ({exc})") from None
    if _depth_over(value, MAX_DEPTH):
        raise error(f"nested more than {MAX_DEPTH} levels deep")
    return value


def _depth_over(value: object, limit: int) -> bool:
    level: list[object] = [value]
    for _ in range(limit + 1):
        deeper: list[object] = []
        for item in level:
            if isinstance(item, dict):
                deeper.extend(v for v in item.values() if isinstance(v, (dict, list)))
            elif isinstance(item, list):
                deeper.extend(v for v in item if isinstance(v, (dict, list)))
        if not deeper:
            return False
        level = deeper
    return True


def _too_large(size: int) -> str:
    limit = MAX_JOURNAL_BYTES // (1024 * 1024)
    return (
        f"the file is {size / (1024 * 1024):.1f} MB, more than the {limit} MB a journal may be; "
        "it was left untouched"
    )


def _read_all(fd: int, size_hint: int) -> bytes:
    """Read to the end, but never much more than MAX_JOURNAL_BYTES."""
    chunks: list[bytes] = []
    total = 0
    want = max(size_hint, 0) + 1
    while total <= MAX_JOURNAL_BYTES:
        chunk = os.read(fd, want)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        want = 1 << 20
    return b"".join(chunks)


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable. Some file systems cannot fsync a folder: that is fine."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _O_CLOEXEC)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def _write_reason(exc: OSError, folder: Path) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"the folder {folder} is read-only ({os_reason(exc)})"
    return os_reason(exc)


def write_bytes_atomic(target: Path, payload: bytes, *, mode: int = 0o600) -> None:
    """Write a whole file or nothing, the way the journal is written: a temp file in the same
    folder (``.<name>-*.tmp``), fsync, ``os.replace``, fsync of the folder. Raises OSError."""
    folder = target.parent
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}-", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, mode)
        _write_all(fd, payload)
        os.fsync(fd)
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    finally:
        os.close(fd)
    _fsync_folder(folder)
