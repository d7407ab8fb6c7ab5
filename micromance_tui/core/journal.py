"""The user's journal: what they tried and how it landed, favourites, quiz results, the
partner profile and settings. Core only: never imports Textual.

API
---
``Journal.open(path, *, clock=datetime.now) -> Journal`` creates the file if it is missing,
moves a corrupt one aside (``journal.recovered_from``, ``journal.recovery_message()``),
refuses a newer schema (``JournalNewerError``, nothing written) and a file that is a
symbolic link (``JournalAccessError``, nothing touched), migrates an older one
(``journal.migrated_from``), re-issues ids used twice (``journal.repairs``), and opens a
read-only journal for reading (``journal.read_only``). ``problems() -> list[str]``: one
line per kind of entry in the file that cannot be read (kept as it is, not shown) and per
repair. ``close()``; also a context manager.

Tried entries
    ``add_tried(gesture_id, *, on=None, at=None, note="", reaction=None, for_whom="partner")
    -> TriedEntry``, ``edit_tried(entry_id, *, note=, reaction=, on=, at=, for_whom=) ->
    TriedEntry`` (omitted arguments stay unchanged), ``delete_tried(entry_id) -> TriedEntry``,
    ``restore_tried(entry) -> None`` (undo of a delete, same id), ``get_tried(entry_id) ->
    TriedEntry``, ``tried(since=None) -> list[TriedEntry]`` (newest first),
    ``last_tried() -> dict[str, date]`` (gesture id -> most recent date).
Favourites
    ``is_favourite(gid) -> bool``, ``favourites() -> set[str]``, ``set_favourite(gid, on)``,
    ``toggle_favourite(gid) -> bool``.
Quiz
    ``add_quiz_result(result)``, ``quiz_results(who=None) -> list[QuizResult]`` (newest
    first), ``latest_quiz_result(who) -> QuizResult | None``, ``quiz_progress() ->
    QuizProgress | None``, ``save_quiz_progress(progress | None)`` (None clears).
Partner
    ``partner() -> Partner``, ``set_partner_name(name)``, ``add_little_thing(label, text) ->
    LittleThing``, ``edit_little_thing(id, label, text) -> LittleThing``,
    ``remove_little_thing(id) -> LittleThing``, ``add_date(kind, label, date, yearly=True) ->
    ImportantDate``, ``edit_date(id, *, kind=, label=, date=, yearly=) -> ImportantDate``,
    ``remove_date(id) -> ImportantDate``, ``upcoming_dates(today, within_days) ->
    list[tuple[ImportantDate, int]]`` (soonest first).
Settings
    ``settings() -> Settings``, ``update_settings(*, theme=, apart=, my_name=,
    partner_name=) -> Settings``. The partner's name is ``settings().partner_name``;
    ``partner().name`` is the same value.
Conversation prompts and check-ins
    ``add_asked(prompt_id, *, on=None) -> AskedEntry``, ``delete_asked(entry_id) ->
    AskedEntry``, ``asked(since=None) -> list[AskedEntry]`` (newest first),
    ``prompt_favourites() -> set[str]``, ``toggle_prompt_favourite(pid) -> bool``,
    ``add_checkin(notes, *, started=None) -> CheckIn`` (``notes``: step id -> text, steps in
    ``CHECKIN_STEPS``), ``checkins() -> list[CheckIn]`` (newest first), ``last_checkin() ->
    CheckIn | None``.
Export and import
    ``export_data() -> dict`` (everything, JSON-ready), ``import_data(data) -> ImportReport``
    (validates everything first; merges by id; importing twice adds nothing; names fill
    empty ones; apart mode comes on if the export had it on).
Today
    ``said_today(today) -> (mood, day_off)``, ``set_said_today(today, *, mood=, day_off=)``:
    what the user said about one day (``suggest.MOODS``); another day reads as ordinary.

Module level: ``SCHEMA_VERSION``, ``schema_of(data)``, ``migrate(data)``, ``new_id()``,
``REACTIONS``, the dataclasses, and the errors (all subclass ``JournalError``; ``str()`` is
one line for the user): ``JournalCorruptError``, ``JournalNewerError``,
``JournalAccessError``, ``JournalWriteError``, ``JournalValueError``, ``JournalNotFound``,
``JournalImportError``.

The file is TinyDB's layout (tables of documents keyed by decimal ids) written by
:class:`~micromance_tui.core.storage.SafeJSONStorage`, so ``TinyDB(path,
storage=SafeJSONStorage)`` reads it. The journal works on the whole document under the
storage's inter-process lock rather than through TinyDB's ``Table``, whose query cache and
next-id counter are per process and go stale when two copies of the app write.

Schema versions: 1 had no ids (tried entries held ``gesture``, ``date`` and ``note`` only; a
file with no ``meta`` table counts as 1); 2 adds ids, times, reactions, whom an idea was
for, creation times, quiz results, the partner profile and settings.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import enum
import math
import os
import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Final, Literal, TypeVar

from micromance_tui.core.plural import plural
from micromance_tui.core.storage import (
    Data,
    JournalAccessError,
    JournalChangedError,
    JournalCorruptError,
    JournalError,
    JournalWriteError,
    SafeJSONStorage,
    os_reason,
)
from micromance_tui.core.suggest import MOODS
from micromance_tui.core.textcheck import bad_characters, printable

__all__ = [
    "CHECKIN_STEPS",
    "DATE_KINDS",
    "EXPORT_FORMAT",
    "QUIZ_MODES",
    "REACTIONS",
    "SCHEMA_VERSION",
    "UNSET",
    "WHO",
    "AskedEntry",
    "CheckIn",
    "ImportReport",
    "ImportantDate",
    "Journal",
    "JournalAccessError",
    "JournalCorruptError",
    "JournalError",
    "JournalImportError",
    "JournalNewerError",
    "JournalNotFound",
    "JournalValueError",
    "JournalWriteError",
    "LittleThing",
    "Partner",
    "QuizProgress",
    "QuizResult",
    "Settings",
    "TriedEntry",
    "bad_characters",
    "migrate",
    "new_id",
    "schema_of",
]

SCHEMA_VERSION: Final = 2
EXPORT_FORMAT: Final = "micromance-export"

REACTIONS: dict[int, str] = {
    1: "fell flat",
    2: "so-so",
    3: "fine",
    4: "went well",
    5: "loved it",
}
WHO: tuple[str, ...] = ("me", "partner")
#: how the app refers to the partner (the first-run welcome and the Partner screen set it)
PRONOUNS: tuple[str, ...] = ("they", "she", "he")
QUIZ_MODES: tuple[str, ...] = ("classic", "rating")
DATE_KINDS: tuple[str, ...] = ("birthday", "anniversary", "custom")
DEFAULT_FOR_WHOM: Final = "partner"
DEFAULT_THEME: Final = "textual-dark"

MAX_NOTE: Final = 2000
MAX_LABEL: Final = 40
MAX_TEXT: Final = 500
MAX_NAME: Final = 40
MAX_GESTURE_ID: Final = 100
MAX_THEME: Final = 60
MAX_ID: Final = 64
MAX_SCORE: Final = 1000
"""Quiz numbers are counts (a few dozen at most) and averages of 1 to 5."""
MAX_POSITION: Final = 10_000
MAX_SHOWN: Final = 1000
"""How many ideas a day's pin remembers as shown."""
FIRST_YEAR: Final = 1800
LAST_YEAR: Final = 2999
"""Dates outside these years are refused: nobody logs them, and date arithmetic on them
(next year's birthday, a week before) would leave the calendar."""

# Table names in the file.
T_META: Final = "meta"
T_TRIED: Final = "tried"
T_FAVOURITES: Final = "favourites"
T_QUIZ_RESULTS: Final = "quiz_results"
T_QUIZ_PROGRESS: Final = "quiz_progress"
T_LITTLE_THINGS: Final = "little_things"
T_DATES: Final = "dates"
T_SETTINGS: Final = "settings"
T_DAILY: Final = "daily"
T_DAY: Final = "day"
T_ASKED: Final = "asked"
T_PROMPT_FAVOURITES: Final = "prompt_favourites"
T_CHECKINS: Final = "checkins"

#: The notes a weekly check-in keeps, one per step (the words are in core/checkin.py).
CHECKIN_STEPS: tuple[str, ...] = (
    "appreciations",
    "went-well",
    "was-hard",
    "wish-me",
    "wish-partner",
    "plan",
)

Clock = Callable[[], datetime]
T = TypeVar("T")

_RETRIES: Final = 100
"""Times a change is made again when another process replaced the file meanwhile."""

_TIME_RE = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d")
_ID_RE = re.compile(r"[A-Za-z0-9_.:-]{1,64}")


class _Unset(enum.Enum):
    UNSET = enum.auto()

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = _Unset.UNSET
"""Default of keyword arguments that mean "leave unchanged"."""


# -- errors ------------------------------------------------------------------------------


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
        super().__init__(f"{field} {_show(value)} is not allowed: {allowed}")


class JournalNotFound(JournalError, KeyError):
    """No entry with that id."""

    def __init__(self, kind: str, entry_id: str) -> None:
        self.kind = kind
        self.entry_id = entry_id
        super().__init__(f"no {kind} with id {entry_id!r}")

    def __str__(self) -> str:  # KeyError would quote the whole message
        return f"no {self.kind} with id {self.entry_id!r}"


class JournalImportError(JournalError):
    """An import file that cannot be used; nothing was changed."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


def _show(value: object) -> str:
    if isinstance(value, str):
        return f"of {len(value)} characters" if len(value) > 30 else repr(value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**30:
        return f"of {len(str(abs(value)))} digits"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return repr(value)


# -- data classes ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TriedEntry:
    """One idea tried: when, a note, how it landed (``REACTIONS``), whom it was for."""

    id: str
    gesture_id: str
    date: date
    time: str  # "HH:MM" or ""
    note: str
    reaction: int | None
    for_whom: str
    created: str  # ISO date and time

    @property
    def reaction_text(self) -> str:
        return REACTIONS.get(self.reaction, "") if self.reaction is not None else ""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "gesture": self.gesture_id,
            "date": self.date.isoformat(),
            "time": self.time,
            "note": self.note,
            "reaction": self.reaction,
            "for_whom": self.for_whom,
            "created": self.created,
        }


@dataclass(frozen=True, slots=True)
class LittleThing:
    """A labelled note about the partner: "Coffee" -> "oat flat white, no sugar"."""

    id: str
    label: str
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "text": self.text}


@dataclass(frozen=True, slots=True)
class ImportantDate:
    """A birthday, anniversary or custom date; yearly ones come round every year."""

    id: str
    kind: str  # one of DATE_KINDS
    label: str
    date: date
    yearly: bool = True

    def next_occurrence(self, today: dt.date) -> dt.date | None:
        """The next day (today included) this date falls on; None if it is past for good.

        A yearly 29 February falls on 28 February in other years.
        """
        if self.date >= today:
            return self.date
        if not self.yearly:
            return None
        this_year = _in_year(self.date, today.year)
        return this_year if this_year >= today else _in_year(self.date, today.year + 1)

    def days_until(self, today: dt.date) -> int | None:
        upcoming = self.next_occurrence(today)
        return None if upcoming is None else (upcoming - today).days

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "label": self.label,
            "date": self.date.isoformat(),
            "yearly": self.yearly,
        }


@dataclass(frozen=True, slots=True)
class Partner:
    """The partner's name, the little things to remember and the dates that matter."""

    name: str
    little_things: tuple[LittleThing, ...] = ()
    dates: tuple[ImportantDate, ...] = ()


@dataclass(frozen=True, slots=True)
class QuizResult:
    """A finished quiz. Classic: ``scores`` counts per language id, ``answers`` 1 (side a) or
    2 (side b). Rating: ``receive`` and ``give`` averages per language, ``answers`` 1-5."""

    id: str
    who: str  # "me" or "partner"
    mode: str  # "classic" or "rating"
    scores: dict[str, float]
    receive: dict[str, float]
    give: dict[str, float]
    answers: dict[str, int]
    taken: str  # ISO date and time

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "who": self.who,
            "mode": self.mode,
            "scores": dict(self.scores),
            "receive": dict(self.receive),
            "give": dict(self.give),
            "answers": dict(self.answers),
            "taken": self.taken,
        }


@dataclass(frozen=True, slots=True)
class QuizProgress:
    """An unfinished quiz to resume."""

    who: str
    mode: str
    answers: dict[str, int]
    position: int
    started: str  # ISO date and time

    def to_json(self) -> dict[str, Any]:
        return {
            "who": self.who,
            "mode": self.mode,
            "answers": dict(self.answers),
            "position": self.position,
            "started": self.started,
        }


@dataclass(frozen=True, slots=True)
class Settings:
    """The user's settings: theme, apart mode, the two names, and who the quiz was last
    set to ask ("me" or "partner"), so its start page reads the same after a restart."""

    theme: str = DEFAULT_THEME
    apart: bool = False
    my_name: str = ""
    partner_name: str = ""
    quiz_who: str = "me"
    pronoun: str = "they"
    welcomed: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "theme": self.theme,
            "apart": self.apart,
            "my_name": self.my_name,
            "partner_name": self.partner_name,
            "quiz_who": self.quiz_who,
            "pronoun": self.pronoun,
            "welcomed": self.welcomed,
        }


@dataclass(frozen=True, slots=True)
class AskedEntry:
    """A conversation prompt asked on a day."""

    id: str
    prompt_id: str
    date: date
    created: str  # ISO date and time

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "prompt": self.prompt_id,
            "date": self.date.isoformat(),
            "created": self.created,
        }


@dataclass(frozen=True, slots=True)
class CheckIn:
    """A weekly check-in: when it started and finished, and the notes of each step
    (``CHECKIN_STEPS`` -> text; a step left blank is left out)."""

    id: str
    date: date
    started: str  # ISO date and time
    finished: str  # ISO date and time
    notes: dict[str, str]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "started": self.started,
            "finished": self.finished,
            "notes": dict(self.notes),
        }


@dataclass(frozen=True, slots=True)
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
        names = {
            T_TRIED: ("tried entry", "tried entries"),
            T_QUIZ_RESULTS: ("quiz result", "quiz results"),
            T_LITTLE_THINGS: ("little thing", "little things"),
            T_DATES: ("date", "dates"),
        }
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


def new_id() -> str:
    """A fresh entry id: a uuid4 as 32 hex digits."""
    return uuid.uuid4().hex


def _in_year(day: date, year: int) -> date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February in a common year
        return date(year, 2, 28)


# -- validation --------------------------------------------------------------------------


def _text(field_name: str, value: object, *, low: int, high: int) -> str:
    if not isinstance(value, str):
        raise JournalValueError(field_name, value, "use text")
    stripped = value.strip()
    if not low <= len(stripped) <= high:
        allowed = (
            f"use at most {high} characters"
            if low == 0
            else f"use {low} to {high} characters"
            if low < high
            else f"use {high} characters"
        )
        raise JournalValueError(field_name, value if stripped else stripped, allowed)
    problem = bad_characters(stripped)
    if problem:
        raise JournalValueError(field_name, value, f"it has {problem}; remove them")
    return stripped


def _reaction(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value not in REACTIONS:
        raise JournalValueError("reaction", value, "use 1 to 5, or none")
    return value


def _time(value: object) -> str:
    if value == "":
        return ""
    if not isinstance(value, str) or not _TIME_RE.fullmatch(value):
        raise JournalValueError("time", value, "use HH:MM (00:00 to 23:59), or empty")
    return value


def _day(field_name: str, value: object) -> date:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise JournalValueError(field_name, value, "use a date")
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise JournalValueError(field_name, value, f"use a year from {FIRST_YEAR} to {LAST_YEAR}")
    return value


def _not_future(value: date, today: date) -> date:
    if value > today:
        raise JournalValueError("date", value, f"use today ({today.isoformat()}) or earlier")
    return value


def _choice(field_name: str, value: object, choices: Iterable[str]) -> str:
    options = tuple(choices)
    if not isinstance(value, str) or value not in options:
        raise JournalValueError(field_name, value, "use " + " or ".join(options))
    return value


def _entry_id(value: object) -> str:
    if not isinstance(value, str) or not _ID_RE.fullmatch(value):
        raise JournalValueError("id", value, "use 1 to 64 letters, digits or -_.:")
    return value


def _timestamp(field_name: str, value: object) -> str:
    if not isinstance(value, str):
        raise JournalValueError(field_name, value, "use an ISO date and time")
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise JournalValueError(field_name, value, "use an ISO date and time") from None
    return value


def _numbers(field_name: str, value: object) -> dict[str, float]:
    if not isinstance(value, Mapping):
        raise JournalValueError(field_name, value, "use an object of numbers")
    result: dict[str, float] = {}
    for key, number in value.items():
        if not isinstance(key, str) or not 1 <= len(key) <= MAX_LABEL or bad_characters(key):
            raise JournalValueError(f"{field_name} key", key, "use a language id")
        if (
            isinstance(number, bool)
            or not isinstance(number, (int, float))
            or not math.isfinite(number)
            or not 0 <= number <= MAX_SCORE
        ):
            raise JournalValueError(
                f"{field_name}[{key!r}]", number, f"use a number from 0 to {MAX_SCORE}"
            )
        result[key] = number
    return result


def _answers(value: object, mode: str) -> dict[str, int]:
    if not isinstance(value, Mapping):
        raise JournalValueError("answers", value, "use an object of item id -> choice")
    allowed = (1, 2) if mode == "classic" else (1, 2, 3, 4, 5)
    hint = "use 1 (side a) or 2 (side b)" if mode == "classic" else "use 1 to 5"
    result: dict[str, int] = {}
    for key, choice in value.items():
        if not isinstance(key, str) or not 1 <= len(key) <= MAX_GESTURE_ID or bad_characters(key):
            raise JournalValueError("answers key", key, "use a quiz item id")
        if isinstance(choice, bool) or not isinstance(choice, int) or choice not in allowed:
            raise JournalValueError(f"answers[{key!r}]", choice, hint)
        result[key] = choice
    return result


def _gesture_id(value: object) -> str:
    gid = _text("gesture id", value, low=1, high=MAX_GESTURE_ID)
    if gid != value:
        raise JournalValueError("gesture id", value, "use an id without spaces around it")
    return gid


def _checked_quiz_result(result: QuizResult) -> QuizResult:
    mode = _choice("mode", result.mode, QUIZ_MODES)
    return QuizResult(
        id=_entry_id(result.id),
        who=_choice("who", result.who, WHO),
        mode=mode,
        scores=_numbers("scores", result.scores),
        receive=_numbers("receive", result.receive),
        give=_numbers("give", result.give),
        answers=_answers(result.answers, mode),
        taken=_timestamp("taken", result.taken),
    )


def _checked_progress(progress: QuizProgress) -> QuizProgress:
    mode = _choice("mode", progress.mode, QUIZ_MODES)
    position = progress.position
    if (
        isinstance(position, bool)
        or not isinstance(position, int)
        or not 0 <= position <= MAX_POSITION
    ):
        raise JournalValueError(
            "position", position, f"use a whole number from 0 to {MAX_POSITION}"
        )
    return QuizProgress(
        who=_choice("who", progress.who, WHO),
        mode=mode,
        answers=_answers(progress.answers, mode),
        position=position,
        started=_timestamp("started", progress.started),
    )


def _checked_tried(entry: TriedEntry, today: date | None) -> TriedEntry:
    day = _day("date", entry.date)
    if today is not None:
        _not_future(day, today)
    return TriedEntry(
        id=_entry_id(entry.id),
        gesture_id=_gesture_id(entry.gesture_id),
        date=day,
        time=_time(entry.time),
        note=_text("note", entry.note, low=0, high=MAX_NOTE),
        reaction=_reaction(entry.reaction),
        for_whom=_text("for_whom", entry.for_whom, low=1, high=MAX_NAME),
        created=_timestamp("created", entry.created),
    )


def _checked_little_thing(thing: LittleThing) -> LittleThing:
    return LittleThing(
        id=_entry_id(thing.id),
        label=_text("label", thing.label, low=1, high=MAX_LABEL),
        text=_text("text", thing.text, low=1, high=MAX_TEXT),
    )


def _checked_date(item: ImportantDate) -> ImportantDate:
    if not isinstance(item.yearly, bool):
        raise JournalValueError("yearly", item.yearly, "use true or false")
    return ImportantDate(
        id=_entry_id(item.id),
        kind=_choice("kind", item.kind, DATE_KINDS),
        label=_text("label", item.label, low=1, high=MAX_LABEL),
        date=_day("date", item.date),
        yearly=item.yearly,
    )


def _checked_settings(settings: Settings) -> Settings:
    if not isinstance(settings.apart, bool):
        raise JournalValueError("apart", settings.apart, "use true or false")
    return Settings(
        theme=_text("theme", settings.theme, low=1, high=MAX_THEME),
        apart=settings.apart,
        my_name=_text("my_name", settings.my_name, low=0, high=MAX_NAME),
        partner_name=_text("partner_name", settings.partner_name, low=0, high=MAX_NAME),
        quiz_who=_choice("quiz_who", settings.quiz_who, WHO),
        pronoun=_choice("pronoun", settings.pronoun, PRONOUNS),
        welcomed=settings.welcomed is True,
    )


# -- documents <-> data classes ------------------------------------------------------------
# Reading checks every document against the same rules as writing and importing (the
# ``_import_*`` builders below, which end in the ``_checked_*`` functions). A document that
# does not pass is left in the file exactly as it is, not shown, and reported by
# :meth:`Journal.problems`. Only the forms older versions wrote are read leniently: a time
# "9:05", a note with CR/LF or control characters, ``reaction: true``, no ``created``.

_SHORT_TIME_RE = re.compile(r"\d:[0-5]\d")


def _legacy_text(value: str) -> str:
    """An old note: CR/LF made LF, refused characters made U+FFFD (shown, exported and
    imported as that)."""
    return printable(value.replace("\r\n", "\n").replace("\r", "\n"))


def _read_tried(doc: Mapping[str, Any], where: str) -> TriedEntry:
    fixed = dict(doc)
    time = fixed.get("time")
    if time is None:
        fixed["time"] = ""
    elif isinstance(time, str) and _SHORT_TIME_RE.fullmatch(time):
        fixed["time"] = "0" + time
    note = fixed.get("note")
    if note is None:
        fixed["note"] = ""
    elif isinstance(note, str):
        fixed["note"] = _legacy_text(note)
    if isinstance(fixed.get("reaction"), bool):
        fixed["reaction"] = None
    if fixed.get("for_whom") in (None, ""):
        fixed["for_whom"] = DEFAULT_FOR_WHOM
    if not fixed.get("created"):
        day = fixed.get("date")
        fixed["created"] = f"{day}T00:00:00" if isinstance(day, str) else ""
    return _import_tried(fixed, where)


def _read_quiz_result(doc: Mapping[str, Any], where: str) -> QuizResult:
    return _import_quiz_result(doc, where)


def _read_progress(doc: Mapping[str, Any], where: str) -> QuizProgress:
    return _import_progress(doc, where)


def _read_little_thing(doc: Mapping[str, Any], where: str) -> LittleThing:
    return _import_little_thing(doc, where)


def _read_date(doc: Mapping[str, Any], where: str) -> ImportantDate:
    fixed = dict(doc)
    fixed.setdefault("kind", "custom")
    return _import_date_item(fixed, where)


_Reader = Callable[[Mapping[str, Any], str], T]


def _lenient(
    read: Callable[[Mapping[str, Any], str], T],
) -> Callable[[Mapping[str, Any]], T | None]:
    def convert(doc: Mapping[str, Any]) -> T | None:
        try:
            return read(doc, "")
        except (JournalImportError, JournalValueError):
            return None

    return convert


_tried_from_doc = _lenient(_read_tried)
_quiz_result_from_doc = _lenient(_read_quiz_result)
_progress_from_doc = _lenient(_read_progress)
_little_thing_from_doc = _lenient(_read_little_thing)
_date_from_doc = _lenient(_read_date)

_READERS: dict[str, tuple[str, str, Callable[[Mapping[str, Any], str], object]]] = {
    T_TRIED: ("tried entry", "tried entries", _read_tried),
    T_QUIZ_RESULTS: ("quiz result", "quiz results", _read_quiz_result),
    T_QUIZ_PROGRESS: ("unfinished quiz", "unfinished quizzes", _read_progress),
    T_LITTLE_THINGS: ("little thing", "little things", _read_little_thing),
    T_DATES: ("date", "dates", _read_date),
}


def _unreadable_in(data: Data) -> list[str]:
    """One line per table that holds documents the journal cannot read."""
    lines: list[str] = []
    for table_name, (one, many, read) in _READERS.items():
        bad: list[str] = []
        first = ""
        for key, doc in (data.get(table_name) or {}).items():
            try:
                read(doc, f"{table_name} document {key}")
            except (JournalImportError, JournalValueError) as exc:
                bad.append(key)
                if not first:
                    first = (
                        str(exc)
                        if isinstance(exc, JournalImportError)
                        else f"{table_name} document {key}.{exc.field}: {_show(exc.value)} "
                        f"is not allowed: {exc.allowed}"
                    )
        if bad:
            single = len(bad) == 1
            what, verb, it = (one, "is", "it is") if single else (many, "are", "they are")
            lines.append(
                f"{len(bad)} {what} in the journal cannot be read and {verb} not shown "
                f"({first}); kept in the file as {it}"
            )
    return lines


def _text_or(value: object, default: str, *, low: int, high: int) -> str:
    try:
        return _text("setting", value, low=low, high=high)
    except JournalValueError:
        return default


def _settings_from_doc(doc: Mapping[str, Any] | None) -> Settings:
    if not doc:
        return Settings()
    return Settings(
        theme=_text_or(doc.get("theme"), DEFAULT_THEME, low=1, high=MAX_THEME),
        apart=doc.get("apart") is True,
        my_name=_text_or(doc.get("my_name"), "", low=0, high=MAX_NAME),
        partner_name=_text_or(doc.get("partner_name"), "", low=0, high=MAX_NAME),
        quiz_who="partner" if doc.get("quiz_who") == "partner" else "me",
        pronoun=doc["pronoun"] if doc.get("pronoun") in PRONOUNS else "they",
        welcomed=doc.get("welcomed") is True,
    )


def _convert(table: Mapping[str, Any], convert: Callable[[Mapping[str, Any]], T | None]) -> list[T]:
    result: list[T] = []
    for doc in table.values():
        item = convert(doc)
        if item is not None:
            result.append(item)
    return result


# -- conversation prompts and check-ins: checks and documents ------------------------------


def _checked_asked(entry: AskedEntry, today: date | None) -> AskedEntry:
    day = _day("date", entry.date)
    if today is not None:
        _not_future(day, today)
    return AskedEntry(
        id=_entry_id(entry.id),
        prompt_id=_prompt_id(entry.prompt_id),
        date=day,
        created=_timestamp("created", entry.created),
    )


def _prompt_id(value: object) -> str:
    pid = _text("prompt id", value, low=1, high=MAX_GESTURE_ID)
    if pid != value:
        raise JournalValueError("prompt id", value, "use an id without spaces around it")
    return pid


def _checked_checkin(item: CheckIn) -> CheckIn:
    if not isinstance(item.notes, Mapping):
        raise JournalValueError("notes", item.notes, "use an object of step -> text")
    notes: dict[str, str] = {}
    for step, text in item.notes.items():
        _choice("notes step", step, CHECKIN_STEPS)
        cleaned = _text(f"notes[{step!r}]", text, low=0, high=MAX_NOTE)
        if cleaned:
            notes[step] = cleaned
    return CheckIn(
        id=_entry_id(item.id),
        date=_day("date", item.date),
        started=_timestamp("started", item.started),
        finished=_timestamp("finished", item.finished),
        notes=notes,
    )


def _asked_from_doc(doc: Mapping[str, Any]) -> AskedEntry | None:
    try:
        return AskedEntry(
            id=str(doc["id"]),
            prompt_id=str(doc["prompt"]),
            date=date.fromisoformat(doc["date"]),
            created=str(doc.get("created") or ""),
        )
    except (KeyError, TypeError, ValueError):
        return None


def _checkin_from_doc(doc: Mapping[str, Any]) -> CheckIn | None:
    try:
        notes = doc.get("notes") or {}
        return CheckIn(
            id=str(doc["id"]),
            date=date.fromisoformat(doc["date"]),
            started=str(doc.get("started") or ""),
            finished=str(doc.get("finished") or ""),
            notes={str(k): str(v) for k, v in notes.items()},
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _prompt_favourites_in(data: Data) -> set[str]:
    table = data.get(T_PROMPT_FAVOURITES) or {}
    return {doc["prompt"] for doc in table.values() if isinstance(doc.get("prompt"), str)}


def _newest_first(items: list[T], key: Callable[[T], tuple[Any, ...]]) -> list[T]:
    """Newest first; ties go to the one saved last, so the order never flips."""
    order = {id(item): i for i, item in enumerate(items)}
    return sorted(items, key=lambda item: (*key(item), order[id(item)]), reverse=True)


# -- raw tables --------------------------------------------------------------------------


def _next_doc_id(table: dict[str, Any]) -> str:
    """A TinyDB document id not used in ``table``: O(1) when ids are in order (ours are)."""
    if not table:
        return "1"
    last = next(reversed(table.keys()))
    if last.isdecimal() and str(int(last) + 1) not in table:
        return str(int(last) + 1)
    return str(max(int(key) for key in table if key.isdecimal()) + 1)


def _insert(data: Data, table_name: str, doc: dict[str, Any]) -> None:
    table = data.setdefault(table_name, {})
    table[_next_doc_id(table)] = doc


def _key_of(table: Mapping[str, Any], entry_id: str) -> str | None:
    for key, doc in table.items():
        if doc.get("id") == entry_id:
            return key
    return None


def _docs_by_id(table: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """Documents by their id (the first one, if an id were used twice)."""
    found: dict[str, Mapping[str, Any]] = {}
    for doc in table.values():
        entry_id = doc.get("id")
        if isinstance(entry_id, str) and entry_id not in found:
            found[entry_id] = doc
    return found


def _ids(table: Mapping[str, Any]) -> set[str]:
    return {doc["id"] for doc in table.values() if isinstance(doc.get("id"), str)}


def _single(data: Data, table_name: str) -> dict[str, Any] | None:
    table = data.get(table_name) or {}
    for doc in table.values():
        if isinstance(doc, dict):
            return doc
    return None


def _fresh() -> Data:
    return {T_META: {"1": {"schema": SCHEMA_VERSION}}}


_ID_TABLES: Final = (T_TRIED, T_QUIZ_RESULTS, T_LITTLE_THINGS, T_DATES)


def _duplicate_ids(data: Data) -> bool:
    for table_name in _ID_TABLES:
        ids = [doc.get("id") for doc in (data.get(table_name) or {}).values()]
        strings = [i for i in ids if isinstance(i, str)]
        if len(set(strings)) != len(strings):
            return True
    return False


def _unique_ids(data: Data) -> tuple[Data, list[str]]:
    """``data`` with every id used once per table: a later document with an id already used
    (a hand merge) gets a new one, the same on every read (derived from its place), so an
    edit or a delete always addresses exactly one entry. Returns new tables (documents
    replaced, never changed) and one line per table repaired."""
    if not _duplicate_ids(data):
        return data, []
    result = dict(data)
    lines: list[str] = []
    for table_name in _ID_TABLES:
        table = data.get(table_name) or {}
        seen: set[str] = set()
        for id_ in (doc.get("id") for doc in table.values()):
            if isinstance(id_, str):
                seen.add(id_)
        used: set[str] = set()
        new_table: dict[str, Any] = {}
        changed = 0
        for key, doc in table.items():
            entry_id = doc.get("id")
            if isinstance(entry_id, str) and entry_id in used:
                fresh = uuid.uuid5(
                    uuid.NAMESPACE_URL, f"micromance:{table_name}:{key}:{entry_id}"
                ).hex
                while fresh in seen:
                    fresh = uuid.uuid5(uuid.NAMESPACE_URL, fresh).hex
                seen.add(fresh)
                doc = {**doc, "id": fresh}
                changed += 1
                entry_id = fresh
            if isinstance(entry_id, str):
                used.add(entry_id)
            new_table[key] = doc
        if changed:
            result[table_name] = new_table
            one, many = _READERS[table_name][:2]
            lines.append(
                f"{changed} {one if changed == 1 else many} in the journal had an id already "
                f"used by another; {'it was' if changed == 1 else 'they were'} given a new id"
            )
    return result, lines


# -- schema and migration ----------------------------------------------------------------


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


def _migrate_1_to_2(data: Data) -> None:
    for doc in (data.get(T_TRIED) or {}).values():
        if "id" not in doc:
            doc["id"] = new_id()
        day = doc.get("date")
        doc.setdefault("time", "")
        doc.setdefault("note", "")
        doc.setdefault("reaction", None)
        doc.setdefault("for_whom", DEFAULT_FOR_WHOM)
        doc.setdefault("created", f"{day}T00:00:00" if isinstance(day, str) else "")


_MIGRATIONS: dict[int, Callable[[Data], None]] = {1: _migrate_1_to_2}


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


# -- the journal -------------------------------------------------------------------------


class Journal:
    """The user's journal in one file. Create with :meth:`Journal.open`."""

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
    def open(cls, path: Path | str, *, clock: Clock | None = None) -> Journal:
        """Open (creating if needed) the journal at ``path``; see the module docstring."""
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
                        self._storage.write(_fresh(), expect=key)
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
            repaired, self.repairs = _unique_ids(data)
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

    def __enter__(self) -> Journal:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- reading and writing the data ---------------------------------------------------

    def _data(self) -> Data:
        """The current data for reading (do not change it)."""
        data = self._storage.read()
        if data is None:
            return _fresh()
        view = self._view
        if view is not None and view[0] is data:
            return view[1]
        version = self._version(data)
        if version > SCHEMA_VERSION:
            raise JournalNewerError(self.path, version, SCHEMA_VERSION)
        shown = data
        if version < SCHEMA_VERSION:  # a read-only journal we could not migrate
            shown = migrate(copy.deepcopy(data))
        shown = _unique_ids(shown)[0]
        self._view = (data, shown)
        return shown

    def problems(self) -> list[str]:
        """One line per kind of entry in the file that cannot be read (kept as it is), and
        per repair made on open; empty when all is well."""
        return [*self.repairs, *_unreadable_in(self._data())]

    def _mutate(
        self, change: Callable[[Data], T], *, changed: Callable[[T], bool] | None = None
    ) -> T:
        """Run ``change`` on the current data and write it, all under the lock.

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

    def _mutate_once(self, change: Callable[[Data], T], changed: Callable[[T], bool] | None) -> T:
        with self._storage.lock():
            try:
                current, key = self._storage.read_with_key()
                if current is None:
                    data = _fresh()
                else:
                    version = self._version(current)
                    if version > SCHEMA_VERSION:
                        raise JournalNewerError(self.path, version, SCHEMA_VERSION)
                    if version < SCHEMA_VERSION:  # replaced by an old file since we opened
                        data = migrate(copy.deepcopy(current))
                    else:
                        # Copy on write: new tables, shared documents (changes replace a
                        # document rather than edit it), so the cached data is never
                        # half-changed for a reader in another thread.
                        data = {name: dict(table) for name, table in current.items()}
                    data = _unique_ids(data)[0]
                result = change(data)
                if changed is None or changed(result):
                    self._storage.write(data, expect=key)
            except BaseException:
                self._storage.invalidate()  # belt and braces: re-read the file next time
                raise
        return result

    def _today(self) -> date:
        return self._clock().date()

    def _now_iso(self) -> str:
        return self._clock().isoformat(timespec="seconds")

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
    ) -> TriedEntry:
        """Log that ``gesture_id`` was tried ``on`` a day (default today) ``at`` HH:MM
        (default now when the day is today, else no time). With ``repeat`` false, an idea
        already logged on that day raises JournalRepeatError (checked after the values,
        under the same lock as the write)."""
        now = self._clock()
        today = now.date()
        day = today if on is None else on
        if at is None:
            at = now.strftime("%H:%M") if day == today else ""
        entry = _checked_tried(
            TriedEntry(
                id=new_id(),
                gesture_id=gesture_id,
                date=day,
                time=at,
                note=note,
                reaction=reaction,
                for_whom=for_whom,
                created=now.isoformat(timespec="seconds"),
            ),
            today,
        )
        doc = entry.to_json()

        def change(data: Data) -> None:
            if not repeat and any(
                isinstance(other, dict)
                and other.get("gesture") == doc["gesture"]
                and other.get("date") == doc["date"]
                for other in (data.get(T_TRIED) or {}).values()
            ):
                raise JournalRepeatError(gesture_id, day)
            _insert(data, T_TRIED, doc)

        self._mutate(change)
        return entry

    def get_tried(self, entry_id: str) -> TriedEntry:
        table = self._data().get(T_TRIED) or {}
        key = _key_of(table, entry_id)
        entry = _tried_from_doc(table[key]) if key is not None else None
        if entry is None:
            raise JournalNotFound("tried entry", entry_id)
        return entry

    def edit_tried(
        self,
        entry_id: str,
        *,
        note: str | _Unset = UNSET,
        reaction: int | _Unset | None = UNSET,
        on: date | _Unset = UNSET,
        at: str | _Unset = UNSET,
        for_whom: str | _Unset = UNSET,
    ) -> TriedEntry:
        """Change an entry; arguments left out stay as they are."""
        today = self._today()

        def change(data: Data) -> TriedEntry:
            table = data.get(T_TRIED) or {}
            key = _key_of(table, entry_id)
            old = _tried_from_doc(table[key]) if key is not None else None
            if key is None or old is None:
                raise JournalNotFound("tried entry", entry_id)
            new = _checked_tried(
                TriedEntry(
                    id=old.id,
                    gesture_id=old.gesture_id,
                    date=old.date if on is UNSET else on,
                    time=old.time if at is UNSET else at,
                    note=old.note if note is UNSET else note,
                    reaction=old.reaction if reaction is UNSET else reaction,
                    for_whom=old.for_whom if for_whom is UNSET else for_whom,
                    created=old.created or self._now_iso(),
                ),
                today if on is not UNSET else None,
            )
            table[key] = {**table[key], **new.to_json()}
            return new

        return self._mutate(change)

    def delete_tried(self, entry_id: str) -> TriedEntry:
        """Remove an entry and return it (for :meth:`restore_tried`)."""

        def change(data: Data) -> TriedEntry:
            table = data.get(T_TRIED) or {}
            key = _key_of(table, entry_id)
            entry = _tried_from_doc(table[key]) if key is not None else None
            if key is None or entry is None:
                raise JournalNotFound("tried entry", entry_id)
            del table[key]
            return entry

        return self._mutate(change)

    def restore_tried(self, entry: TriedEntry) -> None:
        """Put back a deleted entry with its id (undo). Nothing happens if it is there."""
        checked = _checked_tried(entry, None)
        doc = checked.to_json()

        def change(data: Data) -> bool:
            if _key_of(data.get(T_TRIED) or {}, checked.id) is not None:
                return False
            _insert(data, T_TRIED, doc)
            return True

        self._mutate(change, changed=bool)

    def tried(self, since: date | None = None) -> list[TriedEntry]:
        """Entries (on or after ``since``), newest first: by date, then time, then creation."""
        floor = since.isoformat() if since is not None else ""
        entries: list[TriedEntry] = []
        saved_order: dict[str, int] = {}
        for index, doc in enumerate((self._data().get(T_TRIED) or {}).values()):
            if floor and not (isinstance(doc.get("date"), str) and doc["date"] >= floor):
                continue
            entry = _tried_from_doc(doc)
            if entry is not None:
                entries.append(entry)
                saved_order[entry.id] = index
        # Ties go to the entry saved last, so the order never flips between reads.
        entries.sort(key=lambda e: (e.date, e.time, e.created, saved_order[e.id]), reverse=True)
        return entries

    def tried_on(self, gesture_id: str, day: date) -> list[TriedEntry]:
        """The entries that already log ``gesture_id`` on ``day``, newest first: marking an
        idea twice on one day is asked about (the app) or refused without --again (the CLI)."""
        return [e for e in self.tried(since=day) if e.date == day and e.gesture_id == gesture_id]

    def last_tried(self) -> dict[str, date]:
        """Each gesture id tried, with the most recent date it was tried on."""
        latest: dict[str, str] = {}
        for doc in (self._data().get(T_TRIED) or {}).values():
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
        return _favourites_in(self._data())

    def is_favourite(self, gesture_id: str) -> bool:
        return gesture_id in self.favourites()

    def set_favourite(self, gesture_id: str, on: bool) -> None:
        gid = _gesture_id(gesture_id)
        self._mutate(lambda data: _set_favourite(data, gid, on), changed=bool)

    def toggle_favourite(self, gesture_id: str) -> bool:
        """Flip a favourite; returns whether it is a favourite now."""
        gid = _gesture_id(gesture_id)

        def change(data: Data) -> bool:
            table = data.get(T_FAVOURITES) or {}
            now_on = not any(doc.get("gesture") == gid for doc in table.values())
            _set_favourite(data, gid, now_on)
            return now_on

        return self._mutate(change)

    # -- quiz ---------------------------------------------------------------------------

    def add_quiz_result(self, result: QuizResult) -> None:
        """Store a finished quiz (give it a fresh :func:`new_id`)."""
        checked = _checked_quiz_result(result)

        def change(data: Data) -> None:
            if checked.id in _ids(data.get(T_QUIZ_RESULTS) or {}):
                raise JournalValueError("quiz result id", checked.id, "use a new id")
            _insert(data, T_QUIZ_RESULTS, checked.to_json())

        self._mutate(change)

    def quiz_results(self, who: str | None = None) -> list[QuizResult]:
        """Finished quizzes (for ``who``, "me" or "partner", or everyone), newest first."""
        results = _quiz_results_in(self._data())
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
        return _progress_in(self._data())

    def save_quiz_progress(self, progress: QuizProgress | None) -> None:
        """Remember an unfinished quiz; None forgets it."""
        checked = _checked_progress(progress) if progress is not None else None

        def change(data: Data) -> None:
            data[T_QUIZ_PROGRESS] = {} if checked is None else {"1": checked.to_json()}

        self._mutate(change)

    # -- partner ------------------------------------------------------------------------

    def partner(self) -> Partner:
        return _partner_in(self._data())

    def set_partner_name(self, name: str) -> None:
        self.update_settings(partner_name=name)

    def add_little_thing(self, label: str, text: str) -> LittleThing:
        thing = _checked_little_thing(LittleThing(new_id(), label, text))
        self._mutate(lambda data: _insert(data, T_LITTLE_THINGS, thing.to_json()))
        return thing

    def edit_little_thing(self, thing_id: str, label: str, text: str) -> LittleThing:
        thing = _checked_little_thing(LittleThing(thing_id, label, text))
        return self._mutate(lambda data: _replace_little_thing(data, thing_id, thing))

    def remove_little_thing(self, thing_id: str) -> LittleThing:
        return self._mutate(
            lambda data: _remove(
                data, T_LITTLE_THINGS, "little thing", thing_id, _little_thing_from_doc
            )
        )

    def add_date(self, kind: str, label: str, date: date, yearly: bool = True) -> ImportantDate:
        item = _checked_date(ImportantDate(new_id(), kind, label, date, yearly))
        self._mutate(lambda data: _insert(data, T_DATES, item.to_json()))
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

        def change(data: Data) -> ImportantDate:
            table = data.get(T_DATES) or {}
            key = _key_of(table, date_id)
            old = _date_from_doc(table[key]) if key is not None else None
            if key is None or old is None:
                raise JournalNotFound("date", date_id)
            new = _checked_date(
                ImportantDate(
                    id=old.id,
                    kind=old.kind if kind is UNSET else kind,
                    label=old.label if label is UNSET else label,
                    date=old.date if date is UNSET else date,
                    yearly=old.yearly if yearly is UNSET else yearly,
                )
            )
            table[key] = new.to_json()
            return new

        return self._mutate(change)

    def remove_date(self, date_id: str) -> ImportantDate:
        return self._mutate(lambda data: _remove(data, T_DATES, "date", date_id, _date_from_doc))

    def upcoming_dates(self, today: date, within_days: int) -> list[tuple[ImportantDate, int]]:
        """Dates coming up in the next ``within_days`` days (today is 0), soonest first."""
        found: list[tuple[ImportantDate, int]] = []
        for item in self.partner().dates:
            days = item.days_until(today)
            if days is not None and days <= within_days:
                found.append((item, days))
        found.sort(key=lambda pair: (pair[1], pair[0].label.casefold()))
        return found

    # -- settings -----------------------------------------------------------------------

    def settings(self) -> Settings:
        return _settings_from_doc(_single(self._data(), T_SETTINGS))

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

        def change(data: Data) -> Settings:
            old = _settings_from_doc(_single(data, T_SETTINGS))
            new = _checked_settings(
                Settings(
                    theme=old.theme if theme is UNSET else theme,
                    apart=old.apart if apart is UNSET else apart,
                    my_name=old.my_name if my_name is UNSET else my_name,
                    partner_name=old.partner_name if partner_name is UNSET else partner_name,
                    quiz_who=old.quiz_who if quiz_who is UNSET else quiz_who,
                    pronoun=old.pronoun if pronoun is UNSET else pronoun,
                    welcomed=old.welcomed if welcomed is UNSET else welcomed,
                )
            )
            data[T_SETTINGS] = {"1": new.to_json()}
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
        doc = _single(self._data(), T_DAILY)
        return dict(doc) if doc is not None and _valid_pin(doc) else None

    def set_daily_pick(self, pick: dict[str, Any]) -> None:
        """Pin today's idea: a small JSON-ready mapping, replacing the previous pin."""

        def change(data: Data) -> None:
            data[T_DAILY] = {"1": dict(pick)}

        self._mutate(change)

    # -- what the user said about today (core/daily.py), kept for that day only ---------

    def said_today(self, today: date) -> tuple[str, bool]:
        """How is today (one of ``MOODS``) and whether it is a day off, as said for `today`;
        ``("ordinary", False)`` when nothing was said that day."""
        doc = _single(self._data(), T_DAY) or {}
        if doc.get("date") != today.isoformat():
            return "ordinary", False
        mood = doc.get("mood")
        return (mood if mood in MOODS else "ordinary"), doc.get("day_off") is True

    def set_said_today(
        self, today: date, *, mood: str | _Unset = UNSET, day_off: bool | _Unset = UNSET
    ) -> tuple[str, bool]:
        """Say how today is and/or whether it is a day off; the rest stays as said today."""
        if mood is not UNSET:
            mood = _choice("mood", mood, MOODS)
        if day_off is not UNSET and not isinstance(day_off, bool):
            raise JournalValueError("day_off", day_off, "use true or false")

        def change(data: Data) -> tuple[str, bool]:
            doc = _single(data, T_DAY) or {}
            same_day = doc.get("date") == today.isoformat()
            old_mood = doc.get("mood") if same_day and doc.get("mood") in MOODS else "ordinary"
            old_off = same_day and doc.get("day_off") is True
            new_mood = str(old_mood if mood is UNSET else mood)
            new_off = bool(old_off if day_off is UNSET else day_off)
            data[T_DAY] = {"1": {"date": today.isoformat(), "mood": new_mood, "day_off": new_off}}
            return new_mood, new_off

        return self._mutate(change)

    # -- conversation prompts ---------------------------------------------------------

    def add_asked(self, prompt_id: str, *, on: date | None = None) -> AskedEntry:
        """Note that a prompt was asked ``on`` a day (default today)."""
        now = self._clock()
        entry = _checked_asked(
            AskedEntry(
                id=new_id(),
                prompt_id=prompt_id,
                date=now.date() if on is None else on,
                created=now.isoformat(timespec="seconds"),
            ),
            now.date(),
        )
        doc = entry.to_json()
        self._mutate(lambda data: _insert(data, T_ASKED, doc))
        return entry

    def delete_asked(self, entry_id: str) -> AskedEntry:
        """Take back an asked mark (made by mistake) and return it."""
        return self._mutate(
            lambda data: _remove(data, T_ASKED, "asked entry", entry_id, _asked_from_doc)
        )

    def asked(self, since: date | None = None) -> list[AskedEntry]:
        """Prompts asked (on or after ``since``), newest first."""
        entries = _convert(self._data().get(T_ASKED) or {}, _asked_from_doc)
        if since is not None:
            entries = [e for e in entries if e.date >= since]
        return _newest_first(entries, lambda e: (e.date, e.created))

    def prompt_favourites(self) -> set[str]:
        return _prompt_favourites_in(self._data())

    def toggle_prompt_favourite(self, prompt_id: str) -> bool:
        """Flip a favourite prompt; returns whether it is a favourite now."""
        pid = _prompt_id(prompt_id)

        def change(data: Data) -> bool:
            table = data.setdefault(T_PROMPT_FAVOURITES, {})
            keys = [key for key, doc in table.items() if doc.get("prompt") == pid]
            for key in keys:
                del table[key]
            if not keys:
                _insert(data, T_PROMPT_FAVOURITES, {"prompt": pid})
            return not keys

        return self._mutate(change)

    # -- weekly check-ins ---------------------------------------------------------------

    def add_checkin(self, notes: Mapping[str, str], *, started: str | None = None) -> CheckIn:
        """Keep a finished check-in: its notes by step, dated today, finished now."""
        now = self._clock()
        finished = now.isoformat(timespec="seconds")
        item = _checked_checkin(
            CheckIn(
                id=new_id(),
                date=now.date(),
                started=started or finished,
                finished=finished,
                notes=dict(notes),
            )
        )
        doc = item.to_json()
        self._mutate(lambda data: _insert(data, T_CHECKINS, doc))
        return item

    def checkins(self) -> list[CheckIn]:
        """Every check-in kept, newest first."""
        items = _convert(self._data().get(T_CHECKINS) or {}, _checkin_from_doc)
        return _newest_first(items, lambda c: (c.date, c.finished))

    def last_checkin(self) -> CheckIn | None:
        items = self.checkins()
        return items[0] if items else None

    # -- export and import --------------------------------------------------------------

    def export_data(self) -> dict[str, Any]:
        """Everything in the journal as JSON-ready data (see :meth:`import_data`)."""
        data = self._data()  # one snapshot, so the export is consistent
        tried = _convert(data.get(T_TRIED) or {}, _tried_from_doc)
        tried.sort(key=lambda e: (e.date, e.time, e.created))
        results = _quiz_results_in(data)
        results.sort(key=lambda r: r.taken)
        progress = _progress_in(data)
        partner = _partner_in(data)
        return {
            "format": EXPORT_FORMAT,
            "schema": SCHEMA_VERSION,
            "exported": self._now_iso(),
            "tried": [e.to_json() for e in tried],
            "favourites": sorted(_favourites_in(data)),
            "quiz_results": [r.to_json() for r in results],
            "quiz_progress": progress.to_json() if progress is not None else None,
            "little_things": [t.to_json() for t in partner.little_things],
            "dates": [d.to_json() for d in partner.dates],
            "settings": _settings_from_doc(_single(data, T_SETTINGS)).to_json(),
            **_export_conversation(data),
        }

    def import_data(self, data: object) -> ImportReport:
        """Merge an export: entries by id, favourites as a union, names only where empty.

        The whole of ``data`` is checked first; a problem raises :class:`JournalImportError`
        naming the place ("tried[3].date: '2024-13-01' is not a date") and changes nothing.
        """
        parsed = _parse_export(data)

        def change(current: Data) -> ImportReport:
            counts: dict[str, int] = {}
            skipped: dict[str, int] = {}
            conflicts: dict[str, int] = {}
            for table_name, items in (
                (T_TRIED, parsed.tried),
                (T_QUIZ_RESULTS, parsed.quiz_results),
                (T_LITTLE_THINGS, parsed.little_things),
                (T_DATES, parsed.dates),
                (T_ASKED, parsed.asked),
                (T_CHECKINS, parsed.checkins),
            ):
                here = _docs_by_id(current.get(table_name) or {})
                read = _READERS[table_name][2]
                added = clashed = 0
                for item in items:
                    doc = here.get(item.id)
                    if doc is not None:
                        try:
                            same = read(doc, "") == item
                        except (JournalImportError, JournalValueError):
                            same = False
                        clashed += not same
                        continue
                    new_doc = item.to_json()
                    _insert(current, table_name, new_doc)
                    here[item.id] = new_doc
                    added += 1
                counts[table_name] = added
                if len(items) - added:
                    skipped[table_name] = len(items) - added
                if clashed:
                    conflicts[table_name] = clashed
            favs = {doc.get("gesture") for doc in (current.get(T_FAVOURITES) or {}).values()}
            new_favs = [gid for gid in parsed.favourites if gid not in favs]
            for gid in new_favs:
                _insert(current, T_FAVOURITES, {"gesture": gid})
            have_prompts = _prompt_favourites_in(current)
            new_prompt_favs = [p for p in parsed.prompt_favourites if p not in have_prompts]
            for pid in new_prompt_favs:
                _insert(current, T_PROMPT_FAVOURITES, {"prompt": pid})
            filled = 0
            if parsed.settings is not None:
                # A journal that never had settings takes them all (so export then import
                # restores everything); otherwise only the names still empty are filled,
                # and apart mode comes across when it was on (on wins).
                doc = _single(current, T_SETTINGS)
                old = _settings_from_doc(doc)
                if doc is None:
                    new = parsed.settings
                else:
                    new = Settings(
                        old.theme,
                        old.apart or parsed.settings.apart,
                        old.my_name or parsed.settings.my_name,
                        old.partner_name or parsed.settings.partner_name,
                        old.quiz_who,
                        old.pronoun,
                        old.welcomed or parsed.settings.welcomed,
                    )
                pairs = zip(new.to_json().values(), old.to_json().values(), strict=True)
                filled = sum(a != b for a, b in pairs)
                if filled:
                    current[T_SETTINGS] = {"1": {**(doc or {}), **new.to_json()}}
            progress = 0
            if parsed.quiz_progress is not None and not _single(current, T_QUIZ_PROGRESS):
                current[T_QUIZ_PROGRESS] = {"1": parsed.quiz_progress.to_json()}
                progress = 1
            return ImportReport(
                tried=counts[T_TRIED],
                favourites=len(new_favs),
                quiz_results=counts[T_QUIZ_RESULTS],
                little_things=counts[T_LITTLE_THINGS],
                dates=counts[T_DATES],
                settings=filled,
                quiz_progress=progress,
                skipped=skipped,
                asked=counts[T_ASKED],
                prompt_favourites=len(new_prompt_favs),
                checkins=counts[T_CHECKINS],
                conflicts=conflicts,
            )

        return self._mutate(change, changed=lambda report: report.total > 0)


def _valid_pin(doc: Mapping[str, Any]) -> bool:
    """The rules a pin is written with (core/daily.py): text date, context, gesture id and
    reason, and a list of gesture ids shown."""
    try:
        _text("date", doc.get("date"), low=10, high=10)
        _text("context", doc.get("context"), low=0, high=MAX_TEXT)
        _gesture_id(doc.get("gesture"))
        _text("reason", doc.get("reason", ""), low=0, high=MAX_TEXT)
    except JournalValueError:
        return False
    shown = doc.get("shown", [])
    if not isinstance(shown, list) or len(shown) > MAX_SHOWN:
        return False
    try:
        for gid in shown:
            _gesture_id(gid)
    except JournalValueError:
        return False
    return True


def _favourites_in(data: Data) -> set[str]:
    table = data.get(T_FAVOURITES) or {}
    return {doc["gesture"] for doc in table.values() if isinstance(doc.get("gesture"), str)}


def _quiz_results_in(data: Data) -> list[QuizResult]:
    return _convert(data.get(T_QUIZ_RESULTS) or {}, _quiz_result_from_doc)


def _progress_in(data: Data) -> QuizProgress | None:
    doc = _single(data, T_QUIZ_PROGRESS)
    return _progress_from_doc(doc) if doc is not None else None


def _partner_in(data: Data) -> Partner:
    return Partner(
        name=_settings_from_doc(_single(data, T_SETTINGS)).partner_name,
        little_things=tuple(_convert(data.get(T_LITTLE_THINGS) or {}, _little_thing_from_doc)),
        dates=tuple(_convert(data.get(T_DATES) or {}, _date_from_doc)),
    )


def _set_favourite(data: Data, gesture_id: str, on: bool) -> bool:
    """Make ``gesture_id`` a favourite or not; returns whether anything changed."""
    table = data.get(T_FAVOURITES) or {}
    keys = [key for key, doc in table.items() if doc.get("gesture") == gesture_id]
    if on and not keys:
        _insert(data, T_FAVOURITES, {"gesture": gesture_id})
        return True
    if not on and keys:
        for key in keys:
            del table[key]
        return True
    return False


def _replace_little_thing(data: Data, entry_id: str, item: LittleThing) -> LittleThing:
    table = data.get(T_LITTLE_THINGS) or {}
    key = _key_of(table, entry_id)
    if key is None:
        raise JournalNotFound("little thing", entry_id)
    table[key] = item.to_json()
    return item


def _remove(
    data: Data,
    table_name: str,
    kind: str,
    entry_id: str,
    convert: Callable[[Mapping[str, Any]], T | None],
) -> T:
    """Remove an entry by id and return it."""
    table = data.get(table_name) or {}
    key = _key_of(table, entry_id)
    item = convert(table[key]) if key is not None else None
    if key is None or item is None:
        raise JournalNotFound(kind, entry_id)
    del table[key]
    return item


# -- import parsing ----------------------------------------------------------------------


@dataclass(slots=True)
class _Parsed:
    """Everything read from a journal file, checked, before it becomes the cache."""

    tried: list[TriedEntry] = field(default_factory=list)
    favourites: list[str] = field(default_factory=list)
    quiz_results: list[QuizResult] = field(default_factory=list)
    quiz_progress: QuizProgress | None = None
    little_things: list[LittleThing] = field(default_factory=list)
    dates: list[ImportantDate] = field(default_factory=list)
    settings: Settings | None = None
    asked: list[AskedEntry] = field(default_factory=list)
    prompt_favourites: list[str] = field(default_factory=list)
    checkins: list[CheckIn] = field(default_factory=list)


_Kind = Literal["str", "int", "bool", "object", "list", "int?", "object?"]
_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "bool": (bool,),
    "object": (dict,),
    "list": (list,),
}
_KIND_NAMES = {
    "str": "text",
    "int": "a whole number",
    "int?": "a whole number or null",
    "bool": "true or false",
    "object": "an object",
    "object?": "an object or null",
    "list": "a list",
}


def _get(obj: Mapping[str, Any], key: str, where: str, kind: _Kind, default: object = UNSET) -> Any:
    if key not in obj:
        if default is UNSET:
            raise JournalImportError(f"{where or 'export'}: {key!r} is missing")
        return default
    value = obj[key]
    if kind == "object?":
        ok = value is None or isinstance(value, dict)
    elif kind == "int?":
        ok = value is None or (isinstance(value, int) and not isinstance(value, bool))
    elif kind == "int":
        ok = isinstance(value, int) and not isinstance(value, bool)
    else:
        ok = isinstance(value, _TYPES[kind])
    if not ok:
        place = f"{where}.{key}" if where else key
        raise JournalImportError(f"{place}: {_json_show(value)} is not {_KIND_NAMES[kind]}")
    return value


def _json_show(value: object) -> str:
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


def _import_date(value: str, where: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise JournalImportError(f"{where}: {value!r} is not a date") from None


def _items(
    export: Mapping[str, Any], key: str, build: Callable[[Mapping[str, Any], str], T]
) -> list[T]:
    raw = _get(export, key, "", "list", [])
    result: list[T] = []
    seen: set[str] = set()
    for index, item in enumerate(raw):
        where = f"{key}[{index}]"
        if not isinstance(item, dict):
            raise JournalImportError(f"{where}: {_json_show(item)} is not an object")
        try:
            built = build(item, where)
        except JournalValueError as exc:
            raise JournalImportError(
                f"{where}.{exc.field}: {_show(exc.value)} is not allowed: {exc.allowed}"
            ) from None
        entry_id = getattr(built, "id", None)
        if entry_id is not None:
            if entry_id in seen:
                raise JournalImportError(f"{where}.id: {entry_id!r} appears twice")
            seen.add(entry_id)
        result.append(built)
    return result


def _import_tried(item: Mapping[str, Any], where: str) -> TriedEntry:
    return _checked_tried(
        TriedEntry(
            id=_get(item, "id", where, "str"),
            gesture_id=_get(item, "gesture", where, "str"),
            date=_import_date(_get(item, "date", where, "str"), f"{where}.date"),
            time=_get(item, "time", where, "str", ""),
            note=_get(item, "note", where, "str", ""),
            reaction=_get(item, "reaction", where, "int?", None),
            for_whom=_get(item, "for_whom", where, "str", DEFAULT_FOR_WHOM),
            created=_get(item, "created", where, "str"),
        ),
        None,
    )


def _import_quiz_result(item: Mapping[str, Any], where: str) -> QuizResult:
    return _checked_quiz_result(
        QuizResult(
            id=_get(item, "id", where, "str"),
            who=_get(item, "who", where, "str"),
            mode=_get(item, "mode", where, "str"),
            scores=_get(item, "scores", where, "object", {}),
            receive=_get(item, "receive", where, "object", {}),
            give=_get(item, "give", where, "object", {}),
            answers=_get(item, "answers", where, "object", {}),
            taken=_get(item, "taken", where, "str"),
        )
    )


def _import_little_thing(item: Mapping[str, Any], where: str) -> LittleThing:
    return _checked_little_thing(
        LittleThing(
            id=_get(item, "id", where, "str"),
            label=_get(item, "label", where, "str"),
            text=_get(item, "text", where, "str"),
        )
    )


def _import_date_item(item: Mapping[str, Any], where: str) -> ImportantDate:
    return _checked_date(
        ImportantDate(
            id=_get(item, "id", where, "str"),
            kind=_get(item, "kind", where, "str"),
            label=_get(item, "label", where, "str"),
            date=_import_date(_get(item, "date", where, "str"), f"{where}.date"),
            yearly=_get(item, "yearly", where, "bool", True),
        )
    )


def _import_progress(item: Mapping[str, Any], where: str) -> QuizProgress:
    try:
        return _checked_progress(
            QuizProgress(
                who=_get(item, "who", where, "str"),
                mode=_get(item, "mode", where, "str"),
                answers=_get(item, "answers", where, "object", {}),
                position=_get(item, "position", where, "int", 0),
                started=_get(item, "started", where, "str"),
            )
        )
    except JournalValueError as exc:
        raise JournalImportError(
            f"{where}.{exc.field}: {_show(exc.value)} is not allowed: {exc.allowed}"
        ) from None


def _parse_export(data: object) -> _Parsed:
    if not isinstance(data, dict):
        raise JournalImportError(f"the file holds {_json_show(data)}, not a micromance export")
    if data.get("format") != EXPORT_FORMAT:
        raise JournalImportError(f"format: expected {EXPORT_FORMAT!r}; this is not an export")
    schema = _get(data, "schema", "", "int")
    if schema > SCHEMA_VERSION:
        raise JournalImportError(
            f"schema: {schema} is newer than this version of micromance reads ({SCHEMA_VERSION})"
        )
    if schema < SCHEMA_VERSION:
        raise JournalImportError(f"schema: {schema} is not supported (expected {SCHEMA_VERSION})")
    parsed = _Parsed(
        tried=_items(data, "tried", _import_tried),
        quiz_results=_items(data, "quiz_results", _import_quiz_result),
        little_things=_items(data, "little_things", _import_little_thing),
        dates=_items(data, "dates", _import_date_item),
    )
    _parse_conversation(data, parsed)
    favourites = _get(data, "favourites", "", "list", [])
    seen: set[str] = set()
    for index, gid in enumerate(favourites):
        try:
            gesture_id = _gesture_id(gid)
        except JournalValueError:
            raise JournalImportError(
                f"favourites[{index}]: {_json_show(gid)} is not a gesture id"
            ) from None
        if gesture_id not in seen:
            seen.add(gesture_id)
            parsed.favourites.append(gesture_id)
    progress = _get(data, "quiz_progress", "", "object?", None)
    if progress is not None:
        parsed.quiz_progress = _import_progress(progress, "quiz_progress")
    settings = _get(data, "settings", "", "object?", None)
    if settings is not None:
        where = "settings"
        try:
            parsed.settings = _checked_settings(
                Settings(
                    theme=_get(settings, "theme", where, "str", DEFAULT_THEME),
                    apart=_get(settings, "apart", where, "bool", False),
                    my_name=_get(settings, "my_name", where, "str", ""),
                    partner_name=_get(settings, "partner_name", where, "str", ""),
                    pronoun=_get(settings, "pronoun", where, "str", "they"),
                    welcomed=_get(settings, "welcomed", where, "bool", False),
                )
            )
        except JournalValueError as exc:
            raise JournalImportError(
                f"{where}.{exc.field}: {_show(exc.value)} is not allowed: {exc.allowed}"
            ) from None
    return parsed


# -- conversation prompts and check-ins: export and import -------------------------------


def _export_conversation(data: Data) -> dict[str, Any]:
    asked = _convert(data.get(T_ASKED) or {}, _asked_from_doc)
    asked.sort(key=lambda e: (e.date, e.created))
    checkins = _convert(data.get(T_CHECKINS) or {}, _checkin_from_doc)
    checkins.sort(key=lambda c: (c.date, c.finished))
    return {
        "asked": [e.to_json() for e in asked],
        "prompt_favourites": sorted(_prompt_favourites_in(data)),
        "checkins": [c.to_json() for c in checkins],
    }


def _import_asked(item: Mapping[str, Any], where: str) -> AskedEntry:
    return _checked_asked(
        AskedEntry(
            id=_get(item, "id", where, "str"),
            prompt_id=_get(item, "prompt", where, "str"),
            date=_import_date(_get(item, "date", where, "str"), f"{where}.date"),
            created=_get(item, "created", where, "str"),
        ),
        None,
    )


def _import_checkin(item: Mapping[str, Any], where: str) -> CheckIn:
    return _checked_checkin(
        CheckIn(
            id=_get(item, "id", where, "str"),
            date=_import_date(_get(item, "date", where, "str"), f"{where}.date"),
            started=_get(item, "started", where, "str"),
            finished=_get(item, "finished", where, "str"),
            notes=_get(item, "notes", where, "object", {}),
        )
    )


# Questions asked and check-ins are read with the same rules as they are imported: only
# this version of the app writes them, so there is no older form to read leniently.
_READERS[T_ASKED] = ("asked question", "asked questions", _import_asked)
_READERS[T_CHECKINS] = ("check-in", "check-ins", _import_checkin)


def _parse_conversation(data: Mapping[str, Any], parsed: _Parsed) -> None:
    """The asked prompts, favourite prompts and check-ins of an export (all optional: an
    export from before they existed has none)."""
    parsed.asked = _items(data, "asked", _import_asked)
    parsed.checkins = _items(data, "checkins", _import_checkin)
    for index, pid in enumerate(_get(data, "prompt_favourites", "", "list", [])):
        try:
            prompt_id = _prompt_id(pid)
        except JournalValueError:
            raise JournalImportError(
                f"prompt_favourites[{index}]: {_json_show(pid)} is not a prompt id"
            ) from None
        if prompt_id not in parsed.prompt_favourites:
            parsed.prompt_favourites.append(prompt_id)
