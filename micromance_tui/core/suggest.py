"""Today's idea: a pure, deterministic choice from the library.

The same inputs always give the same idea, so the TUI and `micromance today` agree. The
choice is weighted by the partner's latest quiz profile where there is one (every language
keeps a floor, because all five matter), skips ideas tried in the last 30 days, prefers the
moments of the current time of day, and honours apart mode.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from micromance_tui.core.models import LANGUAGE_IDS, LANGUAGE_NAMES, Gesture

RECENT_DAYS = 30
#: the smallest share of the day's chances any one language keeps, with a profile or without
LANGUAGE_FLOOR = 0.08
MOMENT_BOOST = 3.0


def moments_for(when: date, hour: int) -> tuple[str, ...]:
    """The moments that fit a time of day (and a weekend)."""
    if 5 <= hour < 11:
        slot = "morning"
    elif 11 <= hour < 17:
        slot = "daytime"
    elif 17 <= hour < 21:
        slot = "evening"
    else:
        slot = "bedtime"
    return (slot, "weekend") if when.weekday() >= 5 else (slot,)


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


def fits_apart(gesture: Gesture, apart: bool) -> bool:
    """In apart mode only ideas for time apart; otherwise not the ones only for apart."""
    if apart:
        return "apart" in gesture.moments
    return tuple(gesture.moments) != ("apart",)


@dataclass(frozen=True, slots=True)
class Pick:
    """A suggested gesture and the reason given for it."""

    gesture: Gesture
    reason: str


def _seed(*parts: object) -> str:
    """A string seed: random.Random hashes it the same way on every run and machine."""
    return "|".join(str(p) for p in parts)


def pick_today(
    gestures: Sequence[Gesture],
    *,
    today: date,
    hour: int,
    recent: Iterable[str] = (),
    scores: Mapping[str, float] | None = None,
    apart: bool = False,
    special_day: bool = False,
    skip: Iterable[str] = (),
    partner_name: str = "",
) -> Pick | None:
    """Choose today's idea. `skip` lists ids already shown today ("show another")."""
    recent_ids = set(recent)
    skipped = set(skip)
    fitting = [g for g in gestures if fits_apart(g, apart)] or list(gestures)
    pool = [g for g in fitting if g.id not in recent_ids and g.id not in skipped]
    if not pool:
        pool = [g for g in fitting if g.id not in skipped] or fitting
    if not pool:
        return None
    weights = language_weights(scores)
    per_language: dict[str, int] = {}
    for g in pool:
        per_language[g.language] = per_language.get(g.language, 0) + 1
    wanted = set(moments_for(today, hour))
    if special_day:
        wanted.add("special-day")
    chances = []
    for g in pool:
        chance = weights.get(g.language, LANGUAGE_FLOOR) / per_language[g.language]
        if wanted & set(g.moments):
            chance *= MOMENT_BOOST
        chances.append(chance)
    rng = random.Random(_seed(today.isoformat(), apart, sorted(skipped)))
    gesture = rng.choices(pool, weights=chances, k=1)[0]
    return Pick(gesture, _reason(gesture, scores, wanted, apart, partner_name))


def _reason(
    gesture: Gesture,
    scores: Mapping[str, float] | None,
    wanted: set[str],
    apart: bool,
    partner_name: str,
) -> str:
    bits: list[str] = []
    if scores and any(scores.values()):
        top = max(LANGUAGE_IDS, key=lambda lid: scores.get(lid, 0.0))
        who = partner_name or "your partner"
        if gesture.language == top:
            bits.append(f"{LANGUAGE_NAMES[top].lower()} ranks high in {who}'s profile")
        else:
            bits.append(f"every language matters, not only {who}'s top one")
    if apart:
        bits.append("it works at a distance")
    matched = sorted(wanted & set(gesture.moments))
    if matched:
        bits.append(f"it suits the {matched[0].replace('-', ' ')}")
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
