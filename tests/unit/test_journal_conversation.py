"""The journal's records for conversation prompts (asked, favourites) and weekly check-ins,
and their place in export and import."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from micromance_tui.core.clock import fixed_clock
from micromance_tui.core.journal import (
    CHECKIN_STEPS,
    Journal,
    JournalImportError,
    JournalValueError,
)

NOW = datetime(2026, 11, 25, 20, 15)


def open_journal(path: Path, now: datetime = NOW) -> Journal:
    return Journal.open(path, clock=fixed_clock(now))


def test_asked_prompts_newest_first_and_taken_back(tmp_path: Path) -> None:
    journal = open_journal(tmp_path / "j.json")
    old = journal.add_asked("first-question", on=date(2026, 11, 1))
    new = journal.add_asked("second-question")
    assert new.date == date(2026, 11, 25)
    assert [e.prompt_id for e in journal.asked()] == ["second-question", "first-question"]
    assert [e.id for e in journal.asked(since=date(2026, 11, 20))] == [new.id]
    assert journal.delete_asked(old.id) == old
    assert [e.id for e in open_journal(tmp_path / "j.json").asked()] == [new.id]


def test_asked_refuses_a_future_day_and_a_bad_id(tmp_path: Path) -> None:
    journal = open_journal(tmp_path / "j.json")
    with pytest.raises(JournalValueError, match="use today"):
        journal.add_asked("q", on=date(2026, 11, 26))
    with pytest.raises(JournalValueError, match="prompt id"):
        journal.add_asked(" q ")
    assert journal.asked() == []


def test_favourite_prompts_toggle(tmp_path: Path) -> None:
    journal = open_journal(tmp_path / "j.json")
    assert journal.toggle_prompt_favourite("a-question") is True
    assert journal.prompt_favourites() == {"a-question"}
    assert journal.toggle_prompt_favourite("a-question") is False
    assert journal.prompt_favourites() == set()
    assert journal.favourites() == set()  # ideas' favourites are separate


def test_checkin_keeps_its_notes(tmp_path: Path) -> None:
    journal = open_journal(tmp_path / "j.json")
    assert journal.last_checkin() is None
    saved = journal.add_checkin(
        {
            "appreciations": "  The soup on Tuesday. ",
            "plan": "Walk on Saturday at 10",
            "was-hard": "",
        },
        started="2026-11-25T19:52:00",
    )
    again = open_journal(tmp_path / "j.json").last_checkin()
    assert again == saved
    assert again.notes == {
        "appreciations": "The soup on Tuesday.",
        "plan": "Walk on Saturday at 10",
    }
    assert again.date == date(2026, 11, 25)
    assert (again.started, again.finished) == ("2026-11-25T19:52:00", "2026-11-25T20:15:00")


def test_checkin_refuses_unknown_steps_and_control_characters(tmp_path: Path) -> None:
    journal = open_journal(tmp_path / "j.json")
    with pytest.raises(JournalValueError, match="notes step 'mood' is not allowed"):
        journal.add_checkin({"mood": "fine"})
    with pytest.raises(JournalValueError, match="control"):
        journal.add_checkin({"plan": "walk\x1b[31m"})
    with pytest.raises(JournalValueError, match="at most 2000"):
        journal.add_checkin({"plan": "x" * 2001})
    assert journal.checkins() == []
    assert set(CHECKIN_STEPS) >= {"appreciations", "went-well", "was-hard", "plan"}


def test_export_and_import_carry_prompts_and_checkins(tmp_path: Path) -> None:
    source = open_journal(tmp_path / "a.json")
    source.add_asked("what-made-you-laugh")
    source.toggle_prompt_favourite("what-made-you-laugh")
    source.add_checkin({"went-well": "Sunday lunch"})
    exported = json.loads(json.dumps(source.export_data()))
    assert [e["prompt"] for e in exported["asked"]] == ["what-made-you-laugh"]
    assert exported["prompt_favourites"] == ["what-made-you-laugh"]
    assert exported["checkins"][0]["notes"] == {"went-well": "Sunday lunch"}

    target = open_journal(tmp_path / "b.json")
    report = target.import_data(exported)
    assert (report.asked, report.prompt_favourites, report.checkins) == (1, 1, 1)
    assert "1 asked question" in str(report) and "1 check-in" in str(report)
    assert target.asked() == source.asked()
    assert target.prompt_favourites() == {"what-made-you-laugh"}
    assert target.checkins() == source.checkins()
    assert target.import_data(exported).total == 0  # twice adds nothing


def test_an_export_without_them_still_imports(tmp_path: Path) -> None:
    data = open_journal(tmp_path / "a.json").export_data()
    for key in ("asked", "prompt_favourites", "checkins"):
        del data[key]
    assert open_journal(tmp_path / "b.json").import_data(data).total == 0


def test_a_bad_checkin_in_an_import_names_the_place_and_changes_nothing(tmp_path: Path) -> None:
    source = open_journal(tmp_path / "a.json")
    source.add_asked("q")
    data = source.export_data()
    data["checkins"] = [
        {
            "id": "c1",
            "date": "2026-11-25",
            "started": "2026-11-25T19:00:00",
            "finished": "2026-11-25T19:20:00",
            "notes": {"plan": 7},
        }
    ]
    target = open_journal(tmp_path / "b.json")
    with pytest.raises(JournalImportError, match=r"checkins\[0\]\.notes\['plan'\]: 7"):
        target.import_data(data)
    assert target.asked() == []
