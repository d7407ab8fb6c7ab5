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
    what the user said about one day (``MOODS``); another day reads as ordinary.

Module level: ``SCHEMA_VERSION``, ``schema_of(data)``, ``migrate(data)``, ``new_id()``,
``REACTIONS``, the dataclasses, and the errors (all subclass ``JournalError``; ``str()`` is
one line for the user): ``JournalCorruptError``, ``JournalNewerError``,
``JournalAccessError``, ``JournalWriteError``, ``JournalValueError``, ``JournalNotFound``,
``JournalImportError``.

Modules: ``errors`` (every error), ``records`` (each record declared once: fields, limits,
defaults; validation, reading and import derived from it), ``schema`` (versions and
migrations), ``file`` (opening, recovery, locked TinyDB transactions), ``facade`` (the
:class:`Journal`), ``transfer`` (export, import, CSV). To add a field to a tried entry: one
line in ``records.TriedEntry`` and a migration in ``schema``.
"""

from micromance_tui.core.journal.errors import (
    JournalAccessError,
    JournalCorruptError,
    JournalError,
    JournalImportError,
    JournalNewerError,
    JournalNotFound,
    JournalRepeatError,
    JournalValueError,
    JournalWriteError,
)
from micromance_tui.core.journal.facade import UNSET, Journal
from micromance_tui.core.journal.records import (
    CHECKIN_STEPS,
    DATE_KINDS,
    MOODS,
    PRONOUNS,
    QUIZ_MODES,
    REACTIONS,
    WHO,
    AskedEntry,
    CheckIn,
    ImportantDate,
    LittleThing,
    Partner,
    QuizProgress,
    QuizResult,
    Settings,
    TriedEntry,
    new_id,
    upcoming_of,
)
from micromance_tui.core.journal.schema import SCHEMA_VERSION, migrate, schema_of
from micromance_tui.core.textcheck import bad_characters

__all__ = [
    "CHECKIN_STEPS",
    "DATE_KINDS",
    "MOODS",
    "PRONOUNS",
    "QUIZ_MODES",
    "REACTIONS",
    "SCHEMA_VERSION",
    "UNSET",
    "WHO",
    "AskedEntry",
    "CheckIn",
    "ImportantDate",
    "Journal",
    "JournalAccessError",
    "JournalCorruptError",
    "JournalError",
    "JournalImportError",
    "JournalNewerError",
    "JournalNotFound",
    "JournalRepeatError",
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
    "upcoming_of",
]
