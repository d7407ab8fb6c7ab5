"""Rhythm and balance over the journal: pure functions, no Textual, no clock of their own.

Counts, never scores: these describe what has been happening (which days, which weeks,
which languages, which ideas landed well a while ago), never how well someone is doing.

- :func:`calendar` lays the last weeks out as 7 rows (Monday to Sunday) by N columns
  (oldest week first), each cell with the number of ideas tried that day and a shade level.
- :func:`week_run` counts consecutive Monday-to-Sunday weeks with at least one idea tried:
  weeks, not days, so a quiet day never breaks anything, and a week still in progress
  never counts against the run.
- :func:`worth_repeating` finds ideas that landed well (reaction 4 or 5) and have not been
  tried again for a while; with Together, by the partner's own reactions where they gave one.
- :func:`language_spread` counts entries per main love language since a day.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from micromance_tui.core.journal import REACTIONS, TriedEntry
from micromance_tui.core.models import LANGUAGE_IDS
from micromance_tui.core.plural import plural
from micromance_tui.core.record import record

CALENDAR_WEEKS = 12
REPEAT_AFTER_DAYS = 60
LANDED_WELL = 4  # reactions 4 ("went well") and 5 ("loved it")
LEVELS = 4  # shade levels 0..3

#: Short names for narrow columns.
LANGUAGE_SHORT: dict[str, str] = {
    "words": "Words",
    "service": "Service",
    "gifts": "Gifts",
    "time": "Time",
    "touch": "Touch",
}


def week_start(day: date) -> date:
    """The Monday of the week ``day`` is in."""
    return day - timedelta(days=day.weekday())


def day_counts(days: Iterable[date]) -> Counter[date]:
    """How many entries fell on each day."""
    return Counter(days)


def level(count: int) -> int:
    """Shade level for a day: 0 nothing, 1 one idea, 2 two, 3 three or more."""
    if count <= 0:
        return 0
    return min(count, LEVELS - 1)


@record
class CalendarCell:
    day: date
    count: int
    future: bool  # after today (the rest of the current week)

    @property
    def level(self) -> int:
        return 0 if self.future else level(self.count)


def calendar(
    counts: Mapping[date, int], today: date, weeks: int = CALENDAR_WEEKS
) -> list[list[CalendarCell]]:
    """7 rows (Monday first) of ``weeks`` cells each, oldest week on the left; the last
    column is the current week, whose days after ``today`` are marked ``future``."""
    first = week_start(today) - timedelta(weeks=weeks - 1)
    rows: list[list[CalendarCell]] = []
    for weekday in range(7):
        row = []
        for column in range(weeks):
            day = first + timedelta(weeks=column, days=weekday)
            row.append(CalendarCell(day, counts.get(day, 0), day > today))
        rows.append(row)
    return rows


def calendar_total(rows: list[list[CalendarCell]]) -> int:
    return sum(cell.count for row in rows for cell in row if not cell.future)


@record
class WeekRun:
    current: int
    """Consecutive weeks with an idea tried, up to this week (or last week, while this
    week has none yet: a week in progress does not break a run)."""
    longest: int
    this_week: bool
    """Whether this week already has an idea tried."""


def week_run(days: Iterable[date], today: date) -> WeekRun:
    weeks = {week_start(day) for day in days if day <= today}
    this = week_start(today)
    this_week = this in weeks
    cursor = this if this_week else this - timedelta(weeks=1)
    current = 0
    while cursor in weeks:
        current += 1
        cursor -= timedelta(weeks=1)
    longest = run = 0
    previous: date | None = None
    for start in sorted(weeks):
        run = run + 1 if previous is not None and start - previous == timedelta(weeks=1) else 1
        longest = max(longest, run)
        previous = start
    return WeekRun(current=current, longest=longest, this_week=this_week)


def week_run_text(run: WeekRun) -> str:
    """One or two plain sentences about the run, never a grade."""
    if run.current == 0:
        if run.longest:
            return (
                f"No run going right now; your longest was {_weeks(run.longest)}. "
                "One small idea this week starts a new one."
            )
        return "One small idea this week starts a run."
    text = f"{_weeks(run.current).capitalize()} in a row with at least one idea tried"
    if not run.this_week:
        text += " (this week is still open)"
    text += "."
    if run.longest > run.current:
        text += f" Longest so far: {_weeks(run.longest)}."
    return text


def _weeks(n: int) -> str:
    return plural(n, "week")


@record
class RepeatIdea:
    gesture_id: str
    last: date  # the most recent time it was tried, however it landed
    best: int  # the best reaction it ever got
    landed_well: int  # how many times it landed well
    days_since: int
    #: ``best`` is the partner's own answer (Together), not the doer's guess
    theirs: bool = False
    #: with ``theirs``: the doer's own guess on that entry, if they noted one
    guess: int | None = None


def worth_repeating(
    entries: Iterable[TriedEntry],
    today: date,
    *,
    after_days: int = REPEAT_AFTER_DAYS,
    known: Iterable[str] | None = None,
    theirs: Mapping[str, int] | None = None,
) -> list[RepeatIdea]:
    """Ideas that landed well (reaction 4 or 5) at least once and have not been tried for
    ``after_days`` days or more: the best-received first, then the longest since.

    ``known`` limits the result to these gesture ids (ideas still in the library).
    ``theirs`` maps journal entry ids to the partner's own reaction (Together): where there
    is one it is how the entry landed, whatever the doer guessed; at an equal best, an idea
    the partner confirmed comes before one only guessed."""
    said = theirs or {}
    last: dict[str, date] = {}
    best: dict[str, tuple[int, bool, int | None]] = {}  # reaction, theirs, the guess
    well: Counter[str] = Counter()
    for entry in entries:
        gid = entry.gesture_id
        if entry.date > last.get(gid, date.min):
            last[gid] = entry.date
        real = said.get(entry.id)
        reaction = real if real is not None else entry.reaction
        if reaction is not None and reaction >= LANDED_WELL:
            well[gid] += 1
            found_best = (reaction, real is not None, entry.reaction if real is not None else None)
            if found_best[:2] > best.get(gid, (0, False, None))[:2]:
                best[gid] = found_best
    allowed = set(known) if known is not None else None
    found: list[RepeatIdea] = []
    for gid, (top, confirmed, guess) in best.items():
        if allowed is not None and gid not in allowed:
            continue
        since = (today - last[gid]).days
        if since >= after_days:
            found.append(RepeatIdea(gid, last[gid], top, well[gid], since, confirmed, guess))
    found.sort(
        key=lambda idea: (
            -idea.best,
            not idea.theirs,
            -idea.landed_well,
            -idea.days_since,
            idea.gesture_id,
        )
    )
    return found


def repeat_text(idea: RepeatIdea, partner: str = "") -> str:
    """ "Sam: loved it (you guessed: fine), last tried 70 days ago"; without a partner's own
    answer, just the reaction noted."""
    landed = REACTIONS[idea.best]
    if idea.theirs:
        landed = f"{partner or 'your partner'}: {landed}"
        if idea.guess is not None and idea.guess != idea.best:
            landed += f" (you guessed: {REACTIONS[idea.guess]})"
    return f"{landed}, last tried {plural(idea.days_since, 'day')} ago"


def language_spread(
    entries: Iterable[TriedEntry],
    language_of: Mapping[str, str],
    since: date,
) -> dict[str, int]:
    """Entries on or after ``since`` per main love language (all five, zeros included);
    entries for ideas not in ``language_of`` are left out."""
    counts: Counter[str] = Counter()
    for entry in entries:
        if entry.date >= since:
            lid = language_of.get(entry.gesture_id)
            if lid is not None:
                counts[lid] += 1
    return {lid: counts.get(lid, 0) for lid in LANGUAGE_IDS}
