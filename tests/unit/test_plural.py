"""Counts read as a person would write them: "1 tried idea", "2 tried ideas"."""

from __future__ import annotations

import re
import tokenize
from pathlib import Path

import pytest

from micromance_tui.core.plural import noun, plural

PACKAGE = Path(__file__).resolve().parents[2] / "micromance_tui"


@pytest.mark.parametrize(
    ("count", "words", "expected"),
    [
        (1, ("tried idea",), "1 tried idea"),
        (2, ("tried idea",), "2 tried ideas"),
        (0, ("entry", "entries"), "0 entries"),
        (1200, ("entry", "entries"), "1,200 entries"),
    ],
)
def test_plural(count: int, words: tuple[str, ...], expected: str) -> None:
    assert plural(count, *words) == expected


def test_noun() -> None:
    assert (noun(1, "language"), noun(3, "language")) == ("language", "languages")


def test_no_string_in_the_package_hedges_a_plural() -> None:
    """Not one "idea(s)" or "error(s)" in any string the package holds (the whole class:
    messages, labels, help and docstrings), so every count goes through plural()."""
    hedged = re.compile(r"\w\(s\)")
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        with path.open("rb") as handle:
            for token in tokenize.tokenize(handle.readline):
                if token.type == tokenize.STRING and hedged.search(token.string):
                    found.append(f"{path.name}:{token.start[0]}: {token.string[:60]}")
    assert found == []
