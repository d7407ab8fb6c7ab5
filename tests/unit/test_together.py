"""Together end to end through the CLI: two data folders and one shared folder in tmp."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from micromance_tui.cli import main
from micromance_tui.core.together.session import (
    MAGIC,
    PAIRING_NAME,
    Together,
    TogetherUsageError,
    _seal_file,
)

REPO = Path(__file__).resolve().parents[2]
NOW = "2026-11-25T09:30"
NOW_DT = datetime.fromisoformat(NOW)
GESTURE = "welcome-home-note"


def _title(gesture_id: str) -> str:
    from micromance_tui.core import paths
    from micromance_tui.core.content import load_library

    return load_library(paths.resolve()).library.gesture_by_id[gesture_id].title


TITLE = _title(GESTURE)


class Couple:
    """Alex and Sam, each with a data folder, sharing one folder."""

    def __init__(self, root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any) -> None:
        self.root = root
        self.shared = root / "shared"
        self.capsys = capsys
        self.monkeypatch = monkeypatch
        self.code = ""

    def data(self, who: str) -> Path:
        return self.root / who

    def run(self, who: str, *args: str, now: str = NOW) -> tuple[int, str, str]:
        self.monkeypatch.setenv("MICROMANCE_NOW", now)
        code = main(["--data-dir", str(self.data(who)), *args])
        out, err = self.capsys.readouterr()
        return code, out, err

    def json(self, who: str, *args: str, now: str = NOW) -> Any:
        code, out, err = self.run(who, *args, now=now)
        assert code == 0, err
        result = json.loads(out)
        if args[:2] == ("together", "init"):
            self.code = result["code"]  # shown once: kept for the tests that join by hand
        return result

    def pair(self) -> None:
        self.json("alex", "together", "init", str(self.shared), "--name", "Alex", "--json")
        code, _, err = self.run(
            "sam", "together", "join", str(self.shared), self.code, "--name", "Sam"
        )
        assert code == 0, err

    def session(self, who: str) -> Together:
        session = Together.load(self.data(who) / "together.json", self.data(who) / "together-git")
        assert session is not None
        return session

    def member_file(self, who: str) -> Path:
        return self.shared / f"{self.session(who).state['member']}.mmt"

    def shared_today(self, who: str, now: str = NOW) -> list[dict[str, Any]]:
        """What ``today --json`` shows from the partner once their file has been read, as the
        app or ``together sync`` reads it (``today`` itself never decrypts it)."""
        code, _, err = self.run(who, "together", "sync", now=now)
        assert code == 0, err
        items: list[dict[str, Any]] = self.json(who, "today", "--json", now=now)["from_partner"]
        return items

    def status(self, who: str) -> dict[str, Any]:
        result: dict[str, Any] = self.json(who, "together", "status", "--json")
        return result


@pytest.fixture
def couple(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any) -> Couple:
    return Couple(tmp_path, capsys, monkeypatch)


@pytest.fixture
def paired(couple: Couple) -> Couple:
    couple.pair()
    return couple


# --------------------------------------------------------------------------- pairing


def test_init_prints_a_code_of_at_least_100_bits_in_typable_groups(couple: Couple) -> None:
    code, out, _ = couple.run("alex", "together", "init", str(couple.shared))
    assert code == 0
    line = next(x.strip() for x in out.splitlines() if x.startswith("    ") and "-" in x)
    groups = line.split("-")
    assert [len(g) for g in groups] == [5, 5, 5, 5, 5]  # 25 base32 characters: 125 bits
    assert f"together join {couple.shared} {line}" in out


def test_wrong_code_is_one_line_and_exit_2(couple: Couple) -> None:
    couple.json("alex", "together", "init", str(couple.shared), "--json")
    code, _out, err = couple.run(
        "sam", "together", "join", str(couple.shared), "00000-00000-00000-00000-00000"
    )
    assert code == 2
    assert err.count("\n") == 1 and "does not match" in err
    assert not (couple.data("sam") / "together.json").exists()
    code, _, err = couple.run("sam", "together", "join", str(couple.shared), "ABC")
    assert code == 2 and "has 3 letters and digits" in err


def test_an_empty_folder_or_a_long_name_is_one_line_and_exit_2(couple: Couple) -> None:
    """Not the current folder by accident: "" is refused, in the shell as in the app."""
    for args in (["init", ""], ["join", " ", "00000-00000-00000-00000-00000"]):
        code, _out, err = couple.run("alex", "together", *args)
        assert (code, err) == (2, "micromance: give the folder you both sync, or a git URL\n")
    code, _out, err = couple.run("alex", "together", "init", str(couple.shared), "--name", "x" * 41)
    assert code == 2 and err.count("\n") == 1 and "use up to 40 plain characters" in err
    assert not (couple.data("alex") / "together.json").exists()
    assert not couple.shared.exists()


def test_code_typed_loosely_still_joins(couple: Couple) -> None:
    code = couple.json("alex", "together", "init", str(couple.shared), "--json")["code"]
    sloppy = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    rc, _, err = couple.run("sam", "together", "join", str(couple.shared), sloppy)
    assert rc == 0, err


def test_join_before_the_folder_has_a_pairing_says_what_to_do(couple: Couple) -> None:
    couple.shared.mkdir()
    code, _, err = couple.run("sam", "together", "join", str(couple.shared), "0" * 25)
    assert code == 1 and "has no pairing yet" in err and err.count("\n") == 1


def test_status_before_and_after_the_partner_joins(couple: Couple) -> None:
    couple.json("alex", "together", "init", str(couple.shared), "--name", "Alex", "--json")
    before = couple.status("alex")
    assert before["partner"] is None and before["problems"] == []
    assert before["folder"] == str(couple.shared) and before["me"] == "Alex"
    stored = (couple.data("alex") / "together.json").read_text()
    assert couple.code not in stored  # only the key derived from it is kept
    assert couple.code.replace("-", "") not in stored


def test_status_json_names_the_partner_and_counts_events(paired: Couple) -> None:
    paired.run("alex", "appreciate", "thank you for the tea")
    status = paired.status("sam")
    assert status["partner"]["name"] == "Alex"
    assert status["partner"]["events"] == 1
    assert status["partner"]["last_update"].startswith("2026-11-25T09:30")


def test_key_and_settings_are_private_and_leave_forgets_them(paired: Couple) -> None:
    state = paired.data("alex") / "together.json"
    assert stat.S_IMODE(state.stat().st_mode) == 0o600
    code, out, _ = paired.run("alex", "together", "leave")
    assert code == 0 and "forgotten" in out
    # Sam's app still holds the key: leaving must not promise that nobody can read it
    assert "nobody can read" not in out and "app can still read it" in " ".join(out.split())
    assert not state.exists()
    code, _, err = paired.run("alex", "inbox")
    assert code == 1 and "not paired yet" in err


def test_a_damaged_settings_file_can_still_be_left(paired: Couple) -> None:
    state = paired.data("alex") / "together.json"
    state.write_text("garbage{", encoding="utf-8")
    code, _, err = paired.run("alex", "together", "status")
    assert code == 1 and "run 'micromance together leave'" in err
    code, out, err = paired.run("alex", "together", "leave")  # what that line says to do
    assert code == 0, err
    assert "forgotten" in out and not state.exists()
    code, _, err = paired.run("alex", "inbox")
    assert code == 1 and "not paired yet" in err


def test_init_twice_is_refused(paired: Couple) -> None:
    code, _, err = paired.run("alex", "together", "init", str(paired.root / "other"))
    assert code == 1 and "already paired" in err


# --------------------------------------------------------------------------- the flows


def test_tried_for_them_reaches_their_today_and_inbox(paired: Couple) -> None:
    paired.run("alex", "tried", GESTURE, "--note", "left it by the kettle")
    today = paired.json("sam", "today", "--json")  # today never decrypts: it says there is news
    assert today["from_partner"] == [] and today["partner_news"] is True
    _, out, _ = paired.run("sam", "today")
    assert "♡ something new from Alex: see it with micromance inbox" in out
    _, out, _ = paired.run("sam", "inbox")
    assert f"Alex did this for you on 2026-11-25: {TITLE}" in out
    assert "react:" in out
    today = paired.json("sam", "today", "--json")  # inbox read it: today shows it
    assert today["partner_news"] is False
    [item] = today["from_partner"]
    assert item["from"] == "Alex" and item["kind"] == "tried"
    assert item["text"] == TITLE
    assert item["note"] == ""  # notes are not shared unless ticked
    _, out, _ = paired.run("sam", "today")
    assert "something new" not in out and f"♡ Alex: {TITLE} (2026-11-25)" in out
    assert f"how did it land? micromance react {item['id'][:8]} 1-5" in out
    paired.run("sam", "react", item["id"][:8], "4")
    _, out, _ = paired.run("sam", "today")
    assert f"♡ Alex: {TITLE} (2026-11-25), you: went well" in out and "how did it" not in out
    _code, out, _ = paired.run("sam", "inbox")
    assert "Nothing new from Alex." in out


def test_the_note_is_shared_only_when_ticked(paired: Couple) -> None:
    paired.run("alex", "together", "share", "notes=on")
    paired.run("alex", "tried", GESTURE, "--note", "left it by the kettle")
    [item] = paired.shared_today("sam")
    assert item["note"] == "left it by the kettle"


def test_reaction_flows_back_as_the_real_answer(paired: Couple) -> None:
    paired.run("alex", "tried", GESTURE)
    [event] = paired.json("sam", "inbox", "--json")
    code, out, err = paired.run("sam", "react", event["id"][:8], "5")
    assert code == 0, err
    assert "loved it" in out
    code, out, _ = paired.run("alex", "inbox")
    assert f"Sam: loved it - {TITLE} (2026-11-25)" in out
    alex = paired.session("alex")
    [entry_id] = alex.reactions_to_me()
    assert alex.reactions_to_me()[entry_id] == 5
    assert paired.shared_today("sam")[0]["reaction"] == 5
    [row] = paired.json("alex", "log", "--json")
    assert row["partner_reaction"] == 5  # beside Alex's own guess (none here)
    _, out, _ = paired.run("alex", "log")
    assert "[Sam: loved it]" in out


def _edit_alex_tried_and_sync(paired: Couple) -> None:
    """Alex starts sharing notes: the tried idea Sam reacted to becomes a new event (an
    edit), which Sam's app then reads."""
    paired.run("alex", "together", "share", "notes=on")
    paired.run("sam", "together", "sync")


def test_a_reaction_survives_the_partner_editing_what_they_did(paired: Couple) -> None:
    paired.run("alex", "tried", GESTURE, "--note", "left it by the kettle")
    [event] = paired.json("sam", "inbox", "--json")
    paired.run("sam", "react", event["id"][:8], "5")
    _edit_alex_tried_and_sync(paired)
    [item] = paired.json("sam", "today", "--json")["from_partner"]
    assert item["id"] != event["id"] and item["note"] == "left it by the kettle"
    # Sam already said how it landed: the card must not ask again as if Sam had not.
    assert item["reaction"] == 5
    assert paired.session("sam").my_reactions()[item["id"]] == 5


def test_the_partners_newest_reaction_wins_across_versions(paired: Couple) -> None:
    paired.run("alex", "tried", GESTURE, "--note", "left it by the kettle")
    [event] = paired.json("sam", "inbox", "--json")
    paired.run("sam", "react", event["id"][:8], "5")
    _edit_alex_tried_and_sync(paired)
    [edited] = [e for e in paired.json("sam", "inbox", "--json") if e["kind"] == "tried"]
    code, _, err = paired.run("sam", "react", edited["id"][:8], "2", now="2026-11-25T10:30")
    assert code == 0, err
    paired.run("alex", "together", "sync", now="2026-11-25T10:31")
    [row] = paired.json("alex", "log", "--json")
    assert row["partner_reaction"] == 2  # Sam's second thought, not the first


def test_react_with_an_unknown_id_is_one_line_exit_2(paired: Couple) -> None:
    code, _, err = paired.run("sam", "react", "abcdef12", "5")
    assert code == 2 and "nothing from Alex" in err and err.count("\n") == 1


def test_react_to_an_appreciation_says_what_it_is_not_that_there_is_nothing(
    paired: Couple,
) -> None:
    paired.run("alex", "appreciate", "thanks for the soup")
    [event] = paired.json("sam", "inbox", "--json")
    code, _, err = paired.run("sam", "react", event["id"][:8], "5")
    assert code == 2 and err.count("\n") == 1
    assert "is an appreciation from Alex" in err and "did for you" in err


def test_an_empty_or_too_long_appreciation_says_which(paired: Couple) -> None:
    code, _, err = paired.run("alex", "appreciate", "   ")
    assert code == 2 and err == "micromance: appreciation: the text is empty\n"
    code, _, err = paired.run("alex", "appreciate", "x" * 501)
    assert code == 2
    assert err == "micromance: appreciation: the text has 501 characters; at most 500\n"


def test_appreciation_on_their_today(paired: Couple) -> None:
    code, out, _ = paired.run("sam", "appreciate", "You fixed the bike light, thank you")
    assert code == 0 and "Sent to Alex" in out
    [item] = paired.shared_today("alex")
    assert item["kind"] == "appreciation" and item["from"] == "Sam"
    code, out, _ = paired.run("alex", "today")
    assert "♡ Sam: You fixed the bike light, thank you" in out


def test_little_things_dates_and_quiz_reach_the_partner(paired: Couple) -> None:
    from datetime import date

    from micromance_tui.core.journal import Journal, QuizResult

    paired.run("sam", "together", "about", "Coffee", "oat flat white, no sugar")
    journal = Journal.open(paired.data("sam") / "journal.json")
    journal.add_date("birthday", "Sam's birthday", date(1990, 3, 14))
    journal.add_quiz_result(
        QuizResult("q1", "me", "classic", {"time": 9, "words": 3}, {}, {}, {}, "2026-11-20T10:00")
    )
    journal.close()
    paired.run("sam", "together", "sync")
    _, out, _ = paired.run("alex", "inbox")
    assert "Sam's little thing: Coffee: oat flat white, no sugar" in out
    assert "Sam added a date: Sam's birthday, 1990-03-14" in out
    assert "Sam took the quiz: feels most loved through Quality time" in out


def test_dates_the_partner_added_come_up_on_today(paired: Couple) -> None:
    from datetime import date

    from micromance_tui.core.journal import Journal

    journal = Journal.open(paired.data("sam") / "journal.json")
    journal.add_date("anniversary", "Our first date", date(2019, 11, 28))  # in 3 days
    journal.add_date("birthday", "Alex", date(1991, 11, 27))  # Sam's partner's: Alex's own
    journal.close()
    paired.run("sam", "together", "sync")
    paired.run("alex", "together", "sync")
    upcoming = paired.json("alex", "today", "--json")["upcoming"]
    assert [(u["text"], u["from_partner"]) for u in upcoming] == [
        ("Our first date is in 3 days (from Sam)", True)  # no reminder of Alex's own birthday
    ]
    _, out, _ = paired.run("alex", "today")
    assert "♥ Our first date is in 3 days (from Sam) (Sat 28 Nov)" in out
    # a together.json from before it kept the partner's dates: today reads no big file for
    # them, and the next read (the app, status, inbox) makes them, though nothing changed
    state_file = paired.data("alex") / "together.json"
    state = json.loads(state_file.read_text())
    del state["partner_dates"]
    state_file.write_text(json.dumps(state))
    assert paired.json("alex", "today", "--json")["upcoming"] == []
    paired.status("alex")
    assert len(paired.json("alex", "today", "--json")["upcoming"]) == 1
    journal = Journal.open(paired.data("alex") / "journal.json")
    journal.add_date("anniversary", "First date", date(2019, 11, 28))  # Alex keeps it too
    journal.close()
    upcoming = paired.json("alex", "today", "--json")["upcoming"]
    assert [(u["text"], u["from_partner"]) for u in upcoming] == [
        ("First date is in 3 days", False)
    ]


def test_deleting_or_unsharing_retracts(paired: Couple) -> None:
    from micromance_tui.core.journal import Journal

    paired.run("alex", "tried", GESTURE)
    paired.run("alex", "appreciate", "thanks for the walk")
    assert len(paired.shared_today("sam")) == 2
    journal = Journal.open(paired.data("alex") / "journal.json")
    journal.delete_tried(journal.tried()[0].id)
    journal.close()
    paired.run("alex", "together", "sync")
    assert [i["kind"] for i in paired.shared_today("sam")] == ["appreciation"]
    paired.run("alex", "together", "share", "appreciations=off")
    assert paired.shared_today("sam") == []
    code, _, err = paired.run("alex", "appreciate", "one more")
    assert code == 2 and "appreciations=on" in err


# --------------------------------------------------------------------------- privacy


def test_nothing_readable_in_the_shared_folder(paired: Couple) -> None:
    paired.run("alex", "together", "share", "notes=on")
    paired.run("alex", "tried", GESTURE, "--note", "zebra-crossing kettle")
    paired.run("alex", "appreciate", "marmalade toast morning")
    paired.run("sam", "together", "about", "Flowers", "ranunculus please")
    paired.json("sam", "inbox", "--json")  # both read it all, so it was really shared
    paired.json("alex", "inbox", "--json")
    secrets_written = [
        "Alex", "Sam", "zebra", "kettle", "marmalade", "ranunculus", "Flowers", GESTURE,
        "welcome", "note",
    ]  # fmt: skip
    blobs = b"".join(p.read_bytes() for p in paired.shared.iterdir())
    for word in secrets_written:
        for form in {word, word.lower()}:
            assert form.encode() not in blobs, form
            assert form.encode("utf-16-le") not in blobs, form
    assert "ranunculus" in json.dumps(paired.session("alex").received)  # it did arrive


# --------------------------------------------------------------------------- slow sync


def test_partner_file_arriving_late(couple: Couple) -> None:
    couple.json("alex", "together", "init", str(couple.shared), "--name", "Alex", "--json")
    # Sam pairs through their own copy of the folder, which syncs back later
    sams_copy = couple.root / "sams-copy"
    shutil.copytree(couple.shared, sams_copy)
    rc, _, err = couple.run("sam", "together", "join", str(sams_copy), couple.code, "--name", "Sam")
    assert rc == 0, err
    couple.run("sam", "appreciate", "you remembered my meeting")
    assert couple.status("alex")["partner"] is None
    for f in sams_copy.glob("*.mmt"):  # the sync engine delivers Sam's file
        shutil.copy2(f, couple.shared / f.name)
    assert couple.status("alex")["partner"]["name"] == "Sam"


def test_half_written_file_is_reported_then_read_when_complete(paired: Couple) -> None:
    paired.run("sam", "appreciate", "first")
    assert paired.status("alex")["partner"]["events"] == 1
    journal_before = (paired.data("alex") / "journal.json").read_bytes()
    paired.run("sam", "appreciate", "second")
    full = paired.member_file("sam").read_bytes()
    paired.member_file("sam").write_bytes(full[: len(full) // 2])
    status = paired.status("alex")
    [problem] = status["problems"]
    assert "failed authentication (cut short" in problem
    assert status["partner"]["events"] == 1  # what was read before is kept
    assert (paired.data("alex") / "journal.json").read_bytes() == journal_before
    paired.member_file("sam").write_bytes(full)
    status = paired.status("alex")
    assert status["problems"] == [] and status["partner"]["events"] == 2


def test_status_writes_a_folder_under_home_with_a_tilde(paired: Couple) -> None:
    paired.monkeypatch.setenv("HOME", str(paired.root))
    _code, out, _ = paired.run("alex", "together", "status")
    assert out.splitlines()[0] == "Together through ~/shared, a synced folder"
    assert paired.json("alex", "together", "status", "--json")["folder"] == str(paired.shared)


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(100, "Sam: 1 minute ago"), (3 * 60, "Sam: 3 minutes ago"), (3 * 86400, "Sam: 3 days ago")],
)
def test_when_the_partner_last_wrote_is_counted_in_words(seconds: int, shown: str) -> None:
    from datetime import timedelta

    from micromance_tui.core.together.session import PartnerInfo, Status

    status = Status("/s", False, "Alex", {}, PartnerInfo("Sam", NOW, 3))
    assert status.partner_line(NOW_DT + timedelta(seconds=seconds)) == shown


def test_clock_skew_of_a_day(paired: Couple) -> None:
    tomorrow = "2026-11-26T08:00"
    paired.run("sam", "tried", GESTURE, now=tomorrow)
    paired.run("sam", "appreciate", "a day ahead", now=tomorrow)
    items = paired.shared_today("alex")
    assert {i["kind"] for i in items} == {"tried", "appreciation"}
    assert items[0]["day"] == "2026-11-26"
    _code, out, _ = paired.run("alex", "together", "status")
    assert "Sam: just now" in out  # not "-1 days ago"
    # and Sam, a day ahead, sees Alex's today as yesterday's: still recent
    paired.run("alex", "appreciate", "from yesterday")
    assert len(paired.shared_today("sam", now=tomorrow)) == 1


def test_same_person_on_two_machines_conflict_copies_are_merged_and_tidied(
    paired: Couple,
) -> None:
    # Alex's laptop joins as Alex: the same member, a second device
    rc, out, err = paired.run(
        "alex2", "together", "join", str(paired.shared), paired.code, "--name", "Alex"
    )
    assert rc == 0, err
    assert paired.session("alex2").state["member"] == paired.session("alex").state["member"]
    # said plainly, so a partner who typed the other's name by mistake sees it at once
    assert out.startswith("Joined as another machine of Alex (the name is the same)")
    main_file = paired.member_file("alex")
    paired.run("alex", "appreciate", "from the desktop")
    desktop_version = main_file.read_bytes()
    paired.run("alex2", "appreciate", "from the laptop")  # both wrote the same file at once:
    conflict = main_file.with_name(main_file.stem + ".sync-conflict-20261125-093000-ABCDEFG.mmt")
    conflict.write_bytes(desktop_version)  # Syncthing keeps the loser as a conflict copy
    dropbox = main_file.with_name(main_file.stem + " (Alex's conflicted copy 2026-11-25).mmt")
    dropbox.write_bytes(desktop_version)
    status = paired.status("alex")
    assert any("sync conflict copy of your file; merged" in p for p in status["problems"])
    assert not conflict.exists() and not dropbox.exists()  # tidied up
    texts = {i["text"] for i in paired.shared_today("sam")}
    assert texts == {"from the desktop", "from the laptop"}
    assert paired.status("sam")["partner"]["name"] == "Alex"
    assert paired.status("sam")["problems"] == []


def test_a_data_folder_restored_from_a_backup_keeps_sharing(paired: Couple) -> None:
    alex = paired.data("alex")
    backup = paired.root / "alex-backup"
    paired.run("alex", "appreciate", "before the backup")
    shutil.copytree(alex, backup)
    paired.run("alex", "appreciate", "after the backup")
    shutil.rmtree(alex)
    shutil.copytree(backup, alex)  # Alex restores the data folder (or copies it elsewhere)
    paired.run("alex", "appreciate", "after the restore")
    texts = {e["text"] for e in paired.json("sam", "inbox", "--json")}
    assert texts == {"before the backup", "after the backup", "after the restore"}
    assert paired.status("sam")["problems"] == []  # not taken for a replay
    own = {e.get("text") for e in paired.session("alex").own_events()}
    assert "after the backup" in own  # the restored folder took back what it had sent


@pytest.mark.parametrize(
    "suffix",
    [
        ".sync-conflict-20261125-093000-XYZ4ABC",  # Syncthing
        " (Sam's conflicted copy 2026-11-25)",  # Dropbox
        " (conflicted copy 2026-11-25 093000)",  # Nextcloud
        " 2",  # iCloud Drive
        "-SAMS-LAPTOP",  # OneDrive
    ],
)
def test_a_conflict_copy_of_the_partners_file_is_merged(paired: Couple, suffix: str) -> None:
    """Any other copy of a member's file, whatever the sync engine named it, is read,
    authenticated like the file itself, and merged by event id."""
    main_file = paired.member_file("sam")
    paired.run("sam", "appreciate", "one")
    older = main_file.read_bytes()
    paired.run("sam", "appreciate", "two")
    newer = main_file.read_bytes()
    main_file.write_bytes(older)  # the engine kept the older one under the file's own name
    main_file.with_name(main_file.stem + suffix + ".mmt").write_bytes(newer)
    status = paired.status("alex")
    assert status["partner"]["events"] == 2  # "two" is only in the copy
    [problem] = status["problems"]
    assert "a sync conflict copy of Sam's file; merged" in problem


def test_a_third_member_is_named_and_the_way_back_is_said(paired: Couple) -> None:
    paired.run("sam", "appreciate", "before the new laptop")
    assert paired.status("alex")["partner"]["events"] == 1
    paired.run("sam", "together", "leave")
    rc, _, err = paired.run(
        "sam", "together", "join", str(paired.shared), paired.code, "--name", "Samantha"
    )
    assert rc == 0, err
    stray = paired.member_file("sam")
    [problem] = paired.status("alex")["problems"]
    assert problem == (
        f"{stray.name}: a third member (Samantha) in a folder for two; ignored. If that is "
        "Sam on a new machine, join again there as Sam and delete this file"
    )
    paired.run("sam", "together", "leave")  # doing what it says
    rc, out, err = paired.run(
        "sam", "together", "join", str(paired.shared), paired.code, "--name", "Sam"
    )
    assert rc == 0, err
    assert "Joined as another machine of Sam" in out
    paired.run("sam", "appreciate", "back as myself")
    stray.unlink()
    status = paired.status("alex")
    assert status["problems"] == [] and status["partner"]["events"] == 2


# --------------------------------------------------------------------------- hostile files


def _sam_body(paired: Couple, events: list[Any], counter: int = 10_000) -> dict[str, Any]:
    sam = paired.session("sam")
    return {
        "couple": sam.state["couple"],
        "member": sam.state["member"],
        "device": sam.state["device"],
        "counter": counter,
        "written": "2026-11-25T09:00:00",
        "name": "Sam",
        "events": events,
    }


def _write_as_sam(paired: Couple, events: list[Any], counter: int = 10_000) -> None:
    sam = paired.session("sam")
    blob = _seal_file(
        sam.key, sam.state["couple"], sam.state["member"], _sam_body(paired, events, counter)
    )
    paired.member_file("sam").write_bytes(blob)


def _hostile_check(paired: Couple, expected: str) -> dict[str, Any]:
    journal = paired.data("alex") / "journal.json"
    before = journal.read_bytes()
    status = paired.status("alex")
    matching = [p for p in status["problems"] if expected in p]
    assert len(matching) == 1, status["problems"]
    assert all("\n" not in p for p in status["problems"])
    assert journal.read_bytes() == before
    for args in (["inbox"], ["today"], ["together", "status"]):  # never crashes
        code, _, err = paired.run("alex", *args)
        assert code == 0, err
    return status


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (lambda b: b[:-7], "failed authentication"),
        (lambda b: os.urandom(len(b)), "not a micromance Together file"),
        (lambda b: b"", "empty (still arriving?)"),
        (lambda b: MAGIC + bytes([2]) + b[5:], "written by a newer micromance (format 2"),
        (lambda b: b[:5] + bytes([b[5] ^ 1]) + b[6:], "failed authentication"),
    ],
    ids=["truncated", "random", "empty", "newer", "bit-flip"],
)
def test_damaged_partner_file(paired: Couple, damage: Any, expected: str) -> None:
    paired.run("sam", "appreciate", "kept safe")
    paired.status("alex")
    f = paired.member_file("sam")
    f.write_bytes(damage(f.read_bytes()))
    status = _hostile_check(paired, expected)
    assert status["partner"]["events"] == 1  # what arrived before is still there


def test_another_couples_valid_file(paired: Couple, tmp_path: Path) -> None:
    other = Couple(tmp_path / "other", paired.capsys, paired.monkeypatch)
    other.pair()
    other.run("sam", "appreciate", "not for you")
    shutil.copy(other.member_file("sam"), paired.member_file("sam"))
    _hostile_check(paired, "failed authentication")
    assert "not for you" not in json.dumps(paired.session("alex").received)


def test_replay_of_an_old_file(paired: Couple) -> None:
    paired.run("sam", "appreciate", "one")
    old = paired.member_file("sam").read_bytes()
    paired.run("sam", "appreciate", "two")
    paired.status("alex")
    paired.member_file("sam").write_bytes(old)
    _hostile_check(paired, "a replay or a restored backup; ignored")


def test_markup_and_terminal_escapes_in_events(paired: Couple) -> None:
    good = {"id": "a" * 24, "kind": "appreciation", "at": "2026-11-25T09:00:00"}
    _write_as_sam(
        paired,
        [
            {**good, "text": "[bold red]loud[/] and [link=http://x]y[/link]"},
            {**good, "id": "b" * 24, "text": "clear\x1b]0;owned\x07 \x1b[2J"},
            {**good, "id": "c" * 24, "text": "\u202eevil"},
            {"id": "d" * 24, "kind": "tried", "at": "x"},
            "not even an object",
        ],
    )
    status = _hostile_check(paired, "4 events skipped")
    assert status["partner"]["events"] == 1
    _code, out, _ = paired.run("alex", "today")
    assert "[bold red]loud[/] and [link=http://x]y[/link]" in out  # shown as text
    assert "\x1b" not in out


def test_100k_events_is_refused_in_one_line(paired: Couple) -> None:
    event = {"kind": "appreciation", "at": "2026-11-25T09:00:00", "text": "x"}
    _write_as_sam(paired, [{**event, "id": f"{i:024x}"} for i in range(100_000)])
    _hostile_check(paired, "100000 events, more than the 50000 a file may hold")


def test_a_file_claiming_another_member_in_its_contents(paired: Couple) -> None:
    sam = paired.session("sam")
    body = _sam_body(paired, [])
    body["member"] = paired.session("alex").state["member"]  # pretends to be Alex
    blob = _seal_file(sam.key, sam.state["couple"], sam.state["member"], body)
    paired.member_file("sam").write_bytes(blob)
    _hostile_check(paired, "made for another couple or member")


def test_a_damaged_pairing_file_at_join(couple: Couple) -> None:
    couple.json("alex", "together", "init", str(couple.shared), "--json")
    (couple.shared / PAIRING_NAME).write_text("{not json", encoding="utf-8")
    code, _, err = couple.run("sam", "together", "join", str(couple.shared), couple.code)
    assert code == 1 and "not a readable pairing file" in err and err.count("\n") == 1


def test_missing_shared_folder_is_a_problem_not_a_crash(paired: Couple) -> None:
    paired.run("sam", "appreciate", "before the unmount")
    assert paired.status("alex")["partner"]["events"] == 1
    shutil.rmtree(paired.shared)
    code, out, err = paired.run("alex", "together", "status")
    assert code == 0, err
    assert "is missing" in out
    today = paired.json("alex", "today", "--json")  # from what was read before
    [item] = today["from_partner"]
    assert item["text"] == "before the unmount" and today["partner_news"] is False


# --------------------------------------------------------------------------- git transport


def _git(*args: str, cwd: Path | None = None) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_git_remote_that_is_not_there_says_why_in_one_line(
    couple: Couple, tmp_path: Path
) -> None:
    code, _, err = couple.run("alex", "together", "init", f"file://{tmp_path}/nowhere.git")
    assert code == 1 and err.count("\n") == 1
    # git's own first complaint, not the tail of its advice ("and the repository exists.")
    assert "does not appear to be a git repository" in err


def test_git_remote_as_the_shared_folder(couple: Couple, tmp_path: Path) -> None:
    bare = tmp_path / "remote.git"
    _git("init", "--bare", "--quiet", str(bare))
    url = f"file://{bare}"
    couple.json("alex", "together", "init", url, "--name", "Alex", "--json")
    rc, out, err = couple.run("sam", "together", "join", url, couple.code, "--name", "Sam")
    assert rc == 0, err
    assert "You and Alex" in out
    rc, out, _ = couple.run("sam", "appreciate", "sent through git")
    # with git it waits in the local clone: the message must not claim it was sent
    assert out.startswith("Ready for Alex: sent through git\n") and "together sync" in out
    assert couple.status("alex")["partner"] is None  # not pulled yet
    rc, out, err = couple.run("sam", "together", "sync")
    assert rc == 0, err + out
    rc, out, err = couple.run("alex", "together", "sync")
    assert rc == 0, err + out
    status = couple.status("alex")
    assert status["transport"] == "git" and status["partner"]["name"] == "Sam"
    [item] = couple.shared_today("alex")
    assert item["text"] == "sent through git"
    couple.run("alex", "appreciate", "and back")
    couple.run("alex", "together", "sync")
    couple.run("sam", "together", "sync")
    [item] = couple.shared_today("sam")
    assert item["text"] == "and back"
    assert (couple.data("alex") / "together-git" / ".git").is_dir()
    couple.run("alex", "together", "leave")
    assert not (couple.data("alex") / "together-git").exists()


# --------------------------------------------------------------------------- start-up cost


LAZY = """
import sys
from micromance_tui.cli import main
code = main(sys.argv[1:])
print("MODULES:" + " ".join(sorted(sys.modules)))
sys.exit(code)
"""


def _modules(data: Path, *args: str) -> set[str]:
    """The modules a fresh ``micromance ARGS`` process has imported by its end."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "MICROMANCE_DATA_DIR": str(data)}
    proc = subprocess.run(
        [sys.executable, "-c", LAZY, *args], capture_output=True, text=True, env=env, check=False
    )
    assert proc.returncode == 0, proc.stderr
    return set(proc.stdout.strip().splitlines()[-1].removeprefix("MODULES:").split())


def _crypto_imported(data: Path, *args: str) -> bool:
    return any(m.startswith("cryptography") for m in _modules(data, *args))


def test_today_imports_only_what_it_uses(paired: Couple) -> None:
    """What a plain ``today`` never needs, paired or not: the lock (it writes nothing), the
    export code, uuid (no new id) and the crypto. Each costs a share of its start-up budget
    (benchmarks/bench_startup.py)."""
    unneeded = {"filelock", "micromance_tui.core.journal.transfer", "uuid", "cryptography"}
    for data in (paired.root / "unpaired", paired.data("alex")):
        paired.run(data.name, "today")  # the day's first run may write; the next ones do not
        assert _modules(data, "today") & unneeded == set()


def test_today_imports_the_crypto_library_only_when_needed(paired: Couple) -> None:
    assert not _crypto_imported(paired.root / "unpaired", "today")
    paired.run("alex", "today")
    assert not _crypto_imported(paired.data("alex"), "today", "--json")
    paired.run("sam", "appreciate", "new")  # news: left for the app, inbox or sync to read
    assert not _crypto_imported(paired.data("alex"), "today", "--json")
    from micromance_tui.core.journal import Journal

    # something of Alex's to share that was never written (say the app was killed first):
    # today writes it, which needs the crypto, and reads Sam's file on the way
    journal = Journal.open(paired.data("alex") / "journal.json")
    journal.add_tried(GESTURE, on=NOW_DT.date())
    journal.close()
    assert _crypto_imported(paired.data("alex"), "today", "--json")
    today = paired.json("alex", "today", "--json")
    assert today["partner_news"] is False and today["from_partner"][0]["text"] == "new"
    assert len(paired.shared_today("sam")) == 1  # Alex's idea reached Sam


def test_today_writing_ours_keeps_what_our_other_machine_wrote(paired: Couple) -> None:
    """today writes our file only when something of ours was never written; it reads our
    file first, so an event our laptop put there is kept, not overwritten."""
    from micromance_tui.core.journal import Journal

    rc, _, err = paired.run(
        "alex2", "together", "join", str(paired.shared), paired.code, "--name", "Alex"
    )
    assert rc == 0, err
    paired.run("alex2", "appreciate", "from the laptop")  # into Alex's file
    journal = Journal.open(paired.data("alex") / "journal.json")
    journal.add_tried(GESTURE, on=NOW_DT.date())  # never written (the app was stopped)
    journal.close()
    paired.run("alex", "today")  # writes Alex's file from the desktop
    texts = {i["text"] for i in paired.shared_today("sam")}
    assert texts == {"from the laptop", TITLE}


def test_today_news_is_the_partners_file_only(paired: Couple) -> None:
    paired.run("alex", "together", "sync")  # Alex has read Sam's file: Sam is the partner
    paired.run("alex2", "together", "join", str(paired.shared), paired.code, "--name", "Al")
    paired.run("alex2", "appreciate", "a third member's file changes")
    assert paired.json("alex", "today", "--json")["partner_news"] is False
    sam_file = paired.member_file("sam")
    sam_file.with_name(sam_file.stem + " 2.mmt").write_bytes(sam_file.read_bytes())
    assert paired.json("alex", "today", "--json")["partner_news"] is True  # a copy of theirs
    paired.run("alex", "together", "sync")
    assert paired.json("alex", "today", "--json")["partner_news"] is False
    (paired.shared / (sam_file.stem + " 2.mmt")).unlink()  # a file gone is nothing to read
    assert paired.json("alex", "today", "--json")["partner_news"] is False


def test_a_copy_of_our_file_is_deleted_only_once_read_whole(paired: Couple) -> None:
    paired.run("alex", "appreciate", "one")
    ours = paired.member_file("alex")
    whole = ours.read_bytes()
    cut = ours.with_name(ours.stem + " 2.mmt")
    cut.write_bytes(whole[: len(whole) // 2])  # still arriving, or damaged
    good = ours.with_name(ours.stem + "-LAPTOP.mmt")
    good.write_bytes(whole)
    status = paired.status("alex")
    assert any(p.startswith(cut.name) and "failed authentication" in p for p in status["problems"])
    assert cut.exists()  # never read, so never deleted
    assert not good.exists()  # read whole and merged: tidied away


def test_damaged_reactions_in_together_json_are_left_out(paired: Couple) -> None:
    paired.run("alex", "tried", GESTURE)
    [event] = paired.json("sam", "inbox", "--json")
    paired.run("sam", "react", event["id"][:8], "5")
    paired.run("alex", "together", "sync")
    state_file = paired.data("alex") / "together.json"
    state = json.loads(state_file.read_text())
    [entry_id] = state["landed"]
    state["landed"] = {entry_id: "5", "other": 7}  # edited by hand
    state_file.write_text(json.dumps(state))
    assert paired.session("alex").reactions_to_me() == {}
    code, out, err = paired.run("alex", "log")
    assert code == 0, err
    assert "[Sam:" not in out  # no reaction that is not one


def test_a_reaction_to_something_that_is_not_a_tried_idea_is_harmless(paired: Couple) -> None:
    paired.run("alex", "appreciate", "thanks")
    [appreciation] = [e for e in paired.session("alex").own_events()]
    _write_as_sam(
        paired,
        [
            {
                "id": "e" * 24,
                "kind": "react",
                "at": "2026-11-25T09:00:00",
                "to": appreciation["id"],
                "reaction": 1,
            }
        ],
    )
    code, out, err = paired.run("alex", "inbox")
    assert code == 0, err
    assert "Sam: fell flat - something you did" in out


# --------------------------------------------------------------------------- daily question


class _Prompt:
    def __init__(self, id: str, text: str) -> None:
        self.id, self.text, self.follow_up = id, text, ""


PROMPTS = [_Prompt(f"q-{i:02d}", f"Question number {i}?") for i in range(40)]


def test_both_get_the_same_question_each_day_and_it_changes(paired: Couple) -> None:
    from datetime import date, timedelta

    alex, sam = paired.session("alex"), paired.session("sam")
    days = [date(2026, 11, 1) + timedelta(days=n) for n in range(30)]
    alex_picks = [alex.question(d, PROMPTS) for d in days]
    assert alex_picks == [sam.question(d, list(reversed(PROMPTS))) for d in days]
    assert len({p.id for p in alex_picks if p}) > 10  # not the same question every day
    other = Couple(paired.root / "other", paired.capsys, paired.monkeypatch)
    other.pair()
    assert [other.session("alex").question(d, PROMPTS) for d in days] != alex_picks


def test_answers_are_revealed_only_when_both_answered(paired: Couple) -> None:
    from datetime import date

    day = date(2026, 11, 25)
    alex = paired.session("alex")
    asked = alex.question(day, PROMPTS)
    assert asked is not None
    alex.answer(day, asked.id, "The walk by the river")
    paired.run("alex", "together", "sync")
    sam = paired.session("sam")
    sam.exchange(None, None, NOW_DT)
    [row] = sam.questions(PROMPTS)
    assert row.question == asked.text and row.they_answered and row.theirs is None
    assert row.mine is None
    sam.answer(day, asked.id, "Your laugh at the bus stop")
    sam.exchange(None, None, NOW_DT)
    [row] = sam.questions(PROMPTS)
    assert (row.mine, row.theirs) == ("Your laugh at the bus stop", "The walk by the river")
    alex = paired.session("alex")
    alex.exchange(None, None, NOW_DT)
    [row] = alex.questions(PROMPTS)
    assert (row.mine, row.theirs) == ("The walk by the river", "Your laugh at the bus stop")
    alex.answer(day, asked.id, "On second thought: the pancakes")
    alex.exchange(None, None, NOW_DT)
    [row] = alex.questions(PROMPTS)
    assert row.mine == "On second thought: the pancakes"  # a new answer replaces the old


def test_answers_are_not_shared_when_that_is_off(paired: Couple) -> None:
    from datetime import date

    paired.run("alex", "together", "share", "answers=off")
    alex = paired.session("alex")
    with pytest.raises(TogetherUsageError):
        alex.answer(date(2026, 11, 25), "q-01", "private")


def test_a_relative_folder_is_remembered_absolute(
    couple: Couple, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(couple.root)
    couple.json("alex", "together", "init", "shared", "--json")
    monkeypatch.chdir("/")
    assert couple.status("alex")["folder"] == str(couple.shared.resolve())
    assert couple.status("alex")["problems"] == []


def test_daily_question_through_the_cli(paired: Couple) -> None:
    alex = paired.json("alex", "question", "--json")
    sam = paired.json("sam", "question", "--json")
    assert alex["question"] == sam["question"] and alex["question"]["text"]
    assert alex["mine"] is None and not alex["they_answered"]
    code, out, err = paired.run("alex", "question", "--answer", "The walk by the river")
    assert code == 0, err
    assert "Sam has not answered yet" in out
    sam = paired.json("sam", "question", "--json")
    assert sam["they_answered"] and sam["theirs"] is None  # not before Sam answers
    _, out, _ = paired.run("sam", "question")
    assert "Alex has answered." in out and "The walk by the river" not in out
    paired.run("sam", "question", "--answer", "Your laugh at the bus stop")
    alex = paired.json("alex", "question", "--json")
    assert (alex["mine"], alex["theirs"]) == ("The walk by the river", "Your laugh at the bus stop")
    tomorrow = paired.json("alex", "question", "--json", "--history", now="2026-11-26T08:00")
    assert tomorrow["mine"] is None
    [past] = tomorrow["history"]
    assert past["date"] == "2026-11-25" and past["theirs"] == "Your laugh at the bus stop"
    _, out, _ = paired.run("alex", "question", "--history")
    assert "you: The walk by the river" in out and "Sam: Your laugh at the bus stop" in out


def test_today_weighs_by_the_partners_own_quiz(paired: Couple) -> None:
    from micromance_tui.core.journal import Journal, QuizResult

    for n, gesture in enumerate(["bring-them-coffee", GESTURE, "good-morning-text"]):
        paired.run("alex", "tried", gesture, "--date", f"2026-11-1{n}")  # past a first idea
    before = paired.json("alex", "today", "--json")["idea"]
    weighed = ("ranks high in", "top one")  # the two reasons a profile gives
    assert not any(w in before["reason"] for w in weighed)
    journal = Journal.open(paired.data("sam") / "journal.json")
    journal.add_quiz_result(
        QuizResult("q1", "me", "classic", {"time": 12, "words": 0}, {}, {}, {}, "2026-11-20T10:00")
    )
    journal.close()
    paired.run("sam", "together", "sync")
    paired.run("alex", "together", "sync")
    after = paired.json("alex", "today", "--json")["idea"]
    assert any(w in after["reason"] for w in weighed), after  # Sam's own profile weighs it
