"""Bars for quiz results: one profile, or two people side by side.

A bar shows a profile across all five languages, never a grade: counts out of 12 (and the
share of 30) for the classic quiz, 1-to-5 averages for the rating quiz."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from textual.content import Content

from micromance_tui.core.journal import QuizResult
from micromance_tui.core.models import LANGUAGE_IDS, LANGUAGE_NAMES
from micromance_tui.core.quiz import CLASSIC, RATING, normalised

LABEL_WIDTH = 21
FILL = "█"
EMPTY = "·"


def bar(fraction: float, width: int, *, strong: bool = False) -> Content:
    """A bar ``width`` cells long, filled in proportion (0 to 1)."""
    filled = max(0, min(width, round(width * fraction)))
    return Content.assemble(
        (FILL * filled, "bold $text-accent" if strong else "$primary"),
        (EMPTY * (width - filled), "$text-muted"),
    )


def _label(lid: str, names: Mapping[str, str], strong: bool) -> Content:
    text = f"{names.get(lid, lid):<{LABEL_WIDTH}.{LABEL_WIDTH}} "
    return Content.styled(text, "bold" if strong else "")


def classic_bars(
    counts: Mapping[str, float],
    primary: Sequence[str],
    names: Mapping[str, str] = LANGUAGE_NAMES,
    *,
    width: int = 24,
) -> Content:
    """`Words of affirmation  ██████████······  9/12  30%` per language."""
    total = sum(counts.values()) or 1
    lines = []
    for lid in _ids(counts):
        n = int(counts.get(lid, 0))
        strong = lid in primary
        lines.append(
            Content.assemble(
                _label(lid, names, strong),
                bar(n / 12, width, strong=strong),
                f" {n:>2}/12  {round(100 * n / total):>3}%",
            )
        )
    return Content("\n").join(lines)


def rating_bars(
    receive: Mapping[str, float],
    give: Mapping[str, float],
    primary: Sequence[str],
    top_give: Sequence[str],
    names: Mapping[str, str] = LANGUAGE_NAMES,
    *,
    width: int = 10,
) -> Content:
    """Receiving and giving averages, in two columns."""
    head = Content.assemble(
        " " * (LABEL_WIDTH + 1),
        (f"{'Feeling loved':<{width + 6}}", "bold"),
        ("Showing love", "bold"),
    )
    lines = [head]
    for lid in _ids(receive):
        got = float(receive.get(lid, 0.0))
        gave = float(give.get(lid, 0.0))
        lines.append(
            Content.assemble(
                _label(lid, names, lid in primary),
                bar(got / 5, width, strong=lid in primary),
                f" {got:.1f}  ",
                bar(gave / 5, width, strong=lid in top_give),
                f" {gave:.1f}",
            )
        )
    return Content("\n").join(lines)


def value_text(result: QuizResult, lid: str) -> str:
    """'9/12' (classic: picks out of 12) or '4.3/5' (rating: receiving, average of 1 to 5),
    each labelled with its own scale."""
    if result.mode == RATING:
        return f"{float(result.receive.get(lid, result.scores.get(lid, 0.0))):.1f}/5"
    return f"{int(result.scores.get(lid, 0))}/12"


def scale_text(result: QuizResult, lid: str) -> str:
    """In words, for a sentence: '9 of 12 picks' or 'rated 4.3 of 5'."""
    if result.mode == RATING:
        return f"rated {float(result.receive.get(lid, result.scores.get(lid, 0.0))):.1f} of 5"
    return f"{int(result.scores.get(lid, 0))} of 12 picks"


#: Said under Compare's bars: the two quizzes count differently, so both are shown on one
#: scale (0% the lowest a language can score, 100% the highest), never as raw numbers.
SCALE_NOTE = (
    "Both on one scale, 0% to 100% of the most a language can score: a classic result "
    "counts picks out of 12, a rating result averages answers from 1 to 5."
)


def compare_bars(
    first: QuizResult | None,
    second: QuizResult | None,
    names: Mapping[str, str] = LANGUAGE_NAMES,
    *,
    heads: tuple[str, str] = ("", ""),
    width: int = 12,
) -> Content:
    """Two receiving profiles side by side on one 0-to-100% scale (never a count out of 12
    beside an average out of 5), under the two people's names and what each result is; a
    missing result shows as dashes."""
    column = width + 8
    a = normalised(first) if first else {}
    b = normalised(second) if second else {}
    indent = " " * (LABEL_WIDTH + 1)
    lines = [
        Content.assemble(
            indent,
            *[(f"{head:<{column - 1}.{column - 1}} ", "bold") for head in heads],
        ),
        Content.assemble(
            indent,
            *[
                (f"{_about(result):<{column}.{column}}", "$text-muted")
                for result in (first, second)
            ],
        ),
    ]
    for lid in LANGUAGE_IDS:
        parts: list[Content | str] = [_label(lid, names, False)]
        for result, scaled in ((first, a), (second, b)):
            if result is None:
                parts.append(Content.styled(f"{'—':<{column}}", "$text-muted"))
            else:
                share = scaled.get(lid, 0.0)
                parts.append(bar(share, width))
                parts.append(f" {round(100 * share):>3}%  ")
        lines.append(Content.assemble(*parts))
    if first is not None or second is not None:
        lines.append(Content.styled(SCALE_NOTE, "$text-muted"))
    return Content("\n").join(lines)


def _about(result: QuizResult | None) -> str:
    if result is None:
        return "no result yet"
    when = taken_text(result).rsplit(" ", 1)[0]
    return f"{mode_name(result.mode)}, {when}"


def taken_text(result: QuizResult) -> str:
    """'25 Nov 2026' from the stored ISO time."""
    try:
        when = datetime.fromisoformat(result.taken)
    except ValueError:
        return result.taken
    return f"{when.day} {when:%b %Y}"


def mode_name(mode: str) -> str:
    return "classic" if mode == CLASSIC else "rating"


def _ids(scores: Mapping[str, float]) -> list[str]:
    return [*LANGUAGE_IDS, *(lid for lid in scores if lid not in LANGUAGE_IDS)]
