"""A quiz profile across all five love languages, compact enough for a side panel: one
short line per language with a bar on the quiz's own scale (the same bars and numbers as
the Quiz screen), never a single label."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from micromance_tui.core.journal import QuizResult
from micromance_tui.core.models import LANGUAGE_IDS
from micromance_tui.core.quiz import normalised
from micromance_tui.core.rhythm import LANGUAGE_SHORT
from micromance_tui.tui.widgets.quiz_bars import bar, value_text


def profile_lines(result: QuizResult, *, width: int = 10) -> Content:
    """`Words    ██████····  9/12` (classic) or `… 4.3` (rating, what they like to receive)."""
    scaled = normalised(result)
    lines = [
        Content.assemble(
            f"{LANGUAGE_SHORT[lid]:<8}",
            bar(scaled.get(lid, 0.0), width),
            f" {value_text(result, lid)}",
        )
        for lid in LANGUAGE_IDS
    ]
    return Content("\n").join(lines)


class ProfileBars(Static):
    """Call :meth:`show` with a result, or None and a hint."""

    def show(self, result: QuizResult | None, *, empty: str = "") -> None:
        if result is None:
            self.update(Content.styled(empty, "italic"))
        else:
            self.update(profile_lines(result))
