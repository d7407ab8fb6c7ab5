"""Getting things out of the journal and into it: the export (JSON, one entry per line),
the import (every value checked first, then merged by id), the CSV of the log, and the
reading of an export file. The CLI (`micromance export/import/log`) and the TUI's Journal
screen both use these."""

from __future__ import annotations

import io
import json
import os
import stat
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from tinydb import TinyDB

from micromance_tui.core.journal.errors import (
    JournalError,
    JournalImportError,
    JournalValueError,
    json_show,
)
from micromance_tui.core.journal.file import records, set_single, single
from micromance_tui.core.journal.records import (
    REACTIONS,
    AskedEntry,
    CheckIn,
    ImportantDate,
    LittleThing,
    QuizProgress,
    QuizResult,
    R,
    Record,
    Settings,
    TriedEntry,
    check_exact_id,
    get,
    load,
    read,
    read_or_default,
)
from micromance_tui.core.journal.schema import SCHEMA_VERSION
from micromance_tui.core.plural import plural
from micromance_tui.core.record import record
from micromance_tui.core.storage import MAX_JOURNAL_BYTES, parse_json

if TYPE_CHECKING:
    from micromance_tui.core.journal.facade import Journal
    from micromance_tui.core.models import Library

EXPORT_FORMAT: Final = "micromance-export"
EXPORT_GROWTH: Final = 4
"""An export is at most this many times the size of its journal (fields a journal may leave
out, such as an old entry's time or note, are written out in full; measured worst case
under 3, see tests/unit/test_properties.py)."""
MAX_IMPORT_BYTES: Final = EXPORT_GROWTH * MAX_JOURNAL_BYTES
"""So the export of any journal the app opens can be imported again."""
OLDEST_EXPORT: Final = 2
"""The first schema that wrote exports. An export of an older schema than this app's
imports too: a field it does not have takes its declared default, as in a migration."""

#: The records an export lists under their table's name, merged by id on import.
_LISTED: Final[tuple[type[Record], ...]] = (
    TriedEntry,
    QuizResult,
    LittleThing,
    ImportantDate,
    AskedEntry,
    CheckIn,
)


class ImportFileError(JournalError):
    """A file that cannot be imported at all (missing, a folder, too big, not JSON)."""


# -- export -------------------------------------------------------------------------------


def export_data(db: TinyDB, exported: str) -> dict[str, Any]:
    """Everything in the journal (``db``, one snapshot) as JSON-ready data."""
    from micromance_tui.core.journal.tables import (
        favourites_in,
        partner_in,
        progress_in,
        prompt_favourites_in,
    )

    tried = records(db, TriedEntry)
    tried.sort(key=lambda e: (e.date, e.time, e.created))
    results = records(db, QuizResult)
    results.sort(key=lambda r: r.taken)
    progress = progress_in(db)
    partner = partner_in(db)
    asked = records(db, AskedEntry)
    asked.sort(key=lambda e: (e.date, e.created))
    checkins = records(db, CheckIn)
    checkins.sort(key=lambda c: (c.date, c.finished))
    return {
        "format": EXPORT_FORMAT,
        "schema": SCHEMA_VERSION,
        "exported": exported,
        "tried": [e.to_json() for e in tried],
        "favourites": sorted(favourites_in(db)),
        "quiz_results": [r.to_json() for r in results],
        "quiz_progress": progress.to_json() if progress is not None else None,
        "little_things": [t.to_json() for t in partner.little_things],
        "dates": [d.to_json() for d in partner.dates],
        "settings": read_or_default(Settings, single(db.table(Settings.TABLE))).to_json(),
        "asked": [e.to_json() for e in asked],
        "prompt_favourites": sorted(prompt_favourites_in(db)),
        "checkins": [c.to_json() for c in checkins],
    }


def export_text(journal: Journal, *, ascii_only: bool = False) -> str:
    """The export as JSON with one entry per line: readable, diffable, and not much bigger
    than the journal (indenting every field would make it half as big again)."""

    def one(value: object) -> str:
        return json.dumps(value, ensure_ascii=ascii_only, separators=(", ", ": "))

    data = journal.export_data()
    lines = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            body = ",\n".join(f"    {one(item)}" for item in value)
            lines.append(f"  {one(key)}: [\n{body}\n  ]")
        else:
            lines.append(f"  {one(key)}: {one(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def write_text_atomic(target: Path, text: str) -> None:
    """Write a whole file or nothing: temp file in the same folder, then rename."""
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# -- the log as rows and CSV ----------------------------------------------------------------


def entry_row(entry: TriedEntry, library: Library) -> dict[str, Any]:
    """A tried entry as a row of the log (``micromance log --json``, the CSV export)."""
    gesture = library.gesture_by_id.get(entry.gesture_id)
    return {
        "id": entry.id,
        "date": entry.date.isoformat(),
        "time": entry.time,
        "gesture_id": entry.gesture_id,
        "title": gesture.title if gesture else f"(unknown idea {entry.gesture_id})",
        "language": gesture.language if gesture else "",
        "reaction": entry.reaction,
        "reaction_label": REACTIONS.get(entry.reaction, "") if entry.reaction else "",
        "note": entry.note,
        "where": entry.where,
        "for": entry.for_whom,
    }


CSV_FIELDS = [
    "date",
    "time",
    "gesture_id",
    "title",
    "language",
    "reaction",
    "reaction_label",
    "note",
    "where",
    "for",
    "id",
]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A cell a spreadsheet will not run: text starting like a formula (``=``, ``+``, ``-``,
    ``@``, a tab or a carriage return) gets a leading ``'``, the usual neutraliser."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def rows_to_csv(rows: list[dict[str, Any]]) -> str:
    import csv

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_cell(row[k]) for k in CSV_FIELDS})
    return out.getvalue()


# -- import -------------------------------------------------------------------------------


def read_import_file(path: Path) -> object:
    """The parsed JSON of an export file, or :class:`ImportFileError`. Only a regular file
    is read (a FIFO, a device or a folder is refused without waiting), never more than
    ``MAX_IMPORT_BYTES`` of it (the cap holds while reading, so a file that grows cannot
    fill memory), a UTF-8 BOM is accepted, and a key twice in one object is refused."""
    limit = MAX_IMPORT_BYTES // (1024 * 1024)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ImportFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ImportFileError(f"{path} is a folder, not an export file") from None
    except OSError as exc:
        raise ImportFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ImportFileError(f"{path} is a folder, not an export file")
        if not stat.S_ISREG(info.st_mode):
            raise ImportFileError(
                f"{path} is not a regular file (a pipe or a device); nothing was imported"
            )
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > MAX_IMPORT_BYTES:
                raise ImportFileError(
                    f"{path} is more than {limit} MB; an export is at most {limit} MB, "
                    "so this is not one; nothing was imported"
                )
            chunks.append(chunk)
    except OSError as exc:
        raise ImportFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    raw = b"".join(chunks)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            f"{path} is not text (not UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
            "nothing was imported"
        ) from None
    del raw, chunks
    return parse_json(
        text,
        lambda reason: ImportFileError(f"{path}: not valid JSON ({reason}); nothing was imported"),
    )


@dataclass(slots=True)
class Parsed:
    """Everything in an export, checked, before it is merged."""

    lists: dict[type[Record], list[Any]] = field(default_factory=dict)
    favourites: list[str] = field(default_factory=list)
    prompt_favourites: list[str] = field(default_factory=list)
    quiz_progress: QuizProgress | None = None
    settings: Settings | None = None


def _items(export: Mapping[str, Any], cls: type[R]) -> list[R]:
    key = cls.TABLE
    result: list[R] = []
    seen: set[str] = set()
    for index, item in enumerate(get(export, key, "", "list", [])):
        where = f"{key}[{index}]"
        if not isinstance(item, dict):
            raise JournalImportError(f"{where}: {json_show(item)} is not an object")
        built = load(cls, item, where)
        entry_id = getattr(built, "id", None)
        if entry_id is not None:
            if entry_id in seen:
                raise JournalImportError(f"{where}.id: {entry_id!r} appears twice")
            seen.add(entry_id)
        result.append(built)
    return result


def _ids(export: Mapping[str, Any], key: str, what: str) -> list[str]:
    """A list of idea or prompt ids, each once, in order."""
    found: dict[str, None] = {}  # ordered, each once
    for index, value in enumerate(get(export, key, "", "list", [])):
        try:
            checked_id = check_exact_id(what, value)
        except JournalValueError:
            raise JournalImportError(
                f"{key}[{index}]: {json_show(value)} is not a {what}"
            ) from None
        found[checked_id] = None
    return list(found)


def parse_export(data: object) -> Parsed:
    """Check the whole of an export; JournalImportError names the first problem's place."""
    if not isinstance(data, dict):
        raise JournalImportError(f"the file holds {json_show(data)}, not a micromance export")
    if data.get("format") != EXPORT_FORMAT:
        raise JournalImportError(f"format: expected {EXPORT_FORMAT!r}; this is not an export")
    schema = get(data, "schema", "", "int")
    if schema > SCHEMA_VERSION:
        raise JournalImportError(
            f"schema: {schema} is newer than this version of micromance reads ({SCHEMA_VERSION})"
        )
    if schema < OLDEST_EXPORT:
        raise JournalImportError(
            f"schema: {schema} is not supported (expected {OLDEST_EXPORT} to {SCHEMA_VERSION})"
        )
    parsed = Parsed(lists={cls: _items(data, cls) for cls in _LISTED})
    # Favourites as a set of ids; export from before prompts existed have none of theirs.
    parsed.favourites = _ids(data, "favourites", "gesture id")
    parsed.prompt_favourites = _ids(data, "prompt_favourites", "prompt id")
    progress = get(data, "quiz_progress", "", "object?", None)
    if progress is not None:
        parsed.quiz_progress = load(QuizProgress, progress, "quiz_progress")
    settings = get(data, "settings", "", "object?", None)
    if settings is not None:
        parsed.settings = load(Settings, settings, "settings")
    return parsed


@record
class ImportReport:
    """How many things an import added."""

    tried: int = 0
    favourites: int = 0
    quiz_results: int = 0
    little_things: int = 0
    dates: int = 0
    settings: int = 0
    quiz_progress: int = 0
    skipped: dict[str, int] = field(default_factory=dict)  # already present, by kind
    asked: int = 0
    prompt_favourites: int = 0
    checkins: int = 0
    conflicts: dict[str, int] = field(default_factory=dict)
    """Of ``skipped``: entries whose id is used here by an entry with other content."""

    @property
    def total(self) -> int:
        return (
            self.tried
            + self.favourites
            + self.quiz_results
            + self.little_things
            + self.dates
            + self.settings
            + self.quiz_progress
            + self.asked
            + self.prompt_favourites
            + self.checkins
        )

    def __str__(self) -> str:
        parts = [
            _count(self.tried, "tried entry", "tried entries"),
            _count(self.favourites, "favourite", "favourites"),
            _count(self.quiz_results, "quiz result", "quiz results"),
            _count(self.little_things, "little thing", "little things"),
            _count(self.dates, "date", "dates"),
            _count(self.settings, "setting", "settings"),
            _count(self.quiz_progress, "unfinished quiz", "unfinished quizzes"),
            _count(self.asked, "asked question", "asked questions"),
            _count(self.prompt_favourites, "favourite question", "favourite questions"),
            _count(self.checkins, "check-in", "check-ins"),
        ]
        added = [p for p in parts if p]
        text = "added " + ", ".join(added) if added else "nothing new to add"
        names = {cls.TABLE: cls.NAMES for cls in _LISTED}
        clashes = [
            _count(n, *names.get(kind, (kind, kind))) for kind, n in self.conflicts.items() if n
        ]
        if clashes:
            text += (
                "; skipped " + ", ".join(clashes) + " whose id is already used here by a "
                "different entry (the one here was kept)"
            )
        return text


def _count(n: int, one: str, many: str) -> str:
    return "" if n == 0 else plural(n, one, many)


def _merge_list(db: TinyDB, cls: type[Record], items: list[Any]) -> tuple[int, int, int]:
    """Add the entries whose id is not used here; returns (added, skipped, clashed)."""
    table = db.table(cls.TABLE)
    here: dict[str, Mapping[str, Any]] = {}
    for doc in table:
        entry_id = doc.get("id")
        if isinstance(entry_id, str) and entry_id not in here:
            here[entry_id] = doc
    new_docs: list[dict[str, Any]] = []
    clashed = 0
    for item in items:
        mine = here.get(item.id)
        if mine is not None:
            try:
                same = read(cls, mine) == item
            except JournalError:
                same = False
            clashed += not same
            continue
        new_doc = item.to_json()
        new_docs.append(new_doc)
        here[item.id] = new_doc
    if new_docs:
        table.insert_multiple(new_docs)  # one rewrite of the table, however many
    return len(new_docs), len(items) - len(new_docs), clashed


def _merge_ids(db: TinyDB, table_name: str, key: str, wanted: list[str]) -> int:
    table = db.table(table_name)
    have = {doc.get(key) for doc in table}
    new: list[str] = [value for value in wanted if value not in have]
    if new:
        table.insert_multiple({key: value} for value in new)
    return len(new)


def _merge_settings(db: TinyDB, imported: Settings | None) -> int:
    """A journal that never had settings takes them all (so export then import restores
    everything); otherwise only the names still empty are filled, and apart mode comes
    across when it was on (on wins). Returns how many settings changed."""
    if imported is None:
        return 0
    table = db.table(Settings.TABLE)
    doc = single(table)
    old = read_or_default(Settings, doc)
    if doc is None:
        new = imported
    else:
        new = Settings(
            old.theme,
            old.apart or imported.apart,
            old.my_name or imported.my_name,
            old.partner_name or imported.partner_name,
            old.quiz_who,
            old.pronoun,
            old.welcomed or imported.welcomed,
        )
    pairs = zip(new.to_json().values(), old.to_json().values(), strict=True)
    filled = sum(1 for a, b in pairs if a != b)
    if filled:
        table.truncate()
        table.insert({**(doc or {}), **new.to_json()})
    return filled


def merge(db: TinyDB, parsed: Parsed) -> ImportReport:
    """Merge a checked export into the journal (``db``, a transaction)."""
    from micromance_tui.core.journal.tables import T_FAVOURITES, T_PROMPT_FAVOURITES

    counts: dict[str, int] = {}
    skipped: dict[str, int] = {}
    conflicts: dict[str, int] = {}
    for cls, items in parsed.lists.items():
        added, skipped_here, clashed = _merge_list(db, cls, items)
        counts[cls.TABLE] = added
        if skipped_here:
            skipped[cls.TABLE] = skipped_here
        if clashed:
            conflicts[cls.TABLE] = clashed
    progress = 0
    if parsed.quiz_progress is not None and not single(db.table(QuizProgress.TABLE)):
        set_single(db.table(QuizProgress.TABLE), parsed.quiz_progress.to_json())
        progress = 1
    return ImportReport(
        tried=counts[TriedEntry.TABLE],
        favourites=_merge_ids(db, T_FAVOURITES, "gesture", parsed.favourites),
        quiz_results=counts[QuizResult.TABLE],
        little_things=counts[LittleThing.TABLE],
        dates=counts[ImportantDate.TABLE],
        settings=_merge_settings(db, parsed.settings),
        quiz_progress=progress,
        skipped=skipped,
        asked=counts[AskedEntry.TABLE],
        prompt_favourites=_merge_ids(db, T_PROMPT_FAVOURITES, "prompt", parsed.prompt_favourites),
        checkins=counts[CheckIn.TABLE],
        conflicts=conflicts,
    )


__all__ = [
    "CSV_FIELDS",
    "EXPORT_FORMAT",
    "EXPORT_GROWTH",
    "MAX_IMPORT_BYTES",
    "ImportFileError",
    "ImportReport",
    "csv_cell",
    "entry_row",
    "export_data",
    "export_text",
    "merge",
    "parse_export",
    "read_import_file",
    "rows_to_csv",
    "write_text_atomic",
]
