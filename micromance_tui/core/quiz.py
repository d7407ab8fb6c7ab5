"""Love-language quiz scoring: pure functions, no Textual, no journal writes.

Two modes (``QUIZ_MODES`` in the journal):

classic
    Forced choice. Each item pairs two languages; the answer is 1 (side a) or 2 (side b), and
    the chosen side's language gets a point. With the shipped 30 items every language
    appears 12 times, so a count is out of 12 and a complete quiz's counts add up to 30.
    The choice is *ipsative*: a point for one language is a point the others did not get.
rating
    Each statement is rated 1 to 5 on its own, about receiving love or giving it. A language
    scores the average of its answered statements, separately per direction, so a high
    score for one language takes nothing away from the others.

``ranking`` names the primary languages (all those tied at the top) and the secondary
ones (the next distinct value), ``build_result`` makes a :class:`QuizResult` for the
journal, ``profile_note`` is the short honest note shown with every result, and the
compare helpers (``normalised``, ``differences``, ``ideas_from``) serve the side-by-side
view.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from micromance_tui.core.journal import QuizResult, new_id
from micromance_tui.core.models import (
    LANGUAGE_IDS,
    LANGUAGE_NAMES,
    ClassicItem,
    Gesture,
    Quiz,
    RatingItem,
)
from micromance_tui.core.record import record

CLASSIC = "classic"
RATING = "rating"
RECEIVE = "receive"
GIVE = "give"
CLASSIC_CHOICES: tuple[int, ...] = (1, 2)
RATING_CHOICES: tuple[int, ...] = (1, 2, 3, 4, 5)
RATING_LABELS: dict[int, str] = {
    1: "Not at all",
    2: "A little",
    3: "Somewhat",
    4: "Mostly",
    5: "Very much",
}
#: two scores closer than this count as a tie (rating averages are floats)
TIE_TOLERANCE = 1e-9


class QuizAnswerError(ValueError):
    """An answer that is not one of the item's choices."""


# -- scoring -------------------------------------------------------------------------------


def _languages(seen: Iterable[str]) -> list[str]:
    """The five in their usual order, then any other language an item names."""
    extra = [lid for lid in dict.fromkeys(seen) if lid not in LANGUAGE_IDS]
    return [*LANGUAGE_IDS, *extra]


def _choice(item_id: str, value: object, allowed: tuple[int, ...]) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value not in allowed:
        raise QuizAnswerError(
            f"answer {value!r} to {item_id} is not allowed: use {allowed[0]} to {allowed[-1]}"
        )
    return value


def classic_appearances(items: Sequence[ClassicItem]) -> dict[str, int]:
    """How often each language appears across the pairs: the most a count can reach."""
    counts = dict.fromkeys(_languages(s.language for i in items for s in (i.a, i.b)), 0)
    for item in items:
        counts[item.a.language] += 1
        counts[item.b.language] += 1
    return counts


def score_classic(items: Sequence[ClassicItem], answers: Mapping[str, int]) -> dict[str, int]:
    """Counts per language: how often its side was chosen (each 0 to 12; 30 in all when
    every item is answered). Answers to ids not in ``items`` are ignored (an item removed
    from the bank since); an answer other than 1 or 2 raises :class:`QuizAnswerError`."""
    counts = dict.fromkeys(_languages(s.language for i in items for s in (i.a, i.b)), 0)
    for item in items:
        if item.id not in answers:
            continue
        choice = _choice(item.id, answers[item.id], CLASSIC_CHOICES)
        side = item.a if choice == 1 else item.b
        counts[side.language] += 1
    return counts


def score_rating(
    items: Sequence[RatingItem], answers: Mapping[str, int]
) -> tuple[dict[str, float], dict[str, float]]:
    """``(receive, give)``: per language, the average (1 to 5) of its answered statements in
    that direction; 0.0 where none was answered. Unknown ids are ignored; an answer outside
    1 to 5 raises :class:`QuizAnswerError`."""
    languages = _languages(i.language for i in items)
    sums: dict[str, dict[str, int]] = {RECEIVE: {}, GIVE: {}}
    counts: dict[str, dict[str, int]] = {RECEIVE: {}, GIVE: {}}
    for item in items:
        if item.id not in answers:
            continue
        value = _choice(item.id, answers[item.id], RATING_CHOICES)
        direction = GIVE if item.direction == GIVE else RECEIVE
        sums[direction][item.language] = sums[direction].get(item.language, 0) + value
        counts[direction][item.language] = counts[direction].get(item.language, 0) + 1

    def averages(direction: str) -> dict[str, float]:
        return {
            lid: sums[direction][lid] / counts[direction][lid]
            if counts[direction].get(lid)
            else 0.0
            for lid in languages
        }

    return averages(RECEIVE), averages(GIVE)


def ranking(scores: Mapping[str, float]) -> tuple[list[str], list[str]]:
    """``(primary, secondary)``: every language tied at the top value, then every language
    at the next distinct value below it. Zero never ranks (nothing answered for it), so an
    empty profile has neither; when all are tied there is no secondary. Order follows the
    order of ``scores``."""
    values = sorted({v for v in scores.values() if v > 0}, reverse=True)
    distinct: list[float] = []
    for value in values:
        if not distinct or distinct[-1] - value > TIE_TOLERANCE:
            distinct.append(value)
    if not distinct:
        return [], []

    def at(level: float) -> list[str]:
        return [lid for lid, v in scores.items() if abs(v - level) <= TIE_TOLERANCE]

    primary = at(distinct[0])
    secondary = at(distinct[1]) if len(distinct) > 1 else []
    return primary, secondary


def is_complete(items: Sequence[ClassicItem | RatingItem], answers: Mapping[str, int]) -> bool:
    return all(item.id in answers for item in items)


def first_unanswered(
    items: Sequence[ClassicItem | RatingItem], answers: Mapping[str, int]
) -> int | None:
    """The index of the first item without an answer, or None when all are answered."""
    for index, item in enumerate(items):
        if item.id not in answers:
            return index
    return None


def build_result(
    quiz: Quiz,
    *,
    who: str,
    mode: str,
    answers: Mapping[str, int],
    taken: datetime,
    result_id: str | None = None,
) -> QuizResult:
    """A finished quiz for the journal. Only answers to items in the bank are kept.

    Classic: ``scores`` holds the counts; ``receive`` and ``give`` are empty (forced choice
    asks about receiving only, and as counts, not ratings). Rating: ``receive`` and ``give``
    hold the averages and ``scores`` repeats ``receive``, the profile other screens read.
    """
    if mode == CLASSIC:
        ids = {item.id for item in quiz.classic}
        kept = {k: int(v) for k, v in answers.items() if k in ids}
        counts = score_classic(quiz.classic, kept)
        scores: dict[str, float] = {lid: float(n) for lid, n in counts.items()}
        receive: dict[str, float] = {}
        give: dict[str, float] = {}
    elif mode == RATING:
        ids = {item.id for item in quiz.rating}
        kept = {k: int(v) for k, v in answers.items() if k in ids}
        receive, give = score_rating(quiz.rating, kept)
        scores = dict(receive)
    else:
        raise ValueError(f"unknown quiz mode {mode!r}: use {CLASSIC} or {RATING}")
    return QuizResult(
        id=result_id or new_id(),
        who=who,
        mode=mode,
        scores=scores,
        receive=receive,
        give=give,
        answers=kept,
        taken=taken.isoformat(timespec="seconds"),
    )


def receiving_profile(result: QuizResult) -> dict[str, float]:
    """What a result says about receiving: counts (classic) or averages (rating)."""
    if result.mode == RATING and result.receive:
        return dict(result.receive)
    return dict(result.scores)


# -- words ---------------------------------------------------------------------------------


def language_list(ids: Sequence[str], names: Mapping[str, str] | None = None) -> str:
    """'words', 'words and time', 'words, time and touch' (names lower-cased)."""
    shown = [(names or LANGUAGE_NAMES).get(lid, lid).lower() for lid in ids]
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + " and " + shown[-1]


_COUNT_WORDS = {2: "two", 3: "three", 4: "four", 5: "five"}


def ranking_text(
    primary: Sequence[str], secondary: Sequence[str], names: Mapping[str, str] | None = None
) -> str:
    """'Primary: quality time. Secondary: words of affirmation.' with ties said plainly:
    'Two primaries: words of affirmation and quality time.' (and 'Secondary, tied: ...')"""
    if not primary:
        return "No answers yet, so no profile."
    if len(primary) == len(LANGUAGE_IDS):
        return "All five are tied: no single language stands out."
    if len(primary) == 1:
        first = f"Primary: {language_list(primary, names)}."
    else:
        count = _COUNT_WORDS.get(len(primary), str(len(primary)))
        first = f"{count.capitalize()} primaries: {language_list(primary, names)}."
    if not secondary:
        return first
    if len(secondary) == 1:
        return f"{first} Secondary: {language_list(secondary, names)}."
    return f"{first} Secondary, tied: {language_list(secondary, names)}."


def profile_note(mode: str) -> str:
    """The short, honest note shown with every result (``mode``: classic or rating)."""
    common = (
        "A profile is a starting point for a conversation, not a verdict. Most people value "
        "all five languages; research finds little support for everyone having one primary "
        "language, or for couples doing better when each speaks the other's preferred language."
    )
    if mode == CLASSIC:
        specific = (
            "Forced choice trades the languages against each other (a point for one is a "
            "point the others lose), and it measures receiving only."
        )
    else:
        specific = (
            "Rating scores each language on its own, so several can be high at once, and it "
            "shows giving as well as receiving."
        )
    mismatch = (
        "A gap between what one of you feels most and what the other expresses most is "
        "worth talking about."
    )
    return f"{common} {specific} {mismatch}"


# -- comparing two people -------------------------------------------------------------------


def normalised(result: QuizResult) -> dict[str, float]:
    """The receiving profile on a common 0-to-1 scale, so a classic result and a rating
    result can sit side by side: counts over 12, ratings (average - 1) / 4."""
    profile = receiving_profile(result)
    out: dict[str, float] = {}
    for lid in _languages(profile):
        value = float(profile.get(lid, 0.0))
        if result.mode == RATING:
            out[lid] = max(0.0, (value - 1.0) / 4.0) if value else 0.0
        else:
            out[lid] = value / 12.0
    return out


@record
class Difference:
    language: str
    first: float  # 0 to 1
    second: float  # 0 to 1

    @property
    def gap(self) -> float:
        return abs(self.first - self.second)


def differences(first: QuizResult, second: QuizResult) -> list[Difference]:
    """Per language, both receiving profiles on the 0-to-1 scale, biggest gap first (ties
    in the usual language order)."""
    a, b = normalised(first), normalised(second)
    diffs = [Difference(lid, a.get(lid, 0.0), b.get(lid, 0.0)) for lid in _languages([*a, *b])]
    order = {lid: i for i, lid in enumerate(_languages([*a, *b]))}
    diffs.sort(key=lambda d: (-round(d.gap, 9), order[d.language]))
    return diffs


def top_languages(result: QuizResult, *, limit: int = 3) -> list[str]:
    """The languages to draw ideas from: the primary ones, and the secondary ones too when
    together they are at most ``limit`` (a clear second, not a four-way tie)."""
    primary, secondary = ranking(receiving_profile(result))
    if len(primary) + len(secondary) <= limit:
        return [*primary, *secondary]
    return primary


def _stable(seed: str, gesture_id: str) -> str:
    return hashlib.sha256(f"{seed}|{gesture_id}".encode()).hexdigest()


def ideas_from(
    gestures: Iterable[Gesture],
    languages: Sequence[str],
    *,
    count: int = 3,
    avoid: Iterable[str] = (),
    seed: str = "",
) -> list[Gesture]:
    """``count`` ideas whose main language is among ``languages`` (taken in turn, the first
    language first), skipping ``avoid`` (recently tried) unless nothing else is left. The
    choice within a language is a stable shuffle keyed on ``seed``, so the same profile
    always suggests the same ideas and a new profile suggests fresh ones."""
    avoided = set(avoid)
    pool = list(gestures)
    order = list(dict.fromkeys(languages))
    chosen: list[Gesture] = []
    for fresh in (True, False):
        queues = {
            lid: sorted(
                (g for g in pool if g.language == lid and (g.id not in avoided) == fresh),
                key=lambda g: _stable(seed, g.id),
            )
            for lid in order
        }
        while len(chosen) < count and any(queues.values()):
            for lid in order:
                if queues[lid] and len(chosen) < count:
                    chosen.append(queues[lid].pop(0))
    return chosen
