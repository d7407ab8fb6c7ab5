"""Search synonyms: a small data file, checked with file:line:column, that lets "long
distance" find what "apart" finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from micromance_tui.core.search import SearchIndex
from micromance_tui.core.synonyms import SHIPPED, read_synonyms, shipped_synonyms
from micromance_tui.core.yamlnodes import ContentErrors
from tests.unit.test_search import g

PAIRS = [
    ("long distance", "apart"),
    ("cuddle", "hug"),
    ("message", "text"),
    ("present", "gift"),
    ("outing", "date"),
]

GESTURES = [
    g("call", "A call while you are apart", "Ring at the same time each day."),
    g("hold", "A long hug at the door", "Before either of you says a word."),
    g("note", "Text them at lunch", "A line that says you thought of them."),
    g("wrap", "A gift for no reason", "Something small, wrapped with care."),
    g("park", "A date in the park", "Bring a blanket and something to eat."),
    g("bare", "Make the bed for them", "Tuck the corners in."),
]


@pytest.mark.parametrize(("typed", "known"), PAIRS)
def test_a_synonym_finds_what_the_word_finds(typed: str, known: str) -> None:
    index = SearchIndex(GESTURES)
    direct = [x.id for x in index.search(known)]
    assert direct, known
    found = [x.id for x in index.search(typed)]
    assert set(direct) <= set(found)


def test_synonyms_are_data_not_code() -> None:
    without = SearchIndex(GESTURES, read_synonyms(Path("/dev/null")))
    assert [x.id for x in without.search("cuddle")] == []
    assert len(shipped_synonyms().groups) >= len(PAIRS)
    assert SHIPPED.name == "synonyms.yaml" and SHIPPED.is_file()


def test_the_word_typed_ranks_above_its_synonym() -> None:
    both = [*GESTURES, g("snug", "A cuddle on the sofa", "Put the phone down first.")]
    assert [x.id for x in SearchIndex(both).search("cuddle")][:2] == ["snug", "hold"]


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("- [hug]\n", ":1:3:", "a group needs at least two"),
        ("- [hug, cuddle]\n- [Cuddle, snuggle]\n", ":2:4:", "should be lowercase words"),
        ("- [hug, cuddle]\n- [cuddle, snuggle]\n", ":2:4:", "already in the group on line 1"),
        ("- [hug, cuddle]\n- hug\n", ":2:3:", "a group is a list"),
        ("- [hug, yes]\n", ":1:9:", "found a true/false value"),
        ("- [hug, 12]\n", ":1:9:", "expected a word or short phrase"),
        ("hug: cuddle\n", ":1:1:", "expected a list of groups"),
        ("- [hug, cuddle\n", ":2:1:", "YAML syntax"),
    ],
)
def test_a_bad_synonyms_file_names_file_line_and_column(
    tmp_path: Path, text: str, where: str, message: str
) -> None:
    bad = tmp_path / "synonyms.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        read_synonyms(bad)
    first = str(caught.value.errors[0])
    assert first.startswith(f"{bad}{where}") and message in first, first


def test_micromance_check_checks_the_synonyms(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from micromance_tui.core import synonyms
    from tests.unit.test_cli import run

    bad = tmp_path / "synonyms.yaml"
    bad.write_text("- [hug, cuddle]\n- [gift]\n", encoding="utf-8")
    monkeypatch.setattr(synonyms, "SHIPPED", bad)
    code, out, _ = run(capsys, "check")
    assert code == 1
    assert f"{bad}:2:3: a group needs at least two words or phrases" in out
