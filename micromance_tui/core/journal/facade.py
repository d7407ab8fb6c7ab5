"""The :class:`Journal`: what the app and the CLI read and change (the package docstring
lists the calls). Each change is one locked transaction on a TinyDB (``file.py``); each
record is checked by the rules declared with it (``records.py``)."""

from __future__ import annotations

import contextlib
import dataclasses
import enum
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, Final

from tinydb import TinyDB, where

from micromance_tui.core.journal.errors import (
    JournalNotFound,
    JournalRepeatError,
    JournalValueError,
)
from micromance_tui.core.journal.file import (
    JournalFile,
    records,
    set_single,
    single,
    update,
)
from micromance_tui.core.journal.records import (
    DEFAULT_FOR_WHOM,
    MAX_GESTURE_ID,
    MAX_TEXT,
    MOODS,
    PRONOUNS,
    AskedEntry,
    CheckIn,
    ImportantDate,
    LittleThing,
    Partner,
    QuizProgress,
    QuizResult,
    R,
    Settings,
    TriedEntry,
    check_choice,
    check_exact_id,
    check_text,
    checked,
    new_id,
    read_or_none,
    upcoming_of,
)
from micromance_tui.core.journal.tables import (
    T_FAVOURITES,
    T_PROMPT_FAVOURITES,
    favourites_in,
    partner_in,
    progress_in,
    prompt_favourites_in,
    settings_in,
)

if TYPE_CHECKING:
    from micromance_tui.core.journal import transfer

T_DAILY: Final = "daily"
T_DAY: Final = "day"
MAX_SHOWN: Final = 1000
"""How many ideas a day's pin remembers as shown."""


class _Unset(enum.Enum):
    UNSET = enum.auto()

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = _Unset.UNSET
"""Default of keyword arguments that mean "leave unchanged"."""


def _gesture_id(value: object) -> str:
    return check_exact_id("gesture id", value)


def _prompt_id(value: object) -> str:
    return check_exact_id("prompt id", value)


def _find(db: TinyDB, cls: type[R], entry_id: str) -> tuple[int, R]:
    """The document id and record of the entry ``entry_id``; JournalNotFound if there is
    none, or it cannot be read."""
    doc = db.table(cls.TABLE).get(where("id") == entry_id)
    item = read_or_none(cls, doc) if isinstance(doc, dict) else None
    if doc is None or item is None:
        raise JournalNotFound(cls.NAMES[0], entry_id)
    return doc.doc_id, item


def _remove(db: TinyDB, cls: type[R], entry_id: str) -> R:
    doc_id, item = _find(db, cls, entry_id)
    db.table(cls.TABLE).remove(doc_ids=[doc_id])
    return item


def _newest_first(items: list[R], key: Any) -> list[R]:
    """Newest first; ties go to the one saved last, so the order never flips."""
    order = {id(item): i for i, item in enumerate(items)}
    return sorted(items, key=lambda item: (*key(item), order[id(item)]), reverse=True)


def _valid_pin(doc: Mapping[str, Any]) -> bool:
    """The rules a pin is written with (core/daily.py): text date, context, gesture id and
    reason, and a list of gesture ids shown."""
    try:
        check_text("date", doc.get("date"), low=10, high=10)
        check_text("context", doc.get("context"), low=0, high=MAX_TEXT)
        _gesture_id(doc.get("gesture"))
        check_text("reason", doc.get("reason", ""), low=0, high=MAX_TEXT)
    except JournalValueError:
        return False
    shown = doc.get("shown", [])
    if not isinstance(shown, list) or len(shown) > MAX_SHOWN:
        return False
    try:
        for gid in shown:
            check_exact_id("gesture id", gid, MAX_GESTURE_ID)
    except JournalValueError:
        return False
    return True


def _set_favourite(db: TinyDB, gesture_id: str, on: bool) -> bool:
    """Make ``gesture_id`` a favourite or not; returns whether anything changed."""
    table = db.table(T_FAVOURITES)
    found = [doc.doc_id for doc in table.search(where("gesture") == gesture_id)]
    if on and not found:
        table.insert({"gesture": gesture_id})
        return True
    if not on and found:
        table.remove(doc_ids=found)
        return True
    return False


class Journal(JournalFile):
    """The user's journal in one file. Create with :meth:`Journal.open`."""

    # -- tried entries ------------------------------------------------------------------

    def add_tried(
        self,
        gesture_id: str,
        *,
        on: date | None = None,
        at: str | None = None,
        note: str = "",
        reaction: int | None = None,
        for_whom: str = DEFAULT_FOR_WHOM,
        repeat: bool = True,
        **more: Any,
    ) -> TriedEntry:
        """Log that ``gesture_id`` was tried ``on`` a day (default today) ``at`` HH:MM
        (default now when the day is today, else no time). With ``repeat`` false, an idea
        already logged on that day raises JournalRepeatError (checked after the values,
        under the same lock as the write). ``more``: any other field of
        :class:`TriedEntry` by name (left out: its declared default)."""
        now = self._clock()
        today = now.date()
        day = today if on is None else on
        if at is None:
            at = now.strftime("%H:%M") if day == today else ""
        entry = checked(
            TriedEntry(
                id=new_id(),
                gesture_id=gesture_id,
                date=day,
                time=at,
                note=note,
                reaction=reaction,
                for_whom=for_whom,
                created=now.isoformat(timespec="seconds"),
                **more,
            ),
            today,
        )
        doc = entry.to_json()

        def change(db: TinyDB) -> None:
            table = db.table(TriedEntry.TABLE)
            if not repeat and table.contains(
                (where("gesture") == doc["gesture"]) & (where("date") == doc["date"])
            ):
                raise JournalRepeatError(gesture_id, day)
            table.insert(doc)

        self._mutate(change)
        return entry

    def get_tried(self, entry_id: str) -> TriedEntry:
        return _find(self._db(), TriedEntry, entry_id)[1]

    def edit_tried(
        self,
        entry_id: str,
        *,
        note: str | _Unset = UNSET,
        reaction: int | _Unset | None = UNSET,
        on: date | _Unset = UNSET,
        at: str | _Unset = UNSET,
        for_whom: str | _Unset = UNSET,
        **more: Any,
    ) -> TriedEntry:
        """Change an entry; arguments left out stay as they are. ``more``: any other
        field of :class:`TriedEntry` by name."""
        today = self._today()
        changes = _given(note=note, reaction=reaction, date=on, time=at, for_whom=for_whom)

        def change(db: TinyDB) -> TriedEntry:
            doc_id, old = _find(db, TriedEntry, entry_id)
            new = checked(
                dataclasses.replace(old, **changes, **more, created=old.created or self._now_iso()),
                today if on is not UNSET else None,
            )
            update(db, db.table(TriedEntry.TABLE), doc_id, new.to_json())
            return new

        return self._mutate(change)

    def delete_tried(self, entry_id: str) -> TriedEntry:
        """Remove an entry and return it (for :meth:`restore_tried`)."""
        return self._mutate(lambda db: _remove(db, TriedEntry, entry_id))

    def restore_tried(self, entry: TriedEntry) -> None:
        """Put back a deleted entry with its id (undo). Nothing happens if it is there."""
        doc = checked(entry).to_json()

        def change(db: TinyDB) -> bool:
            table = db.table(TriedEntry.TABLE)
            if table.contains(where("id") == doc["id"]):
                return False
            table.insert(doc)
            return True

        self._mutate(change, changed=bool)

    def tried(self, since: date | None = None) -> list[TriedEntry]:
        """Entries (on or after ``since``), newest first: by date, then time, then creation."""
        table = self._db().table(TriedEntry.TABLE)
        if since is None:
            docs = list(table)
        else:
            floor = since.isoformat()
            docs = table.search(where("date").test(lambda d: isinstance(d, str) and d >= floor))
        entries: list[tuple[TriedEntry, int]] = []
        for doc in docs:
            entry = read_or_none(TriedEntry, doc)
            if entry is not None:
                entries.append((entry, doc.doc_id))
        # Ties go to the entry saved last, so the order never flips between reads.
        entries.sort(key=lambda p: (p[0].date, p[0].time, p[0].created, p[1]), reverse=True)
        return [entry for entry, _ in entries]

    def tried_on(self, gesture_id: str, day: date) -> list[TriedEntry]:
        """The entries that already log ``gesture_id`` on ``day``, newest first: marking an
        idea twice on one day is asked about (the app) or refused without --again (the CLI)."""
        return [e for e in self.tried(since=day) if e.date == day and e.gesture_id == gesture_id]

    def last_tried(self) -> dict[str, date]:
        """Each gesture id tried, with the most recent date it was tried on."""
        latest: dict[str, str] = {}
        for doc in self._db().table(TriedEntry.TABLE):
            gid, day = doc.get("gesture"), doc.get("date")
            if isinstance(gid, str) and isinstance(day, str) and day > latest.get(gid, ""):
                latest[gid] = day
        result: dict[str, date] = {}
        for gid, day in latest.items():
            with contextlib.suppress(ValueError):
                result[gid] = date.fromisoformat(day)
        return result

    # -- favourites ---------------------------------------------------------------------

    def favourites(self) -> set[str]:
        return favourites_in(self._db())

    def is_favourite(self, gesture_id: str) -> bool:
        return gesture_id in self.favourites()

    def set_favourite(self, gesture_id: str, on: bool) -> None:
        gid = _gesture_id(gesture_id)
        self._mutate(lambda db: _set_favourite(db, gid, on), changed=bool)

    def toggle_favourite(self, gesture_id: str) -> bool:
        """Flip a favourite; returns whether it is a favourite now."""
        gid = _gesture_id(gesture_id)

        def change(db: TinyDB) -> bool:
            now_on = not db.table(T_FAVOURITES).contains(where("gesture") == gid)
            _set_favourite(db, gid, now_on)
            return now_on

        return self._mutate(change)

    # -- quiz ---------------------------------------------------------------------------

    def add_quiz_result(self, result: QuizResult) -> None:
        """Store a finished quiz (give it a fresh :func:`new_id`)."""
        doc = checked(result).to_json()

        def change(db: TinyDB) -> None:
            table = db.table(QuizResult.TABLE)
            if table.contains(where("id") == doc["id"]):
                raise JournalValueError("quiz result id", doc["id"], "use a new id")
            table.insert(doc)

        self._mutate(change)

    def quiz_results(self, who: str | None = None) -> list[QuizResult]:
        """Finished quizzes (for ``who``, "me" or "partner", or everyone), newest first."""
        results = records(self._db(), QuizResult)
        # Ties on `taken` (same second, or a fixed clock) go to the one saved last.
        order = {id(r): i for i, r in enumerate(results)}
        if who is not None:
            results = [r for r in results if r.who == who]
        results.sort(key=lambda r: (r.taken, order[id(r)]), reverse=True)
        return results

    def latest_quiz_result(self, who: str) -> QuizResult | None:
        results = self.quiz_results(who)
        return results[0] if results else None

    def quiz_progress(self) -> QuizProgress | None:
        return progress_in(self._db())

    def save_quiz_progress(self, progress: QuizProgress | None) -> None:
        """Remember an unfinished quiz; None forgets it."""
        doc = checked(progress).to_json() if progress is not None else None
        self._mutate(lambda db: set_single(db.table(QuizProgress.TABLE), doc))

    # -- partner ------------------------------------------------------------------------

    def partner(self) -> Partner:
        return partner_in(self._db())

    def set_partner_name(self, name: str) -> None:
        self.update_settings(partner_name=name)

    def add_little_thing(self, label: str, text: str) -> LittleThing:
        thing = checked(LittleThing(new_id(), label, text))
        self._mutate(lambda db: db.table(LittleThing.TABLE).insert(thing.to_json()))
        return thing

    def edit_little_thing(self, thing_id: str, label: str, text: str) -> LittleThing:
        thing = checked(LittleThing(thing_id, label, text))

        def change(db: TinyDB) -> LittleThing:
            table = db.table(LittleThing.TABLE)
            doc = table.get(where("id") == thing_id)
            if not isinstance(doc, dict):
                raise JournalNotFound(LittleThing.NAMES[0], thing_id)
            update(db, table, doc.doc_id, thing.to_json())
            return thing

        return self._mutate(change)

    def remove_little_thing(self, thing_id: str) -> LittleThing:
        return self._mutate(lambda db: _remove(db, LittleThing, thing_id))

    def add_date(self, kind: str, label: str, date: date, yearly: bool = True) -> ImportantDate:
        item = checked(ImportantDate(new_id(), kind, label, date, yearly))
        self._mutate(lambda db: db.table(ImportantDate.TABLE).insert(item.to_json()))
        return item

    def edit_date(
        self,
        date_id: str,
        *,
        kind: str | _Unset = UNSET,
        label: str | _Unset = UNSET,
        date: date | _Unset = UNSET,
        yearly: bool | _Unset = UNSET,
    ) -> ImportantDate:
        """Change an important date; arguments left out stay as they are."""
        changes = _given(kind=kind, label=label, date=date, yearly=yearly)

        def change(db: TinyDB) -> ImportantDate:
            doc_id, old = _find(db, ImportantDate, date_id)
            new = checked(dataclasses.replace(old, **changes))
            update(db, db.table(ImportantDate.TABLE), doc_id, new.to_json())
            return new

        return self._mutate(change)

    def remove_date(self, date_id: str) -> ImportantDate:
        return self._mutate(lambda db: _remove(db, ImportantDate, date_id))

    def upcoming_dates(self, today: date, within_days: int) -> list[tuple[ImportantDate, int]]:
        """Dates coming up in the next ``within_days`` days (today is 0), soonest first."""
        return upcoming_of(self.partner().dates, today, within_days)

    # -- settings -----------------------------------------------------------------------

    def settings(self) -> Settings:
        return settings_in(self._db())

    def update_settings(
        self,
        *,
        theme: str | _Unset = UNSET,
        apart: bool | _Unset = UNSET,
        my_name: str | _Unset = UNSET,
        partner_name: str | _Unset = UNSET,
        quiz_who: str | _Unset = UNSET,
        pronoun: str | _Unset = UNSET,
        welcomed: bool | _Unset = UNSET,
    ) -> Settings:
        """Change some settings; the others stay as they are. Returns the new settings."""
        changes = _given(
            theme=theme,
            apart=apart,
            my_name=my_name,
            partner_name=partner_name,
            quiz_who=quiz_who,
            pronoun=pronoun,
            welcomed=welcomed,
        )

        def change(db: TinyDB) -> Settings:
            new = checked(dataclasses.replace(settings_in(db), **changes))
            set_single(db.table(Settings.TABLE), new.to_json())
            return new

        return self._mutate(change)

    def welcome_due(self) -> bool:
        """True on a first start: the welcome was never done or skipped, and the journal
        holds nothing of the user's yet (no names, nothing tried, no quiz taken). A journal
        from before the welcome existed, with something in it, is never welcomed again."""
        settings = self.settings()
        if settings.welcomed or settings.my_name or settings.partner_name:
            return False
        return not self.tried() and not self.quiz_results()

    # -- today's idea, pinned for the day ----------------------------------------------

    def daily_pick(self) -> dict[str, Any] | None:
        """The idea pinned for today (see core/daily.py), as it was saved, or None when
        there is none or it does not have the shape a pin is written with."""
        doc = single(self._db().table(T_DAILY))
        return dict(doc) if doc is not None and _valid_pin(doc) else None

    def set_daily_pick(self, pick: dict[str, Any]) -> None:
        """Pin today's idea: a small JSON-ready mapping, replacing the previous pin."""
        self._mutate(lambda db: set_single(db.table(T_DAILY), pick))

    # -- what the user said about today (core/daily.py), kept for that day only ---------

    def said_today(self, today: date) -> tuple[str, bool]:
        """How is today (one of ``MOODS``) and whether it is a day off, as said for `today`;
        ``("ordinary", False)`` when nothing was said that day."""
        doc = single(self._db().table(T_DAY)) or {}
        if doc.get("date") != today.isoformat():
            return "ordinary", False
        mood = doc.get("mood")
        return (mood if mood in MOODS else "ordinary"), doc.get("day_off") is True

    def set_said_today(
        self, today: date, *, mood: str | _Unset = UNSET, day_off: bool | _Unset = UNSET
    ) -> tuple[str, bool]:
        """Say how today is and/or whether it is a day off; the rest stays as said today."""
        if mood is not UNSET:
            mood = check_choice("mood", mood, MOODS)
        if day_off is not UNSET and not isinstance(day_off, bool):
            raise JournalValueError("day_off", day_off, "use true or false")

        def change(db: TinyDB) -> tuple[str, bool]:
            table = db.table(T_DAY)
            doc = single(table) or {}
            same_day = doc.get("date") == today.isoformat()
            old_mood = doc.get("mood") if same_day and doc.get("mood") in MOODS else "ordinary"
            old_off = same_day and doc.get("day_off") is True
            new_mood = str(old_mood if mood is UNSET else mood)
            new_off = bool(old_off if day_off is UNSET else day_off)
            set_single(table, {"date": today.isoformat(), "mood": new_mood, "day_off": new_off})
            return new_mood, new_off

        return self._mutate(change)

    # -- conversation prompts ---------------------------------------------------------

    def add_asked(self, prompt_id: str, *, on: date | None = None) -> AskedEntry:
        """Note that a prompt was asked ``on`` a day (default today)."""
        now = self._clock()
        entry = checked(
            AskedEntry(
                id=new_id(),
                prompt_id=prompt_id,
                date=now.date() if on is None else on,
                created=now.isoformat(timespec="seconds"),
            ),
            now.date(),
        )
        self._mutate(lambda db: db.table(AskedEntry.TABLE).insert(entry.to_json()))
        return entry

    def delete_asked(self, entry_id: str) -> AskedEntry:
        """Take back an asked mark (made by mistake) and return it."""
        return self._mutate(lambda db: _remove(db, AskedEntry, entry_id))

    def asked(self, since: date | None = None) -> list[AskedEntry]:
        """Prompts asked (on or after ``since``), newest first."""
        entries = records(self._db(), AskedEntry)
        if since is not None:
            entries = [e for e in entries if e.date >= since]
        return _newest_first(entries, lambda e: (e.date, e.created))

    def prompt_favourites(self) -> set[str]:
        return prompt_favourites_in(self._db())

    def toggle_prompt_favourite(self, prompt_id: str) -> bool:
        """Flip a favourite prompt; returns whether it is a favourite now."""
        pid = _prompt_id(prompt_id)

        def change(db: TinyDB) -> bool:
            table = db.table(T_PROMPT_FAVOURITES)
            removed = table.remove(where("prompt") == pid)
            if not removed:
                table.insert({"prompt": pid})
            return not removed

        return self._mutate(change)

    # -- weekly check-ins ---------------------------------------------------------------

    def add_checkin(self, notes: Mapping[str, str], *, started: str | None = None) -> CheckIn:
        """Keep a finished check-in: its notes by step, dated today, finished now."""
        now = self._clock()
        finished = now.isoformat(timespec="seconds")
        item = checked(
            CheckIn(
                id=new_id(),
                date=now.date(),
                started=started or finished,
                finished=finished,
                notes=dict(notes),
            )
        )
        self._mutate(lambda db: db.table(CheckIn.TABLE).insert(item.to_json()))
        return item

    def checkins(self) -> list[CheckIn]:
        """Every check-in kept, newest first."""
        return _newest_first(records(self._db(), CheckIn), lambda c: (c.date, c.finished))

    def last_checkin(self) -> CheckIn | None:
        items = self.checkins()
        return items[0] if items else None

    # -- export and import (transfer.py) --------------------------------------------------

    def export_data(self) -> dict[str, Any]:
        """Everything in the journal as JSON-ready data (see :meth:`import_data`)."""
        from micromance_tui.core.journal import transfer  # export and import only: not at start

        return transfer.export_data(self._db(), self._now_iso())  # one consistent snapshot

    def import_data(self, data: object) -> transfer.ImportReport:
        """Merge an export: entries by id, favourites as a union, names only where empty.

        The whole of ``data`` is checked first; a problem raises :class:`JournalImportError`
        naming the place ("tried[3].date: '2024-13-01' is not a date") and changes nothing.
        """
        from micromance_tui.core.journal import transfer

        parsed = transfer.parse_export(data)
        return self._mutate(
            lambda db: transfer.merge(db, parsed), changed=lambda report: report.total > 0
        )


def _given(**values: Any) -> dict[str, Any]:
    """The arguments an edit was given (those left out are ``UNSET``), for
    ``dataclasses.replace``."""
    return {name: value for name, value in values.items() if value is not UNSET}


__all__ = ["PRONOUNS", "UNSET", "Journal"]
