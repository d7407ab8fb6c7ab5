"""The command line: exit codes, messages, the headless commands, and import hygiene."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from micromance_tui.cli import main
from micromance_tui.core import paths as paths_mod
from micromance_tui.core.journal.records import TriedEntry, limit
from tests.contentkit import make_content

REPO = Path(__file__).resolve().parents[2]
NOW = "2026-11-25T09:30"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MICROMANCE_NOW", NOW)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.startswith("micromance 0.") and "Textual 8." in out


@pytest.mark.parametrize("command", ["check", "today", "tried", "log", "export", "import", "apart"])
def test_every_command_has_help(capsys: pytest.CaptureFixture[str], command: str) -> None:
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    assert f"usage: micromance {command}" in capsys.readouterr().out


def test_bad_arguments_exit_2_with_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["log", "--json", "--csv"])
    assert info.value.code == 2
    assert "usage: micromance log" in capsys.readouterr().err


def test_check_shipped_content(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check")
    assert code == 0, out
    assert "Content OK" in out
    assert "by main love language: words" in out


def test_check_reports_each_error_with_location(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "mine.yaml"
    bad.write_text('- id: Bad_Id\n  title: "t"\n', encoding="utf-8")
    code, out, err = run(capsys, "check", str(bad))
    assert code == 1
    lines = out.strip().splitlines()
    assert any(line.startswith(f"{bad}:1:7: id 'Bad_Id' is not kebab-case") for line in lines)
    assert any("missing the required key 'summary'" in line for line in lines)
    assert "errors found" in err and "(s)" not in err


def test_check_counts_the_users_own_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    cfg = tmp_path / "cfg"
    (cfg / "gestures").mkdir(parents=True)
    (cfg / "gestures" / "broken.yaml").write_text("- id: [\n", encoding="utf-8")
    code, out, _ = run(capsys, "--config-dir", str(cfg), "check")
    assert code == 1
    assert f"{cfg}/gestures/broken.yaml:" in out


def test_path_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MICROMANCE_DATA_DIR", str(tmp_path / "env-data"))
    assert paths_mod.resolve().data_dir == tmp_path / "env-data"
    assert paths_mod.resolve(data_dir=tmp_path / "flag").data_dir == tmp_path / "flag"
    monkeypatch.delenv("MICROMANCE_DATA_DIR")
    monkeypatch.delenv("MICROMANCE_CONFIG_DIR")
    default = paths_mod.resolve()
    assert default.data_dir.name == "micromance"
    assert default.journal_file.name == "journal.json"
    assert default.user_gestures_dir == default.config_dir / "gestures"


def test_data_dir_flag_is_used(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "tried", "good-morning-text", "--data-dir", str(tmp_path / "d"))
    assert code == 0, out
    assert (tmp_path / "d" / "journal.json").is_file()


def test_today_is_stable_and_fits_a_shell(capsys: pytest.CaptureFixture[str]) -> None:
    code, first, _ = run(capsys, "today")
    assert code == 0
    _, second, _ = run(capsys, "today")
    assert first == second
    lines = first.strip().splitlines()
    assert lines[0].startswith("Today's idea: ")
    assert 3 <= len(lines) <= 6
    assert all(len(line) <= 110 for line in lines)


def test_today_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "today", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["date"] == "2026-11-25"
    assert data["idea"]["id"] and data["idea"]["language"] in {
        "words",
        "service",
        "gifts",
        "time",
        "touch",
    }


def test_today_mentions_a_date_within_a_week(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from micromance_tui.core.journal import Journal

    journal = Journal.open(paths_mod.resolve().journal_file)
    journal.set_partner_name("Sam")
    journal.add_date("birthday", "Birthday", date(1990, 12, 1), yearly=True)
    code, out, _ = run(capsys, "today")
    assert code == 0
    assert "Sam's birthday is in 6 days (Tue 1 Dec)" in out


def test_tried_then_log(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "tried", "hug-after-long-day", "--note", "they laughed", "--reaction", "5"
    )
    assert code == 0
    assert out.startswith("Logged: ") and "2026-11-25" in out and "loved it" in out
    code, out, _ = run(capsys, "tried", "good-morning-text", "--date", "2026-11-20")
    assert code == 0
    code, out, _ = run(capsys, "log")
    lines = out.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("2026-11-25") and "they laughed" in lines[0]
    assert lines[1].startswith("2026-11-20")


def test_tried_twice_on_one_day_needs_again(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "tried", "hug-after-long-day")[0] == 0
    code, out, err = run(capsys, "tried", "hug-after-long-day", "--note", "once more")
    assert code == 2 and out == ""
    assert err.strip().splitlines() == [
        "micromance: 'hug-after-long-day' is already logged today; "
        "add --again to log it a second time"
    ]
    # another day is not a repeat, and --again logs the second one on purpose
    assert run(capsys, "tried", "hug-after-long-day", "--date", "2026-11-24")[0] == 0
    code, _, err = run(capsys, "tried", "hug-after-long-day", "--date", "2026-11-24")
    assert code == 2 and "already logged for 2026-11-24" in err
    assert run(capsys, "tried", "hug-after-long-day", "--again")[0] == 0
    _, out, _ = run(capsys, "log")
    assert len(out.strip().splitlines()) == 3


def test_tried_help_names_again(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["tried", "--help"])
    assert "--again" in capsys.readouterr().out


def test_tried_unknown_id_suggests(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "tried", "hug-after-long-dya")
    assert code == 2
    assert "no idea has the id 'hug-after-long-dya'" in err
    assert "did you mean: hug-after-long-day" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--reaction", "7"], "reaction '7' is not allowed: use a whole number from 1 to 5"),
        (["--reaction", "great"], "reaction 'great' is not allowed"),
        (["--date", "2026-13-01"], "date '2026-13-01' is not a date: use YYYY-MM-DD"),
        (["--date", "2026-12-01"], "date 2026-12-01 is in the future"),
    ],
)
def test_tried_bad_values_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, _, err = run(capsys, "tried", "good-morning-text", *args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    _, out, _ = run(capsys, "log")
    assert out.strip() == "Nothing logged yet."


def test_tried_where_shows_in_log_json_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(
        capsys, "tried", "good-morning-text", "--where", "  the kitchen  ", "--note", "tea"
    )
    assert code == 0
    run(capsys, "tried", "hug-after-long-day", "--date", "2026-11-24")
    _, out, _ = run(capsys, "log")
    first, second = out.strip().splitlines()
    assert "@ the kitchen" in first and "tea" in first
    assert "@" not in second  # no place given, none shown
    _, out, _ = run(capsys, "log", "--json")
    assert [r["where"] for r in json.loads(out)] == ["the kitchen", ""]
    _, out, _ = run(capsys, "log", "--csv")
    assert [r["where"] for r in csv.DictReader(io.StringIO(out))] == ["the kitchen", ""]


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("x" * (limit(TriedEntry, "where") + 1), "use at most"),
        ("the\x1b[2Jkitchen", "control"),
    ],
)
def test_tried_bad_where_exit_2_saves_nothing(
    capsys: pytest.CaptureFixture[str], where: str, message: str
) -> None:
    code, out, err = run(capsys, "tried", "good-morning-text", "--where", where)
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "where" in lines[0] and message in lines[0], lines
    assert "\x1b" not in err  # the bad value is shown escaped, never sent to the terminal
    _, out, _ = run(capsys, "log")
    assert out.strip() == "Nothing logged yet."


def test_log_since_json_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "tried", "good-morning-text", "--date", "2026-11-01", "--note", 'a, "b"')
    run(capsys, "tried", "hug-after-long-day", "--date", "2026-11-24")
    _, out, _ = run(capsys, "log", "--since", "2026-11-10", "--json")
    rows = json.loads(out)
    assert [r["gesture_id"] for r in rows] == ["hug-after-long-day"]
    assert rows[0]["title"]
    _, out, _ = run(capsys, "log", "--csv")
    parsed = list(csv.DictReader(io.StringIO(out)))
    assert [r["date"] for r in parsed] == ["2026-11-24", "2026-11-01"]
    assert parsed[1]["note"] == 'a, "b"'


def test_export_import_round_trip(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run(capsys, "tried", "good-morning-text", "--note", "first")
    target = tmp_path / "backup.json"
    code, out, _ = run(capsys, "export", str(target))
    assert code == 0 and target.is_file()
    code, _, err = run(capsys, "export", str(target))
    assert code == 1 and "already exists" in err
    other = tmp_path / "other-data"
    code, out, _ = run(capsys, "--data-dir", str(other), "import", str(target))
    assert code == 0
    code, out, _ = run(capsys, "--data-dir", str(other), "import", str(target))
    assert code == 0
    _, out, _ = run(capsys, "--data-dir", str(other), "log", "--json")
    assert [r["note"] for r in json.loads(out)] == ["first"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b'{"format": "something-else"}', "nothing was imported"),
        (b"\xff\xfe\x00", "not text"),
    ],
)
def test_bad_import_changes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, message: str
) -> None:
    run(capsys, "tried", "good-morning-text")
    journal_file = paths_mod.resolve().journal_file
    before = journal_file.read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    code, _, err = run(capsys, "import", str(bad))
    assert code == 1
    assert message in err
    assert journal_file.read_bytes() == before


def test_corrupt_journal_is_moved_aside_exit_3(capsys: pytest.CaptureFixture[str]) -> None:
    journal_file = paths_mod.resolve().journal_file
    journal_file.parent.mkdir(parents=True, exist_ok=True)
    journal_file.write_text('{"tried": {"1": ', encoding="utf-8")
    code, _, err = run(capsys, "log")
    assert code == 3
    assert "the old file is kept at" in err
    kept = [p for p in journal_file.parent.iterdir() if ".corrupt-" in p.name]
    assert len(kept) == 1 and kept[0].read_text() == '{"tried": {"1": '
    code, _, _ = run(capsys, "log")
    assert code == 0


def test_newer_journal_is_left_alone_exit_3(capsys: pytest.CaptureFixture[str]) -> None:
    journal_file = paths_mod.resolve().journal_file
    journal_file.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"meta": {"1": {"schema": 99}}})
    journal_file.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "tried", "good-morning-text")
    assert code == 3
    assert "99" in err
    assert journal_file.read_text() == text


def test_shipped_content_error_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = make_content(tmp_path / "content")
    (content / "quiz.yaml").write_text("classic: []\nrating: []\n", encoding="utf-8")
    monkeypatch.setattr(paths_mod, "shipped_content_dir", lambda: content)
    code, _, err = run(capsys, "today")
    assert code == 1
    assert "quiz.yaml:1:10: 'classic' has 0 pairs" in err


def test_unexpected_error_is_one_line_and_logged(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from micromance_tui import commands

    def boom(*_: object) -> int:
        note = "secret note about Sam"
        raise RuntimeError(f"{note}\nsecond line")

    monkeypatch.setattr(commands, "cmd_log", boom)
    code, _, err = run(capsys, "log")
    assert code == 1
    assert err.count("\n") == 1
    assert "unexpected error (RuntimeError)" in err
    log_path = Path(err.rsplit("details in ", 1)[1].strip())
    log = log_path.read_text()
    assert "Traceback" in log and "in boom" in log and "RuntimeError" in log
    assert "secret" not in err and "secret note about Sam" not in log  # no message, no locals
    assert stat.S_IMODE(log_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(log_path.parent.stat().st_mode) == 0o700


HYGIENE = """
import sys
from micromance_tui.cli import main
code = main(sys.argv[1:])
bad = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print("TEXTUAL:" + ",".join(bad))
sys.exit(code)
"""


@pytest.mark.parametrize("args", [["today"], ["log"], ["check"], ["--version"]])
def test_headless_commands_never_import_textual(tmp_path: Path, args: list[str]) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "MICROMANCE_DATA_DIR": str(tmp_path)}
    proc = subprocess.run(
        [sys.executable, "-c", HYGIENE, *args], capture_output=True, text=True, env=env, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "TEXTUAL:"


def test_core_never_imports_textual() -> None:
    code = (
        "import sys, pkgutil, importlib, micromance_tui.core as c\n"
        "for m in pkgutil.iter_modules(c.__path__):\n"
        "    importlib.import_module('micromance_tui.core.' + m.name)\n"
        "print(any(k == 'textual' or k.startswith('textual.') for k in sys.modules))"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert proc.stdout.strip() == "False"


def test_python_dash_m_runs_the_same_cli(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-m", "micromance_tui", "--version"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0 and proc.stdout.startswith("micromance ")


def test_today_json_gives_the_moments_and_the_reason(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "today", "--json")
    assert code == 0
    data = json.loads(out)
    idea = data["idea"]
    assert isinstance(idea["moments"], list) and isinstance(idea["relaxed"], list)
    assert idea["reason"]  # never empty: at least why it suits now
    assert data["day"] == {
        "time_of_day": "morning",
        "mood": "ordinary",
        "day_off": False,
        "free_day": False,
        "apart": False,
        "apart_today": False,
    }


def test_today_mood_is_said_for_today_only(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, "today", "--json", "--mood", "hard-day")
    assert code == 0
    data = json.loads(out)
    assert data["day"]["mood"] == "hard-day"
    assert {"tough-times", "after-hard-day"} & set(data["idea"]["moments"])
    assert "you said today is a hard day for them" in data["idea"]["reason"]
    _, out, _ = run(capsys, "today")
    assert "today: a hard day for them" in out
    monkeypatch.setenv("MICROMANCE_NOW", "2026-11-26T09:30")
    _, out, _ = run(capsys, "today", "--json")
    assert json.loads(out)["day"]["mood"] == "ordinary"


def test_today_day_off_admits_the_weekend(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "today", "--json", "--day-off")
    assert json.loads(out)["day"]["free_day"] is True
    _, out, _ = run(capsys, "today", "--json", "--no-day-off")
    assert json.loads(out)["day"]["free_day"] is False


def test_today_rejects_an_unknown_mood(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["today", "--mood", "sad"])
    assert exc.value.code == 2
    assert "invalid choice: 'sad'" in capsys.readouterr().err


def test_apart_on_off_status(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "apart")
    assert code == 0 and out.startswith("Apart mode is off.")
    code, out, _ = run(capsys, "apart", "on")
    assert code == 0 and out.startswith("Apart mode is on")
    _, out, _ = run(capsys, "today", "--json")
    data = json.loads(out)
    assert data["day"]["apart"] is True
    assert {"apart", "apart-only"} & set(data["idea"]["moments"])
    _, out, _ = run(capsys, "today")
    assert "apart mode is on (micromance apart off)" in out
    _, out, _ = run(capsys, "export", "-")
    assert json.loads(out)["settings"]["apart"] is True
    code, out, _ = run(capsys, "apart", "off")
    assert code == 0 and out.startswith("Apart mode is off.")
    _, out, _ = run(capsys, "apart", "status")
    assert out.startswith("Apart mode is off.")
