"""The journal's file: opening it (creating, migrating, repairing, or moving a corrupt one
aside), reading it, and changing it in locked transactions through TinyDB.

The file is TinyDB's layout (tables of documents keyed by decimal ids) written by
:class:`~micromance_tui.core.storage.SafeJSONStorage`, so ``TinyDB(path,
storage=SafeJSONStorage)`` reads it. Each read and each transaction opens a fresh
:class:`tinydb.TinyDB` over one version of the data (:class:`Snapshot`) and works through
its ``Table``, ``Query`` and ``Document``; a transaction's changes are written to the file
once, atomically, under the storage's inter-process lock.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Final, Self, TypeVar

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from micromance_tui.core.journal.errors import (
    JournalChangedError,
    JournalCorruptError,
    JournalError,
    JournalNewerError,
    JournalWriteError,
)
from micromance_tui.core.journal.records import (
    RECORDS,
    ImportantDate,
    LittleThing,
    QuizResult,
    R,
    Record,
    TriedEntry,
    read,
)
from micromance_tui.core.journal.schema import SCHEMA_VERSION, fresh, migrate, schema_of
from micromance_tui.core.storage import Data, SafeJSONStorage, os_reason

Clock = Callable[[], datetime]
T = TypeVar("T")

_RETRIES: Final = 100
"""Times a change is made again when another process replaced the file meanwhile."""

# Where TinyDB cannot serve as it is: its Table keeps a query cache and a next-id counter
# for as long as the Table lives, and neither sees another process's writes (`micromance
# tried` in a shell while the app runs); and each Table write rewrites the whole storage.
# So no TinyDB outlives one read or one transaction (a fresh one costs about 5 us, timeit
# of TinyDB(...).table("tried")), and its writes go to memory (Snapshot), written to the
# file once per transaction. Its per-call passes over the table (ids to int and back, the
# next id) cost: adding one entry at 20,000 entries measured 1.43x one json.dump + fsync
# through TinyDB against 1.22x by hand (benchmarks/bench_journal.py, budget 1.5x).


class Snapshot(Storage):
    """One version of the journal's data as a TinyDB storage. What TinyDB writes stays in
    memory (:attr:`data`, :attr:`written`); the transaction writes the file once, at its
    end. The documents are shared with the storage's cache, which a reader in another
    thread may hold: TinyDB replaces tables rather than changing them, and
    :func:`update` copies a document before TinyDB changes it in place."""

    def __init__(self, data: Data, *, writable: bool = False) -> None:
        super().__init__()
        self.data = data
        self.writable = writable
        self.written = False

    def read(self) -> Data:
        return self.data

    def write(self, data: Data) -> None:
        if not self.writable:
            raise TypeError("a journal read is not a transaction; nothing may be written")
        self.data = data
        self.written = True

    def own(self, table_name: str, doc_id: int) -> None:
        """Make the document ``doc_id`` of a table this transaction's own copy."""
        table = self.data.get(table_name) or {}
        key = str(doc_id)
        if key in table:
            self.data[table_name] = {**table, key: dict(table[key])}


def open_db(data: Data, *, writable: bool = False) -> TinyDB:
    """A TinyDB over ``data`` (see :class:`Snapshot`)."""
    return TinyDB(data, storage=Snapshot, writable=writable)


def update(db: TinyDB, table: Table, doc_id: int, fields: Mapping[str, Any]) -> None:
    """``table.update(fields)`` of one document, without changing the cached one."""
    snapshot = db.storage
    assert isinstance(snapshot, Snapshot)
    snapshot.own(table.name, doc_id)
    table.update(dict(fields), doc_ids=[doc_id])


def set_single(table: Table, doc: Mapping[str, Any] | None) -> None:
    """Make ``doc`` the one document of a table (settings, the day's pin); None empties it."""
    table.truncate()
    if doc is not None:
        table.insert(dict(doc))


def single(table: Table) -> dict[str, Any] | None:
    """The first document of a table of one (settings, the day's pin)."""
    return next(iter(table), None)


def records(db: TinyDB, cls: type[R]) -> list[R]:
    """The records of a table that can be read, in the order they were saved (one that
    cannot is left in the file as it is, and reported by :meth:`JournalFile.problems`)."""
    found: list[R] = []
    for doc in db.table(cls.TABLE):
        try:
            found.append(read(cls, doc))
        except JournalError:
            continue
    return found


# -- ids used twice (a hand merge) ---------------------------------------------------------

_ID_RECORDS: Final[tuple[type[Record], ...]] = (TriedEntry, QuizResult, LittleThing, ImportantDate)


def _duplicate_ids(data: Data) -> bool:
    for cls in _ID_RECORDS:
        ids = [doc.get("id") for doc in (data.get(cls.TABLE) or {}).values()]
        strings = [i for i in ids if isinstance(i, str)]
        if len(set(strings)) != len(strings):
            return True
    return False


def unique_ids(data: Data) -> tuple[Data, list[str]]:
    """``data`` with every id used once per table: a later document with an id already used
    (a hand merge) gets a new one, the same on every read (derived from its place), so an
    edit or a delete always addresses exactly one entry. Returns new tables (documents
    replaced, never changed) and one line per table repaired."""
    if not _duplicate_ids(data):
        return data, []
    result = dict(data)
    lines: list[str] = []
    for cls in _ID_RECORDS:
        table = data.get(cls.TABLE) or {}
        seen = {i for i in (doc.get("id") for doc in table.values()) if isinstance(i, str)}
        used: set[str] = set()
        new_table: dict[str, Any] = {}
        changed = 0
        for key, doc in table.items():
            entry_id = doc.get("id")
            if isinstance(entry_id, str) and entry_id in used:
                import uuid  # a repair, rarely needed: not imported at every start

                new = uuid.uuid5(uuid.NAMESPACE_URL, f"micromance:{cls.TABLE}:{key}:{entry_id}").hex
                while new in seen:
                    new = uuid.uuid5(uuid.NAMESPACE_URL, new).hex
                seen.add(new)
                doc = {**doc, "id": new}
                changed += 1
                entry_id = new
            if isinstance(entry_id, str):
                used.add(entry_id)
            new_table[key] = doc
        if changed:
            result[cls.TABLE] = new_table
            one, many = cls.NAMES
            lines.append(
                f"{changed} {one if changed == 1 else many} in the journal had an id already "
                f"used by another; {'it was' if changed == 1 else 'they were'} given a new id"
            )
    return result, lines


def unreadable_in(db: TinyDB) -> list[str]:
    """One line per table that holds documents the journal cannot read."""
    lines: list[str] = []
    for cls in RECORDS:
        bad = 0
        first = ""
        for doc in db.table(cls.TABLE):
            try:
                read(cls, doc, f"{cls.TABLE} document {doc.doc_id}")
            except JournalError as exc:
                bad += 1
                first = first or str(exc)
        if bad:
            one, many = cls.NAMES
            what, verb, it = (one, "is", "it is") if bad == 1 else (many, "are", "they are")
            lines.append(
                f"{bad} {what} in the journal cannot be read and {verb} not shown "
                f"({first}); kept in the file as {it}"
            )
    return lines


class JournalFile:
    """The journal's file, opened with :meth:`open`; :class:`Journal` adds the records."""

    def __init__(self, storage: SafeJSONStorage, clock: Clock) -> None:
        self._storage = storage
        self._clock = clock
        self.path: Path = storage.path
        self.recovered_from: Path | None = None
        """Where a corrupt journal was moved on open (a fresh one was started)."""
        self.corrupt_reason: str | None = None
        self.migrated_from: int | None = None
        """The schema version the file was migrated from on open, if it was."""
        self.backup: Path | None = None
        """A copy of the file as it was before a migration."""
        self.read_only = False
        self.repairs: list[str] = []
        """One line per table whose repeated ids were replaced on open."""
        self._view: tuple[Data, Data] | None = None

    # -- opening ------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, clock: Clock | None = None) -> Self:
        """Open (creating if needed) the journal at ``path``; see the package docstring."""
        storage = SafeJSONStorage(Path(path))
        journal = cls(storage, clock or datetime.now)
        try:
            journal._start()
        except BaseException:
            storage.close()
            raise
        return journal

    def _start(self) -> None:
        self.read_only = not self._writable()
        if self._open_unlocked():
            return
        for _ in range(_RETRIES):
            try:
                self._start_once()
                return
            except JournalChangedError:  # another copy wrote meanwhile: look again
                self._storage.invalidate()
        raise JournalWriteError(self.path, "another program keeps changing it; try again")

    def _open_unlocked(self) -> bool:
        """Open without the lock when the file needs nothing written (it exists, parses,
        is this schema and has no repeated ids): every write is an atomic rename, so this
        read sees a whole file, and a reader never imports or takes the lock. False when
        the locked open must look (and maybe repair, migrate or move the file aside)."""
        try:
            data = self._storage.read()
        except JournalCorruptError:
            return False
        if data is None:
            return False
        try:
            version = schema_of(data)
        except ValueError:
            return False
        return version == SCHEMA_VERSION and not _duplicate_ids(data)

    def _start_once(self) -> None:
        with self._storage.lock():
            version: int | None = None
            try:
                data, key = self._storage.read_with_key()
                if data is not None:
                    version = self._version(data)
            except JournalCorruptError as exc:
                if self.read_only:
                    raise
                self.corrupt_reason = exc.reason
                self.recovered_from = self._move_aside(exc)
                data, key = None, None
            if data is None:
                if self.recovered_from is None:
                    self._mention_earlier_recovery()
                if not self.read_only:
                    try:
                        self._storage.write(fresh(), expect=key)
                    except JournalWriteError as exc:
                        if self.recovered_from is None:
                            raise
                        raise JournalWriteError(
                            self.path,
                            f"{exc.reason}; the unreadable journal ({self.corrupt_reason}) "
                            f"is kept at {self.recovered_from}",
                        ) from exc
                return
            assert version is not None
            if version > SCHEMA_VERSION:
                raise JournalNewerError(self.path, version, SCHEMA_VERSION)
            if version < SCHEMA_VERSION and not self.read_only:
                self.backup = self._link_aside(f"schema-{version}.bak")
                data = migrate(copy.deepcopy(data))
                self.migrated_from = version
            repaired, self.repairs = unique_ids(data)
            if (repaired is not data or self.migrated_from is not None) and not self.read_only:
                self._storage.write(repaired, expect=key)

    def _mention_earlier_recovery(self) -> None:
        """No journal, but one set aside as unreadable by an earlier run (which could not
        start a fresh one: a full disk): say so again, so it is not forgotten."""
        prefix = f"{self.path.name}.corrupt-"
        try:
            names = [n for n in os.listdir(self._storage.folder) if n.startswith(prefix)]
        except OSError:
            return
        if names:
            self.recovered_from = self._storage.folder / max(names)
            self.corrupt_reason = "set aside by an earlier run, which could not start a new one"

    def _writable(self) -> bool:
        if not os.access(self._storage.folder, os.W_OK | os.X_OK):
            return False
        return not (self.path.exists() and not os.access(self.path, os.W_OK))

    def _version(self, data: Data) -> int:
        try:
            return schema_of(data)
        except ValueError as exc:
            raise JournalCorruptError(self.path, str(exc)) from None

    def _aside_name(self, suffix: str) -> Path:
        base = self.path.with_name(f"{self.path.name}.{suffix}")
        candidate, n = base, 1
        while os.path.lexists(candidate):
            n += 1
            candidate = base.with_name(f"{base.name}-{n}")
        return candidate

    def _link_aside(self, suffix: str) -> Path | None:
        """Keep the current file under another name (a hard link; never overwrites)."""
        for _ in range(100):
            target = self._aside_name(suffix)
            try:
                os.link(self.path, target)
            except FileExistsError:
                continue
            except OSError:
                return None
            return target
        return None

    def _move_aside(self, exc: JournalCorruptError) -> Path:
        stamp = self._clock().strftime("%Y%m%d-%H%M%S")
        target = self._link_aside(f"corrupt-{stamp}")
        try:
            if target is not None:
                os.unlink(self.path)
            else:  # no hard links here: rename, having checked the name is free
                target = self._aside_name(f"corrupt-{stamp}")
                os.rename(self.path, target)
        except OSError as err:
            raise JournalCorruptError(
                self.path, f"{exc.reason}; it could not be moved aside ({os_reason(err)})"
            ) from err
        self._storage.invalidate()
        return target

    def file_stamp(self) -> tuple[int, int, int] | None:
        """(inode, size, mtime_ns) of the journal file: changes whenever anyone writes it,
        this process or another (`micromance tried` in a shell). None if it is missing."""
        try:
            info = os.stat(self.path)
        except OSError:
            return None
        return (info.st_ino, info.st_size, info.st_mtime_ns)

    def recovery_message(self) -> str | None:
        """One line for the user when a corrupt journal was moved aside on open."""
        if self.recovered_from is None:
            return None
        return (
            f"the journal {self.path} could not be read ({self.corrupt_reason}); "
            f"it was moved to {self.recovered_from} and a fresh journal was started"
        )

    def close(self) -> None:
        self._storage.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- reading and changing the data ---------------------------------------------------

    def _data(self) -> Data:
        """The current data for reading (do not change it)."""
        data = self._storage.read()
        if data is None:
            return fresh()
        view = self._view
        if view is not None and view[0] is data:
            return view[1]
        version = self._version(data)
        if version > SCHEMA_VERSION:
            raise JournalNewerError(self.path, version, SCHEMA_VERSION)
        shown = data
        if version < SCHEMA_VERSION:  # a read-only journal we could not migrate
            shown = migrate(copy.deepcopy(data))
        shown = unique_ids(shown)[0]
        self._view = (data, shown)
        return shown

    def _db(self) -> TinyDB:
        """A TinyDB over the current data, for reading."""
        return open_db(self._data())

    def problems(self) -> list[str]:
        """One line per kind of entry in the file that cannot be read (kept as it is), and
        per repair made on open; empty when all is well."""
        return [*self.repairs, *unreadable_in(self._db())]

    def _mutate(
        self, change: Callable[[TinyDB], T], *, changed: Callable[[T], bool] | None = None
    ) -> T:
        """Run ``change`` on a TinyDB over the current data and write what it changed, all
        under the lock.

        With ``changed``, the write is skipped when ``changed(result)`` is false. When the
        file was replaced since it was read (another copy wrote while its lock file was
        being deleted), nothing is written and the change is made again on the new data.
        """
        if self.read_only:
            raise JournalWriteError(
                self.path, "the journal is read-only (its file or folder is not writable)"
            )
        for _ in range(_RETRIES):
            try:
                return self._mutate_once(change, changed)
            except JournalChangedError:
                continue
        raise JournalWriteError(self.path, "another program keeps changing it; try again")

    def _mutate_once(self, change: Callable[[TinyDB], T], changed: Callable[[T], bool] | None) -> T:
        with self._storage.lock():
            try:
                current, key = self._storage.read_with_key()
                if current is None:
                    data = fresh()
                else:
                    version = self._version(current)
                    if version > SCHEMA_VERSION:
                        raise JournalNewerError(self.path, version, SCHEMA_VERSION)
                    if version < SCHEMA_VERSION:  # replaced by an old file since we opened
                        data = migrate(copy.deepcopy(current))
                    else:
                        data = dict(current)  # a new top level: see Snapshot
                    data = unique_ids(data)[0]
                db = open_db(data, writable=True)
                result = change(db)
                snapshot = db.storage
                assert isinstance(snapshot, Snapshot)
                if snapshot.written and (changed is None or changed(result)):
                    self._storage.write(snapshot.data, expect=key)
            except BaseException:
                self._storage.invalidate()  # belt and braces: re-read the file next time
                raise
        return result

    def _today(self) -> date:
        return self._clock().date()

    def _now_iso(self) -> str:
        return self._clock().isoformat(timespec="seconds")
