"""Today's idea with the journal around it (core/daily.py): the same idea all day, what the
user said about today kept for that day only, important dates, and the done-when walk over
four weeks of the shipped library."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from micromance_tui.core import paths as paths_mod
from micromance_tui.core.clock import fixed_clock
from micromance_tui.core.content import load_library
from micromance_tui.core.daily import todays_idea
from micromance_tui.core.journal import Journal, JournalValueError
from micromance_tui.core.models import Gesture, Library, Quiz

TUESDAY = datetime(2026, 12, 1, 8, 0)


def idea(gid: str, *moments: str, lang: str = "words") -> Gesture:
    return Gesture(
        id=gid,
        title=gid,
        summary="A summary.",
        how="1. Do it.",
        why="Because.",
        languages=(lang,),
        effort="tiny",
        cost="free",
        moments=moments,
    )


def small_library(*gestures: Gesture) -> Library:
    return Library(languages=(), gestures=gestures, faq=(), guides=(), quiz=Quiz())


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    return Journal.open(tmp_path / "journal.json", clock=fixed_clock(TUESDAY))


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Library:
    tmp = tmp_path_factory.mktemp("shipped")
    p = paths_mod.resolve(cache_dir=tmp / "cache", config_dir=tmp / "cfg")
    return load_library(p, use_cache=False).library


def test_the_same_idea_all_day(journal: Journal) -> None:
    library = small_library(
        *(idea(f"morning-{n}", "morning") for n in range(5)),
        *(idea(f"evening-{n}", "evening") for n in range(5)),
    )
    first = todays_idea(library, journal, TUESDAY).gesture
    assert first is not None and first.id.startswith("morning-")
    for hour in (13, 19, 23):
        later = todays_idea(library, journal, TUESDAY.replace(hour=hour)).gesture
        assert later == first
    another = todays_idea(library, journal, TUESDAY, another=True).gesture
    assert another is not None and another != first
    assert todays_idea(library, journal, TUESDAY.replace(hour=20)).gesture == another
    # a new day, a new pick, for the time it is then (20:00)
    tomorrow = todays_idea(library, journal, TUESDAY + timedelta(days=1, hours=12))
    assert tomorrow.gesture is not None and tomorrow.gesture.id.startswith("evening-")


def test_how_today_is_is_kept_for_that_day_only(journal: Journal) -> None:
    library = small_library(idea("plain"), idea("after-work", "after-hard-day"))
    assert todays_idea(library, journal, TUESDAY).gesture == library.gestures[0]
    journal.set_said_today(TUESDAY.date(), mood="hard-day")
    info = todays_idea(library, journal, TUESDAY)
    assert info.gesture is not None and info.gesture.id == "after-work"
    assert info.day is not None and info.day.mood == "hard-day"
    assert journal.said_today(TUESDAY.date() + timedelta(days=1)) == ("ordinary", False)
    next_day = todays_idea(library, journal, TUESDAY + timedelta(days=1))
    assert next_day.gesture is not None and next_day.gesture.id == "plain"


def test_a_day_off_admits_weekend_ideas(journal: Journal) -> None:
    library = small_library(idea("slow-morning", "weekend"))
    assert todays_idea(library, journal, TUESDAY).relaxed != ()
    journal.set_said_today(TUESDAY.date(), day_off=True)
    info = todays_idea(library, journal, TUESDAY)
    assert info.relaxed == ()
    assert "today is one" in info.reason
    assert journal.said_today(TUESDAY.date()) == ("ordinary", True)


def test_a_bad_mood_is_refused(journal: Journal) -> None:
    with pytest.raises(JournalValueError, match="mood 'sad' is not allowed"):
        journal.set_said_today(TUESDAY.date(), mood="sad")


def test_an_important_date_makes_special_day_ideas_eligible(journal: Journal) -> None:
    library = small_library(idea("plain"), idea("anniversary-letter", "special-day"))
    assert todays_idea(library, journal, TUESDAY).gesture == library.gestures[0]
    journal.add_date("anniversary", "Our anniversary", date(2019, 12, 3))  # in two days
    info = todays_idea(library, journal, TUESDAY)
    assert info.gesture is not None and info.gesture.id == "anniversary-letter"
    assert "an important date is close" in info.reason


def test_apart_mode_switches_the_idea(journal: Journal) -> None:
    library = small_library(idea("a-hug"), idea("a-video-call", "apart-only"))
    assert todays_idea(library, journal, TUESDAY).gesture == library.gestures[0]
    journal.update_settings(apart=True)
    info = todays_idea(library, journal, TUESDAY)
    assert info.gesture == library.gestures[1]
    assert "it works at a distance" in info.reason


# -- done when: four weeks of a new user's first picks ------------------------------------------

SLOTS = {"morning": (5, 11), "daytime": (11, 17), "evening": (17, 21)}


def named_time_fits(moments: tuple[str, ...], hour: int) -> bool:
    """An independent reading of the contract: no time named, or the one it is now."""
    named = [m for m in moments if m in ("morning", "daytime", "evening", "bedtime")]
    now = next((s for s, (lo, hi) in SLOTS.items() if lo <= hour < hi), "bedtime")
    return not named or now in named


def test_four_weeks_of_first_picks_fit_the_moment(shipped: Library, tmp_path: Path) -> None:
    start = date(2026, 11, 2)  # a Monday
    seen = set()
    for offset in range(28):
        for at in (time(8, 0), time(13, 0), time(19, 30), time(22, 30)):
            now = datetime.combine(start + timedelta(days=offset), at)
            folder = tmp_path / f"{offset}-{at.hour}"
            with Journal.open(folder / "journal.json", clock=fixed_clock(now)) as journal:
                info = todays_idea(shipped, journal, now)
            g = info.gesture
            assert g is not None
            where = f"{now:%a %d %b %H:%M}: {g.id} {g.moments}"
            assert named_time_fits(g.moments, now.hour), where
            assert now.weekday() >= 5 or "weekend" not in g.moments, where
            assert not {"special-day", "tough-times", "after-hard-day"} & set(g.moments), where
            assert not g.situations and "apart-only" not in g.moments, where
            # the first idea a new user sees: small, cheap, and fits anyone
            assert g.effort in ("tiny", "small") and g.cost in ("free", "low"), where
            assert info.relaxed == (), where
            seen.add(g.id)
    assert len(seen) >= 10  # not one idea every day


def test_starters_in_the_shipped_library_assume_nothing(shipped: Library) -> None:
    from micromance_tui.core.suggest import is_starter

    starters = [g for g in shipped.gestures if is_starter(g)]
    assumes = ("car", "garden", "anniversary", "birthday", "sick", "ill", "kitchen", "bed")
    for g in starters:
        text = f"{g.title} {g.summary}".lower().replace(",", " ").replace(".", " ").split()
        assert not set(assumes) & set(text), g.id
    for hour in (8, 13, 19, 22):  # a starter fits every time of day
        assert any(named_time_fits(g.moments, hour) for g in starters), hour
