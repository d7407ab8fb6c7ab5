"""Today's idea with the journal around it: shared by `micromance today` and the Today screen.

The first pick of a day is pinned in the journal, so the idea stays the same all day even
as the time of day moves on or the idea gets marked tried. The pin is dropped when what the
pick depends on changes: a new partner profile, apart mode switched, or what the user said
about today (how the day is, a day off) or an important date coming close.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from micromance_tui.core.journal import (
    ImportantDate,
    Journal,
    JournalError,
    QuizResult,
    upcoming_of,
)
from micromance_tui.core.models import Gesture, Library
from micromance_tui.core.partner_words import PartnerWords
from micromance_tui.core.record import record
from micromance_tui.core.suggest import (
    RECENT_DAYS,
    SPECIAL_LEAD_DAYS,
    Day,
    mood_label,
    pick_today,
    relaxed_text,
)

REMINDER_DAYS = 7


@record
class Today:
    """Today's idea with why it was picked, and what the home screen shows beside it."""

    gesture: Gesture | None
    reason: str
    tried_today: bool
    upcoming: list[tuple[ImportantDate, int]]
    #: the partner's name and pronoun, for every sentence about them
    partner: PartnerWords
    day: Day | None = None
    #: the rules relaxed to find an idea (suggest.RELAX_ORDER ids), usually none
    relaxed: tuple[str, ...] = ()

    @property
    def partner_name(self) -> str:
        return self.partner.name

    @property
    def mood_label(self) -> str:
        return mood_label(self.day.mood if self.day else "ordinary", self.partner)

    @property
    def relaxed_text(self) -> list[str]:
        return relaxed_text(self.relaxed)


def partner_scores(
    journal: Journal, theirs: QuizResult | None = None
) -> tuple[dict[str, float] | None, str]:
    """The partner's latest profile as per-language scores, and the result's id. ``theirs``:
    the result they took on their own machine (Together), used when it is the newer one."""
    result = journal.latest_quiz_result("partner")
    if theirs is not None and (result is None or theirs.taken >= result.taken):
        result = theirs
    if result is None:
        return None, ""
    scores = result.receive if result.mode == "rating" and result.receive else result.scores
    return dict(scores), result.id


def day_of(journal: Journal, now: datetime) -> Day:
    """What is known about now: the hour, apart mode, what the user said about today and
    whether an important date is close enough to make special-day ideas eligible."""
    today = now.date()
    mood, day_off = journal.said_today(today)
    near = journal.upcoming_dates(today, SPECIAL_LEAD_DAYS)
    return Day(
        today=today,
        hour=now.hour,
        mood=mood,
        day_off=day_off,
        apart=journal.settings().apart,
        special_date_in=min((days for _, days in near), default=None),
    )


def _context(profile_id: str, day: Day) -> str:
    near = day.special_date_in is not None
    return f"{profile_id}|{day.apart}|{day.mood}|{day.day_off}|{near}"


def todays_idea(
    library: Library,
    journal: Journal,
    now: datetime,
    *,
    another: bool = False,
    within_days: int = REMINDER_DAYS,
    theirs: QuizResult | None = None,
) -> Today:
    """Today's idea; `another=True` moves on to a different one and pins that instead."""
    today = now.date()
    settings = journal.settings()
    partner = PartnerWords.of(settings)
    scores, profile_id = partner_scores(journal, theirs)
    day = day_of(journal, now)
    context = _context(profile_id, day)
    pin: dict[str, Any] | None = journal.daily_pick()
    valid = (
        pin is not None
        and pin.get("date") == today.isoformat()
        and pin.get("context") == context
        and pin.get("gesture") in library.gesture_by_id
    )
    shown: list[str] = list(pin.get("shown", [])) if valid and pin else []
    upcoming = journal.upcoming_dates(today, within_days)
    everything = journal.tried()
    entries = [e for e in everything if e.date >= today - timedelta(days=RECENT_DAYS)]
    tried_today = {e.gesture_id for e in entries if e.date == today}
    recent = {e.gesture_id for e in entries}
    gesture: Gesture | None = None
    reason = ""
    relaxed: tuple[str, ...] = ()
    if valid and pin and not another:
        gesture = library.gesture_by_id[pin["gesture"]]
        reason = str(pin.get("reason", ""))
        saved = pin.get("relaxed", [])
        relaxed = tuple(r for r in saved if isinstance(r, str)) if isinstance(saved, list) else ()
    else:
        pick = pick_today(
            library.gestures,
            day=day,
            recent=recent,
            scores=scores,
            skip=shown,
            partner=partner,
            first_ever=not everything,
        )
        if pick is not None:
            gesture, reason, relaxed = pick.gesture, pick.reason, pick.relaxed
            new_pin = {
                "date": today.isoformat(),
                "context": context,
                "gesture": gesture.id,
                "reason": reason,
                "relaxed": list(relaxed),
                "shown": [*shown, gesture.id],
            }
            # A read-only journal still gets an idea; it is just not pinned.
            with contextlib.suppress(JournalError):
                journal.set_daily_pick(new_pin)
    return Today(
        gesture=gesture,
        reason=reason,
        tried_today=gesture is not None and gesture.id in tried_today,
        upcoming=upcoming,
        partner=partner,
        day=day,
        relaxed=relaxed,
    )


def describe_date(
    item: ImportantDate, days: int, partner: PartnerWords, *, added_by: str = ""
) -> str:
    """'Sam's birthday is in 6 days' and friends; ``added_by``: the partner's name, for a
    date they added on their own machine (Together): '... is in 6 days (from Sam)'."""
    when = "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"
    if item.kind == "birthday":
        what = f"{partner.whose} birthday"
    elif item.kind == "anniversary":
        what = item.label or "your anniversary"
    else:
        what = item.label
    said = f"{what[:1].upper()}{what[1:]} is {when}"
    return f"{said} (from {added_by})" if added_by else said


def coming_up(
    own: Sequence[tuple[ImportantDate, int]],
    theirs: Iterable[ImportantDate],
    today: date,
    within_days: int,
    by: str,
) -> list[tuple[ImportantDate, int, str]]:
    """Your dates coming up (``own``, as ``Journal.upcoming_dates`` gives them) and those
    the partner added on their machine (Together), soonest first, each with who added it:
    "" for yours, ``by`` (their name) for theirs. Left out of theirs: their birthdays (in
    their app a birthday is their partner's, so yours: no reminder of your own), and any
    date you keep too (the same kind on the same day)."""
    taken = {(item.kind, days) for item, days in own}
    not_birthdays = (item for item in theirs if item.kind != "birthday")
    shared = [
        (item, days, by)
        for item, days in upcoming_of(not_birthdays, today, within_days)
        if (item.kind, days) not in taken
    ]
    return sorted([(item, days, "") for item, days in own] + shared, key=lambda row: row[1])


def date_label(item: ImportantDate, days: int, today: date) -> str:
    target = today + timedelta(days=days)
    return f"{target:%a} {target.day} {target:%b}"
