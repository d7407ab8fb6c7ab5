"""The content loader: valid content loads; every check in CONTENT.md names file:line:column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from micromance_tui.core import paths as paths_mod
from micromance_tui.core.content import ContentErrors, check_files, load_library
from tests.contentkit import dump, gesture, make_content, quiz

GOOD = """\
- id: first-idea
  title: "First idea"
  summary: "A summary."
  how: |
    Step one.
  why: "Because."
  languages: [words]
  effort: tiny
  cost: free
"""


def paths_for(tmp_path: Path, content: Path | None = None) -> paths_mod.Paths:
    return paths_mod.resolve(
        data_dir=tmp_path / "data",
        config_dir=tmp_path / "config",
        cache_dir=tmp_path / "cache",
        content_dir=content or make_content(tmp_path / "content"),
    )


def check_text(tmp_path: Path, text: str, name: str = "mine.yaml") -> list[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    _, errors = check_files([path], paths_for(tmp_path))
    return [str(e).replace(str(tmp_path) + "/", "") for e in errors]


def test_shipped_content_loads(tmp_path: Path) -> None:
    p = paths_mod.resolve(cache_dir=tmp_path / "cache", config_dir=tmp_path / "cfg")
    library = load_library(p, use_cache=False).library
    assert len(library.languages) == 5
    assert len(library.gestures) >= 250
    assert len(library.quiz.classic) == 30


def test_valid_test_content_loads(tmp_path: Path) -> None:
    result = load_library(paths_for(tmp_path))
    lib = result.library
    assert [lang.id for lang in lib.languages] == ["words", "service", "gifts", "time", "touch"]
    assert len(lib.gestures) == 10
    assert lib.gesture_by_id["idea-3"].language == "time"
    assert result.user_errors == []


def test_good_gesture_file_has_no_errors(tmp_path: Path) -> None:
    assert check_text(tmp_path, GOOD) == []


def test_yaml_syntax_error_has_position(tmp_path: Path) -> None:
    errors = check_text(tmp_path, GOOD + "  tags: [a, b\n")
    assert len(errors) == 1
    assert errors[0].startswith("mine.yaml:11:")
    assert "YAML syntax" in errors[0]


def test_top_level_shape(tmp_path: Path) -> None:
    errors = check_text(tmp_path, "id: first\ntitle: x\n")
    assert errors == ["mine.yaml:1:1: the top level should be a list of gestures; found a mapping"]


def test_missing_required_key(tmp_path: Path) -> None:
    text = GOOD.replace('  why: "Because."\n', "")
    assert check_text(tmp_path, text) == [
        "mine.yaml:1:3: a gesture is missing the required key 'why'"
    ]


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    errors = check_text(tmp_path, GOOD + "  moment: [morning]\n")
    assert len(errors) == 1
    assert errors[0].startswith("mine.yaml:10:3: unknown key 'moment' in a gesture")
    assert "did you mean 'moments'?" in errors[0]


def test_wrong_type(tmp_path: Path) -> None:
    errors = check_text(tmp_path, GOOD + "  tags: coffee\n")
    assert errors == ["mine.yaml:10:9: tags should be a list; found text"]


def test_title_too_long(tmp_path: Path) -> None:
    errors = check_text(tmp_path, GOOD.replace('"First idea"', '"' + "x" * 61 + '"'))
    assert errors == ["mine.yaml:2:10: title is 61 characters long; at most 60 allowed"]


def test_summary_must_be_one_line(tmp_path: Path) -> None:
    errors = check_text(tmp_path, GOOD.replace('"A summary."', '"Line one\\nline two"'))
    assert errors == ["mine.yaml:3:12: summary should be one line; found 2"]


def test_unknown_love_language(tmp_path: Path) -> None:
    errors = check_text(tmp_path, GOOD.replace("[words]", "[hugs]"))
    assert len(errors) == 1
    assert errors[0].startswith("mine.yaml:7:15: languages item: unknown value 'hugs'")
    assert "expected one of words, service, gifts, time, touch" in errors[0]


def test_bad_effort_enum(tmp_path: Path) -> None:
    errors = check_text(tmp_path, GOOD.replace("effort: tiny", "effort: huge"))
    assert errors[0].startswith("mine.yaml:8:11: effort: unknown value 'huge'")


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOOD, encoding="utf-8")
    _, errors = check_files([tmp_path / "a.yaml", tmp_path / "b.yaml"], paths_for(tmp_path))
    text = [str(e) for e in errors]
    assert len(text) == 1
    assert text[0].startswith(f"{tmp_path}/b.yaml:1:7: duplicate id 'first-idea'")
    assert f"first used at {tmp_path}/a.yaml:1" in text[0]


def test_duplicate_key_in_one_mapping(tmp_path: Path) -> None:
    errors = check_text(tmp_path, GOOD + '  title: "Again"\n')
    assert errors == [
        "mine.yaml:10:3: duplicate key 'title' in a gesture (first at line 2); "
        "each key may appear once"
    ]


@pytest.mark.parametrize(
    ("value", "word"), [("no", "a true/false value"), ("12:30", "a whole number")]
)
def test_surprise_scalars_are_reported(tmp_path: Path, value: str, word: str) -> None:
    errors = check_text(tmp_path, GOOD + f"  tags: [{value}]\n")
    assert len(errors) == 1
    assert errors[0].startswith(f"mine.yaml:10:10: tags item: found {word}")
    assert "put it in quotes" in errors[0]


def test_dangling_related_id(tmp_path: Path) -> None:
    faq = '- id: q\n  question: "Why?"\n  answer: "Because."\n  related: [no-such-idea]\n'
    errors = check_text(tmp_path, faq, name="faq.yaml")
    assert len(errors) == 1
    assert errors[0].startswith("faq.yaml:1:7: 'q' lists related id 'no-such-idea'")


def test_quiz_balance(tmp_path: Path) -> None:
    data = quiz()
    data["classic"][0]["b"]["language"] = "touch"  # words/service becomes words/touch
    errors = check_text(tmp_path, dump(data), name="quiz.yaml")
    assert any("pairs words with service 2 times" in e for e in errors)
    assert any("pairs words with touch 4 times" in e for e in errors)


def test_quiz_pair_of_the_same_language(tmp_path: Path) -> None:
    data = quiz()
    data["classic"][0]["b"]["language"] = data["classic"][0]["a"]["language"]
    errors = check_text(tmp_path, dump(data), name="quiz.yaml")
    assert any("both sides are 'words'" in e for e in errors)


def test_quiz_rating_cells_must_be_even(tmp_path: Path) -> None:
    data = quiz()
    data["rating"].pop()
    errors = check_text(tmp_path, dump(data), name="quiz.yaml")
    assert len(errors) == 1
    assert "touch/give: 2" in errors[0]


def test_python_tag_is_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = f"- !!python/object/apply:os.system ['touch {marker}']\n"
    errors = check_text(tmp_path, text)
    assert len(errors) == 1 and "is not allowed" in errors[0]
    assert not marker.exists()


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol"]']
    for i in range(1, 30):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    errors = check_text(tmp_path, "\n".join(lines) + "\n")
    assert len(errors) == 1
    assert "anchors and aliases" in errors[0]


def test_empty_file(tmp_path: Path) -> None:
    assert check_text(tmp_path, "") == [
        "mine.yaml:1:1: the file is empty; expected a list of gestures"
    ]


def test_every_error_is_listed(tmp_path: Path) -> None:
    text = GOOD.replace("effort: tiny", "effort: huge").replace("cost: free", "cost: pricey")
    errors = check_text(tmp_path, text)
    assert [e.split(": ")[1] for e in errors] == ["effort", "cost"]


def test_shipped_errors_raise_with_every_error(tmp_path: Path) -> None:
    content = make_content(tmp_path / "content")
    bad = [gesture(1, effort="huge"), gesture(2, cost="pricey"), gesture(3)]
    (content / "gestures" / "bad.yaml").write_text(dump(bad), encoding="utf-8")
    with pytest.raises(ContentErrors) as info:
        load_library(paths_for(tmp_path, content))
    messages = [str(e) for e in info.value.errors]
    assert any(m.startswith("gestures/bad.yaml:") and "effort" in m for m in messages)
    assert any("duplicate id 'idea-3'" in m for m in messages)


def test_user_gestures_load_and_a_bad_file_is_skipped(tmp_path: Path) -> None:
    p = paths_for(tmp_path)
    p.user_gestures_dir.mkdir(parents=True)
    (p.user_gestures_dir / "mine.yaml").write_text(GOOD, encoding="utf-8")
    (p.user_gestures_dir / "broken.yaml").write_text(GOOD.replace("[words]", "[hugs]"), "utf-8")
    result = load_library(p)
    assert "first-idea" in result.library.gesture_by_id
    assert result.library.gesture_by_id["first-idea"].source == "user:mine.yaml"
    assert len(result.user_errors) == 1
    assert str(result.user_errors[0]).startswith(f"{p.user_gestures_dir}/broken.yaml:7:15:")
    assert len(result.library.gestures) == 11


def test_user_gesture_may_not_reuse_a_shipped_id(tmp_path: Path) -> None:
    p = paths_for(tmp_path)
    p.user_gestures_dir.mkdir(parents=True)
    (p.user_gestures_dir / "dup.yaml").write_text(dump([gesture(0)]), encoding="utf-8")
    result = load_library(p)
    assert "duplicate id 'idea-0'" in str(result.user_errors[0])
    assert result.library.gesture_by_id["idea-0"].source != "user:dup.yaml"


def test_cache_is_used_when_fresh_and_rebuilt_when_stale(tmp_path: Path) -> None:
    p = paths_for(tmp_path)
    parses: list[int] = []
    first = load_library(p, on_parse=lambda: parses.append(1))
    assert not first.from_cache and len(parses) == 1
    second = load_library(p, on_parse=lambda: parses.append(1))
    assert second.from_cache and len(parses) == 1
    assert second.library.gestures == first.library.gestures
    # A changed content file makes the cache stale.
    target = p.content_dir / "gestures" / "main.yaml"
    target.write_text(dump([gesture(i) for i in range(12)]), encoding="utf-8")
    third = load_library(p, on_parse=lambda: parses.append(1))
    assert not third.from_cache and len(third.library.gestures) == 12


@pytest.mark.parametrize("garbage", [b"", b"{not json", b'{"key": 1}', b"\x00\xff" * 10])
def test_corrupt_cache_is_rebuilt(tmp_path: Path, garbage: bytes) -> None:
    p = paths_for(tmp_path)
    load_library(p)
    p.library_cache_file.write_bytes(garbage)
    result = load_library(p)
    assert not result.from_cache
    assert len(result.library.gestures) == 10
    assert json.loads(p.library_cache_file.read_text())["key"]


def test_cache_of_another_version_is_not_trusted(tmp_path: Path) -> None:
    p = paths_for(tmp_path)
    load_library(p)
    data = json.loads(p.library_cache_file.read_text())
    data["key"][0] = "0.0.0-other"
    data["library"]["gestures"] = []
    p.library_cache_file.write_text(json.dumps(data))
    result = load_library(p)
    assert not result.from_cache and len(result.library.gestures) == 10
