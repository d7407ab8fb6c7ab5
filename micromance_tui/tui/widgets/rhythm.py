"""Rhythm and balance at a glance: the last days, and how the languages spread.

Counts, never scores: these show what has been happening, not how well."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from rich.text import Text
from textual.widgets import Static

from micromance_tui.core.models import LANGUAGE_IDS, LANGUAGE_NAMES
from micromance_tui.core.rhythm import LANGUAGE_SHORT

BAR_WIDTH = 24


def spread_text(
    counts: Mapping[str, int],
    *,
    width: int = BAR_WIDTH,
    label_width: int = 21,
    names: Mapping[str, str] = LANGUAGE_NAMES,
) -> Text:
    """One line per language: name (from ``names``), a bar in proportion, the count."""
    most = max(counts.values(), default=0)
    text = Text()
    for i, lid in enumerate(LANGUAGE_IDS):
        n = counts.get(lid, 0)
        filled = round(width * n / most) if most else 0
        text.append(f"{names[lid]:<{label_width}} ", style="")
        text.append("█" * filled, style="bold")
        text.append("·" * (width - filled), style="dim")
        text.append(f" {n}")
        if i < len(LANGUAGE_IDS) - 1:
            text.append("\n")
    return text


def spread_or_note(counts: Mapping[str, int], empty: str = "", *, short: bool = False) -> Text:
    """The spread, or when nothing was counted and `empty` is given, that note instead.
    ``short``: the languages' short names, for a panel beside another at 80 columns."""
    if not any(counts.values()) and empty:
        return Text(empty, style="italic")
    if short:
        return spread_text(counts, label_width=8, names=LANGUAGE_SHORT)
    return spread_text(counts)


def week_text(days_with: Iterable[date], today: date, n_days: int = 7) -> Text:
    """`Thu ● Fri ○ ...`: one mark per day, filled when something was tried that day."""
    done = set(days_with)
    text = Text()
    for offset in range(n_days - 1, -1, -1):
        day = today - timedelta(days=offset)
        mark = "●" if day in done else "○"
        label = "today" if offset == 0 else f"{day:%a}"
        text.append(f"{label} ")
        # An empty day is told by its shape; dimmed as well, it fell under 3:1 in some themes.
        text.append(mark, style="bold" if day in done else "")
        if offset:
            text.append("  ")
    return text


def language_counts(language_of: Iterable[str]) -> dict[str, int]:
    counts = Counter(language_of)
    return {lid: counts.get(lid, 0) for lid in LANGUAGE_IDS}


class LanguageSpread(Static):
    """Bars for the five languages; call show(counts)."""

    def show(self, counts: Mapping[str, int], *, empty: str = "") -> None:
        self.update(spread_or_note(counts, empty, short=True))
