"""Rhythm and balance: the calendar, the run of weeks, ideas worth repeating, the spread."""

from __future__ import annotations

from datetime import date, timedelta

from micromance_tui.core.journal import TriedEntry
from micromance_tui.core.rhythm import (
    calendar,
    calendar_total,
    day_counts,
    language_spread,
    level,
    repeat_text,
    week_run,
    week_run_text,
    week_start,
    worth_repeating,
)

TODAY = date(2026, 11, 25)  # a Wednesday


def entry(gid: str, day: date, reaction: int | None = None, n: int = 0) -> TriedEntry:
    return TriedEntry(
        id=f"{gid}-{day.isoformat()}-{n}",
        gesture_id=gid,
        date=day,
        time="",
        note="",
        reaction=reaction,
        for_whom="partner",
        created=f"{day.isoformat()}T12:00:00",
    )


def test_week_start_is_monday() -> None:
    assert week_start(TODAY) == date(2026, 11, 23)
    assert week_start(date(2026, 11, 23)) == date(2026, 11, 23)
    assert week_start(date(2026, 11, 29)) == date(2026, 11, 23)  # Sunday


def test_level_shades() -> None:
    assert [level(n) for n in (0, 1, 2, 3, 9)] == [0, 1, 2, 3, 3]


def test_calendar_layout_and_counts() -> None:
    days = [TODAY, TODAY, date(2026, 11, 23), date(2026, 9, 7), date(2026, 9, 6)]
    rows = calendar(day_counts(days), TODAY)
    assert len(rows) == 7 and all(len(row) == 12 for row in rows)
    # Rows are weekdays, Monday first; the last column is this week.
    assert rows[0][11].day == date(2026, 11, 23)
    assert rows[2][11].day == TODAY
    assert rows[2][11].count == 2 and rows[2][11].level == 2
    assert rows[0][11].count == 1
    # The rest of this week is in the future and never shaded.
    assert rows[3][11].future and rows[3][11].level == 0
    assert not rows[2][11].future
    # The first column is the Monday 11 weeks before this week's Monday.
    assert rows[0][0].day == date(2026, 9, 7)
    assert rows[0][0].count == 1
    # 6 September is the Sunday before: outside the 12 weeks.
    assert calendar_total(rows) == 4


def test_week_run_counts_weeks_not_days() -> None:
    # One idea in each of the last three weeks (any day), none yet this week.
    days = [date(2026, 11, 2), date(2026, 11, 14), date(2026, 11, 22)]
    run = week_run(days, TODAY)
    assert run.current == 3
    assert not run.this_week
    # A gesture this week extends the run.
    run = week_run([*days, TODAY], TODAY)
    assert run.current == 4 and run.this_week


def test_week_run_breaks_on_an_empty_week_and_keeps_the_longest() -> None:
    old = [date(2026, 9, 7) + timedelta(weeks=n) for n in range(5)]  # 5 weeks in a row
    recent = [date(2026, 11, 16), TODAY]  # last week and this week
    run = week_run(old + recent, TODAY)
    assert run.current == 2
    assert run.longest == 5
    assert "2 weeks in a row" in week_run_text(run)
    assert "Longest so far: 5 weeks" in week_run_text(run)


def test_week_run_gap_two_weeks_ago_means_no_run() -> None:
    run = week_run([date(2026, 11, 9)], TODAY)  # two weeks before this one
    assert run.current == 0 and run.longest == 1
    assert "No run going" in week_run_text(run)
    assert week_run([], TODAY).current == 0
    assert week_run_text(week_run([], TODAY)) == "One small idea this week starts a run."


def test_week_run_ignores_future_days() -> None:
    assert week_run([TODAY + timedelta(days=1)], TODAY).current == 0


def test_worth_repeating() -> None:
    long_ago = TODAY - timedelta(days=90)
    entries = [
        entry("loved", long_ago, 5),
        entry("went-well", TODAY - timedelta(days=60), 4),  # exactly 60 days: included
        entry("recent", long_ago, 5),
        entry("recent", TODAY - timedelta(days=10), 2, n=1),  # repeated lately: left out
        entry("fine", long_ago, 3),  # did not land well
        entry("no-reaction", long_ago),
        entry("59-days", TODAY - timedelta(days=59), 5),
        entry("gone", long_ago, 5),
    ]
    found = worth_repeating(entries, TODAY, known={"loved", "went-well", "recent", "fine"})
    assert [idea.gesture_id for idea in found] == ["loved", "went-well"]
    assert found[0].best == 5 and found[0].days_since == 90
    assert found[1].last == TODAY - timedelta(days=60)
    everything = worth_repeating(entries, TODAY)
    assert {idea.gesture_id for idea in everything} == {"loved", "went-well", "gone"}


def test_worth_repeating_orders_best_then_most_often() -> None:
    day = TODAY - timedelta(days=100)
    entries = [
        entry("a", day, 4),
        entry("b", day, 5),
        entry("c", day, 4),
        entry("c", day - timedelta(days=7), 4, n=1),
    ]
    assert [i.gesture_id for i in worth_repeating(entries, TODAY)] == ["b", "c", "a"]


def test_worth_repeating_takes_the_partners_own_reaction_over_the_guess() -> None:
    day = TODAY - timedelta(days=80)
    guessed_low = entry("soup", day, 3)  # the doer thought "fine"; Sam loved it
    guessed_high = entry("joke", day, 5)  # the doer thought "loved it"; Sam: fell flat
    no_guess = entry("tea", day)  # no guess at all; Sam: went well
    only_guess = entry("walk", day, 5)  # Sam never said
    theirs = {guessed_low.id: 5, guessed_high.id: 1, no_guess.id: 4}
    found = worth_repeating([guessed_low, guessed_high, no_guess, only_guess], TODAY, theirs=theirs)
    # soup (Sam: 5) before walk (a guessed 5): a real answer outranks a guess
    assert [(i.gesture_id, i.best, i.theirs, i.guess) for i in found] == [
        ("soup", 5, True, 3),
        ("walk", 5, False, None),
        ("tea", 4, True, None),
    ]
    assert (
        repeat_text(found[0], "Sam") == "Sam: loved it (you guessed: fine), last tried 80 days ago"
    )
    assert repeat_text(found[1], "Sam") == "loved it, last tried 80 days ago"
    assert repeat_text(found[2], "Sam") == "Sam: went well, last tried 80 days ago"
    # without Together, the guesses decide
    alone = worth_repeating([guessed_low, guessed_high, no_guess, only_guess], TODAY)
    assert [i.gesture_id for i in alone] == ["joke", "walk"]


def test_language_spread() -> None:
    language_of = {"hug": "touch", "note": "words", "tea": "service"}
    entries = [
        entry("hug", TODAY),
        entry("hug", TODAY - timedelta(days=29), n=1),
        entry("note", TODAY - timedelta(days=30)),
        entry("tea", TODAY - timedelta(days=89)),
        entry("unknown", TODAY),
    ]
    last30 = language_spread(entries, language_of, TODAY - timedelta(days=29))
    assert last30 == {"words": 0, "service": 0, "gifts": 0, "time": 0, "touch": 2}
    last90 = language_spread(entries, language_of, TODAY - timedelta(days=89))
    assert last90 == {"words": 1, "service": 1, "gifts": 0, "time": 0, "touch": 2}
