"""Every record the journal keeps, each declared once: its fields, their types, limits and
defaults, the key each is stored under and the table the record lives in.

Everything else is derived from these declarations, so a field is added in one place:

- :func:`checked`: validation on write (a ``JournalValueError`` names field and value);
- :func:`load`: a record from a JSON object, on import and on read (a
  ``JournalImportError`` names the place: ``tried[3].date: '2024-13-01' is not a date``);
- :func:`read`: a stored document, reading the forms older versions wrote leniently;
- :func:`read_or_default`: a record that never fails, each bad field read as its default;
- :func:`to_json`: the stored and exported document;
- :func:`defaults`: what a migration gives documents written before a field existed;
- :func:`limit`: the most characters a text field holds (the TUI's forms use it).

A field is declared as ``name: type = field(default=..., metadata=text(80))``: the helper
(``text``, ``choice``, ``day``, ...) gives its rule, the dataclass default is also its
default on import and in migrations. To add a field to a tried entry: add such a line to
:class:`TriedEntry`, and a migration in ``schema.py`` that gives older documents the
default.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import field
from datetime import date, datetime
from typing import Any, ClassVar, Final, Literal, TypeVar

from micromance_tui.core.journal.errors import (
    JournalError,
    JournalImportError,
    JournalValueError,
    json_show,
)
from micromance_tui.core.record import record
from micromance_tui.core.textcheck import bad_characters, printable

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
#: How is today? The user's answer, kept for that day only (the words: core/suggest.py).
MOODS: tuple[str, ...] = ("ordinary", "hard-day", "special", "apart")
QUIZ_MODES: tuple[str, ...] = ("classic", "rating")
DATE_KINDS: tuple[str, ...] = ("birthday", "anniversary", "custom")
#: The notes a weekly check-in keeps, one per step (the words are in core/checkin.py).
CHECKIN_STEPS: tuple[str, ...] = (
    "appreciations",
    "went-well",
    "was-hard",
    "wish-me",
    "wish-partner",
    "plan",
)
DEFAULT_FOR_WHOM: Final = "partner"
DEFAULT_THEME: Final = "textual-dark"

MAX_NOTE: Final = 2000
MAX_LABEL: Final = 40
MAX_TEXT: Final = 500
MAX_NAME: Final = 40
MAX_GESTURE_ID: Final = 100
MAX_THEME: Final = 60
MAX_SCORE: Final = 1000
"""Quiz numbers are counts (a few dozen at most) and averages of 1 to 5."""
MAX_POSITION: Final = 10_000
FIRST_YEAR: Final = 1800
LAST_YEAR: Final = 2999
"""Dates outside these years are refused: nobody logs them, and date arithmetic on them
(next year's birthday, a week before) would leave the calendar."""

_TIME_RE = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d")
_SHORT_TIME_RE = re.compile(r"\d:[0-5]\d")
_ID_RE = re.compile(r"[A-Za-z0-9_.:-]{1,64}")

R = TypeVar("R", bound="Record")


class _Mark(enum.Enum):
    REQUIRED = enum.auto()
    ABSENT = enum.auto()


REQUIRED: Final = _Mark.REQUIRED
"""A field an import must have (it has no default)."""
ABSENT: Final = _Mark.ABSENT
"""What a legacy reader is given for a key the document does not have."""

JsonKind = Literal["str", "int", "int?", "bool", "object"]
Check = Callable[[str, Any, Mapping[str, Any]], Any]
"""(label, value, the fields checked before it) -> the value to keep."""
Legacy = Callable[[Any, Mapping[str, Any]], Any]
"""(the stored value or ABSENT, the whole document) -> the value to read."""


# -- checks: each takes the field's label for its message ---------------------------------


def check_text(label: str, value: object, *, low: int, high: int) -> str:
    """Text of ``low`` to ``high`` characters once stripped, with no control characters."""
    if not isinstance(value, str):
        raise JournalValueError(label, value, "use text")
    stripped = value.strip()
    if not low <= len(stripped) <= high:
        allowed = (
            f"use at most {high} characters"
            if low == 0
            else f"use {low} to {high} characters"
            if low < high
            else f"use {high} characters"
        )
        raise JournalValueError(label, value if stripped else stripped, allowed)
    problem = bad_characters(stripped)
    if problem:
        raise JournalValueError(label, value, f"it has {problem}; remove them")
    return stripped


def check_exact_id(label: str, value: object, high: int = MAX_GESTURE_ID) -> str:
    """An idea's or a prompt's id: text without spaces around it."""
    text = check_text(label, value, low=1, high=high)
    if text != value:
        raise JournalValueError(label, value, "use an id without spaces around it")
    return text


def check_choice(label: str, value: object, choices: Iterable[str]) -> str:
    options = tuple(choices)
    if not isinstance(value, str) or value not in options:
        raise JournalValueError(label, value, "use " + " or ".join(options))
    return value


def _check_entry_id(label: str, value: object, _: Mapping[str, Any]) -> str:
    if not isinstance(value, str) or not _ID_RE.fullmatch(value):
        raise JournalValueError(label, value, "use 1 to 64 letters, digits or -_.:")
    return value


def _check_reaction(label: str, value: object, _: Mapping[str, Any]) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value not in REACTIONS:
        raise JournalValueError(label, value, "use 1 to 5, or none")
    return value


def _check_time(label: str, value: object, _: Mapping[str, Any]) -> str:
    if value == "":
        return ""
    if not isinstance(value, str) or not _TIME_RE.fullmatch(value):
        raise JournalValueError(label, value, "use HH:MM (00:00 to 23:59), or empty")
    return value


def _check_day(label: str, value: object, _: Mapping[str, Any]) -> date:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise JournalValueError(label, value, "use a date")
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise JournalValueError(label, value, f"use a year from {FIRST_YEAR} to {LAST_YEAR}")
    return value


def _check_timestamp(label: str, value: object, _: Mapping[str, Any]) -> str:
    if not isinstance(value, str):
        raise JournalValueError(label, value, "use an ISO date and time")
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise JournalValueError(label, value, "use an ISO date and time") from None
    return value


def _check_flag(label: str, value: object, _: Mapping[str, Any]) -> bool:
    if not isinstance(value, bool):
        raise JournalValueError(label, value, "use true or false")
    return value


def _check_numbers(label: str, value: object, _: Mapping[str, Any]) -> dict[str, float]:
    if not isinstance(value, Mapping):
        raise JournalValueError(label, value, "use an object of numbers")
    result: dict[str, float] = {}
    for key, number in value.items():
        if not isinstance(key, str) or not 1 <= len(key) <= MAX_LABEL or bad_characters(key):
            raise JournalValueError(f"{label} key", key, "use a language id")
        if (
            isinstance(number, bool)
            or not isinstance(number, (int, float))
            or not math.isfinite(number)
            or not 0 <= number <= MAX_SCORE
        ):
            raise JournalValueError(
                f"{label}[{key!r}]", number, f"use a number from 0 to {MAX_SCORE}"
            )
        result[key] = number
    return result


def _check_answers(label: str, value: object, before: Mapping[str, Any]) -> dict[str, int]:
    """Quiz answers by item id; what a choice may be depends on the quiz's mode."""
    if not isinstance(value, Mapping):
        raise JournalValueError(label, value, "use an object of item id -> choice")
    classic = before.get("mode") == "classic"
    allowed = (1, 2) if classic else (1, 2, 3, 4, 5)
    hint = "use 1 (side a) or 2 (side b)" if classic else "use 1 to 5"
    result: dict[str, int] = {}
    for key, choice in value.items():
        if not isinstance(key, str) or not 1 <= len(key) <= MAX_GESTURE_ID or bad_characters(key):
            raise JournalValueError(f"{label} key", key, "use a quiz item id")
        if isinstance(choice, bool) or not isinstance(choice, int) or choice not in allowed:
            raise JournalValueError(f"{label}[{key!r}]", choice, hint)
        result[key] = choice
    return result


def _check_position(label: str, value: object, _: Mapping[str, Any]) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_POSITION:
        raise JournalValueError(label, value, f"use a whole number from 0 to {MAX_POSITION}")
    return value


def _check_notes(label: str, value: object, _: Mapping[str, Any]) -> dict[str, str]:
    """A check-in's notes by step; a step left blank is left out."""
    if not isinstance(value, Mapping):
        raise JournalValueError(label, value, "use an object of step -> text")
    notes: dict[str, str] = {}
    for step, text in value.items():
        check_choice(f"{label} step", step, CHECKIN_STEPS)
        cleaned = check_text(f"{label}[{step!r}]", text, low=0, high=MAX_NOTE)
        if cleaned:
            notes[step] = cleaned
    return notes


def _parse_date(value: str, where: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise JournalImportError(f"{where}: {value!r} is not a date") from None


def new_id() -> str:
    """A fresh entry id: a uuid4 as 32 hex digits."""
    import uuid  # only when something is written: importing it costs 4 ms of every start

    return uuid.uuid4().hex


# -- the rules of one field ---------------------------------------------------------------


@record
class Rule:
    """How one field is stored (``key``, its JSON ``kind``), checked (``check``, ``limit``),
    defaulted (``missing``) and read from older files (``legacy``)."""

    kind: JsonKind
    check: Check
    key: str = ""
    """The document's key, when it is not the field's name."""
    label: str = ""
    """The field's name in messages, when it is not the key."""
    missing: object = REQUIRED
    """The value of a document or an import without the key (REQUIRED: it must have it)."""
    limit: int | None = None
    """The most characters a text holds."""
    parse: Callable[[Any, str], Any] | None = None
    """JSON value -> field value (a date from its ISO text); gets the value's place."""
    dump: Callable[[Any], Any] | None = None
    """Field value -> JSON value."""
    legacy: Legacy | None = None
    """How a value an older version wrote is read (it is not an import error)."""
    not_future: bool = False
    """A date that a new or edited record may not set after today."""


Meta = Mapping[str, Rule]
"""A dataclass field's metadata: ``field(metadata=text(40))``. A field's ``default`` is also
its default on import and in migrations."""


def _meta(rule: Rule) -> Meta:
    return {"rule": rule}


def text(
    high: int,
    *,
    low: int = 0,
    key: str = "",
    label: str = "",
    missing: object = REQUIRED,
    legacy: Legacy | None = None,
) -> Meta:
    """Text of ``low`` to ``high`` characters, stripped, without control characters."""

    def check(label: str, value: object, _: Mapping[str, Any]) -> str:
        return check_text(label, value, low=low, high=high)

    return _meta(Rule("str", check, key, label, missing, high, legacy=legacy))


def exact_id(*, key: str, label: str) -> Meta:
    """An idea's or a prompt's id, as the content names it."""

    def check(label: str, value: object, _: Mapping[str, Any]) -> str:
        return check_exact_id(label, value)

    return _meta(Rule("str", check, key, label, limit=MAX_GESTURE_ID))


def choice(options: tuple[str, ...], *, legacy: Legacy | None = None) -> Meta:
    """One of ``options``."""

    def check(label: str, value: object, _: Mapping[str, Any]) -> str:
        return check_choice(label, value, options)

    return _meta(Rule("str", check, legacy=legacy))


def entry_id() -> Meta:
    return _meta(Rule("str", _check_entry_id))


def day(*, not_future: bool = False) -> Meta:
    """A date, stored as ISO text; ``not_future``: a new entry may not be after today."""
    rule = Rule("str", _check_day, parse=_parse_date, dump=date.isoformat, not_future=not_future)
    return _meta(rule)


def timestamp(*, legacy: Legacy | None = None) -> Meta:
    """An ISO date and time."""
    return _meta(Rule("str", _check_timestamp, legacy=legacy))


def flag() -> Meta:
    """True or false."""
    return _meta(Rule("bool", _check_flag))


def mapping(check: Check, *, missing: object = REQUIRED) -> Meta:
    """An object (copied on the way in and out, so a record never shares one)."""
    return _meta(Rule("object", check, missing=missing, dump=dict))


def time_of_day(*, missing: object = REQUIRED, legacy: Legacy | None = None) -> Meta:
    """ "HH:MM", or "" for no time."""
    return _meta(Rule("str", _check_time, missing=missing, legacy=legacy))


def reaction(*, missing: object = REQUIRED, legacy: Legacy | None = None) -> Meta:
    """One of ``REACTIONS``, or None."""
    return _meta(Rule("int?", _check_reaction, missing=missing, legacy=legacy))


def position() -> Meta:
    """A quiz's place: a whole number, 0 when missing."""
    return _meta(Rule("int", _check_position, missing=0))


# -- records -------------------------------------------------------------------------------


class Record:
    """A record kept in the journal: a frozen dataclass whose fields carry their rules."""

    __slots__ = ()
    TABLE: ClassVar[str]
    """The journal's table of these records."""
    NAMES: ClassVar[tuple[str, str]]
    """What one and many of them are called in messages."""

    def to_json(self) -> dict[str, Any]:
        return to_json(self)


def _legacy_time(value: object, _: Mapping[str, Any]) -> object:
    if value is None or value is ABSENT:
        return ""
    if isinstance(value, str) and _SHORT_TIME_RE.fullmatch(value):  # "9:05"
        return "0" + value
    return value


def _legacy_note(value: object, _: Mapping[str, Any]) -> object:
    """An old note: CR/LF made LF, refused characters made U+FFFD (shown, exported and
    imported as that)."""
    if value is None or value is ABSENT:
        return ""
    if isinstance(value, str):
        return printable(value.replace("\r\n", "\n").replace("\r", "\n"))
    return value


def _legacy_reaction(value: object, _: Mapping[str, Any]) -> object:
    return None if isinstance(value, bool) else value


def _legacy_for_whom(value: object, _: Mapping[str, Any]) -> object:
    return DEFAULT_FOR_WHOM if value in (None, "", ABSENT) else value


def _legacy_created(value: object, doc: Mapping[str, Any]) -> object:
    if value and value is not ABSENT:
        return value
    day = doc.get("date")
    return f"{day}T00:00:00" if isinstance(day, str) else ""


@record
class TriedEntry(Record):
    """One idea tried: when, a note, how it landed (``REACTIONS``), whom it was for."""

    TABLE: ClassVar[str] = "tried"
    NAMES: ClassVar[tuple[str, str]] = ("tried entry", "tried entries")

    id: str = field(metadata=entry_id())
    gesture_id: str = field(metadata=exact_id(key="gesture", label="gesture id"))
    date: dt.date = field(metadata=day(not_future=True))
    time: str = field(metadata=time_of_day(missing="", legacy=_legacy_time))
    """"HH:MM" or ""."""
    note: str = field(metadata=text(MAX_NOTE, missing="", legacy=_legacy_note))
    reaction: int | None = field(metadata=reaction(missing=None, legacy=_legacy_reaction))
    for_whom: str = field(
        metadata=text(MAX_NAME, low=1, missing=DEFAULT_FOR_WHOM, legacy=_legacy_for_whom)
    )
    created: str = field(metadata=timestamp(legacy=_legacy_created))
    """ISO date and time."""
    where: str = field(default="", metadata=text(80))
    """Where it happened ("the park by the river"), or ""."""

    @property
    def reaction_text(self) -> str:
        return REACTIONS.get(self.reaction, "") if self.reaction is not None else ""


@record
class LittleThing(Record):
    """A labelled note about the partner: "Coffee" -> "oat flat white, no sugar"."""

    TABLE: ClassVar[str] = "little_things"
    NAMES: ClassVar[tuple[str, str]] = ("little thing", "little things")

    id: str = field(metadata=entry_id())
    label: str = field(metadata=text(MAX_LABEL, low=1))
    text: str = field(metadata=text(MAX_TEXT, low=1))


def _legacy_kind(value: object, _: Mapping[str, Any]) -> object:
    return "custom" if value is ABSENT else value


@record
class ImportantDate(Record):
    """A birthday, anniversary or custom date; yearly ones come round every year."""

    TABLE: ClassVar[str] = "dates"
    NAMES: ClassVar[tuple[str, str]] = ("date", "dates")

    id: str = field(metadata=entry_id())
    kind: str = field(metadata=choice(DATE_KINDS, legacy=_legacy_kind))
    label: str = field(metadata=text(MAX_LABEL, low=1))
    date: dt.date = field(metadata=day())
    yearly: bool = field(default=True, metadata=flag())

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


def upcoming_of(
    dates: Iterable[ImportantDate], today: dt.date, within_days: int
) -> list[tuple[ImportantDate, int]]:
    """The dates coming up in the next ``within_days`` days (today is 0), each with its
    days to go, soonest first (then by label)."""
    found: list[tuple[ImportantDate, int]] = []
    for item in dates:
        days = item.days_until(today)
        if days is not None and days <= within_days:
            found.append((item, days))
    found.sort(key=lambda pair: (pair[1], pair[0].label.casefold()))
    return found


def _in_year(day: dt.date, year: int) -> dt.date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February in a common year
        return dt.date(year, 2, 28)


@record
class QuizResult(Record):
    """A finished quiz. Classic: ``scores`` counts per language id, ``answers`` 1 (side a) or
    2 (side b). Rating: ``receive`` and ``give`` averages per language, ``answers`` 1-5."""

    TABLE: ClassVar[str] = "quiz_results"
    NAMES: ClassVar[tuple[str, str]] = ("quiz result", "quiz results")

    id: str = field(metadata=entry_id())
    who: str = field(metadata=choice(WHO))
    mode: str = field(metadata=choice(QUIZ_MODES))
    scores: dict[str, float] = field(metadata=mapping(_check_numbers, missing={}))
    receive: dict[str, float] = field(metadata=mapping(_check_numbers, missing={}))
    give: dict[str, float] = field(metadata=mapping(_check_numbers, missing={}))
    answers: dict[str, int] = field(metadata=mapping(_check_answers, missing={}))
    taken: str = field(metadata=timestamp())
    """ISO date and time."""


@record
class QuizProgress(Record):
    """An unfinished quiz to resume."""

    TABLE: ClassVar[str] = "quiz_progress"
    NAMES: ClassVar[tuple[str, str]] = ("unfinished quiz", "unfinished quizzes")

    who: str = field(metadata=choice(WHO))
    mode: str = field(metadata=choice(QUIZ_MODES))
    answers: dict[str, int] = field(metadata=mapping(_check_answers, missing={}))
    position: int = field(metadata=position())
    started: str = field(metadata=timestamp())
    """ISO date and time."""


@record
class Settings(Record):
    """The user's settings: theme, apart mode, the two names, and who the quiz was last
    set to ask ("me" or "partner"), so its start page reads the same after a restart."""

    TABLE: ClassVar[str] = "settings"
    NAMES: ClassVar[tuple[str, str]] = ("setting", "settings")

    theme: str = field(default=DEFAULT_THEME, metadata=text(MAX_THEME, low=1))
    apart: bool = field(default=False, metadata=flag())
    my_name: str = field(default="", metadata=text(MAX_NAME))
    partner_name: str = field(default="", metadata=text(MAX_NAME))
    quiz_who: str = field(default="me", metadata=choice(WHO))
    pronoun: str = field(default="they", metadata=choice(PRONOUNS))
    welcomed: bool = field(default=False, metadata=flag())


@record
class AskedEntry(Record):
    """A conversation prompt asked on a day."""

    TABLE: ClassVar[str] = "asked"
    NAMES: ClassVar[tuple[str, str]] = ("asked question", "asked questions")

    id: str = field(metadata=entry_id())
    prompt_id: str = field(metadata=exact_id(key="prompt", label="prompt id"))
    date: dt.date = field(metadata=day(not_future=True))
    created: str = field(metadata=timestamp())
    """ISO date and time."""


@record
class CheckIn(Record):
    """A weekly check-in: when it started and finished, and the notes of each step
    (``CHECKIN_STEPS`` -> text; a step left blank is left out)."""

    TABLE: ClassVar[str] = "checkins"
    NAMES: ClassVar[tuple[str, str]] = ("check-in", "check-ins")

    id: str = field(metadata=entry_id())
    date: dt.date = field(metadata=day())
    started: str = field(metadata=timestamp())
    """ISO date and time."""
    finished: str = field(metadata=timestamp())
    """ISO date and time."""
    notes: dict[str, str] = field(metadata=mapping(_check_notes, missing={}))


@record
class Partner:
    """The partner's name, the little things to remember and the dates that matter."""

    name: str
    little_things: tuple[LittleThing, ...] = ()
    dates: tuple[ImportantDate, ...] = ()


RECORDS: Final[tuple[type[Record], ...]] = (
    TriedEntry,
    QuizResult,
    QuizProgress,
    LittleThing,
    ImportantDate,
    AskedEntry,
    CheckIn,
)
"""The records kept as tables of documents (settings are one document, read leniently)."""


# -- what is derived from the declarations ------------------------------------------------


_RULES: dict[type[Record], tuple[tuple[str, Rule], ...]] = {}


def rules(cls: type[Record]) -> tuple[tuple[str, Rule], ...]:
    """(field name, rule) of each field of ``cls``, with keys and labels filled in."""
    known = _RULES.get(cls)
    if known is not None:
        return known
    found: list[tuple[str, Rule]] = []
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        rule: Rule = f.metadata["rule"]
        key = rule.key or f.name
        missing = rule.missing if f.default is dataclasses.MISSING else f.default
        rule = dataclasses.replace(rule, key=key, label=rule.label or key, missing=missing)
        found.append((f.name, rule))
    _RULES[cls] = tuple(found)
    return _RULES[cls]


def limit(cls: type[Record], name: str) -> int:
    """The most characters the text field ``name`` of ``cls`` holds."""
    for field_name, rule in rules(cls):
        if field_name == name and rule.limit is not None:
            return rule.limit
    raise KeyError(f"{cls.__name__}.{name} has no length limit")


def defaults(cls: type[Record], *names: str) -> dict[str, Any]:
    """Document key -> default of the fields ``names`` (for a migration that adds them)."""
    found = {name: rule for name, rule in rules(cls)}
    result: dict[str, Any] = {}
    for name in names:
        rule = found[name]
        if rule.missing is REQUIRED:
            raise ValueError(f"{cls.__name__}.{name} has no default to migrate with")
        result[rule.key] = rule.missing
    return result


def checked(record: R, today: date | None = None) -> R:
    """``record`` with every field checked and cleaned (text stripped); JournalValueError
    names the first field that is not allowed. With ``today``, dates declared
    ``not_future`` may not be after it."""
    values: dict[str, Any] = {}
    for name, rule in rules(type(record)):
        value = rule.check(rule.label, getattr(record, name), values)
        if rule.not_future and today is not None and value > today:
            raise JournalValueError(
                rule.label, value, f"use today ({today.isoformat()}) or earlier"
            )
        values[name] = value
    return type(record)(**values)


def to_json(record: Record) -> dict[str, Any]:
    """The document stored (and exported) for ``record``."""
    doc: dict[str, Any] = {}
    for name, rule in rules(type(record)):
        value = getattr(record, name)
        doc[rule.key] = rule.dump(value) if rule.dump is not None else value
    return doc


_TYPES: dict[str, tuple[type, ...]] = {"str": (str,), "bool": (bool,), "object": (dict,)}
_KIND_NAMES = {
    "str": "text",
    "int": "a whole number",
    "int?": "a whole number or null",
    "bool": "true or false",
    "object": "an object",
    "object?": "an object or null",
    "list": "a list",
}


def get(obj: Mapping[str, Any], key: str, where: str, kind: str, default: object = REQUIRED) -> Any:
    """``obj[key]``, which must be of JSON ``kind``; ``default`` when it is missing."""
    if key not in obj:
        if default is REQUIRED:
            raise JournalImportError(f"{where or 'export'}: {key!r} is missing")
        return default
    value = obj[key]
    if kind == "object?":
        ok = value is None or isinstance(value, dict)
    elif kind == "list":
        ok = isinstance(value, list)
    elif kind == "int?":
        ok = value is None or (isinstance(value, int) and not isinstance(value, bool))
    elif kind == "int":
        ok = isinstance(value, int) and not isinstance(value, bool)
    else:
        ok = isinstance(value, _TYPES[kind])
    if not ok:
        place = f"{where}.{key}" if where else key
        raise JournalImportError(f"{place}: {json_show(value)} is not {_KIND_NAMES[kind]}")
    return value


def load(cls: type[R], item: Mapping[str, Any], where: str = "") -> R:
    """A record from a JSON object (an import, or a stored document); JournalImportError
    names the place (``where``: ``tried[3]``) and the field of the first problem."""
    values: dict[str, Any] = {}
    for name, rule in rules(cls):
        raw = get(item, rule.key, where, rule.kind, rule.missing)
        if rule.parse is not None and raw is not rule.missing:
            raw = rule.parse(raw, f"{where}.{rule.key}")
        values[name] = raw
    try:
        return checked(cls(**values))
    except JournalValueError as exc:
        raise exc.at(where) from None


def read(cls: type[R], doc: Mapping[str, Any], where: str = "") -> R:
    """A stored document: as :func:`load`, but the forms older versions wrote (a time
    "9:05", a note with CR/LF, ``reaction: true``, no ``created``) are read leniently."""
    fixed: dict[str, Any] | None = None
    for _, rule in rules(cls):
        if rule.legacy is not None:
            old = doc.get(rule.key, ABSENT)
            new = rule.legacy(old, doc)
            if new is not old:
                fixed = dict(doc) if fixed is None else fixed
                fixed[rule.key] = new
    return load(cls, doc if fixed is None else fixed, where)


def read_or_none(cls: type[R], doc: Mapping[str, Any]) -> R | None:
    """:func:`read`, or None for a document that cannot be read (it is left as it is)."""
    try:
        return read(cls, doc)
    except JournalError:
        return None


def read_or_default(cls: type[R], doc: Mapping[str, Any] | None) -> R:
    """A record that always reads: each field that is missing or not allowed reads as its
    default (every field of ``cls`` must have one: settings)."""
    values: dict[str, Any] = {}
    for name, rule in rules(cls):
        value = rule.missing
        if doc and rule.key in doc:
            try:
                raw = doc[rule.key]
                parsed = rule.parse(raw, rule.key) if rule.parse is not None else raw
                value = rule.check(rule.label, parsed, values)
            except (JournalError, TypeError):
                value = rule.missing
        values[name] = value
    return cls(**values)
