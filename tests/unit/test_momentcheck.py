"""`micromance check` warns where a gesture's text and its moments disagree."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from micromance_tui.cli import main
from micromance_tui.core.models import Gesture
from micromance_tui.core.momentcheck import moment_warnings
from tests.contentkit import dump, gesture


def idea(title: str, *moments: str, summary: str = "A summary.", **extra: Any) -> Gesture:
    return Gesture(
        id="an-idea",
        title=title,
        summary=summary,
        how="1. Do it.",
        why="Because.",
        languages=("words",),
        effort=extra.pop("effort", "small"),
        cost="free",
        moments=moments,
        **extra,
    )


@pytest.mark.parametrize(
    ("title", "summary", "moments", "expected"),
    [
        ("A weekend treat", "", (), "says 'weekend' but moments lack 'weekend'"),
        ("A treat", "On a slow Saturday, fetch a pastry.", (), "says 'saturday'"),
        ("A story", "Read to them before sleep.", ("evening",), "lack 'bedtime'"),
        ("A morning hug", "", ("evening",), "the title says 'morning'"),
        ("A quiet evening in", "", ("weekend",), "the title says 'evening'"),
        ("A mid-day message", "", ("evening",), "the title says 'mid-day'"),
        ("An anniversary letter", "", (), "lack 'special-day'"),
        ("Soup on a sick day", "", ("evening",), "lack 'tough-times' or 'after-hard-day'"),
        ("A call while apart", "", ("evening",), "lack 'apart' or 'apart-only'"),
        ("Look and smile", "", ("morning", "daytime", "evening"), "names 3 times of day"),
    ],
)
def test_text_and_moments_that_disagree(
    title: str, summary: str, moments: tuple[str, ...], expected: str
) -> None:
    found = moment_warnings(idea(title, *moments, summary=summary or "A summary."))
    assert len(found) == 1 and expected in found[0], found
    assert found[0].startswith("an-idea: ")


@pytest.mark.parametrize(
    ("title", "summary", "moments"),
    [
        ("A weekend treat", "", ("weekend", "morning")),
        ("Set up tomorrow morning tonight", "", ("evening", "bedtime")),
        ("An anniversary letter", "", ("special-day",)),
        ("A hard anniversary", "", ("tough-times",)),
        ("Soup when they are ill", "", ("tough-times",)),
        ("A goodnight message while apart", "", ("bedtime", "apart-only")),
        ("Any time at all", "", ()),
    ],
)
def test_text_and_moments_that_agree(title: str, summary: str, moments: tuple[str, ...]) -> None:
    assert moment_warnings(idea(title, *moments, summary=summary or "A summary.")) == []


def test_weekend_on_a_tiny_idea() -> None:
    found = moment_warnings(idea("Hold hands", "weekend", effort="tiny"))
    assert found == ["an-idea: 'weekend' on a tiny idea (under 2 minutes), which needs no free day"]
    assert moment_warnings(idea("A long walk", "weekend", effort="medium")) == []


def test_ideas_for_a_situation_may_say_so() -> None:
    assert moment_warnings(idea("On a sick day", situations=("chronic-illness",))) == []


def test_check_prints_warnings_with_the_place_and_still_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        dump([gesture(1, title="A lazy Sunday together", moments=["evening"]), gesture(2)]),
        encoding="utf-8",
    )
    code = main(["check", str(mine)])
    out = capsys.readouterr().out
    assert code == 0
    assert f"{mine}:3:" in out  # the line of the gesture's id
    assert "warning: idea-1: says 'sunday' but moments lack 'weekend'" in out
    assert "1 warning: the text and the moments disagree" in out


def test_the_shipped_gestures_have_no_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    assert "warning" not in capsys.readouterr().out
