"""core.search: fuzzy matching, ranking, filters and orders, without a terminal."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest

from micromance_tui.core.models import Gesture
from micromance_tui.core.search import (
    EXACT,
    PREFIX,
    Filters,
    SearchIndex,
    SearchStopped,
    edit_distances,
    normalise,
    search,
    typo_budget,
    word_match,
)
from micromance_tui.core.suggest import partner_order
from micromance_tui.core.synonyms import words


def g(
    gid: str,
    title: str,
    summary: str = "A small thing.",
    how: str = "Just do it.",
    *,
    languages: tuple[str, ...] = ("words",),
    effort: str = "tiny",
    cost: str = "free",
    moments: tuple[str, ...] = (),
    tags: tuple[str, ...] = (),
) -> Gesture:
    return Gesture(
        id=gid,
        title=title,
        summary=summary,
        how=how,
        why="Because.",
        languages=languages,
        effort=effort,
        cost=cost,
        moments=moments,
        tags=tags,
    )


GESTURES = [
    g("coffee", "Bring them coffee", "Made the way they like it.", languages=("service",)),
    g("mirror", "A note on the mirror", "Leave a few words where they will see them."),
    g(
        "hug",
        "A long hug after a long day",
        "Hold them a little longer.",
        languages=("touch", "time"),
        effort="small",
        moments=("evening", "after-hard-day"),
    ),
    g(
        "walk",
        "Hold hands on a walk",
        "Even five minutes outside.",
        how="Reach for their hand, and bring a coffee along.",
        languages=("touch",),
        cost="low",
        moments=("weekend",),
        tags=("outdoors",),
    ),
    g(
        "letter",
        "Send a handwritten letter by post",
        "Paper arrives like a visit.",
        languages=("gifts", "words"),
        effort="medium",
        cost="low",
        moments=("apart",),
        tags=("distance",),
    ),
    g("backrub", "A back rub after a stressful day", languages=("touch",), effort="small"),
]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(GESTURES)


def ids(results: list[Gesture]) -> list[str]:
    return [x.id for x in results]


# -- words and distances ------------------------------------------------------------------


def test_words_and_normalise() -> None:
    assert words('A "Good-Morning" text!') == ["a", "good", "morning", "text"]
    assert normalise("  Café   au LAIT ") == "café au lait"


def test_typo_budget_grows_with_length() -> None:
    assert [typo_budget(n) for n in (1, 3, 4, 7, 8, 12)] == [0, 0, 1, 1, 2, 2]


@pytest.mark.parametrize(
    ("term", "word", "limit", "expected"),
    [
        ("coffee", "coffee", 1, (0, 0)),
        ("cofee", "coffee", 1, (1, 1)),  # a missing letter
        ("cofffe", "coffee", 1, (1, 1)),  # a wrong letter
        ("hnad", "hand", 1, (1, 1)),  # two letters swapped
        ("kitten", "sitting", 3, (3, 2)),
        ("hand", "handwritten", 1, (2, 0)),  # far from the word, but its start
        ("zzzz", "hand", 1, (2, 2)),  # capped at limit + 1
    ],
)
def test_edit_distances(term: str, word: str, limit: int, expected: tuple[int, int]) -> None:
    assert edit_distances(term, word, limit) == expected


def test_word_match_ways() -> None:
    assert word_match("coffee", "coffee") == EXACT
    assert word_match("cof", "coffee") == PREFIX
    assert 0 < word_match("fee", "coffee") < PREFIX  # inside the word
    assert 0 < word_match("cofee", "coffee") < PREFIX  # a typo
    assert 0 < word_match("hadnw", "handwritten") < PREFIX  # a typo in the part typed
    assert 0 < word_match("hgu", "hug") < PREFIX  # a swap in a short word
    assert 0 < word_match("apprcte", "appreciate") < PREFIX  # letters left out
    assert word_match("ho", "hug") == 0  # two letters must be a real start
    assert word_match("1242", "4242") == 0  # numbers are never fuzzy
    assert word_match("zebra", "coffee") == 0


# -- searching ---------------------------------------------------------------------------


def test_empty_query_lists_everything_a_to_z(index: SearchIndex) -> None:
    titles = [x.title for x in index.search("")]
    assert titles == sorted(titles, key=lambda t: normalise(t))


def test_search_narrows_and_every_word_must_match(index: SearchIndex) -> None:
    assert ids(index.search("hold")) == ["walk", "hug"]  # title first, then summary
    assert ids(index.search("hold hands")) == ["walk"]
    assert index.search("hold zebra") == []


def test_title_matches_weigh_most(index: SearchIndex) -> None:
    # "coffee" is the title of one idea and only in the how of another
    assert ids(index.search("coffee")) == ["coffee", "walk"]


def test_typos_still_find_the_idea(index: SearchIndex) -> None:
    assert ids(index.search("cofee"))[0] == "coffee"
    assert ids(index.search("handwriten leter"))[0] == "letter"
    assert ids(index.search("mirorr"))[0] == "mirror"
    assert ids(index.search("backrub")) == ["backrub"]  # two title words run together


def test_tags_and_how_are_searched(index: SearchIndex) -> None:
    assert ids(index.search("outdoors")) == ["walk"]
    assert ids(index.search("reach")) == ["walk"]


def test_the_whole_phrase_in_a_title_comes_first() -> None:
    idx = SearchIndex(
        [
            g("a", "A day out", "Make it a long walk."),
            g("b", "A long walk", "Out for the day."),
        ]
    )
    assert ids(idx.search("long walk")) == ["b", "a"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(language="touch"), {"hug", "walk", "backrub"}),
        (Filters(language="words"), {"mirror", "letter"}),  # any of an idea's languages
        (Filters(language="words,touch"), {"hug", "walk", "backrub", "mirror", "letter"}),
        (Filters(effort="small"), {"hug", "backrub"}),
        (Filters(cost="low"), {"walk", "letter"}),
        (Filters(moment="evening"), {"hug"}),
        (Filters(language="touch", effort="small"), {"hug", "backrub"}),
        (Filters(language="gifts", cost="free"), set()),
    ],
)
def test_filters(index: SearchIndex, filters: Filters, expected: set[str]) -> None:
    assert set(ids(index.search("", filters))) == expected
    assert filters.count >= 1


def test_not_tried_and_favourites(index: SearchIndex) -> None:
    tried = {"hug", "walk"}
    favourites = {"walk", "letter", "gone-from-the-library"}
    not_tried = index.search("", Filters(not_tried=True), tried=tried)
    assert set(ids(not_tried)) == {"coffee", "mirror", "letter", "backrub"}
    favs = index.search("", Filters(favourites=True), favourites=favourites)
    assert set(ids(favs)) == {"walk", "letter"}
    both = Filters(not_tried=True, favourites=True)
    assert ids(index.search("", both, tried=tried, favourites=favourites)) == ["letter"]
    assert index.search("", Filters(favourites=True)) == []


def test_partner_order(index: SearchIndex) -> None:
    scores = {"words": 1.0, "service": 0.0, "gifts": 0.0, "time": 0.0, "touch": 9.0}
    order = index.partner_ranks(partner_order(index.gestures, scores))
    results = index.search("", order=order)
    assert [x.language for x in results[:3]] == ["touch"] * 3
    # with a query the order breaks ties (both titles say "day"; the hug also speaks
    # quality time, so it comes first for this partner, while A-Z puts the back rub first)
    assert ids(index.search("day", order=order)) == ["hug", "backrub"]
    assert ids(index.search("day")) == ["backrub", "hug"]
    # but a better match still beats the order: "coffee" in a title, not only in the how
    assert ids(index.search("coffee", order=order)) == ["coffee", "walk"]


def test_terms_are_memoised_and_a_stale_search_stops() -> None:
    idx = SearchIndex(GESTURES * 1)
    first = idx.term_scores("coffee")
    assert idx.term_scores("coffee") is first
    with pytest.raises(SearchStopped):
        idx.search("brandnew", should_stop=lambda: True)


def test_one_off_search_helper() -> None:
    assert ids(search(GESTURES, "letter", Filters(language="gifts"))) == ["letter"]


def test_bigger_libraries_keep_their_answers() -> None:
    many = [replace(x, id=f"{x.id}-{i}") for i in range(200) for x in GESTURES]
    idx = SearchIndex(many)
    assert len(idx.search("")) == len(many)
    assert {x.id.split("-")[0] for x in idx.search("cofee")} == {"coffee", "walk"}


def test_core_search_never_imports_textual() -> None:
    code = "import sys, micromance_tui.core.search; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr


def test_the_apart_filter_finds_ideas_only_for_apart_too() -> None:
    idx = SearchIndex(
        [
            g("text", "A text", moments=("apart",)),
            g("video-call", "A video call", moments=("apart-only",)),
            g("hug", "A hug"),
        ]
    )
    assert set(ids(idx.search("", Filters(moment="apart")))) == {"text", "video-call"}
    assert ids(idx.search("", Filters(moment="apart-only"))) == ["video-call"]
