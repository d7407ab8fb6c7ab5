"""The journal API: every call, validation, recovery, migration, export and import."""

from __future__ import annotations

import copy
import json
import os
import re
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from micromance_tui.core.journal import (
    REACTIONS,
    SCHEMA_VERSION,
    ImportantDate,
    Journal,
    JournalAccessError,
    JournalCorruptError,
    JournalError,
    JournalImportError,
    JournalNewerError,
    JournalNotFound,
    JournalValueError,
    JournalWriteError,
    QuizProgress,
    QuizResult,
    Settings,
    TriedEntry,
    migrate,
    new_id,
    schema_of,
)
from micromance_tui.core.journal.transfer import ImportReport

NOW = datetime(2026, 3, 14, 9, 30, 15)
TODAY = NOW.date()
HEX32 = re.compile(r"[0-9a-f]{32}")


class Clock:
    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "journal.json"


@pytest.fixture
def journal(path: Path, clock: Clock) -> Iterator[Journal]:
    j = Journal.open(path, clock=clock)
    yield j
    j.close()


def reopen(j: Journal) -> Journal:
    """A second, independent journal on the same file (proves things were written)."""
    return Journal.open(j.path, clock=Clock())


def stored(path: Path) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(path.read_bytes())
    return result


def classic_result(who: str = "partner", taken: str = "2026-03-01T10:00:00") -> QuizResult:
    return QuizResult(
        id=new_id(),
        who=who,
        mode="classic",
        scores={"words": 4, "time": 6, "touch": 2, "gifts": 1, "service": 2},
        receive={},
        give={},
        answers={"c1": 1, "c2": 2, "c3": 2},
        taken=taken,
    )


def rating_result(who: str = "me", taken: str = "2026-03-02T10:00:00") -> QuizResult:
    return QuizResult(
        id=new_id(),
        who=who,
        mode="rating",
        scores={"words": 3.5},
        receive={"words": 4.5, "time": 3.0},
        give={"words": 2.0, "time": 5.0},
        answers={"r1": 5, "r2": 1},
        taken=taken,
    )


# -- opening -----------------------------------------------------------------------------


def test_open_creates_a_private_journal_with_a_schema(journal: Journal, path: Path) -> None:
    assert stored(path) == {"meta": {"1": {"schema": SCHEMA_VERSION}}}
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    assert journal.recovered_from is None
    assert journal.recovery_message() is None
    assert journal.migrated_from is None
    assert not journal.read_only
    assert journal.tried() == []


def test_open_keeps_an_existing_journal(journal: Journal) -> None:
    entry = journal.add_tried("hold-hands")
    with reopen(journal) as again:
        assert again.tried() == [entry]


def test_opening_a_journal_to_read_takes_no_lock(journal: Journal) -> None:
    """`micromance today` only reads: it neither waits for the lock nor imports filelock
    (about 20 ms of its start), since every write is an atomic rename."""
    journal.add_tried("hold-hands")
    code = (
        "import sys; from micromance_tui.core.journal import Journal; "
        f"j = Journal.open({str(journal.path)!r}); "
        "print(len(j.tried()), 'filelock' in sys.modules)"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert run.stdout.split() == ["1", "False"]


def test_context_manager_closes(path: Path) -> None:
    with Journal.open(path) as j:
        j.add_tried("hold-hands")
    with Journal.open(path) as j:
        assert len(j.tried()) == 1


def test_leftover_temp_files_are_removed_on_open(path: Path) -> None:
    path.parent.mkdir(parents=True)
    leftover = path.parent / ".journal-crashed.tmp"
    leftover.write_text('{"half":')
    with Journal.open(path):
        assert not leftover.exists()


# -- tried entries -----------------------------------------------------------------------


def test_add_tried_defaults_to_now(journal: Journal) -> None:
    entry = journal.add_tried("hold-hands")
    assert HEX32.fullmatch(entry.id)
    assert entry == TriedEntry(
        id=entry.id,
        gesture_id="hold-hands",
        date=TODAY,
        time="09:30",
        note="",
        reaction=None,
        for_whom="partner",
        created="2026-03-14T09:30:15",
    )
    assert journal.tried() == [entry]
    with reopen(journal) as again:
        assert again.get_tried(entry.id) == entry


def test_add_tried_with_everything(journal: Journal) -> None:
    entry = journal.add_tried(
        "coffee-in-bed",
        on=date(2026, 3, 1),
        at="07:15",
        note="  she smiled  ",
        reaction=5,
        for_whom="Sam",
    )
    assert (entry.date, entry.time, entry.note, entry.reaction, entry.for_whom) == (
        date(2026, 3, 1),
        "07:15",
        "she smiled",
        5,
        "Sam",
    )
    assert entry.reaction_text == "loved it"
    doc = stored(journal.path)["tried"]["1"]
    assert doc == entry.to_json()


def test_add_tried_on_a_past_day_has_no_time_unless_given(journal: Journal) -> None:
    assert journal.add_tried("a", on=date(2026, 3, 13)).time == ""
    assert journal.add_tried("a", on=TODAY).time == "09:30"


def test_ids_are_unique(journal: Journal) -> None:
    ids = {journal.add_tried("a").id for _ in range(50)}
    assert len(ids) == 50


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"reaction": 7}, "reaction 7 is not allowed: use 1 to 5, or none"),
        ({"reaction": 0}, "reaction 0 is not allowed: use 1 to 5, or none"),
        ({"reaction": True}, "reaction True is not allowed: use 1 to 5, or none"),
        ({"reaction": "5"}, "reaction '5' is not allowed: use 1 to 5, or none"),
        ({"note": "x" * 2001}, "note of 2001 characters is not allowed: use at most 2000"),
        ({"on": date(2026, 3, 15)}, "date 2026-03-15 is not allowed: use today (2026-03-14)"),
        ({"at": "24:00"}, "time '24:00' is not allowed: use HH:MM (00:00 to 23:59), or empty"),
        ({"at": "9:30"}, "time '9:30' is not allowed"),
        ({"for_whom": "  "}, "for_whom '' is not allowed: use 1 to 40 characters"),
        ({"for_whom": "x" * 41}, "for_whom of 41 characters is not allowed"),
    ],
)
def test_add_tried_rejects_bad_values(
    journal: Journal, kwargs: dict[str, Any], message: str
) -> None:
    before = journal.path.read_bytes()
    with pytest.raises(JournalValueError) as caught:
        journal.add_tried("hold-hands", **kwargs)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
    assert isinstance(caught.value, ValueError)
    assert journal.path.read_bytes() == before


@pytest.mark.parametrize("gesture_id", ["", "  ", " padded ", "x" * 101])
def test_add_tried_rejects_bad_gesture_ids(journal: Journal, gesture_id: str) -> None:
    with pytest.raises(JournalValueError, match="gesture id"):
        journal.add_tried(gesture_id)
    assert journal.tried() == []


def test_note_of_exactly_2000_is_fine(journal: Journal) -> None:
    assert len(journal.add_tried("a", note="x" * 2000).note) == 2000


def test_edit_tried_changes_only_what_is_given(journal: Journal) -> None:
    entry = journal.add_tried("a", note="first", reaction=3)
    edited = journal.edit_tried(entry.id, note="second")
    assert edited == replace(entry, note="second")
    edited = journal.edit_tried(entry.id, reaction=None, on=date(2026, 3, 10), at="")
    assert edited == replace(entry, note="second", reaction=None, date=date(2026, 3, 10), time="")
    edited = journal.edit_tried(entry.id, for_whom="me", reaction=4)
    with reopen(journal) as again:
        assert again.get_tried(entry.id) == edited
        assert edited.id == entry.id and edited.created == entry.created


def test_edit_tried_validates_and_changes_nothing_on_error(journal: Journal) -> None:
    entry = journal.add_tried("a", note="keep")
    before = journal.path.read_bytes()
    with pytest.raises(JournalValueError, match="reaction 9"):
        journal.edit_tried(entry.id, note="lost", reaction=9)
    with pytest.raises(JournalValueError, match="date 2027-01-01"):
        journal.edit_tried(entry.id, on=date(2027, 1, 1))
    assert journal.path.read_bytes() == before
    assert journal.get_tried(entry.id).note == "keep"


def test_unknown_ids_raise_not_found(journal: Journal) -> None:
    for call in (
        lambda: journal.get_tried("nope"),
        lambda: journal.edit_tried("nope", note="x"),
        lambda: journal.delete_tried("nope"),
        lambda: journal.edit_little_thing("nope", "a", "b"),
        lambda: journal.remove_little_thing("nope"),
        lambda: journal.edit_date("nope", label="x"),
        lambda: journal.remove_date("nope"),
    ):
        with pytest.raises(JournalNotFound) as caught:
            call()
        assert isinstance(caught.value, KeyError)
        assert isinstance(caught.value, JournalError)
        assert re.fullmatch(r"no [a-z ]+ with id 'nope'", str(caught.value))


def test_delete_and_restore(journal: Journal) -> None:
    keep = journal.add_tried("a")
    gone = journal.add_tried("b", note="oops", reaction=2)
    assert journal.delete_tried(gone.id) == gone
    assert journal.tried() == [keep]
    with pytest.raises(JournalNotFound):
        journal.delete_tried(gone.id)
    journal.restore_tried(gone)
    journal.restore_tried(gone)  # twice: still one
    assert sorted(e.id for e in journal.tried()) == sorted([keep.id, gone.id])
    with reopen(journal) as again:
        assert again.get_tried(gone.id) == gone


def test_tried_is_newest_first_and_filters_by_since(journal: Journal, clock: Clock) -> None:
    old = journal.add_tried("a", on=date(2026, 1, 5))
    late = journal.add_tried("b", on=date(2026, 3, 1), at="21:00")
    early = journal.add_tried("c", on=date(2026, 3, 1), at="08:00")
    clock.now = datetime(2026, 3, 14, 9, 31)
    first_now = journal.add_tried("d", at="09:00")
    clock.now = datetime(2026, 3, 14, 9, 32)
    second_now = journal.add_tried("e", at="09:00")
    assert journal.tried() == [second_now, first_now, late, early, old]
    assert journal.tried(since=date(2026, 3, 1)) == [second_now, first_now, late, early]
    assert journal.tried(since=date(2026, 3, 2)) == [second_now, first_now]
    assert journal.tried(since=date(2026, 4, 1)) == []


def test_last_tried(journal: Journal) -> None:
    journal.add_tried("a", on=date(2026, 1, 5))
    journal.add_tried("a", on=date(2026, 2, 5))
    journal.add_tried("b", on=date(2025, 12, 31))
    assert journal.last_tried() == {"a": date(2026, 2, 5), "b": date(2025, 12, 31)}


def test_malformed_entries_in_the_file_are_skipped_not_lost(journal: Journal) -> None:
    good = journal.add_tried("a")
    data = stored(journal.path)
    data["tried"]["7"] = {"id": "x", "gesture": "b", "date": "not a date"}
    journal.path.write_text(json.dumps(data))
    assert journal.tried() == [good]
    journal.add_tried("c")
    assert stored(journal.path)["tried"]["7"]["date"] == "not a date"


# -- favourites --------------------------------------------------------------------------


def test_favourites(journal: Journal) -> None:
    assert journal.favourites() == set()
    assert not journal.is_favourite("a")
    journal.set_favourite("a", True)
    journal.set_favourite("a", True)
    journal.set_favourite("b", True)
    assert journal.favourites() == {"a", "b"}
    assert len(stored(journal.path)["favourites"]) == 2
    assert journal.toggle_favourite("a") is False
    assert journal.toggle_favourite("c") is True
    journal.set_favourite("zzz", False)  # not a favourite: nothing happens
    with reopen(journal) as again:
        assert again.favourites() == {"b", "c"}
        assert again.is_favourite("c") and not again.is_favourite("a")
    with pytest.raises(JournalValueError):
        journal.set_favourite("", True)


def test_setting_a_favourite_that_is_set_does_not_write(journal: Journal) -> None:
    journal.set_favourite("a", True)
    inode = os.stat(journal.path).st_ino
    journal.set_favourite("a", True)
    journal.set_favourite("b", False)
    assert os.stat(journal.path).st_ino == inode


# -- quiz --------------------------------------------------------------------------------


def test_quiz_results(journal: Journal) -> None:
    assert journal.quiz_results() == []
    assert journal.latest_quiz_result("partner") is None
    older = classic_result(taken="2026-01-01T10:00:00")
    newer = classic_result(taken="2026-03-01T10:00:00")
    mine = rating_result()
    for result in (older, mine, newer):
        journal.add_quiz_result(result)
    assert journal.quiz_results() == [mine, newer, older]
    assert journal.quiz_results("partner") == [newer, older]
    assert journal.latest_quiz_result("partner") == newer
    assert journal.latest_quiz_result("me") == mine
    with reopen(journal) as again:
        assert again.quiz_results() == [mine, newer, older]


def test_quiz_result_dicts_are_copies(journal: Journal) -> None:
    journal.add_quiz_result(classic_result())
    got = journal.quiz_results()[0]
    got.scores["words"] = 99
    assert journal.quiz_results()[0].scores["words"] == 4


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"who": "them"}, "who 'them' is not allowed: use me or partner"),
        ({"mode": "speed"}, "mode 'speed' is not allowed: use classic or rating"),
        ({"answers": {"c1": 3}}, "answers['c1'] 3 is not allowed: use 1 (side a) or 2"),
        ({"scores": {"words": -1}}, "scores['words'] -1 is not allowed"),
        ({"scores": {"words": float("nan")}}, "scores['words'] nan is not allowed"),
        ({"taken": "yesterday"}, "taken 'yesterday' is not allowed: use an ISO date and time"),
        ({"id": ""}, "id '' is not allowed"),
    ],
)
def test_quiz_result_validation(journal: Journal, change: dict[str, Any], message: str) -> None:
    with pytest.raises(JournalValueError) as caught:
        journal.add_quiz_result(replace(classic_result(), **change))
    assert message in str(caught.value)
    assert journal.quiz_results() == []


def test_rating_answers_allow_one_to_five(journal: Journal) -> None:
    with pytest.raises(JournalValueError, match=r"answers\['r1'\] 6 is not allowed: use 1 to 5"):
        journal.add_quiz_result(replace(rating_result(), answers={"r1": 6}))


def test_quiz_result_ids_are_unique(journal: Journal) -> None:
    result = classic_result()
    journal.add_quiz_result(result)
    with pytest.raises(JournalValueError, match="use a new id"):
        journal.add_quiz_result(result)
    assert len(journal.quiz_results()) == 1


def test_quiz_progress(journal: Journal) -> None:
    assert journal.quiz_progress() is None
    progress = QuizProgress("me", "classic", {"c1": 1}, 1, "2026-03-14T09:00:00")
    journal.save_quiz_progress(progress)
    assert journal.quiz_progress() == progress
    later = QuizProgress("me", "classic", {"c1": 1, "c2": 2}, 2, "2026-03-14T09:00:00")
    journal.save_quiz_progress(later)
    with reopen(journal) as again:
        assert again.quiz_progress() == later
    journal.save_quiz_progress(None)
    assert journal.quiz_progress() is None
    with pytest.raises(JournalValueError, match="position -1"):
        journal.save_quiz_progress(replace(progress, position=-1))
    with pytest.raises(JournalValueError, match="answers"):
        journal.save_quiz_progress(replace(progress, answers={"c1": 5}))


# -- partner -----------------------------------------------------------------------------


def test_partner_name_is_the_settings_name(journal: Journal) -> None:
    assert journal.partner().name == ""
    journal.set_partner_name("  Sam ")
    assert journal.partner().name == "Sam"
    assert journal.settings().partner_name == "Sam"
    with pytest.raises(JournalValueError, match="partner_name of 41 characters"):
        journal.set_partner_name("x" * 41)


def test_little_things(journal: Journal) -> None:
    coffee = journal.add_little_thing(" Coffee ", "oat flat white, no sugar")
    flowers = journal.add_little_thing("Flowers", "tulips, never lilies")
    assert coffee.label == "Coffee" and HEX32.fullmatch(coffee.id)
    assert journal.partner().little_things == (coffee, flowers)
    edited = journal.edit_little_thing(coffee.id, "Coffee", "oat cortado")
    assert edited.id == coffee.id and edited.text == "oat cortado"
    assert journal.remove_little_thing(flowers.id) == flowers
    with reopen(journal) as again:
        assert again.partner().little_things == (edited,)


@pytest.mark.parametrize(
    ("label", "text", "message"),
    [
        ("", "x", "label '' is not allowed: use 1 to 40 characters"),
        ("x" * 41, "x", "label of 41 characters is not allowed"),
        ("ok", "  ", "text '' is not allowed: use 1 to 500 characters"),
        ("ok", "x" * 501, "text of 501 characters is not allowed"),
    ],
)
def test_little_thing_validation(journal: Journal, label: str, text: str, message: str) -> None:
    with pytest.raises(JournalValueError) as caught:
        journal.add_little_thing(label, text)
    assert message in str(caught.value)
    thing = journal.add_little_thing("Coffee", "flat white")
    with pytest.raises(JournalValueError):
        journal.edit_little_thing(thing.id, label, text)
    assert journal.partner().little_things == (thing,)


def test_dates(journal: Journal) -> None:
    birthday = journal.add_date("birthday", "Sam's birthday", date(1992, 7, 1))
    first = journal.add_date("custom", "First date", date(2019, 5, 4), yearly=False)
    assert birthday.yearly and not first.yearly
    assert journal.partner().dates == (birthday, first)
    moved = journal.edit_date(first.id, label="Our first date", yearly=True)
    assert moved == replace(first, label="Our first date", yearly=True)
    moved = journal.edit_date(first.id, kind="anniversary", date=date(2019, 5, 5))
    assert (moved.kind, moved.date, moved.label) == (
        "anniversary",
        date(2019, 5, 5),
        "Our first date",
    )
    assert journal.remove_date(birthday.id) == birthday
    with reopen(journal) as again:
        assert again.partner().dates == (moved,)
    with pytest.raises(JournalValueError, match="kind 'wedding' is not allowed"):
        journal.add_date("wedding", "x", date(2020, 1, 1))
    with pytest.raises(JournalValueError, match="label '' is not allowed"):
        journal.edit_date(moved.id, label="")
    with pytest.raises(JournalValueError, match="date"):
        journal.add_date("custom", "x", datetime(2020, 1, 1))


@pytest.mark.parametrize(
    ("day", "yearly", "today", "expected"),
    [
        (date(1990, 7, 1), True, date(2026, 3, 14), date(2026, 7, 1)),
        (date(1990, 3, 14), True, date(2026, 3, 14), date(2026, 3, 14)),
        (date(1990, 3, 13), True, date(2026, 3, 14), date(2027, 3, 13)),
        (date(1992, 2, 29), True, date(2026, 3, 14), date(2027, 2, 28)),
        (date(1992, 2, 29), True, date(2027, 3, 1), date(2028, 2, 29)),
        (date(1992, 2, 29), True, date(2028, 1, 1), date(2028, 2, 29)),
        (date(2026, 5, 1), False, date(2026, 3, 14), date(2026, 5, 1)),
        (date(2026, 3, 1), False, date(2026, 3, 14), None),
        (date(2027, 9, 1), True, date(2026, 3, 14), date(2027, 9, 1)),
        (date(2024, 12, 31), True, date(2025, 12, 31), date(2025, 12, 31)),
        (date(2024, 1, 1), True, date(2025, 12, 31), date(2026, 1, 1)),
    ],
)
def test_next_occurrence(day: date, yearly: bool, today: date, expected: date | None) -> None:
    item = ImportantDate("x", "custom", "x", day, yearly)
    assert item.next_occurrence(today) == expected
    assert item.days_until(today) == (None if expected is None else (expected - today).days)


def test_upcoming_dates(journal: Journal) -> None:
    soon = journal.add_date("birthday", "Sam", date(1990, 3, 20))
    today = journal.add_date("custom", "Today", date(2020, 3, 14))
    later = journal.add_date("anniversary", "Us", date(2015, 4, 1))
    journal.add_date("custom", "Past", date(2026, 3, 1), yearly=False)
    assert journal.upcoming_dates(TODAY, 7) == [(today, 0), (soon, 6)]
    assert journal.upcoming_dates(TODAY, 18) == [(today, 0), (soon, 6), (later, 18)]
    assert journal.upcoming_dates(TODAY, 0) == [(today, 0)]


# -- settings ----------------------------------------------------------------------------


def test_settings(journal: Journal) -> None:
    assert journal.settings() == Settings("textual-dark", False, "", "")
    changed = journal.update_settings(theme="nord", apart=True)
    assert changed == Settings("nord", True, "", "")
    changed = journal.update_settings(my_name="Alex")
    assert changed == Settings("nord", True, "Alex", "")
    with reopen(journal) as again:
        assert again.settings() == changed


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"apart": "yes"}, "apart 'yes' is not allowed: use true or false"),
        ({"theme": ""}, "theme '' is not allowed"),
        ({"my_name": "x" * 41}, "my_name of 41 characters is not allowed: use at most 40"),
    ],
)
def test_settings_validation(journal: Journal, change: dict[str, Any], message: str) -> None:
    with pytest.raises(JournalValueError) as caught:
        journal.update_settings(**change)
    assert message in str(caught.value)
    assert journal.settings() == Settings()


def test_update_settings_rejects_unknown_names(journal: Journal) -> None:
    with pytest.raises(TypeError):
        journal.update_settings(colour="red")  # type: ignore[call-arg]


# -- corrupt, newer and older files ------------------------------------------------------


def _valid_journal_bytes() -> bytes:
    data = {
        "meta": {"1": {"schema": 2}},
        "tried": {
            str(n): {
                "id": new_id(),
                "gesture": "a",
                "date": "2026-01-01",
                "time": "",
                "note": "n" * 40,
                "reaction": None,
                "for_whom": "partner",
                "created": "2026-01-01T00:00:00",
            }
            for n in range(1, 6)
        },
    }
    return json.dumps(data).encode()


CORRUPT: dict[str, bytes] = {
    "not json": b"this is not json at all",
    "empty": b"",
    "blank": b"\n\n",
    "truncated": _valid_journal_bytes()[:300],
    "binary": bytes(range(256)) * 4,
    "top level list": b"[]",
    "table is a list": b'{"meta": {"1": {"schema": 2}}, "tried": []}',
    "document is a string": b'{"meta": {"1": {"schema": 2}}, "tried": {"1": "x"}}',
    "schema is text": b'{"meta": {"1": {"schema": "two"}}}',
    "schema missing": b'{"meta": {"1": {"version": 2}}}',
}


@pytest.mark.parametrize("content", CORRUPT.values(), ids=CORRUPT.keys())
def test_corrupt_file_is_moved_aside_and_a_fresh_one_starts(
    path: Path, clock: Clock, content: bytes
) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with Journal.open(path, clock=clock) as j:
        aside = path.with_name("journal.json.corrupt-20260314-093015")
        assert j.recovered_from == aside
        assert aside.read_bytes() == content  # byte for byte
        assert stored(path) == {"meta": {"1": {"schema": SCHEMA_VERSION}}}
        assert j.tried() == []
        message = j.recovery_message()
        assert message is not None and "\n" not in message
        assert str(aside) in message and str(path) in message
        j.add_tried("a")  # and it works
    with Journal.open(path, clock=clock) as again:
        assert again.recovered_from is None
        assert len(again.tried()) == 1


def test_moved_aside_files_are_never_overwritten(path: Path, clock: Clock) -> None:
    path.parent.mkdir(parents=True)
    names = []
    for n in range(3):
        path.write_bytes(f"broken {n}".encode())
        with Journal.open(path, clock=clock) as j:  # same clock: same timestamp
            assert j.recovered_from is not None
            names.append(j.recovered_from.name)
    assert names == [
        "journal.json.corrupt-20260314-093015",
        "journal.json.corrupt-20260314-093015-2",
        "journal.json.corrupt-20260314-093015-3",
    ]
    for n, name in enumerate(names):
        assert (path.parent / name).read_bytes() == f"broken {n}".encode()


def test_newer_schema_is_left_alone(path: Path) -> None:
    path.parent.mkdir(parents=True)
    newer = SCHEMA_VERSION + 1
    content = json.dumps({"meta": {"1": {"schema": newer}}, "tried": {"1": {"shiny": 1}}}).encode()
    path.write_bytes(content)
    before = os.stat(path)
    with pytest.raises(JournalNewerError) as caught:
        Journal.open(path)
    assert (caught.value.found, caught.value.supported) == (newer, SCHEMA_VERSION)
    assert str(caught.value) == (
        f"{path} was written by a newer micromance (journal schema {newer}; this version reads "
        f"up to {SCHEMA_VERSION}): it was left untouched; update micromance to use it"
    )
    assert path.read_bytes() == content
    after = os.stat(path)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert sorted(os.listdir(path.parent)) == ["journal.json", "journal.json.lock"]


def test_newer_schema_written_by_another_copy_stops_writes(journal: Journal) -> None:
    journal.add_tried("a")
    newer = json.dumps({"meta": {"1": {"schema": 9}}}).encode()
    journal.path.write_bytes(newer)
    with pytest.raises(JournalNewerError):
        journal.add_tried("b")
    with pytest.raises(JournalNewerError):
        journal.tried()
    assert journal.path.read_bytes() == newer


def test_file_corrupted_while_open_is_never_overwritten(journal: Journal) -> None:
    journal.add_tried("a")
    journal.path.write_bytes(b'{"meta": ')
    with pytest.raises(JournalCorruptError):
        journal.add_tried("b")
    assert journal.path.read_bytes() == b'{"meta": '


V1: dict[str, dict[str, Any]] = {
    "meta": {"1": {"schema": 1}},
    "tried": {
        "1": {"gesture": "hold-hands", "date": "2024-01-02", "note": "nice"},
        "2": {"gesture": "coffee", "date": "2024-02-03", "note": ""},
    },
    "favourites": {"1": {"gesture": "coffee"}},
}


@pytest.mark.parametrize("with_meta", [True, False])
def test_migration_from_version_1(path: Path, with_meta: bool) -> None:
    v1 = copy.deepcopy(V1)
    if not with_meta:
        del v1["meta"]
    path.parent.mkdir(parents=True)
    original = json.dumps(v1).encode()
    path.write_bytes(original)
    with Journal.open(path) as j:
        assert j.migrated_from == 1
        assert j.backup == path.with_name("journal.json.schema-1.bak")
        assert j.backup.read_bytes() == original
        entries = j.tried()
        assert [(e.gesture_id, e.date, e.note) for e in entries] == [
            ("coffee", date(2024, 2, 3), ""),
            ("hold-hands", date(2024, 1, 2), "nice"),
        ]
        for e in entries:
            assert HEX32.fullmatch(e.id)
            assert (e.time, e.reaction, e.for_whom) == ("", None, "partner")
            assert e.created == f"{e.date.isoformat()}T00:00:00"
        assert len({e.id for e in entries}) == 2
        assert j.favourites() == {"coffee"}
    data = stored(path)
    assert data["meta"] == {"1": {"schema": SCHEMA_VERSION}}
    with Journal.open(path) as again:  # ids are stable: migration happened once
        assert again.migrated_from is None
        assert [e.id for e in again.tried()] == [e.id for e in entries]


def test_where_an_idea_was_tried_is_kept_edited_and_checked(journal: Journal) -> None:
    entry = journal.add_tried("picnic", where="  the park by the river ")
    assert entry.where == "the park by the river"
    assert stored(journal.path)["tried"]["1"]["where"] == "the park by the river"
    with reopen(journal) as again:
        assert again.get_tried(entry.id).where == "the park by the river"
    assert journal.add_tried("coffee").where == ""
    assert journal.edit_tried(entry.id, where="home").where == "home"
    with pytest.raises(JournalValueError) as caught:
        journal.edit_tried(entry.id, where="x" * 81)
    assert str(caught.value) == "where of 81 characters is not allowed: use at most 80 characters"
    with pytest.raises(JournalValueError) as caught:
        journal.add_tried("picnic", where="the\x1b[2Jpark")
    assert caught.value.field == "where" and "control characters" in caught.value.allowed
    assert journal.get_tried(entry.id).where == "home"


def test_a_version_2_journal_is_migrated_to_say_where(path: Path) -> None:
    doc = {
        "id": "a1",
        "gesture": "picnic",
        "date": "2025-05-01",
        "time": "",
        "note": "",
        "reaction": 5,
        "for_whom": "partner",
        "created": "2025-05-01T12:00:00",
    }
    path.parent.mkdir(parents=True)
    original = json.dumps({"meta": {"1": {"schema": 2}}, "tried": {"1": doc}}).encode()
    path.write_bytes(original)
    with Journal.open(path) as j:
        assert j.migrated_from == 2
        assert j.backup is not None and j.backup.read_bytes() == original
        assert [(e.id, e.reaction, e.where) for e in j.tried()] == [("a1", 5, "")]
    assert stored(path)["tried"]["1"] == {**doc, "where": ""}


def test_an_export_from_before_where_imports_and_where_round_trips(journal: Journal) -> None:
    old = {
        "format": "micromance-export",
        "schema": 2,
        "tried": [
            {
                "id": "a1",
                "gesture": "picnic",
                "date": "2025-05-01",
                "created": "2025-05-01T12:00:00",
            }
        ],
    }
    assert journal.import_data(old).tried == 1
    assert journal.get_tried("a1").where == ""
    journal.edit_tried("a1", where="the beach")
    export = json.loads(json.dumps(journal.export_data()))
    assert export["tried"][0]["where"] == "the beach"
    with pytest.raises(JournalImportError, match=r"tried\[0\]\.where: 5 is not text"):
        journal.import_data({**export, "tried": [{**export["tried"][0], "id": "b", "where": 5}]})


def test_migrate_function() -> None:
    data = copy.deepcopy(V1)
    assert schema_of(data) == 1
    result = migrate(data)
    assert result is data
    assert schema_of(result) == SCHEMA_VERSION
    doc = result["tried"]["1"]
    assert set(doc) == {
        *("id", "gesture", "date", "time", "note", "reaction", "for_whom", "created", "where")
    }
    assert (doc["time"], doc["reaction"], doc["for_whom"], doc["where"]) == (
        "",
        None,
        "partner",
        "",
    )
    again = migrate(copy.deepcopy(result))
    assert again == result  # migrating the current version changes nothing
    with pytest.raises(ValueError, match="newer"):
        migrate({"meta": {"1": {"schema": SCHEMA_VERSION + 1}}})
    with pytest.raises(ValueError, match="not a version number"):
        schema_of({"meta": {"1": {"schema": 0}}})
    assert schema_of({}) == 1


# -- cache: reads do not parse, writes do not re-parse -----------------------------------


def test_adding_does_not_parse_the_file_again(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.add_tried("warm-up")
    parses: list[int] = []
    real = json.loads

    def counting(*args: Any, **kwargs: Any) -> Any:
        parses.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(json, "loads", counting)
    for _ in range(5):
        journal.add_tried("a")
    assert len(journal.tried()) == 6
    journal.favourites()
    journal.settings()
    assert parses == []
    with reopen(journal) as other:  # another instance sees the change by parsing once
        other.add_tried("b")
    assert len(journal.tried()) == 7
    assert len(parses) == 2  # the other instance's open, and ours after its write


def test_two_instances_in_one_process_see_each_other(path: Path) -> None:
    one, two = Journal.open(path), Journal.open(path)
    a = one.add_tried("a")
    b = two.add_tried("b")
    assert {e.id for e in one.tried()} == {a.id, b.id}
    one.set_favourite("x", True)
    assert two.favourites() == {"x"}
    one.close()
    two.close()


def test_changes_never_edit_the_data_a_reader_holds(journal: Journal) -> None:
    entry = journal.add_tried("a", note="first")
    snapshot = journal._storage.read()  # what a reader in another thread may be iterating
    assert snapshot is not None
    frozen = json.dumps(snapshot, sort_keys=True)
    journal.add_tried("b")
    journal.edit_tried(entry.id, note="second")
    journal.set_favourite("a", True)
    journal.update_settings(apart=True)
    journal.delete_tried(entry.id)
    assert json.dumps(snapshot, sort_keys=True) == frozen


def test_reading_in_one_thread_while_another_writes(journal: Journal) -> None:
    errors: list[BaseException] = []
    done = threading.Event()

    def writer() -> None:
        try:
            for n in range(150):
                journal.add_tried(f"g{n % 7}")
                journal.toggle_favourite(f"g{n % 5}")
        except BaseException as exc:
            errors.append(exc)
        finally:
            done.set()

    thread = threading.Thread(target=writer)
    thread.start()
    reads = 0
    while not done.is_set():
        journal.tried()
        journal.favourites()
        journal.last_tried()
        reads += 1
    thread.join()
    assert errors == []
    assert reads > 0
    assert len(journal.tried()) == 150


def test_a_symlinked_journal_is_refused_and_nothing_outside_changes(tmp_path: Path) -> None:
    real = tmp_path / "elsewhere" / "journal.json"
    with Journal.open(real) as j:
        j.add_tried("a")
    os.chmod(real, 0o644)
    before = real.read_bytes()
    link = tmp_path / "data" / "journal.json"
    link.parent.mkdir()
    link.symlink_to(real)
    with pytest.raises(JournalAccessError, match="symbolic link"):
        Journal.open(link)
    assert link.is_symlink()
    assert real.read_bytes() == before
    assert stat.S_IMODE(real.stat().st_mode) == 0o644  # not even tightened
    assert sorted(p.name for p in real.parent.iterdir()) == ["journal.json", "journal.json.lock"]
    assert sorted(p.name for p in link.parent.iterdir()) == ["journal.json"]


# -- write failures and permissions ------------------------------------------------------


def test_no_space_keeps_the_old_journal(journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    kept = journal.add_tried("a")
    before = journal.path.read_bytes()

    def no_space(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(JournalWriteError) as caught:
        journal.add_tried("b")
    monkeypatch.undo()
    assert str(caught.value) == (
        f"cannot write the journal {journal.path}: no space left on device"
    )
    assert journal.path.read_bytes() == before
    assert journal.tried() == [kept]  # the failed change is not in memory either
    assert not [p for p in os.listdir(journal.path.parent) if p.endswith(".tmp")]


def test_a_failed_write_leaves_nothing_half_done_in_memory(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = journal.add_tried("a")

    def cannot_serialise(*args: Any, **kwargs: Any) -> str:
        raise ValueError("cannot serialise")

    monkeypatch.setattr(json, "dumps", cannot_serialise)
    with pytest.raises(ValueError, match="cannot serialise"):
        journal.add_tried("b")
    with pytest.raises(ValueError, match="cannot serialise"):
        journal.delete_tried(kept.id)
    monkeypatch.undo()
    assert journal.tried() == [kept]


def test_read_only_journal_opens_for_reading(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Journal.open(path) as j:
        entry = j.add_tried("a")
    before = path.read_bytes()
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)
    with Journal.open(path) as j:
        assert j.read_only
        assert j.tried() == [entry]
        with pytest.raises(JournalWriteError, match="the journal is read-only"):
            j.add_tried("b")
    assert path.read_bytes() == before


def _as_other_user(work: Callable[[], Any]) -> dict[str, Any]:
    """Run ``work`` in a forked child without root's powers (uid 65534 when we are root).

    Returns {"ok": result} or {"error": class name, "message": str(exc)}.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        try:
            os.close(read_end)
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            payload = {"ok": work()}
        except BaseException as exc:
            payload = {"error": type(exc).__name__, "message": str(exc)}
        os.write(write_end, json.dumps(payload, default=str).encode())
        os._exit(0)
    os.close(write_end)
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    os.waitpid(pid, 0)
    result: dict[str, Any] = json.loads(b"".join(chunks))
    return result


def _journal_in(folder: Path) -> tuple[Path, TriedEntry]:
    folder.mkdir()
    path = folder / "journal.json"
    with Journal.open(path) as j:
        entry = j.add_tried("a", note="kept")
    os.chmod(folder, 0o755)
    return path, entry


def test_real_read_only_folder(shared_dir: Path) -> None:
    path, _entry = _journal_in(shared_dir / "data")
    os.chmod(path, 0o644)
    os.chmod(path.parent, 0o555)
    before = path.read_bytes()

    def work() -> Any:
        with Journal.open(path) as j:
            assert j.read_only
            notes = [e.note for e in j.tried()]
            try:
                j.add_tried("b")
            except JournalWriteError as exc:
                return [notes, str(exc)]
        return "wrote"

    result = _as_other_user(work)
    assert result == {
        "ok": [
            ["kept"],
            f"cannot write the journal {path}: the journal is read-only "
            "(its file or folder is not writable)",
        ]
    }
    assert path.read_bytes() == before


def test_real_read_only_file(shared_dir: Path) -> None:
    path, _entry = _journal_in(shared_dir / "data")
    os.chmod(path.parent, 0o777)
    os.chmod(path, 0o444)
    before = path.read_bytes()

    def work() -> Any:
        with Journal.open(path) as j:
            try:
                j.set_favourite("x", True)
            except JournalWriteError:
                return [j.read_only, len(j.tried())]
        return "wrote"

    assert _as_other_user(work) == {"ok": [True, 1]}
    assert path.read_bytes() == before


def test_real_unreadable_file(shared_dir: Path) -> None:
    path, _entry = _journal_in(shared_dir / "data")
    os.chmod(path, 0o000)
    before_mode = os.stat(path).st_mode

    result = _as_other_user(lambda: Journal.open(path).tried())
    assert result == {
        "error": "JournalAccessError",
        "message": f"cannot open the journal {path}: permission denied",
    }
    assert os.stat(path).st_mode == before_mode


def test_real_corrupt_file_in_read_only_folder_is_not_touched(shared_dir: Path) -> None:
    folder = shared_dir / "data"
    folder.mkdir()
    path = folder / "journal.json"
    path.write_bytes(b"{broken")
    os.chmod(path, 0o644)
    os.chmod(folder, 0o555)
    result = _as_other_user(lambda: Journal.open(path).tried())
    assert result["error"] == "JournalCorruptError"
    assert "line 1 column 2" in result["message"]
    assert path.read_bytes() == b"{broken"
    assert os.listdir(folder) == ["journal.json"]


def test_missing_journal_in_a_read_only_folder_opens_empty(shared_dir: Path) -> None:
    folder = shared_dir / "data"
    folder.mkdir(mode=0o555)
    os.chmod(folder, 0o555)

    def work() -> Any:
        with Journal.open(folder / "journal.json") as j:
            try:
                j.add_tried("a")
            except JournalWriteError:
                return [j.read_only, len(j.tried()), j.settings().theme]
        return "wrote"

    assert _as_other_user(work) == {"ok": [True, 0, "textual-dark"]}
    assert os.listdir(folder) == []


def test_folder_that_cannot_be_created(shared_dir: Path) -> None:
    os.chmod(shared_dir, 0o555)
    target = shared_dir / "new" / "journal.json"
    result = _as_other_user(lambda: Journal.open(target).tried())
    assert result == {
        "error": "JournalAccessError",
        "message": f"cannot open the journal {target}: cannot create the folder "
        f"{target.parent}: permission denied",
    }


# -- export and import -------------------------------------------------------------------


def _fill(j: Journal) -> None:
    j.add_tried("hold-hands", on=date(2026, 3, 1), note="warm", reaction=4)
    j.add_tried("coffee", at="07:00", for_whom="Sam")
    j.set_favourite("coffee", True)
    j.set_favourite("notes", True)
    j.add_quiz_result(classic_result())
    j.add_quiz_result(rating_result())
    j.save_quiz_progress(QuizProgress("partner", "rating", {"r1": 3}, 1, "2026-03-14T09:00"))
    j.add_little_thing("Coffee", "oat flat white")
    j.add_date("birthday", "Sam", date(1992, 2, 29))
    j.update_settings(theme="nord", apart=True, my_name="Alex", partner_name="Sam")


def _comparable(export: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in export.items() if k != "exported"}


def test_export_is_json_ready_and_complete(journal: Journal) -> None:
    _fill(journal)
    export = journal.export_data()
    assert json.loads(json.dumps(export)) == export
    assert export["format"] == "micromance-export"
    assert export["schema"] == SCHEMA_VERSION
    assert [t["gesture"] for t in export["tried"]] == ["hold-hands", "coffee"]
    assert export["favourites"] == ["coffee", "notes"]
    assert len(export["quiz_results"]) == 2
    assert export["quiz_progress"]["answers"] == {"r1": 3}
    assert export["little_things"][0]["text"] == "oat flat white"
    assert export["dates"][0]["date"] == "1992-02-29"
    assert export["settings"] == {
        "theme": "nord",
        "apart": True,
        "my_name": "Alex",
        "partner_name": "Sam",
        "quiz_who": "me",
        "pronoun": "they",
        "welcomed": False,
    }


def test_round_trip_into_an_empty_journal(journal: Journal, tmp_path: Path) -> None:
    _fill(journal)
    export = json.loads(json.dumps(journal.export_data()))
    with Journal.open(tmp_path / "other" / "journal.json", clock=Clock()) as other:
        report = other.import_data(export)
        assert report == ImportReport(
            tried=2,
            favourites=2,
            quiz_results=2,
            little_things=1,
            dates=1,
            settings=4,
            quiz_progress=1,
        )
        assert str(report) == (
            "added 2 tried entries, 2 favourites, 2 quiz results, 1 little thing, 1 date, "
            "4 settings, 1 unfinished quiz"
        )
        assert _comparable(other.export_data()) == _comparable(export)
        assert other.tried() == journal.tried()
        assert other.settings() == Settings("nord", True, "Alex", "Sam")


def test_importing_twice_adds_nothing_and_writes_nothing(journal: Journal, tmp_path: Path) -> None:
    _fill(journal)
    export = journal.export_data()
    with Journal.open(tmp_path / "other" / "journal.json") as other:
        other.import_data(export)
        before = other.path.read_bytes()
        report = other.import_data(export)
        assert report.total == 0
        assert str(report) == "nothing new to add"
        assert report.skipped == {"tried": 2, "quiz_results": 2, "little_things": 1, "dates": 1}
        assert other.path.read_bytes() == before
    assert journal.import_data(export).total == 0  # into the journal it came from


def test_import_merges_with_what_is_there(journal: Journal, tmp_path: Path) -> None:
    _fill(journal)
    export = journal.export_data()
    with Journal.open(tmp_path / "other" / "journal.json", clock=Clock()) as other:
        mine = other.add_tried("walk")
        other.set_favourite("walk", True)
        other.set_favourite("coffee", True)
        other.update_settings(my_name="Bee", theme="gruvbox")
        report = other.import_data(export)
        assert (report.tried, report.favourites, report.settings) == (2, 1, 2)
        assert mine in other.tried() and len(other.tried()) == 3
        assert other.favourites() == {"walk", "coffee", "notes"}
        assert other.settings() == Settings("gruvbox", True, "Bee", "Sam")


def test_import_turns_apart_mode_on_but_never_off(journal: Journal, tmp_path: Path) -> None:
    journal.update_settings(apart=True)
    on = journal.export_data()
    journal.update_settings(apart=False)
    off = journal.export_data()
    with Journal.open(tmp_path / "other" / "journal.json", clock=Clock()) as other:
        assert other.import_data(on).settings == 1
        assert other.settings().apart is True
        assert other.import_data(off).settings == 0
        assert other.settings().apart is True


def test_import_of_a_minimal_export(journal: Journal) -> None:
    minimal = {"format": "micromance-export", "schema": SCHEMA_VERSION}
    assert journal.import_data(minimal).total == 0
    report = journal.import_data({**minimal, "favourites": ["a", "a", "b"]})
    assert report.favourites == 2
    assert journal.favourites() == {"a", "b"}
    assert len(stored(journal.path)["favourites"]) == 2


BAD_IMPORTS: list[tuple[Callable[[dict[str, Any]], Any], str]] = [
    (lambda e: [e], "the file holds a list, not a micromance export"),
    (lambda e: {**e, "format": "something-else"}, "format: expected 'micromance-export'"),
    (
        lambda e: {**e, "schema": SCHEMA_VERSION + 1},
        f"schema: {SCHEMA_VERSION + 1} is newer than this version of micromance reads",
    ),
    (lambda e: {**e, "schema": "2"}, "schema: '2' is not a whole number"),
    (lambda e: {**e, "tried": {}}, "tried: an object is not a list"),
    (lambda e: {**e, "tried": [*e["tried"], 5]}, "tried[2]: 5 is not an object"),
    (
        lambda e: {**e, "tried": [*e["tried"], {**e["tried"][0], "id": "z", "date": "2024-13-01"}]},
        "tried[2].date: '2024-13-01' is not a date",
    ),
    (
        lambda e: {**e, "tried": [*e["tried"], {**e["tried"][0], "id": "z", "reaction": 7}]},
        "tried[2].reaction: 7 is not allowed: use 1 to 5, or none",
    ),
    (lambda e: {**e, "tried": [*e["tried"], e["tried"][0]]}, "tried[2].id: '"),
    (
        lambda e: {**e, "tried": [{k: v for k, v in e["tried"][0].items() if k != "gesture"}]},
        "tried[0]: 'gesture' is missing",
    ),
    (
        lambda e: {**e, "quiz_results": [{**e["quiz_results"][0], "answers": {"c1": 9}}]},
        "quiz_results[0].answers['c1']: 9 is not allowed",
    ),
    (
        lambda e: {**e, "dates": [{**e["dates"][0], "kind": "wedding"}]},
        "dates[0].kind: 'wedding' is not allowed: use birthday or anniversary or custom",
    ),
    (
        lambda e: {**e, "little_things": [{**e["little_things"][0], "label": ""}]},
        "little_things[0].label: '' is not allowed",
    ),
    (lambda e: {**e, "favourites": ["ok", 3]}, "favourites[1]: 3 is not a gesture id"),
    (lambda e: {**e, "settings": {"apart": "yes"}}, "settings.apart: 'yes' is not true or false"),
    (
        lambda e: {**e, "quiz_progress": {**e["quiz_progress"], "position": -2}},
        "quiz_progress.position: -2 is not allowed",
    ),
]


@pytest.mark.parametrize(("spoil", "message"), BAD_IMPORTS)
def test_bad_import_changes_nothing(
    journal: Journal, tmp_path: Path, spoil: Callable[[dict[str, Any]], Any], message: str
) -> None:
    _fill(journal)
    export = journal.export_data()
    with Journal.open(tmp_path / "other" / "journal.json") as other:
        other.add_tried("walk")
        before = other.path.read_bytes()
        with pytest.raises(JournalImportError) as caught:
            other.import_data(spoil(copy.deepcopy(export)))
        assert message in str(caught.value)
        assert "\n" not in str(caught.value)
        assert other.path.read_bytes() == before
        assert len(other.tried()) == 1


def test_every_error_is_a_journal_error() -> None:
    for cls in (
        JournalAccessError,
        JournalCorruptError,
        JournalImportError,
        JournalNewerError,
        JournalNotFound,
        JournalValueError,
        JournalWriteError,
    ):
        assert issubclass(cls, JournalError)


def test_reactions_scale() -> None:
    assert sorted(REACTIONS) == [1, 2, 3, 4, 5]
    assert REACTIONS[1] == "fell flat" and REACTIONS[5] == "loved it"


def test_latest_quiz_result_breaks_ties_by_save_order(tmp_path: Path) -> None:
    """With a fixed clock two results share `taken`: the one saved last is the latest."""
    from micromance_tui.core.journal import QuizResult, new_id

    journal = Journal.open(tmp_path / "journal.json")
    for top in ("words", "touch"):
        scores = dict.fromkeys(("words", "service", "gifts", "time", "touch"), 5.0)
        scores[top] = 10.0
        journal.add_quiz_result(
            QuizResult(new_id(), "partner", "classic", scores, {}, {}, {}, "2026-11-25T09:30:00")
        )
    latest = journal.latest_quiz_result("partner")
    assert latest is not None and latest.scores["touch"] == 10.0


def test_the_welcome_is_due_only_on_a_blank_journal_until_done(journal: Journal) -> None:
    assert journal.welcome_due()
    journal.update_settings(theme="nord")  # a theme saved on start is not "something in it"
    assert journal.welcome_due()
    journal.update_settings(welcomed=True, pronoun="she")
    assert not journal.welcome_due()
    again = journal.settings()
    assert (again.welcomed, again.pronoun, again.theme) == (True, "she", "nord")


def test_a_journal_with_entries_is_not_welcomed(journal: Journal) -> None:
    journal.add_tried("coffee")
    assert not journal.welcome_due()


def test_a_bad_pronoun_is_refused_and_nothing_changes(journal: Journal) -> None:
    with pytest.raises(JournalError, match="pronoun"):
        journal.update_settings(pronoun="it's")
    assert journal.settings().pronoun == "they"
