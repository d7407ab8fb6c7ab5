"""Every error the journal raises. All subclass :class:`JournalError`; ``str()`` is one line
for the user that names the file, the field and the value. The errors of the file itself
(corrupt, unwritable, not accessible, changed meanwhile) are defined with the storage in
:mod:`micromance_tui.core.storage` and re-exported here."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from micromance_tui.core.storage import (
    JournalAccessError,
    JournalChangedError,
    JournalCorruptError,
    JournalError,
    JournalWriteError,
)

__all__ = [
    "JournalAccessError",
    "JournalChangedError",
    "JournalCorruptError",
    "JournalError",
    "JournalImportError",
    "JournalNewerError",
    "JournalNotFound",
    "JournalRepeatError",
    "JournalValueError",
    "JournalWriteError",
    "json_show",
    "show",
]


class JournalNewerError(JournalError):
    """The file was written by a newer micromance; it is left untouched."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        self.path = path
        self.found = found
        self.supported = supported
        super().__init__(
            f"{path} was written by a newer micromance (journal schema {found}; this version "
            f"reads up to {supported}): it was left untouched; update micromance to use it"
        )


class JournalRepeatError(JournalError):
    """``add_tried(..., repeat=False)`` found the idea already logged on that day."""

    def __init__(self, gesture_id: str, day: date) -> None:
        self.gesture_id = gesture_id
        self.day = day
        super().__init__(f"'{gesture_id}' is already logged for {day.isoformat()}")


class JournalValueError(JournalError, ValueError):
    """A value the journal does not accept: ``reaction 7 is not allowed: use 1 to 5``."""

    def __init__(self, field: str, value: object, allowed: str) -> None:
        self.field = field
        self.value = value
        self.allowed = allowed
        super().__init__(f"{field} {show(value)} is not allowed: {allowed}")

    def at(self, where: str) -> JournalImportError:
        """The same problem as an import error placed in a file: ``tried[3].note: ...``."""
        place = f"{where}.{self.field}" if where else self.field
        return JournalImportError(f"{place}: {show(self.value)} is not allowed: {self.allowed}")


class JournalNotFound(JournalError, KeyError):
    """No entry with that id."""

    def __init__(self, kind: str, entry_id: str) -> None:
        self.kind = kind
        self.entry_id = entry_id
        super().__init__(f"no {kind} with id {entry_id!r}")

    def __str__(self) -> str:  # KeyError would quote the whole message
        return f"no {self.kind} with id {self.entry_id!r}"


class JournalImportError(JournalError):
    """An import file (or a document in the journal) that cannot be used; nothing was
    changed."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


def show(value: object) -> str:
    """A value in a message: short text quoted, long text and huge numbers by their size."""
    if isinstance(value, str):
        return f"of {len(value)} characters" if len(value) > 30 else repr(value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**30:
        return f"of {len(str(abs(value)))} digits"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return repr(value)


def json_show(value: object) -> str:
    """A JSON value in a message, named as JSON names it (null, true, a list, an object)."""
    if isinstance(value, str):
        return repr(value) if len(value) <= 30 else f"text of {len(value)} characters"
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**30:
        return f"a number of {len(str(abs(value)))} digits"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return "a list" if isinstance(value, list) else "an object"
