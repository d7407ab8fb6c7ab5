"""Quiz scoring: pure functions, checked against the shipped bank and scripted answer sets."""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
import yaml

from micromance_tui.core.journal import Journal, QuizProgress
from micromance_tui.core.models import (
    LANGUAGE_IDS,
    ClassicItem,
    Gesture,
    Quiz,
    QuizSide,
    RatingItem,
)
from micromance_tui.core.quiz import (
    QuizAnswerError,
    build_result,
    classic_appearances,
    differences,
    first_unanswered,
    ideas_from,
    is_complete,
    normalised,
    profile_note,
    ranking,
    ranking_text,
    score_classic,
    score_rating,
    top_languages,
)

CONTENT = Path(__file__).resolve().parents[2] / "content" / "quiz.yaml"
NOW = datetime(2026, 11, 25, 9, 30)


def shipped_quiz() -> Quiz:
    """The shipped bank read straight from the YAML (independent of the full loader)."""
    data = yaml.safe_load(CONTENT.read_text(encoding="utf-8"))
    classic = tuple(
        ClassicItem(
            row["id"],
            QuizSide(row["a"]["text"], row["a"]["language"]),
            QuizSide(row["b"]["text"], row["b"]["language"]),
        )
        for row in data["classic"]
    )
    rating = tuple(
        RatingItem(row["id"], row["text"], row["language"], row["direction"])
        for row in data["rating"]
    )
    return Quiz(classic=classic, rating=rating)


QUIZ = shipped_quiz()


def choose(item: ClassicItem, *preferred: str) -> int:
    """The side whose language comes first in ``preferred``; side a when neither does."""
    for lid in preferred:
        if item.a.language == lid:
            return 1
        if item.b.language == lid:
            return 2
    return 1


# -- the bank ----------------------------------------------------------------------------


def test_shipped_bank_is_balanced() -> None:
    assert len(QUIZ.classic) == 30
    assert len(QUIZ.rating) == 30
    assert classic_appearances(QUIZ.classic) == dict.fromkeys(LANGUAGE_IDS, 12)
    pairs = [frozenset((i.a.language, i.b.language)) for i in QUIZ.classic]
    assert all(len(p) == 2 for p in pairs)
    assert all(pairs.count(p) == 3 for p in set(pairs)) and len(set(pairs)) == 10


# -- classic -----------------------------------------------------------------------------


def test_classic_totals_are_always_30_and_each_count_0_to_12() -> None:
    rng = random.Random(20261125)
    for _ in range(500):
        answers = {item.id: rng.choice((1, 2)) for item in QUIZ.classic}
        counts = score_classic(QUIZ.classic, answers)
        assert sum(counts.values()) == 30
        assert all(0 <= n <= 12 for n in counts.values())
        assert list(counts) == list(LANGUAGE_IDS)


def test_partial_answers_count_only_what_was_answered() -> None:
    rng = random.Random(7)
    for _ in range(200):
        chosen = rng.sample(QUIZ.classic, rng.randint(0, 30))
        answers = {item.id: rng.choice((1, 2)) for item in chosen}
        counts = score_classic(QUIZ.classic, answers)
        assert sum(counts.values()) == len(answers)
        assert all(0 <= n <= 12 for n in counts.values())


def test_all_answers_on_side_a_and_all_on_side_b() -> None:
    # The bank puts every language on side a six times and on side b six times.
    all_a = score_classic(QUIZ.classic, {item.id: 1 for item in QUIZ.classic})
    all_b = score_classic(QUIZ.classic, {item.id: 2 for item in QUIZ.classic})
    assert all_a == dict.fromkeys(LANGUAGE_IDS, 6)
    assert all_b == dict.fromkeys(LANGUAGE_IDS, 6)
    assert ranking(all_a) == (list(LANGUAGE_IDS), [])
    assert ranking_text(*ranking(all_a)) == "All five are tied: no single language stands out."


def test_scripted_one_clear_primary() -> None:
    answers = {item.id: choose(item, "words", "time") for item in QUIZ.classic}
    counts = score_classic(QUIZ.classic, answers)
    assert counts == {"words": 12, "service": 3, "gifts": 3, "time": 9, "touch": 3}
    assert ranking(counts) == (["words"], ["time"])
    assert ranking_text(*ranking(counts)) == (
        "Primary: words of affirmation. Secondary: quality time."
    )


def test_scripted_two_primaries() -> None:
    answers = {item.id: choose(item, "words", "time") for item in QUIZ.classic}
    answers["c02"] = choose(QUIZ.classic[1], "time")  # words vs time, three times
    answers["c27"] = choose(QUIZ.classic[26], "time")
    answers["c04"] = choose(QUIZ.classic[3], "gifts")  # gifts vs time
    counts = score_classic(QUIZ.classic, answers)
    assert counts == {"words": 10, "service": 3, "gifts": 4, "time": 10, "touch": 3}
    primary, secondary = ranking(counts)
    assert (primary, secondary) == (["words", "time"], ["gifts"])
    assert ranking_text(primary, secondary) == (
        "Two primaries: words of affirmation and quality time. Secondary: receiving gifts."
    )


def test_scripted_three_primaries_and_tied_secondaries() -> None:
    answers = {item.id: choose(item, "touch", "service", "gifts") for item in QUIZ.classic}
    counts = score_classic(QUIZ.classic, answers)
    # words vs time is not preferred either way, so side a: c02 time, c15 words, c27 time
    assert counts == {"words": 1, "service": 9, "gifts": 6, "time": 2, "touch": 12}
    assert ranking(counts) == (["touch"], ["service"])
    # Scripted by hand: a three-way tie at the top and a two-way tie below it.
    scores = {"words": 8.0, "service": 8.0, "gifts": 8.0, "time": 3.0, "touch": 3.0}
    assert ranking(scores) == (["words", "service", "gifts"], ["time", "touch"])
    assert ranking_text(*ranking(scores)) == (
        "Three primaries: words of affirmation, acts of service and receiving gifts. "
        "Secondary, tied: quality time and physical touch."
    )


def test_ranking_edge_cases() -> None:
    assert ranking({}) == ([], [])
    assert ranking(dict.fromkeys(LANGUAGE_IDS, 0)) == ([], [])
    # zero never ranks, not even as secondary
    assert ranking({"words": 12, "service": 0}) == (["words"], [])
    # rating averages that are equal up to float noise are a tie
    assert ranking({"words": 11 / 3, "time": (5 + 4 + 2) / 3, "touch": 1.0}) == (
        ["words", "time"],
        ["touch"],
    )
    assert ranking_text([], []) == "No answers yet, so no profile."


def test_bad_answers_are_refused() -> None:
    with pytest.raises(QuizAnswerError, match="c01"):
        score_classic(QUIZ.classic, {"c01": 3})
    with pytest.raises(QuizAnswerError):
        score_classic(QUIZ.classic, {"c01": True})
    with pytest.raises(QuizAnswerError, match="r01"):
        score_rating(QUIZ.rating, {"r01": 6})
    # answers to items no longer in the bank are ignored
    assert sum(score_classic(QUIZ.classic, {"gone": 1}).values()) == 0


def test_resumed_quiz_scores_like_an_uninterrupted_one(tmp_path: Path) -> None:
    rng = random.Random(42)
    for round_no in range(5):
        answers = {item.id: rng.choice((1, 2)) for item in QUIZ.classic}
        stop = rng.randint(1, 29)
        journal = Journal.open(tmp_path / f"j{round_no}.json", clock=lambda: NOW)
        first = {item.id: answers[item.id] for item in QUIZ.classic[:stop]}
        journal.save_quiz_progress(
            QuizProgress("me", "classic", first, stop, NOW.isoformat(timespec="seconds"))
        )
        journal.close()
        # the app restarts: read the progress back and carry on where it stopped
        again = Journal.open(tmp_path / f"j{round_no}.json", clock=lambda: NOW)
        progress = again.quiz_progress()
        assert progress is not None and progress.position == stop
        resumed = dict(progress.answers)
        assert first_unanswered(QUIZ.classic, resumed) == stop
        for item in QUIZ.classic[progress.position :]:
            resumed[item.id] = answers[item.id]
        assert is_complete(QUIZ.classic, resumed)
        assert score_classic(QUIZ.classic, resumed) == score_classic(QUIZ.classic, answers)
        again.close()


def test_going_back_and_changing_an_answer_counts_only_the_last_one() -> None:
    answers = {item.id: 1 for item in QUIZ.classic}
    before = score_classic(QUIZ.classic, answers)
    answers["c01"] = 2  # service -> gifts
    after = score_classic(QUIZ.classic, answers)
    assert after["service"] == before["service"] - 1
    assert after["gifts"] == before["gifts"] + 1
    assert sum(after.values()) == 30


# -- rating ------------------------------------------------------------------------------


def test_rating_averages_per_language_and_direction() -> None:
    # receive: words 5,4,3 -> 4; everything else received 2. give: time 5, the rest 1.
    answers: dict[str, int] = {}
    words_receive = iter((5, 4, 3))
    for item in QUIZ.rating:
        if item.direction == "receive":
            answers[item.id] = next(words_receive) if item.language == "words" else 2
        else:
            answers[item.id] = 5 if item.language == "time" else 1
    receive, give = score_rating(QUIZ.rating, answers)
    assert receive == {"words": 4.0, "service": 2.0, "gifts": 2.0, "time": 2.0, "touch": 2.0}
    assert give == {"words": 1.0, "service": 1.0, "gifts": 1.0, "time": 5.0, "touch": 1.0}
    assert ranking(receive) == (["words"], ["service", "gifts", "time", "touch"])
    assert ranking(give) == (["time"], ["words", "service", "gifts", "touch"])


def test_rating_each_language_on_its_own() -> None:
    rng = random.Random(99)
    for _ in range(300):
        answers = {item.id: rng.randint(1, 5) for item in QUIZ.rating}
        receive, give = score_rating(QUIZ.rating, answers)
        for direction, averages in (("receive", receive), ("give", give)):
            for lid in LANGUAGE_IDS:
                values = [
                    answers[i.id]
                    for i in QUIZ.rating
                    if i.language == lid and i.direction == direction
                ]
                assert len(values) == 3
                assert averages[lid] == pytest.approx(sum(values) / 3)
                assert 1.0 <= averages[lid] <= 5.0
    # all fives: every language at the top at once (not ipsative)
    receive, give = score_rating(QUIZ.rating, {i.id: 5 for i in QUIZ.rating})
    assert set(receive.values()) == {5.0} and set(give.values()) == {5.0}


def test_rating_unanswered_languages_score_zero() -> None:
    first = QUIZ.rating[0]  # r01: words, receive
    receive, give = score_rating(QUIZ.rating, {first.id: 4})
    assert receive["words"] == 4.0
    assert sum(receive.values()) == 4.0 and sum(give.values()) == 0.0


# -- results -----------------------------------------------------------------------------


def test_build_classic_result_is_accepted_by_the_journal(tmp_path: Path) -> None:
    answers = {item.id: choose(item, "words", "time") for item in QUIZ.classic}
    answers["not-an-item"] = 1
    result = build_result(QUIZ, who="partner", mode="classic", answers=answers, taken=NOW)
    assert result.scores == {"words": 12, "service": 3, "gifts": 3, "time": 9, "touch": 3}
    assert result.receive == {} and result.give == {}
    assert "not-an-item" not in result.answers and len(result.answers) == 30
    assert result.taken == "2026-11-25T09:30:00"
    journal = Journal.open(tmp_path / "j.json", clock=lambda: NOW)
    journal.add_quiz_result(result)
    assert journal.latest_quiz_result("partner") == result
    assert top_languages(result) == ["words", "time"]


def test_build_rating_result_reads_as_a_receiving_profile(tmp_path: Path) -> None:
    answers = {i.id: (5 if i.language == "touch" else 2) for i in QUIZ.rating}
    result = build_result(QUIZ, who="me", mode="rating", answers=answers, taken=NOW)
    assert result.receive["touch"] == 5.0 and result.give["touch"] == 5.0
    assert result.scores == result.receive
    journal = Journal.open(tmp_path / "j.json", clock=lambda: NOW)
    journal.add_quiz_result(result)
    assert journal.quiz_results("me") == [result]
    with pytest.raises(ValueError, match="mode"):
        build_result(QUIZ, who="me", mode="other", answers={}, taken=NOW)


def test_profile_note_is_honest() -> None:
    classic, rating = profile_note("classic"), profile_note("rating")
    for note in (classic, rating):
        assert "starting point for a conversation" in note
        assert "all five" in note
        assert "feels most" in note and "expresses most" in note
        assert len(note) < 500
    assert "receiving only" in classic and "against each other" in classic
    assert "on its own" in rating and "giving" in rating


# -- comparing ---------------------------------------------------------------------------


def test_differences_put_classic_and_rating_on_one_scale() -> None:
    mine = build_result(
        QUIZ,
        who="me",
        mode="classic",
        answers={item.id: choose(item, "words", "time") for item in QUIZ.classic},
        taken=NOW,
    )
    theirs = build_result(
        QUIZ,
        who="partner",
        mode="rating",
        answers={i.id: (5 if i.language == "touch" else 1) for i in QUIZ.rating},
        taken=NOW,
    )
    assert normalised(mine)["words"] == 1.0 and normalised(mine)["time"] == 0.75
    assert normalised(theirs) == {"words": 0, "service": 0, "gifts": 0, "time": 0, "touch": 1}
    gaps = differences(mine, theirs)
    # words differs most; time and touch tie next and keep the usual order
    assert [d.language for d in gaps[:3]] == ["words", "time", "touch"]
    assert [d.gap for d in gaps] == [1.0, 0.75, 0.75, 0.25, 0.25]


def test_top_languages_are_the_ones_three_ideas_can_cover() -> None:
    def result(receive: dict[str, int]) -> list[str]:
        answers = {i.id: receive[i.language] for i in QUIZ.rating}
        return top_languages(
            build_result(QUIZ, who="me", mode="rating", answers=answers, taken=NOW)
        )

    # a clear first and second
    assert result({"words": 5, "service": 4, "gifts": 2, "time": 1, "touch": 1}) == [
        "words",
        "service",
    ]
    # one first and a four-way tie below it: the first alone
    assert result({"words": 2, "service": 2, "gifts": 2, "time": 2, "touch": 5}) == ["touch"]
    # two primaries and one secondary: all three
    assert result({"words": 5, "service": 3, "gifts": 1, "time": 5, "touch": 1}) == [
        "words",
        "time",
        "service",
    ]
    # all five tied: all five (there is no way to tell them apart)
    assert len(result(dict.fromkeys(LANGUAGE_IDS, 3))) == 5


def _gesture(gid: str, lang: str) -> Gesture:
    return Gesture(gid, gid, "", "", "", (lang,), "tiny", "free")


def test_ideas_from_take_languages_in_turn_and_avoid_recent_ones() -> None:
    pool = [_gesture(f"{lang}-{n}", lang) for lang in LANGUAGE_IDS for n in range(4)]
    picked = ideas_from(pool, ["touch", "time"], seed="x")
    assert [g.language for g in picked] == ["touch", "time", "touch"]
    assert ideas_from(pool, ["touch", "time"], seed="x") == picked  # stable
    recent = {g.id for g in pool if g.language == "touch"} - {picked[0].id}
    fresh = ideas_from(pool, ["touch"], seed="x", avoid=recent)
    assert fresh[0] == picked[0] and {g.id for g in fresh[1:]} <= recent  # only when needed
    assert ideas_from(pool, [], seed="x") == []
    assert len(ideas_from(pool, ["words"], count=10)) == 4


def test_quiz_core_does_not_import_textual() -> None:
    code = "import sys, micromance_tui.core.quiz; print('textual' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"
