"""Conversation prompts: the loader's checks, user prompt files, the cache, `micromance
check` on prompt files, and `micromance ask`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from micromance_tui.cli import main
from micromance_tui.core import paths as paths_mod
from micromance_tui.core.ask import prompts_for_today, todays_prompt
from micromance_tui.core.content import ContentErrors, check_files, load_library
from micromance_tui.core.journal import AskedEntry, Journal
from micromance_tui.core.models import PROMPT_DECKS
from tests.contentkit import DECKS, dump, make_content, prompt

GOOD = """\
- id: best-part-of-today
  deck: playful
  text: "What was the best part of your day?"
  follow_up: "Who else was there?"
"""


def paths_for(tmp_path: Path, content: Path | None = None) -> paths_mod.Paths:
    return paths_mod.resolve(
        data_dir=tmp_path / "data",
        config_dir=tmp_path / "config",
        cache_dir=tmp_path / "cache",
        content_dir=content or make_content(tmp_path / "content", prompts_per_deck=3),
    )


def check_prompts(tmp_path: Path, text: str, name: str = "playful.yaml") -> list[str]:
    folder = tmp_path / "mine" / "prompts"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    _, errors = check_files([path], paths_for(tmp_path))
    return [str(e).replace(str(folder) + "/", "") for e in errors]


# --------------------------------------------------------------------------- loading


def test_prompts_load_into_the_library_by_deck(tmp_path: Path) -> None:
    library = load_library(paths_for(tmp_path)).library
    assert len(library.prompts) == 3 * len(DECKS)
    assert library.counts_by_deck() == dict.fromkeys(PROMPT_DECKS, 3)
    first = library.prompt_by_id["dreams-question-0"]
    assert first.deck == "dreams"
    assert first.text == "What would you say to question 0 of dreams?"
    assert first.follow_up == "And what comes after question 0?"
    assert first.deck_name == "Dreams and plans"


def test_good_prompt_file_has_no_errors(tmp_path: Path) -> None:
    assert check_prompts(tmp_path, GOOD) == []


def test_unknown_key_in_a_prompt(tmp_path: Path) -> None:
    errors = check_prompts(tmp_path, GOOD + '  followup: "x?"\n')
    assert errors == [
        "playful.yaml:5:3: unknown key 'followup' in a prompt; expected one of: deck, "
        "follow_up, id, text; did you mean 'follow_up'?"
    ]


def test_missing_text(tmp_path: Path) -> None:
    errors = check_prompts(tmp_path, "- id: no-text\n  deck: playful\n")
    assert errors == ["playful.yaml:1:3: a prompt is missing the required key 'text'"]


def test_unknown_deck_names_the_decks(tmp_path: Path) -> None:
    errors = check_prompts(tmp_path, GOOD.replace("deck: playful", "deck: playfull"), "x.yaml")
    assert len(errors) == 1
    assert errors[0].startswith("x.yaml:2:9: deck: unknown value 'playfull' (did you mean ")
    assert "love-maps, dreams, appreciation, check-in, repair, playful, needs" in errors[0]


def test_deck_must_match_the_file_name(tmp_path: Path) -> None:
    errors = check_prompts(tmp_path, GOOD.replace("deck: playful", "deck: dreams"))
    assert errors == [
        "playful.yaml:2:9: deck 'dreams' in the file for the deck 'playful'; move the "
        "prompt to prompts/dreams.yaml or change its deck"
    ]


def test_text_must_be_a_question(tmp_path: Path) -> None:
    errors = check_prompts(tmp_path, GOOD.replace("your day?", "your day."))
    assert len(errors) == 1
    assert errors[0].startswith("playful.yaml:3:9: text should be one question, ending with '?'")


def test_text_and_follow_up_lengths_and_lines(tmp_path: Path) -> None:
    long = "What " + "very " * 40 + "long question is this?"
    text = dump(
        [
            prompt(1, text=long),
            prompt(2, text="What is\nthis?"),
            prompt(3, follow_up="x" * 201),
        ]
    )
    errors = check_prompts(tmp_path, text)
    assert len(errors) == 3
    assert f"text is {len(long)} characters long; at most 200 allowed" in errors[0]
    assert "text should be one line; found 2" in errors[1]
    assert "follow_up is 201 characters long; at most 200 allowed" in errors[2]


def test_duplicate_ids_across_deck_files(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content", prompts_per_deck=2)
    (content / "prompts" / "needs.yaml").write_text(
        dump([prompt(0, "needs", id="dreams-question-1")]), encoding="utf-8"
    )
    with pytest.raises(ContentErrors) as caught:
        load_library(paths_for(tmp_path, content), use_cache=False)
    (error,) = caught.value.errors
    assert str(error).startswith("prompts/needs.yaml:3:11: duplicate id 'dreams-question-1'")
    assert "first used at prompts/dreams.yaml:" in str(error)


def test_shipped_prompt_file_is_named_after_its_deck(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content", prompts_per_deck=1)
    (content / "prompts" / "misc.yaml").write_text(dump([prompt(9)]), encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        load_library(paths_for(tmp_path, content), use_cache=False)
    assert [str(e) for e in caught.value.errors] == [
        "prompts/misc.yaml:1:1: a prompts file is named after its deck; 'misc.yaml' is not "
        "one of love-maps.yaml, dreams.yaml, appreciation.yaml, check-in.yaml, repair.yaml, "
        "playful.yaml, needs.yaml"
    ]


def test_users_own_prompts_load_and_a_bad_file_is_skipped(tmp_path: Path) -> None:
    paths = paths_for(tmp_path)
    folder = paths.user_prompts_dir
    folder.mkdir(parents=True)
    (folder / "ours.yaml").write_text(
        dump([prompt(1, "dreams", id="our-own-question")]), encoding="utf-8"
    )
    (folder / "broken.yaml").write_text(dump([prompt(2, text="Not a question")]), "utf-8")
    (folder / "again.yaml").write_text(dump([prompt(0, "dreams")]), encoding="utf-8")
    result = load_library(paths)
    own = result.library.prompt_by_id["our-own-question"]
    assert own.source == "user:ours.yaml"
    shown = sorted(str(e) for e in result.user_errors)
    assert len(shown) == 2
    assert shown[0].startswith(f"{folder}/again.yaml:3:11: duplicate id 'dreams-question-0'")
    assert shown[1].startswith(f"{folder}/broken.yaml:5:13: text should be one question")


def test_the_cache_keeps_prompts_and_notices_a_new_prompt_file(tmp_path: Path) -> None:
    paths = paths_for(tmp_path)
    first = load_library(paths)
    assert not first.from_cache
    second = load_library(paths)
    assert second.from_cache
    assert second.library.prompts == first.library.prompts
    paths.user_prompts_dir.mkdir(parents=True)
    (paths.user_prompts_dir / "mine.yaml").write_text(
        dump([prompt(1, id="a-new-one")]), encoding="utf-8"
    )
    third = load_library(paths)
    assert not third.from_cache
    assert "a-new-one" in third.library.prompt_by_id


# --------------------------------------------------------------------------- today's prompt


def test_todays_prompt_is_the_same_all_day_and_skips_ones_asked_before(tmp_path: Path) -> None:
    library = load_library(paths_for(tmp_path)).library
    day = date(2026, 11, 25)
    first = todays_prompt(library, [], day)
    assert first is not None
    assert todays_prompt(library, [], day) == first
    asked_today = [AskedEntry("x", first.id, day, "2026-11-25T09:00:00")]
    assert todays_prompt(library, asked_today, day) == first  # asking it does not move it
    asked_before = [AskedEntry("x", first.id, date(2026, 11, 20), "2026-11-20T09:00:00")]
    order = prompts_for_today(library, asked_before, day)
    assert order[0] != first
    assert order[-1] == first  # asked before: offered again only after all the others
    dreams = todays_prompt(library, [], day, "dreams")
    assert dreams is not None and dreams.deck == "dreams"
    days = {todays_prompt(library, [], date(2026, 11, d)) for d in range(1, 29)}
    assert len(days) > 5  # a different prompt on different days


# --------------------------------------------------------------------------- the CLI


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def cli_content(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    content = make_content(tmp_path / "content", prompts_per_deck=3)
    real = paths_mod.resolve

    def resolve(**kwargs: object) -> paths_mod.Paths:
        kwargs["content_dir"] = content
        return real(**kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(paths_mod, "resolve", resolve)
    monkeypatch.setenv("MICROMANCE_NOW", "2026-11-25T09:30")
    return content


def test_check_counts_prompts_by_deck(
    capsys: pytest.CaptureFixture[str], cli_content: Path
) -> None:
    code, out, _ = run(capsys, "check")
    assert code == 0, out
    assert (
        "21 prompts in 7 deck(s): love-maps 3, dreams 3, appreciation 3, check-in 3, "
        "repair 3, playful 3, needs 3" in out
    )


def test_check_a_prompt_file_given(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "prompts"
    folder.mkdir()
    good = folder / "dreams.yaml"
    good.write_text(dump([prompt(1, "dreams")]), encoding="utf-8")
    code, out, _ = run(capsys, "check", str(good))
    assert code == 0, out
    assert "1 prompts in 1 deck(s)" in out
    good.write_text(dump([prompt(1, "dreams", text="Tell me")]), encoding="utf-8")
    code, out, _ = run(capsys, "check", str(good))
    assert code == 1
    assert f"{good}:5:13: text should be one question" in out


def test_ask_prints_todays_question(capsys: pytest.CaptureFixture[str], cli_content: Path) -> None:
    code, out, _ = run(capsys, "ask")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Ask each other (")
    assert lines[1].startswith("  What would you say to question ")
    assert lines[2].startswith("  then: And what comes after question ")
    assert run(capsys, "ask")[1] == out  # the same all day


def test_ask_from_one_deck_as_json(capsys: pytest.CaptureFixture[str], cli_content: Path) -> None:
    code, out, _ = run(capsys, "ask", "--deck", "repair", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["date"] == "2026-11-25"
    assert data["prompt"]["deck"] == "repair"
    assert data["prompt"]["deck_name"] == "Repair and reconnection"
    assert data["prompt"]["text"].endswith("of repair?")
    assert data["prompt"]["asked_today"] is False


def test_ask_skips_what_was_asked_on_an_earlier_day(
    capsys: pytest.CaptureFixture[str], cli_content: Path
) -> None:
    first = json.loads(run(capsys, "ask", "--deck", "needs", "--json")[1])["prompt"]["id"]
    with Journal.open(paths_mod.resolve().journal_file) as journal:
        journal.add_asked(first, on=date(2026, 11, 24))
    again = json.loads(run(capsys, "ask", "--deck", "needs", "--json")[1])["prompt"]["id"]
    assert again != first


def test_ask_unknown_deck_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], cli_content: Path
) -> None:
    code, out, err = run(capsys, "ask", "--deck", "romance")
    assert code == 2
    assert out == ""
    assert err == (
        "micromance: there is no deck called 'romance'; the decks are: love-maps, dreams, "
        "appreciation, check-in, repair, playful, needs\n"
    )


def test_a_bad_prompts_file_of_your_own_is_skipped_with_one_line(
    capsys: pytest.CaptureFixture[str], cli_content: Path, tmp_path: Path
) -> None:
    config = tmp_path / "cfg"
    (config / "prompts").mkdir(parents=True)
    (config / "prompts" / "ours.yaml").write_text(dump([prompt(1, text="Tell me")]), "utf-8")
    code, out, err = run(capsys, "--config-dir", str(config), "ask")
    assert code == 0 and out.startswith("Ask each other")
    assert err.startswith(
        f"micromance: skipped your prompts file: {config}/prompts/ours.yaml:5:13:"
    )
    assert err.count("\n") == 1
