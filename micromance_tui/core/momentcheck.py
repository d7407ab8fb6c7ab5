"""Where a gesture's text and its `moments` disagree in ways a program can see.

The rule (docs/content.md, "Moments tell the truth"): `weekend` only where the idea needs a
free day, `bedtime` only for the end of the day, no time at all where any time fits; kinds
of day (`special-day`, `tough-times`, `after-hard-day`) only on ideas written for that day.
A program cannot judge "needs a free day", but it can see a title that says "weekend"
without the tag. These are warnings, not errors: `micromance check` prints them and still
passes, so a false alarm never blocks anyone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from micromance_tui.core.models import Gesture


def _words(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)


def _has(*moments: str) -> Callable[[Gesture], bool]:
    return lambda g: bool(set(moments) & set(g.moments)) or bool(g.situations)


#: (what the text says, where it is looked for, which moments answer it, the warning)
CHECKS: tuple[tuple[re.Pattern[str], str, Callable[[Gesture], bool], str], ...] = (
    (
        _words("weekends?", "saturdays?", "sundays?"),
        "title and summary",
        _has("weekend"),
        "says {found!r} but moments lack 'weekend'",
    ),
    (
        _words("bedtime", "before (?:sleep|bed)", "lights-out", "fall(?:s|ing)? asleep"),
        "title and summary",
        _has("bedtime"),
        "says {found!r} but moments lack 'bedtime'",
    ),
    (
        re.compile(r"(?<!tomorrow )\bmornings?\b", re.IGNORECASE),
        "title",
        _has("morning"),
        "the title says {found!r} but moments lack 'morning'",
    ),
    (
        _words("evenings?", "tonight"),
        "title",
        _has("evening", "bedtime"),
        "the title says {found!r} but moments lack 'evening'",
    ),
    (
        _words("mid-?day", "lunchtime"),
        "title",
        _has("daytime"),
        "the title says {found!r} but moments lack 'daytime'",
    ),
    (
        _words("anniversary", "birthday"),
        "title and summary",
        _has("special-day", "tough-times"),
        "says {found!r} but moments lack 'special-day' (it is for that day)",
    ),
    (
        _words("sick", "ill", "unwell", "(?:hard|rough|bad) (?:day|week)"),
        "title and summary",
        _has("tough-times", "after-hard-day"),
        "says {found!r} but moments lack 'tough-times' or 'after-hard-day'",
    ),
    (
        _words(
            "while (?:you(?:'re| are) )?apart",
            "when you(?:'re| are) apart",
            "long[- ]distance",
            "from afar",
            "far away",
        ),
        "title and summary",
        _has("apart", "apart-only"),
        "says {found!r} but moments lack 'apart' or 'apart-only'",
    ),
)


TIMES = ("morning", "daytime", "evening", "bedtime")


def moment_warnings(gesture: Gesture) -> list[str]:
    """One line per disagreement between the gesture's text and its moments."""
    out: list[str] = []
    named = [m for m in gesture.moments if m in TIMES]
    if len(named) >= 3:
        out.append(
            f"{gesture.id}: names {len(named)} times of day; an idea that fits any time names none"
        )
    # A date idea or an idea of an hour or more that names no time needs no tag of its own:
    # suggest.fits_free_day already keeps it for an evening or a free day.
    if "weekend" in gesture.moments and gesture.effort == "tiny":
        out.append(
            f"{gesture.id}: 'weekend' on a tiny idea (under 2 minutes), which needs no free day"
        )
    for pattern, where, answered, message in CHECKS:
        text = gesture.title if where == "title" else f"{gesture.title}\n{gesture.summary}"
        found = pattern.search(text)
        if found and not answered(gesture):
            out.append(f"{gesture.id}: " + message.format(found=found.group(0).lower()))
    return out
