"""The current time, injectable so tests, snapshots and screenshots see a fixed day."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, datetime

Clock = Callable[[], datetime]
NOW_ENV = "MICROMANCE_NOW"
FIRST_YEAR = 1900
LAST_YEAR = 2900


def day_text(day: date, *, year: bool = False) -> str:
    """A day as people write it: "Tue 1 Dec" (``year``: "Tue 1 Dec 2026"). Built from the
    day number itself: strftime has no portable "day without a leading zero"."""
    text = f"{day:%a} {day.day} {day:%b}"
    return f"{text} {day.year}" if year else text


def system_clock() -> datetime:
    return datetime.now()


def fixed_clock(moment: datetime) -> Clock:
    def clock() -> datetime:
        return moment

    return clock


def clock_from_env() -> Clock:
    """The system clock, or a fixed moment from $MICROMANCE_NOW (ISO format, for tests)."""
    value = os.environ.get(NOW_ENV, "").strip()
    if not value:
        return system_clock
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"${NOW_ENV} is {value!r}; expected an ISO date and time like 2026-11-25T09:00"
        ) from None
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        # Reminders and the week's spread count days either side of today: year 1 or 9999
        # would take them off the calendar.
        raise ValueError(f"${NOW_ENV} is {value!r}; use a year from {FIRST_YEAR} to {LAST_YEAR}")
    if moment.tzinfo is not None:  # local time, as the system clock gives
        moment = moment.astimezone().replace(tzinfo=None)
    return fixed_clock(moment)
