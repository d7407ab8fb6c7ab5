"""The weekly check-in: its steps, their words and the time each is given.

A short ritual of about 20 minutes: appreciations, what went well, what was hard, one thing
each would like next week, and one plan. The notes of each step are kept in the journal
(`Journal.add_checkin`, keyed by the note ids of ``journal.CHECKIN_STEPS``, which the
fields of the steps here use). The guide
`the-weekly-check-in` says more about why and how.
"""

from __future__ import annotations

from datetime import date

from micromance_tui.core.record import record

GUIDE_ID = "the-weekly-check-in"
TOTAL_MINUTES = 20


@record
class Step:
    """One step: a title, a few lines of guidance, the minutes it usually takes, and the
    notes it keeps (one field each; the wishes step has one for each of you)."""

    key: str
    title: str
    guidance: str
    minutes: int
    fields: tuple[str, ...]


STEPS: tuple[Step, ...] = (
    Step(
        "appreciations",
        "Appreciations",
        "Take turns naming two or three things the other did this week that you were glad "
        "of. Be specific: what they did, and what it meant to you. The one hearing it says "
        "thank you, and nothing else: no 'but', no 'it was nothing'.",
        4,
        ("appreciations",),
    ),
    Step(
        "went-well",
        "What went well",
        "What went well this week, for each of you and for the two of you? Small things "
        "count: an easy evening, a plan that worked, a hard thing handled well.",
        4,
        ("went-well",),
    ),
    Step(
        "was-hard",
        "What was hard",
        "What was hard or heavy this week? Listen to understand, not to fix or defend. If "
        "something needs a longer talk, name it and agree when you will have it.",
        5,
        ("was-hard",),
    ),
    Step(
        "wishes",
        "One thing each for next week",
        "Each of you names one thing you would like next week, said as a wish rather than a "
        "complaint: 'I'd love an evening without phones' rather than 'you're always on it'.",
        4,
        ("wish-me", "wish-partner"),
    ),
    Step(
        "plan",
        "One plan",
        "Turn a wish into one plan: what, when, and who does what. Put it in the calendar "
        "before you stand up.",
        3,
        ("plan",),
    ),
)


def clock_text(seconds: float) -> str:
    """Elapsed time as minutes and seconds: '7:05'."""
    whole = max(int(seconds), 0)
    return f"{whole // 60}:{whole % 60:02d}"


def timer_text(seconds: float, step: Step) -> str:
    """The timer line: how long so far against the usual 20 minutes. It never stops you."""
    so_far = clock_text(seconds)
    if seconds >= TOTAL_MINUTES * 60:
        return f"{so_far} so far: past the usual {TOTAL_MINUTES} minutes; take the time you need"
    return (
        f"{so_far} of about {TOTAL_MINUTES} minutes · this step about {step.minutes} · "
        "a guide, not a rule"
    )


def last_checkin_text(last: date | None, today: date) -> str:
    """'Last check-in: 8 days ago', for Today."""
    if last is None:
        return "No weekly check-in yet"
    days = (today - last).days
    when = "today" if days <= 0 else "yesterday" if days == 1 else f"{days} days ago"
    return f"Last check-in: {when}"
