"""Today's idea, the choice itself (core/suggest.py): fit first, then weight.

Each rule has a test that fails when the rule is taken out: the fit rules (time of day, a free
day, apart, kind of day), the 30-day skip, the language floor and the partner weighting.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

import pytest

from micromance_tui.core.models import LANGUAGE_IDS, Gesture
from micromance_tui.core.partner_words import PartnerWords
from micromance_tui.core.suggest import (
    LANGUAGE_FLOOR,
    Day,
    candidates,
    is_starter,
    language_weights,
    pick_today,
    time_of_day,
)

TUESDAY = date(2026, 12, 1)
SATURDAY = date(2026, 12, 5)


def idea(gid: str, *moments: str, lang: str = "words", **extra: Any) -> Gesture:
    fields: dict[str, Any] = {"effort": "tiny", "cost": "free"} | extra
    return Gesture(
        id=gid,
        title=gid.replace("-", " "),
        summary="A summary.",
        how="1. Do it.",
        why="Because.",
        languages=(lang,),
        moments=moments,
        **fields,
    )


def ids(gestures: list[Gesture]) -> set[str]:
    return {g.id for g in gestures}


def picks(gestures: list[Gesture], days: int = 60, **kwargs: Any) -> Counter[str]:
    """How often each idea is the first pick over `days` consecutive days."""
    hour = kwargs.pop("hour", 9)
    base = kwargs.pop("day", Day(TUESDAY, hour))
    counts: Counter[str] = Counter()
    for n in range(days):
        day = Day(
            base.today + timedelta(days=n),
            hour,
            mood=base.mood,
            day_off=base.day_off,
            apart=base.apart,
            special_date_in=base.special_date_in,
        )
        pick = pick_today(gestures, day=day, **kwargs)
        assert pick is not None
        counts[pick.gesture.id] += 1
    return counts


# -- fit: the time of day ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("hour", "slot"),
    [(8, "morning"), (13, "daytime"), (19, "evening"), (22, "bedtime"), (3, "bedtime")],
)
def test_time_of_day(hour: int, slot: str) -> None:
    assert time_of_day(hour) == slot


def test_only_ideas_for_now_or_for_any_time_are_candidates() -> None:
    library = [
        idea("at-bedtime", "bedtime"),
        idea("in-the-morning", "morning"),
        idea("any-time"),
        idea("evening-or-bedtime", "evening", "bedtime"),
    ]
    assert ids(candidates(library, Day(TUESDAY, 8))[0]) == {"in-the-morning", "any-time"}
    assert ids(candidates(library, Day(TUESDAY, 22))[0]) == {
        "at-bedtime",
        "any-time",
        "evening-or-bedtime",
    }


def test_a_bedtime_idea_is_never_the_morning_pick() -> None:
    library = [idea("at-bedtime", "bedtime"), idea("in-the-morning", "morning")]
    assert set(picks(library, hour=8)) == {"in-the-morning"}


# -- fit: weekend ideas need a free day ----------------------------------------------------


def test_weekend_ideas_only_on_a_free_day() -> None:
    library = [idea("slow-saturday", "weekend"), idea("any-day")]
    assert ids(candidates(library, Day(TUESDAY, 10))[0]) == {"any-day"}
    assert ids(candidates(library, Day(SATURDAY, 10))[0]) == {"slow-saturday", "any-day"}
    assert ids(candidates(library, Day(TUESDAY, 10, day_off=True))[0]) == {
        "slow-saturday",
        "any-day",
    }


def test_a_date_idea_or_an_hour_long_one_wants_an_evening_or_a_free_day() -> None:
    library = [
        idea("dinner-out", tags=("date-idea",)),
        idea("clear-the-attic", effort="large"),
        idea("plain"),
    ]
    big = {"dinner-out", "clear-the-attic", "plain"}
    assert ids(candidates(library, Day(TUESDAY, 10))[0]) == {"plain"}
    assert ids(candidates(library, Day(TUESDAY, 19))[0]) == big
    assert ids(candidates(library, Day(SATURDAY, 10))[0]) == big
    assert ids(candidates(library, Day(TUESDAY, 10, day_off=True))[0]) == big
    # a big idea that names its time keeps to it
    breakfast = idea("long-breakfast", "morning", effort="large")
    assert candidates([breakfast], Day(TUESDAY, 8))[0] == [breakfast]


# -- fit: apart ------------------------------------------------------------------------------


def test_apart_mode_offers_only_ideas_that_work_at_a_distance() -> None:
    library = [idea("a-hug"), idea("a-text", "apart"), idea("a-video-call", "apart-only")]
    assert ids(candidates(library, Day(TUESDAY, 10))[0]) == {"a-hug", "a-text"}
    assert ids(candidates(library, Day(TUESDAY, 10, apart=True))[0]) == {"a-text", "a-video-call"}
    # "we are apart today" does the same for one day
    assert ids(candidates(library, Day(TUESDAY, 10, mood="apart"))[0]) == {
        "a-text",
        "a-video-call",
    }


# -- fit: kinds of day are said, not guessed ---------------------------------------------------


def test_kind_of_day_ideas_only_when_said() -> None:
    library = [
        idea("anniversary-letter", "special-day"),
        idea("sick-day", "tough-times"),
        idea("after-work", "after-hard-day"),
        idea("plain"),
    ]
    assert ids(candidates(library, Day(TUESDAY, 10))[0]) == {"plain"}
    assert ids(candidates(library, Day(TUESDAY, 10, mood="special"))[0]) == {
        "anniversary-letter",
        "plain",
    }
    assert ids(candidates(library, Day(TUESDAY, 10, mood="hard-day"))[0]) == {
        "sick-day",
        "after-work",
        "plain",
    }
    # an important date two days away makes special-day ideas eligible without asking
    assert ids(candidates(library, Day(TUESDAY, 10, special_date_in=2))[0]) == {
        "anniversary-letter",
        "plain",
    }


def test_what_was_said_about_today_comes_first() -> None:
    library = [idea(f"plain-{n}", lang=lid) for n, lid in enumerate(LANGUAGE_IDS)]
    library.append(idea("after-work", "after-hard-day"))
    assert set(picks(library, day=Day(TUESDAY, 18, mood="hard-day"))) == {"after-work"}
    pick = pick_today(library, day=Day(TUESDAY, 18, mood="hard-day"))
    assert pick is not None and "you said today is a hard day for them" in pick.reason


def test_ideas_for_a_situation_stay_in_browse() -> None:
    library = [idea("after-a-fight", situations=("repair",)), idea("plain")]
    for mood in ("ordinary", "hard-day", "special", "apart"):
        assert "after-a-fight" not in ids(candidates(library, Day(TUESDAY, 10, mood=mood))[0])


# -- weighting ---------------------------------------------------------------------------------


def test_ideas_tried_in_the_last_30_days_are_skipped() -> None:
    library = [idea("tried-last-week"), idea("not-tried")]
    assert set(picks(library, recent={"tried-last-week"})) == {"not-tried"}


def test_when_nothing_fits_rules_are_relaxed_one_at_a_time_and_said() -> None:
    everything_tried = [idea("a"), idea("b")]
    pick = pick_today(everything_tried, day=Day(TUESDAY, 10), recent={"a", "b"})
    assert pick is not None and pick.relaxed == ("recent",)
    assert "tried in the last 30 days" in pick.reason
    only_bedtime = [idea("at-bedtime", "bedtime")]
    pick = pick_today(only_bedtime, day=Day(TUESDAY, 8))
    assert pick is not None and pick.relaxed == ("recent", "time")
    assert "another time of day" in pick.reason
    # the weekend rule is relaxed only after the time of day
    weekend_evening = [idea("saturday-night", "weekend", "evening")]
    pick = pick_today(weekend_evening, day=Day(TUESDAY, 19))
    assert pick is not None and pick.relaxed == ("recent", "time", "weekend")


def test_every_language_keeps_a_floor() -> None:
    weights = language_weights({"words": 12, "service": 0, "gifts": 0, "time": 0, "touch": 0})
    assert sum(weights.values()) == pytest.approx(1.0)
    assert all(w >= LANGUAGE_FLOOR for w in weights.values())
    library = [idea(f"idea-{lid}", lang=lid) for lid in LANGUAGE_IDS]
    counts = picks(library, days=400, scores={"words": 12})
    assert all(counts[f"idea-{lid}"] > 0 for lid in LANGUAGE_IDS), counts


def test_the_partner_profile_weights_the_choice() -> None:
    library = [idea(f"idea-{lid}", lang=lid) for lid in LANGUAGE_IDS]
    plain = picks(library, days=400)
    for_touch = picks(library, days=400, scores={"touch": 12, "words": 1})
    assert plain["idea-touch"] < 130  # about a fifth without a profile
    assert for_touch["idea-touch"] > 200  # most days with touch far ahead
    sam = PartnerWords("Sam")
    pick = pick_today(library, day=Day(TUESDAY, 10), scores={"touch": 12}, partner=sam)
    assert pick is not None
    assert pick.reason.startswith(("physical touch ranks high", "every language matters"))


def test_language_shares_do_not_follow_how_many_ideas_a_language_has() -> None:
    library = [idea(f"words-{n}", lang="words") for n in range(20)]
    library.append(idea("one-touch", lang="touch"))
    counts = picks(library, days=400)
    assert 120 < counts["one-touch"] < 280  # half the chances each, not 1 in 21


# -- the first idea a new user sees ---------------------------------------------------------------


def test_the_first_idea_ever_is_a_starter() -> None:
    library = [
        idea("big-plan", "apart", effort="medium"),
        idea("pricey", "apart", cost="medium"),
        idea("needs-a-car"),  # does not work at a distance: it may assume a home, a car
        idea("quick-text", "apart"),
    ]
    assert [g.id for g in library if is_starter(g)] == ["quick-text"]
    assert set(picks(library, first_ever=True)) == {"quick-text"}
    assert len(picks(library)) > 1  # once something is logged, anything that fits


def test_a_starter_is_never_for_a_kind_of_day_a_free_day_or_only_apart() -> None:
    for moments in (("apart", "special-day"), ("apart", "weekend"), ("apart-only",)):
        assert not is_starter(idea("x", *moments))
    assert not is_starter(idea("x", "apart", situations=("grief",)))
