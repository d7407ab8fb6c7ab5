"""Today's idea: a pure, deterministic choice from the library.

The same inputs always give the same idea, so the TUI and `micromance today` agree.

Fit first, then weight. An idea is a candidate only if it fits the day (:class:`Day`):

- **time**: it names no time of day, or names the one it is now;
- **weekend**: an idea that needs a free day only on Saturday, Sunday or a day marked off;
  a date idea or an hour-long one that names no time only then or in the evening;
- **apart**: in apart mode only ideas that work at a distance (``apart``, ``apart-only``);
  otherwise never the ones that only make sense apart (``apart-only``);
- **kind of day**: ``special-day``, ``tough-times`` and ``after-hard-day`` ideas only when
  the user said today is that kind of day (or an important date is close), and never an
  idea written for a situation (repair, grief, ...): those stay in Browse.

Then the candidates are weighted by the partner's latest quiz profile, where there is one
(every language keeps a floor, because all five matter), ideas made for what the user said
about today come first when there are any, and ideas tried in the last 30 days are skipped.
Only if nothing is left are rules relaxed, one at a time in :data:`RELAX_ORDER`, and the
reason says which.

A new user's very first idea (nothing logged yet) is a *starter*: see :func:`is_starter`.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import field
from datetime import date

from micromance_tui.core.models import LANGUAGE_IDS, LANGUAGE_NAMES, Gesture
from micromance_tui.core.partner_words import PartnerWords
from micromance_tui.core.record import record

RECENT_DAYS = 30
#: the smallest share of the day's chances any one language keeps, with a profile or without
LANGUAGE_FLOOR = 0.08
#: an important date this close (days) makes special-day ideas eligible without asking
SPECIAL_LEAD_DAYS = 2

TIMES_OF_DAY: tuple[str, ...] = ("morning", "daytime", "evening", "bedtime")
#: each answer as a phrase, worded for the partner by :func:`mood_label`
MOOD_LABELS: dict[str, str] = {
    "ordinary": "an ordinary day",
    "hard-day": "a hard day for {them}",
    "special": "a special day",
    "apart": "we are apart today",
}


def mood_label(mood: str, partner: PartnerWords | None = None) -> str:
    """``a hard day for her``: an answer to "how is today?", with the partner's pronoun."""
    return (partner or PartnerWords()).fill(MOOD_LABELS.get(mood, MOOD_LABELS["ordinary"]))


#: moments that are kinds of day: offered only when said (mood -> the moments it admits)
SAID_MOMENTS: dict[str, tuple[str, ...]] = {
    "hard-day": ("tough-times", "after-hard-day"),
    "special": ("special-day",),
}
KIND_OF_DAY: frozenset[str] = frozenset(m for ms in SAID_MOMENTS.values() for m in ms)
STARTER_EFFORTS = ("tiny", "small")
STARTER_COSTS = ("free", "low")


def time_of_day(hour: int) -> str:
    """morning 05-11, daytime 11-17, evening 17-21, bedtime otherwise."""
    if 5 <= hour < 11:
        return "morning"
    if 11 <= hour < 17:
        return "daytime"
    if 17 <= hour < 21:
        return "evening"
    return "bedtime"


@record
class Day:
    """What is known about now: the date and hour, and what the user said about today."""

    today: date
    hour: int
    mood: str = "ordinary"
    day_off: bool = False
    apart: bool = False
    #: days until the nearest important date, if one is within SPECIAL_LEAD_DAYS
    special_date_in: int | None = None

    @property
    def slot(self) -> str:
        return time_of_day(self.hour)

    @property
    def free_day(self) -> bool:
        return self.today.weekday() >= 5 or self.day_off

    @property
    def is_apart(self) -> bool:
        return self.apart or self.mood == "apart"

    @property
    def said(self) -> frozenset[str]:
        """The kind-of-day moments the user has made eligible today."""
        said = set(SAID_MOMENTS.get(self.mood, ()))
        if self.special_date_in is not None:
            said.add("special-day")
        return frozenset(said)


# -- the rules: each says whether an idea fits the day -----------------------------------


def fits_time(gesture: Gesture, day: Day) -> bool:
    named = [m for m in gesture.moments if m in TIMES_OF_DAY]
    return not named or day.slot in named


def is_big(gesture: Gesture) -> bool:
    """A date idea or an idea of an hour or more: it wants an evening or a free day."""
    return gesture.effort == "large" or "date-idea" in gesture.tags


def fits_free_day(gesture: Gesture, day: Day) -> bool:
    if "weekend" in gesture.moments:
        return day.free_day
    if is_big(gesture) and not any(m in TIMES_OF_DAY for m in gesture.moments):
        # a big idea that names no time still needs the time: an evening or a free day
        return day.free_day or day.slot == "evening"
    return True


def fits_apart(gesture: Gesture, day: Day) -> bool:
    if day.is_apart:
        return "apart" in gesture.moments or "apart-only" in gesture.moments
    return "apart-only" not in gesture.moments


def fits_kind_of_day(gesture: Gesture, day: Day) -> bool:
    if gesture.situations:
        return False
    kinds = KIND_OF_DAY.intersection(gesture.moments)
    return not kinds or bool(kinds & day.said)


@record
class Rule:
    id: str
    check: Callable[[Gesture, Day], bool]
    #: what the reason says when the rule had to be relaxed
    relaxed: str


RULES: tuple[Rule, ...] = (
    Rule("time", fits_time, "one for another time of day"),
    Rule("weekend", fits_free_day, "one that needs a free day"),
    Rule("apart", fits_apart, "one that may not suit being apart or together"),
    Rule("kind-of-day", fits_kind_of_day, "one for another kind of day"),
)
RECENT_RELAXED = "one you tried in the last 30 days"
#: the order rules are relaxed in when nothing fits: the 30-day skip first
RELAX_ORDER: tuple[str, ...] = ("recent", "time", "weekend", "apart", "kind-of-day")


def fits(gesture: Gesture, day: Day, *, relaxed: Iterable[str] = ()) -> bool:
    """Whether an idea fits the day under every rule not in `relaxed`."""
    skip = set(relaxed)
    return all(rule.check(gesture, day) for rule in RULES if rule.id not in skip)


def is_starter(gesture: Gesture) -> bool:
    """Fit for a new user's first idea: tiny or small, free or low cost, and fits anyone.

    "Fits anyone" is read from the tags the contract already has: the idea works at a
    distance (``apart``), so it assumes no shared home, car or garden; it is not only for
    being apart, not for a free day, not for a kind of day (an anniversary, a sick day), and
    has no situation.
    """
    return (
        gesture.effort in STARTER_EFFORTS
        and gesture.cost in STARTER_COSTS
        and "apart" in gesture.moments
        and "apart-only" not in gesture.moments
        and "weekend" not in gesture.moments
        and not KIND_OF_DAY.intersection(gesture.moments)
        and not gesture.situations
    )


def language_weights(scores: Mapping[str, float] | None) -> dict[str, float]:
    """Turn a profile's per-language scores into chances that sum to 1, with a floor each.

    Without a profile every language gets the same chance.
    """
    n = len(LANGUAGE_IDS)
    values = {lid: max(0.0, float((scores or {}).get(lid, 0.0))) for lid in LANGUAGE_IDS}
    total = sum(values.values())
    if not scores or total <= 0:
        return dict.fromkeys(LANGUAGE_IDS, 1.0 / n)
    spread = 1.0 - LANGUAGE_FLOOR * n
    return {lid: LANGUAGE_FLOOR + spread * values[lid] / total for lid in LANGUAGE_IDS}


@record
class Pick:
    """A suggested gesture, the reason given for it, and any rule relaxed to find it."""

    gesture: Gesture
    reason: str
    relaxed: tuple[str, ...] = field(default=())


def _seed(*parts: object) -> str:
    """A string seed: random.Random hashes it the same way on every run and machine."""
    return "|".join(str(p) for p in parts)


def candidates(
    gestures: Sequence[Gesture],
    day: Day,
    *,
    recent: Iterable[str] = (),
    skip: Iterable[str] = (),
) -> tuple[list[Gesture], tuple[str, ...]]:
    """The ideas that fit, and the rules relaxed (in RELAX_ORDER) to find any at all."""
    recent_ids = set(recent)
    skipped = set(skip)
    unseen = [g for g in gestures if g.id not in skipped]
    for count in range(len(RELAX_ORDER) + 1):
        relaxed = RELAX_ORDER[:count]
        pool = [
            g
            for g in unseen
            if ("recent" in relaxed or g.id not in recent_ids) and fits(g, day, relaxed=relaxed)
        ]
        if pool:
            return pool, relaxed
    return [], ()


def pick_today(
    gestures: Sequence[Gesture],
    *,
    day: Day,
    recent: Iterable[str] = (),
    scores: Mapping[str, float] | None = None,
    skip: Iterable[str] = (),
    partner: PartnerWords | None = None,
    first_ever: bool = False,
) -> Pick | None:
    """Choose today's idea. `skip` lists ids already shown today ("show another");
    `first_ever` (nothing logged yet, first idea of the day) prefers a starter idea."""
    skipped = sorted(set(skip))
    pool, relaxed = candidates(gestures, day, recent=recent, skip=skipped)
    if not pool and skipped:  # every idea has been shown today: start the round again
        pool, relaxed = candidates(gestures, day, recent=recent)
    if not pool:
        return None
    # Said about today (a hard day, a special day, a date close): ideas made for it first.
    made_for_today = [g for g in pool if day.said.intersection(g.moments)]
    starters = [g for g in pool if is_starter(g)] if first_ever and not skipped else []
    starter = not made_for_today and bool(starters)
    pool = made_for_today or starters or pool
    weights = language_weights(scores)
    per_language: dict[str, int] = {}
    for g in pool:
        per_language[g.language] = per_language.get(g.language, 0) + 1
    chances = [weights.get(g.language, LANGUAGE_FLOOR) / per_language[g.language] for g in pool]
    rng = random.Random(_seed(day.today.isoformat(), day.is_apart, day.mood, skipped))
    gesture = rng.choices(pool, weights=chances, k=1)[0]
    reason = _reason(gesture, scores, day, relaxed, partner or PartnerWords(), starter=starter)
    return Pick(gesture, reason, relaxed)


def relaxed_text(relaxed: Iterable[str]) -> list[str]:
    """What each relaxed rule means, for the reason and for --json."""
    by_id = {rule.id: rule.relaxed for rule in RULES} | {"recent": RECENT_RELAXED}
    return [by_id[r] for r in relaxed if r in by_id]


def _reason(
    gesture: Gesture,
    scores: Mapping[str, float] | None,
    day: Day,
    relaxed: tuple[str, ...],
    partner: PartnerWords,
    *,
    starter: bool = False,
) -> str:
    bits: list[str] = ["a small first idea that suits anyone"] if starter else []
    said = sorted(day.said.intersection(gesture.moments))
    if said:
        if day.mood in SAID_MOMENTS and set(said) & set(SAID_MOMENTS[day.mood]):
            bits.append(f"you said today is {mood_label(day.mood, partner)}")
        else:
            bits.append("an important date is close")
    if scores and any(scores.values()):
        top = max(LANGUAGE_IDS, key=lambda lid: scores.get(lid, 0.0))
        if gesture.language == top:
            language = LANGUAGE_NAMES[top].lower()
            bits.append(f"{language} ranks high in {partner.whose} profile")
        else:
            bits.append(f"every language matters, not only {partner.whose} top one")
    if day.is_apart and "apart" not in relaxed:
        bits.append("it works at a distance")
    if day.slot in gesture.moments:
        bits.append(f"it suits the {day.slot}")
    if "weekend" in gesture.moments and day.free_day:
        bits.append("it wants a free day, and today is one")
    if not bits and not any(m in TIMES_OF_DAY for m in gesture.moments):
        bits.append("it fits any time of day")
    if relaxed:
        bits.append("nothing else fitted, so it may be " + " or ".join(relaxed_text(relaxed)))
    return "; ".join(bits)


def partner_order(gestures: Iterable[Gesture], scores: Mapping[str, float]) -> list[Gesture]:
    """Gestures ordered for the partner: their strongest languages first, then by title."""
    weights = language_weights(scores)

    def key(g: Gesture) -> tuple[float, str]:
        best = weights.get(g.language, 0.0) + 0.25 * sum(
            weights.get(lid, 0.0) for lid in g.languages[1:]
        )
        return (-best, g.title.lower())

    return sorted(gestures, key=key)
