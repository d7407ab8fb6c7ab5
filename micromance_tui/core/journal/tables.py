"""Reads of the journal's tables that the facade and transfer (export, import) share, so
neither imports the other for them."""

from __future__ import annotations

from typing import Final

from tinydb import TinyDB

from micromance_tui.core.journal.file import records, single
from micromance_tui.core.journal.records import (
    ImportantDate,
    LittleThing,
    Partner,
    QuizProgress,
    Settings,
    read_or_default,
    read_or_none,
)

T_FAVOURITES: Final = "favourites"
T_PROMPT_FAVOURITES: Final = "prompt_favourites"


def settings_in(db: TinyDB) -> Settings:
    return read_or_default(Settings, single(db.table(Settings.TABLE)))


def _gesture_ids(db: TinyDB, table_name: str, key: str) -> set[str]:
    return {doc[key] for doc in db.table(table_name) if isinstance(doc.get(key), str)}


def favourites_in(db: TinyDB) -> set[str]:
    return _gesture_ids(db, T_FAVOURITES, "gesture")


def prompt_favourites_in(db: TinyDB) -> set[str]:
    return _gesture_ids(db, T_PROMPT_FAVOURITES, "prompt")


def partner_in(db: TinyDB) -> Partner:
    return Partner(
        name=settings_in(db).partner_name,
        little_things=tuple(records(db, LittleThing)),
        dates=tuple(records(db, ImportantDate)),
    )


def progress_in(db: TinyDB) -> QuizProgress | None:
    doc = single(db.table(QuizProgress.TABLE))
    return read_or_none(QuizProgress, doc) if doc is not None else None
