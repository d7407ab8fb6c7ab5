"""Effort tags agree with the time words in each shipped idea.

The scale (models.EFFORT_HINTS): tiny is under 2 minutes, small under 15, medium under an
hour, large an hour or more. The reader below finds the *durations* an idea asks for in its
title, summary, steps and why ("ten minutes", "a couple of hours", "for the next week", "clear the
evening") and the test fails where one is longer than the tag allows. Variations are
alternatives, so they are not read.

How phrases are read (so a writer knows how to say what they mean):

- A number and a minute or hour unit is a duration ("for twenty minutes", "an hour or two",
  "a ten-minute call"), unless it names a point in time or a frequency instead: after
  `every`, `each`, `per`, `once`, `twice`, `in`, `after`, `within`, `next`, `last`, `this`,
  `that`, or before `before`, `ago`, `later`, `earlier`, `early`, `ahead`, `beforehand`,
  `into`, `from now`, `in advance`, or a bare `in,` ("every hour or so", "after ten minutes",
  "an hour before", "a few minutes in, reach for their hand").
- Longer spans (a morning, an afternoon, an evening, a night, a day, a weekend, a week) are
  durations only when something says the time is spent or kept: `spend`, `keep`, `clear`,
  `set aside`, `block out`, `give`, `take`, `-long`, or `for` with a
  count (`for a week`, `for the next week`, `for the whole day`; not `for the morning`, which
  is a purpose). A span before a noun is an adjective ("an afternoon nap"). So "one kiss a
  day", "in the evening", "this week", "a song for their morning" and "once a week" are not
  read as durations, while "for the next week", "clear the evening" and "spend an afternoon"
  are.
- A frequency over a span is the span: "every evening this week" and "each day of their
  birthday week" ask for a week; so does a promise scoped to one ("I've got the laundry this
  week", "I'll handle the house this week").
"""

from __future__ import annotations

import re

import pytest

from micromance_tui.core import paths as paths_mod
from micromance_tui.core.content import load_library
from micromance_tui.core.models import EFFORTS, Library

#: the longest duration, in minutes, each tag allows (large has no limit)
LIMIT = {"tiny": 2.0, "small": 15.0, "medium": 60.0, "large": float("inf")}

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50,
    "sixty": 60, "ninety": 90, "a couple of": 2, "a few": 3, "several": 3, "half an": 0.5,
    "half a": 0.5, "couple of": 2, "few": 3,
}  # fmt: skip
SHORT_UNITS = {"second": 1 / 60, "sec": 1 / 60, "minute": 1.0, "min": 1.0, "hour": 60.0}
SPAN_UNITS = {
    "morning": 180.0, "afternoon": 180.0, "evening": 180.0, "night": 180.0,
    "day": 480.0, "weekend": 960.0, "week": 3360.0,
}  # fmt: skip

_NUM = (
    r"(?:\d+(?:\.\d+)?|"
    + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
    + r")"
)
_RANGE = rf"(?P<n1>{_NUM})(?:\s*(?:or|to|-|–)\s*(?P<n2>{_NUM}))?"
_FILLER = r"(?:(?:more|extra|full|whole|good|solid|quiet|calm|slow|long|short|spare)\s+)?"
SHORT = re.compile(
    rf"\b{_RANGE}[\s-]+{_FILLER}(?P<unit>second|sec|minute|min|hour)s?\b"
    r"(?P<tail>\s+(?:or\s+(?P<n3>two|three|so)|and a half))?",
    re.IGNORECASE,
)
NOT_DURATION_BEFORE = re.compile(
    r"\b(?:every|each|per|once|twice|in|after|within|next|last|this|that)\s+(?:the\s+)?(?:first\s+)?$",
    re.IGNORECASE,
)
NOT_DURATION_AFTER = re.compile(
    r"^\s*(?:before|ago|later|earlier|early|ahead|beforehand|into|from now|in advance|"
    r"until|till|past|away)\b|^\s*in\s*[,.;:)]",
    re.IGNORECASE,
)
_SPAN = "|".join(SPAN_UNITS)
#: a span followed by one of these is an adjective ("an afternoon nap"), not a duration
_NOUNS = (
    "nap|walk|coffee|tea|breakfast|brunch|lunch|dinner|call|message|text|routine|ritual|"
    "light|sun|shift|person|swim|run|show|kiss|hug|cuddle"
)
#: a span counts only when something says the time is spent or kept
SPAN = re.compile(
    r"(?<!\ba )(?<!\ban )(?<!\bthe )"  # "a clear night" is a kind of night, not clearing one
    r"\b(?:(?:spend|spending|spent|keep|keeping|clear|clearing|set aside|block out|block|"
    r"give|giving|take|taking|reserve|free up|devote)\s+(?:up\s+)?(?:(?:a|an|the|one|your|their|"
    r"our|this|that|two|three|four|five|six|seven)\s+)?"
    r"|for\s+(?:a|an|one|two|three|four|five|six|seven|a whole|a full|the next|the whole|the "
    r"entire|the rest of the|the first)\s+)"
    r"(?:(?:whole|entire|full|next|first)\s+)?"
    rf"(?P<unit>{_SPAN})s?\b(?!\s+(?:{_SPAN}|{_NOUNS})\b)"
    rf"|\b(?P<unit3>{_SPAN})-long\b",
    re.IGNORECASE,
)
#: "every evening this week", "each day of their birthday week": a frequency over a span
FREQUENCY_OVER_SPAN = re.compile(
    rf"\b(?:every|each)\s+(?:{_SPAN})\s+(?:of\s+)?(?:this|that|the|their|your|a|next)\s+"
    rf"(?:\w+\s+)?(?P<unit>week|weekend|month)\b",
    re.IGNORECASE,
)


#: a promise scoped to a span: "I've got the laundry this week", "I'll handle the house this week"
PROMISE_OVER_SPAN = re.compile(
    r"\b(?:I'll|I will|I've got|I can take|let me take)\b[^.!?\"]{0,40}?\b(?:this|next|for the)\s+"
    r"(?P<unit>week|weekend|month)\b",
    re.IGNORECASE,
)


def _number(text: str | None) -> float:
    if not text:
        return 0.0
    text = text.lower()
    if text in NUMBER_WORDS:
        return float(NUMBER_WORDS[text])
    return float(text)


def durations(text: str) -> list[tuple[str, float]]:
    """Every duration the text asks for, as (phrase, minutes)."""
    found: list[tuple[str, float]] = []
    flat = " ".join(text.split())
    for m in SHORT.finditer(flat):
        if NOT_DURATION_BEFORE.search(flat[: m.start()]) or NOT_DURATION_AFTER.search(
            flat[m.end() :]
        ):
            continue
        unit = SHORT_UNITS[m["unit"].lower()]
        amount = max(_number(m["n1"]), _number(m["n2"]))
        if m["n3"] in ("two", "three"):
            amount = max(amount, _number(m["n3"]))
        if m["tail"] and "half" in m["tail"]:
            amount += 0.5
        found.append((m.group(0).strip(), amount * unit))
    for m in SPAN.finditer(flat):
        span_unit = (m["unit"] or m["unit3"]).lower()
        found.append((m.group(0).strip(), SPAN_UNITS[span_unit]))
    for pattern in (FREQUENCY_OVER_SPAN, PROMISE_OVER_SPAN):
        for m in pattern.finditer(flat):
            found.append((m.group(0).strip(), SPAN_UNITS[m["unit"].lower()]))
    return found


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("Talk for ten or fifteen minutes.", 15),
        ("Give a slow massage for thirty to forty minutes.", 40),
        ("This takes a couple of hours.", 120),
        ("Set aside an hour or two.", 120),
        ("Half an hour is plenty.", 30),
        ("A ten-minute call.", 10),
        ("A two-hour walk.", 120),
        ("Take it over for the next week.", 3360),
        ("Clear the evening and spend it together.", 180),
        ("Keep the whole day free for them.", 480),
        ("Can I call you every evening this week?", 3360),
        ("Give one gift each day of their birthday week.", 3360),
        ("Spend an afternoon at the market.", 180),
        ('Say: "I\'ll handle the house this week."', 3360),
        ("Take a day off together.", 480),
        ("Try it for one week.", 3360),
    ],
)
def test_reader_finds_durations(text: str, minutes: float) -> None:
    assert max(m for _, m in durations(text)) == pytest.approx(minutes)


@pytest.mark.parametrize(
    "text",
    [
        "Look in on them every hour or so.",
        "Ask again after ten minutes.",
        "Put a reminder a week before.",
        "Get up five minutes earlier than usual.",
        "One kiss a day is plenty.",
        "Once a week, ask how they are.",
        "In the evening, ask about their day.",
        "What went well this week?",
        "Call in an hour.",
        "One morning, bring them coffee in bed.",
        "Take an afternoon nap together.",
        "Hands do a lot all day.",
        "On a clear night, call them.",
        "Guarding their sleep makes the whole day gentler.",
        "Choose a song for their morning.",
        "A few minutes in, slip your hand into theirs.",
        "Give one a day, on their pillow.",
        "The form has sat on the table for weeks.",
    ],
)
def test_reader_ignores_points_and_frequencies(text: str) -> None:
    assert durations(text) == []


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    tmp = tmp_path_factory.mktemp("effort")
    p = paths_mod.resolve(cache_dir=tmp / "cache", config_dir=tmp / "cfg")
    return load_library(p, use_cache=False).library


def test_limits_cover_the_scale() -> None:
    assert set(LIMIT) == set(EFFORTS)


def test_effort_tags_fit_the_time_words(library: Library) -> None:
    too_long = [
        f"{g.id} ({g.effort}): {phrase!r}"
        for g in library.gestures
        for phrase, minutes in durations(f"{g.title}. {g.summary}\n{g.how}\n{g.why}")
        if minutes > LIMIT[g.effort]
    ]
    assert too_long == []
