"""Which conversation prompt to ask today: shared by `micromance ask` and the Ask screen.

The prompts (of one deck, or of all) are put in an order that depends only on the day and
the deck, and today's prompt is the first in that order not marked asked on an earlier day.
Marking it asked today does not move it, so the app and the shell agree all day without
saving anything; "another" walks on along the same order. Prompts asked before come last,
so a deck that has been asked through starts over rather than running dry.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import date

from micromance_tui.core.journal import AskedEntry
from micromance_tui.core.models import PROMPT_DECKS, Library, Prompt


def day_order(prompts: Iterable[Prompt], day: date, deck: str = "") -> list[Prompt]:
    """The prompts in the day's order (the same all day, different the next)."""
    ordered = sorted(prompts, key=lambda p: p.id)
    random.Random(f"{day.isoformat()}|{deck}").shuffle(ordered)
    return ordered


def prompts_for_today(
    library: Library, asked: Iterable[AskedEntry], day: date, deck: str = ""
) -> list[Prompt]:
    """Today's order for a deck ("" for every deck): today's prompt first, then the
    others to offer on "another"; those asked on earlier days come last."""
    pool = [p for p in library.prompts if not deck or p.deck == deck]
    earlier = {entry.prompt_id for entry in asked if entry.date < day}
    order = day_order(pool, day, deck)
    return [p for p in order if p.id not in earlier] + [p for p in order if p.id in earlier]


def todays_prompt(
    library: Library, asked: Iterable[AskedEntry], day: date, deck: str = ""
) -> Prompt | None:
    """Today's prompt, or None when there are no prompts (in that deck)."""
    order = prompts_for_today(library, asked, day, deck)
    return order[0] if order else None


def unknown_deck_message(deck: str) -> str:
    """One line for a deck that does not exist, listing those that do."""
    return f"there is no deck called {deck!r}; the decks are: {', '.join(PROMPT_DECKS)}"
