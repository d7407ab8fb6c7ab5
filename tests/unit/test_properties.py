"""Property-based tests (Hypothesis) for issue 14: whatever a journal file or an import file
holds, the result is success or one clean line, and nothing already saved is lost; and
export then import of any journal the app reads is the identity.

Examples per property are bounded (``EXAMPLES``) so the suite stays fast; raise them by hand
with ``MICROMANCE_HYPOTHESIS_EXAMPLES=2000 pytest tests/unit/test_properties.py``.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from micromance_tui.commands import read_import_file
from micromance_tui.core import paths as paths_mod
from micromance_tui.core.clock import fixed_clock
from micromance_tui.core.content import load_library
from micromance_tui.core.daily import todays_idea
from micromance_tui.core.journal import (
    Journal,
    JournalError,
    JournalImportError,
)
from micromance_tui.core.journal.transfer import EXPORT_GROWTH, export_text
from micromance_tui.core.models import Library
from micromance_tui.exitcodes import CliError

REPO = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 25, 9, 30)
EXAMPLES = int(os.environ.get("MICROMANCE_HYPOTHESIS_EXAMPLES", "120"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
TABLES = [
    "meta",
    "tried",
    "favourites",
    "quiz_results",
    "quiz_progress",
    "little_things",
    "dates",
    "settings",
    "daily",
]
FIELDS = [
    "id",
    "gesture",
    "date",
    "time",
    "note",
    "reaction",
    "for_whom",
    "created",
    "who",
    "mode",
    "scores",
    "receive",
    "give",
    "answers",
    "taken",
    "position",
    "started",
    "label",
    "text",
    "kind",
    "yearly",
    "theme",
    "apart",
    "my_name",
    "partner_name",
    "context",
    "shown",
    "reason",
    "schema",
]


@cache
def library() -> Library:
    folder = Path(tempfile.mkdtemp(prefix="micromance-props-"))
    paths = paths_mod.resolve(data_dir=folder, config_dir=folder, cache_dir=folder)
    return load_library(paths, use_cache=False).library


# A memory-backed folder where there is one: thousands of journals are written, and fsync
# on a disk would make each example ten times slower without testing anything more.
_SCRATCH_ROOT = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None


@contextmanager
def scratch() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="micromance-prop-", dir=_SCRATCH_ROOT))
    try:
        yield folder / "data" / "journal.json"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def dumps(value: object) -> bytes:
    """JSON as another program might write it (NaN, Infinity, lone surrogates escaped)."""
    return json.dumps(value, ensure_ascii=False).encode("utf-8", "backslashreplace")


# -- strategies ----------------------------------------------------------------------------

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(
        ["", "2026-11-20", "2026-11-20T08:00:00", "9:05", "08:00", "rating", "classic", "me"]
    )
    | st.sampled_from(["partner", "good-morning-text", "words", "x\x1b[2J", "\u202e", "\ud800"])
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=6), inner, max_size=5)
    ),
    max_leaves=25,
)
documents = st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=8)
tables = st.dictionaries(
    st.integers(min_value=1, max_value=40).map(str) | st.text(max_size=3),
    documents | json_values,
    max_size=5,
)
journals = st.dictionaries(
    st.sampled_from(TABLES) | st.text(max_size=4),
    tables | json_values,
    max_size=5,
)
schema_2_journals = st.builds(
    lambda tables_: {"meta": {"1": {"schema": 2}}, **tables_},
    st.dictionaries(st.sampled_from(TABLES[1:]), tables, max_size=5),
)


# -- a journal file holding anything -------------------------------------------------------


def _use_everything(journal: Journal) -> None:
    """Every read the commands and screens make."""
    journal.tried()
    journal.last_tried()
    journal.favourites()
    journal.quiz_results()
    journal.quiz_progress()
    journal.partner()
    journal.settings()
    journal.daily_pick()
    journal.upcoming_dates(NOW.date(), 30)
    journal.problems()
    json.dumps(journal.export_data(), allow_nan=False)
    todays_idea(library(), journal, NOW)


def _check_open(raw: bytes) -> None:
    with scratch() as path:
        path.parent.mkdir(parents=True)
        path.write_bytes(raw)
        try:
            journal = Journal.open(path, clock=fixed_clock(NOW))
        except JournalError as exc:
            assert "\n" not in str(exc)
            assert path.read_bytes() == raw  # refused: left as it was
            return
        with journal:
            if journal.recovered_from is not None:
                assert journal.recovered_from.read_bytes() == raw  # moved aside byte for byte
                assert "\n" not in (journal.recovery_message() or "")
            before = json.loads(path.read_text(encoding="utf-8", errors="surrogatepass"))
            _use_everything(journal)
            ids_before = {e.id for e in journal.tried()}
            added = journal.add_tried("good-morning-text", note="added after")
            _use_everything(journal)
            assert {e.id for e in journal.tried()} == ids_before | {added.id}
        after = json.loads(path.read_text(encoding="utf-8", errors="surrogatepass"))
        _assert_documents_kept(before, after)


def _assert_documents_kept(before: dict[str, Any], after: dict[str, Any]) -> None:
    """Every document of every table is still there, as it was (an id used twice may have
    been re-issued; today's pin is a cache)."""
    for name, table in before.items():
        if name in ("meta", "daily"):
            continue
        for key, doc in table.items():
            kept = dict(after[name][key])
            if name in ("tried", "quiz_results", "little_things", "dates"):
                kept["id"] = doc.get("id", kept.get("id"))
                if "id" not in doc:
                    kept.pop("id")
            assert json.dumps(kept, sort_keys=True) == json.dumps(doc, sort_keys=True)


@pytest.mark.slow
@SETTINGS
@given(schema_2_journals)
def test_any_json_journal_opens_or_is_set_aside_and_nothing_is_lost(data: dict[str, Any]) -> None:
    _check_open(dumps(data))


@pytest.mark.slow
@SETTINGS
@given(journals | json_values)
def test_any_json_at_all_as_a_journal(data: Any) -> None:
    _check_open(dumps(data))


@SETTINGS
@given(st.binary(max_size=300) | st.builds(lambda b: b'{"tried": ' + b, st.binary(max_size=100)))
def test_any_bytes_as_a_journal(raw: bytes) -> None:
    _check_open(raw)


# -- an import file holding anything -------------------------------------------------------


def _filled(path: Path) -> Journal:
    journal = Journal.open(path, clock=fixed_clock(NOW))
    journal.add_tried("good-morning-text", note="kept", reaction=4)
    journal.add_little_thing("Coffee", "oat flat white")
    journal.add_date("birthday", "Sam", date(1990, 5, 1))
    journal.set_favourite("hug-after-long-day", True)
    return journal


def _export_with(field: str, value: Any, index: int | None) -> dict[str, Any]:
    export: dict[str, Any] = {
        "format": "micromance-export",
        "schema": 2,
        "tried": [
            {
                "id": "imp1",
                "gesture": "x",
                "date": "2026-11-01",
                "time": "08:00",
                "note": "n",
                "reaction": 3,
                "for_whom": "partner",
                "created": "2026-11-01T08:00:00",
            }
        ],
    }
    if index is None:
        export[field] = value
    else:
        export["tried"][0][FIELDS[index % 8]] = value
    return export


def _check_import(data: Any) -> None:
    with scratch() as path, _filled(path) as journal:
        before = journal.export_data()
        try:
            report = journal.import_data(data)
        except JournalImportError as exc:
            assert "\n" not in str(exc) and str(exc)
            assert journal.export_data() == before
            return
        assert "\n" not in str(report)
        after = journal.export_data()
        for key in ("tried", "little_things", "dates", "quiz_results"):
            assert all(item in after[key] for item in before[key])  # nothing lost or changed
        assert set(before["favourites"]) <= set(after["favourites"])
        json.dumps(after, allow_nan=False)
        _use_everything(journal)


@SETTINGS
@given(json_values)
def test_any_json_as_an_import(data: Any) -> None:
    _check_import(data)


@SETTINGS
@given(
    st.sampled_from(
        [
            *("tried", "favourites", "quiz_results", "quiz_progress", "little_things"),
            *("dates", "settings", "schema", "format"),
        ]
    ),
    json_values,
    st.none() | st.integers(min_value=0, max_value=7),
)
def test_an_export_with_any_value_in_any_place(field: str, value: Any, index: int | None) -> None:
    _check_import(_export_with(field, value, index))


@SETTINGS
@given(
    st.binary(max_size=300)
    | st.builds(lambda b: b'{"format": "micromance-export", ' + b, st.binary(max_size=80))
)
def test_any_bytes_as_an_import_file(raw: bytes) -> None:
    with scratch() as path:
        source = path.parent.parent / "import.json"
        source.write_bytes(raw)
        try:
            data = read_import_file(source)
        except CliError as exc:
            assert "\n" not in str(exc)
            return
        _check_import(data)


# -- export then import --------------------------------------------------------------------

notes = st.text(max_size=40) | st.sampled_from(
    ["line one\r\nline two", "esc \x1b[2J", "tab\tand\nnewline", "🤗 café", "=1+1", " pad "]
)
legacy_tried = st.fixed_dictionaries(
    {
        "gesture": st.sampled_from(["good-morning-text", "hug-after-long-day", "other-idea"]),
        "date": st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 11, 25)).map(
            date.isoformat
        ),
    },
    optional={
        "time": st.sampled_from(["", "9:05", "23:59", "00:00", None]),
        "note": notes | st.none(),
        "reaction": st.sampled_from([None, True, False, 1, 3, 5]),
        "for_whom": st.sampled_from(["partner", "me", "", None]),
        "created": st.sampled_from([None, "", "2026-01-01T10:00:00"]),
    },
)


@SETTINGS
@given(st.lists(legacy_tried, max_size=8), st.lists(st.sampled_from(["a", "b", "c-d"]), max_size=4))
def test_export_then_import_of_any_journal_the_app_reads_is_the_identity(
    entries: list[dict[str, Any]], favourites: list[str]
) -> None:
    with scratch() as path:
        tried = {str(i + 1): {"id": f"e{i}", **doc} for i, doc in enumerate(entries)}
        favs = {str(i + 1): {"gesture": g} for i, g in enumerate(favourites)}
        data = {"meta": {"1": {"schema": 2}}, "tried": tried, "favourites": favs}
        path.parent.mkdir(parents=True)
        path.write_bytes(dumps(data))
        with Journal.open(path, clock=fixed_clock(NOW)) as journal:
            readable = journal.tried()
            assert journal.problems() == [] or any(
                len(doc.get("note") or "") > 2000 for doc in entries
            )
            text = export_text(journal)
            assert len(text.encode()) <= EXPORT_GROWTH * max(len(path.read_bytes()), 200)
        source = path.parent.parent / "export.json"
        source.write_text(text, encoding="utf-8")
        with Journal.open(path.parent.parent / "fresh" / "journal.json") as fresh:
            fresh.import_data(read_import_file(source))
            again = json.loads(export_text(fresh))
            first = json.loads(text)
            for key in ("exported",):
                again.pop(key), first.pop(key)
            assert again == first
            assert fresh.tried() == readable


def test_export_growth_of_the_smallest_entries_stays_under_the_bound(tmp_path: Path) -> None:
    """The worst case for EXPORT_GROWTH: entries with only the fields a journal needs."""
    path = tmp_path / "journal.json"
    smallest = {
        "tried": {str(i): {"id": f"{i}", "gesture": "a", "date": "2026-01-01"} for i in range(500)},
        "quiz_results": {
            str(i): {"id": f"{i}", "who": "me", "mode": "classic", "taken": "2026-01-01"}
            for i in range(500)
        },
        "dates": {str(i): {"id": f"{i}", "label": "a", "date": "2026-01-01"} for i in range(500)},
        "little_things": {str(i): {"id": f"{i}", "label": "a", "text": "b"} for i in range(500)},
    }
    for name, table in smallest.items():
        path.write_bytes(dumps({"meta": {"1": {"schema": 2}}, name: table}))
        with Journal.open(path, clock=fixed_clock(NOW)) as journal:
            assert journal.problems() == []
            ratio = len(export_text(journal).encode()) / len(path.read_bytes())
        assert ratio < 3.2, (name, ratio)
    assert ratio <= EXPORT_GROWTH
