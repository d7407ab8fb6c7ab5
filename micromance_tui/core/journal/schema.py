"""Schema versions of the journal file and the migrations between them.

1 had no ids (tried entries held ``gesture``, ``date`` and ``note`` only; a file with no
``meta`` table counts as 1); 2 adds ids, times, reactions, whom an idea was for, creation
times, quiz results, the partner profile and settings; 3 adds where an idea was tried.

A migration upgrades the data of one version to the next, in place. A field added to a
record (``records.py``) gets a migration that gives the documents already written the
field's declared default (:func:`add_defaults`); the version is one more than the last
migration's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

from micromance_tui.core.journal.records import Record, TriedEntry, defaults, new_id
from micromance_tui.core.storage import Data

T_META: Final = "meta"


def add_defaults(data: Data, cls: type[Record], *names: str) -> None:
    """Give every document of ``cls`` the declared default of the fields ``names`` that it
    does not have."""
    values = defaults(cls, *names)
    for doc in (data.get(cls.TABLE) or {}).values():
        for key, value in values.items():
            doc.setdefault(key, value)


def _migrate_1_to_2(data: Data) -> None:
    for doc in (data.get(TriedEntry.TABLE) or {}).values():
        doc.setdefault("id", new_id())
    add_defaults(data, TriedEntry, "time", "note", "reaction", "for_whom")
    for doc in (data.get(TriedEntry.TABLE) or {}).values():
        day = doc.get("date")
        doc.setdefault("created", f"{day}T00:00:00" if isinstance(day, str) else "")


def _migrate_2_to_3(data: Data) -> None:
    add_defaults(data, TriedEntry, "where")


_MIGRATIONS: dict[int, Callable[[Data], None]] = {
    1: _migrate_1_to_2,
    2: _migrate_2_to_3,
}

SCHEMA_VERSION: Final = max(_MIGRATIONS) + 1
"""The version this app writes: one more than the last migration's."""


def schema_of(data: Mapping[str, Any]) -> int:
    """The schema version of a journal's data; ValueError if the ``meta`` table is wrong.

    A file without a ``meta`` table is version 1 (the layout before the table existed).
    """
    meta = data.get(T_META)
    if meta is None:
        return 1
    for doc in meta.values():
        if "schema" in doc:
            version = doc["schema"]
            if isinstance(version, bool) or not isinstance(version, int) or version < 1:
                raise ValueError(f"meta: schema {version!r} is not a version number")
            return version
    raise ValueError("meta: no schema version")


def migrate(data: Data) -> Data:
    """Upgrade ``data`` in place to ``SCHEMA_VERSION`` and return it.

    ValueError if it is from a newer version or its ``meta`` table is wrong.
    """
    version = schema_of(data)
    if version > SCHEMA_VERSION:
        raise ValueError(f"schema {version} is newer than {SCHEMA_VERSION}")
    while version < SCHEMA_VERSION:
        _MIGRATIONS[version](data)
        version += 1
    data[T_META] = {"1": {"schema": SCHEMA_VERSION}}
    return data


def fresh() -> Data:
    """The data of a new, empty journal."""
    return {T_META: {"1": {"schema": SCHEMA_VERSION}}}
