"""The counts the content round two promises (issue 17), on the shipped content.

Prompts: at least 300, in at least 6 decks. Gestures: at least 20 for repair and at least 15
for each harder season, at least 60 date ideas. Guides: the four new ones, 300-700 words
each. Every prompt an open question, not a yes/no one. (The counts fail until the content
for them is written.)"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from micromance_tui.core import paths as paths_mod
from micromance_tui.core.content import load_library
from micromance_tui.core.models import DATE_IDEA_TAG, Library

SEASONS = ("chronic-illness", "new-parents", "grief", "shift-work", "big-change", "deadlines")
NEW_GUIDES = (
    "the-weekly-check-in",
    "repair-after-a-fight",
    "asking-for-what-you-need",
    "when-illness-shapes-the-everyday",
)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(paths_mod.resolve(), use_cache=False).library


def test_at_least_300_prompts_in_at_least_6_decks(library: Library) -> None:
    decks = Counter(p.deck for p in library.prompts)
    assert len(library.prompts) >= 300, dict(decks)
    assert len(decks) >= 6, dict(decks)


#: a question opening with one of these reads as yes/no, unless it offers a choice ("or")
YES_NO_OPENERS = re.compile(
    r"^(do|does|did|is|are|was|were|have|has|had|can|could|will|would|should|shall|may|am)\b",
    re.IGNORECASE,
)


def reads_as_yes_no(text: str) -> bool:
    return bool(YES_NO_OPENERS.match(text)) and " or " not in text


def test_the_yes_no_measure() -> None:
    assert reads_as_yes_no("Do you like mornings?")
    assert reads_as_yes_no("Is there a song that takes you back?")
    assert not reads_as_yes_no("Would you rather sail or hike for a week?")
    assert not reads_as_yes_no("What made you laugh this week?")
    assert not reads_as_yes_no("Dogs, cats, or neither: which and why?")


def test_prompts_are_open_questions(library: Library) -> None:
    closed = [p.id for p in library.prompts if reads_as_yes_no(p.text)]
    assert closed == [], f"{len(closed)} read as yes/no questions: {closed[:10]}"


def test_at_least_20_repair_ideas(library: Library) -> None:
    repair = [g.id for g in library.gestures if "repair" in g.situations]
    assert len(repair) >= 20, len(repair)


@pytest.mark.parametrize("season", SEASONS)
def test_at_least_15_ideas_for_each_harder_season(library: Library, season: str) -> None:
    found = [g.id for g in library.gestures if season in g.situations]
    assert len(found) >= 15, f"{season}: {len(found)}"


def test_at_least_60_date_ideas(library: Library) -> None:
    dates = [g.id for g in library.gestures if DATE_IDEA_TAG in g.tags]
    assert len(dates) >= 60, len(dates)


@pytest.mark.parametrize("guide_id", NEW_GUIDES)
def test_the_new_guides_exist_with_300_to_700_words(library: Library, guide_id: str) -> None:
    guide = library.guide_by_id.get(guide_id)
    assert guide is not None, f"no guide {guide_id!r}"
    words = len(re.findall(r"[\w'’-]+", guide.body))
    assert 300 <= words <= 700, f"{guide_id}: {words} words"
