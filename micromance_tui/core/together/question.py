"""The daily question: both partners get the same question each day, chosen from the
conversation prompts by the couple id and the date (so the two machines agree without
talking), and each answers on their own. An answer is an ``answer`` event (one per day: a
new answer replaces the old); the partner's answer is shown only once both have answered.
That is the app's promise, not the cipher's: both apps hold both answers once they are
written, so the reveal is a matter of when each is shown."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any, Protocol

from micromance_tui.core.record import record

__all__ = ["Asked", "PromptLike", "history", "pick", "shared_prompts"]


class PromptLike(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def text(self) -> str: ...

    @property
    def follow_up(self) -> str: ...


def shared_prompts(prompts: Iterable[PromptLike]) -> list[PromptLike]:
    """The prompts both machines have: the shipped ones, never a file of your own."""
    return [p for p in prompts if not str(getattr(p, "source", "")).startswith("user:")]


def pick(couple: str, day: date, prompts: Sequence[PromptLike]) -> PromptLike | None:
    """The question of ``day`` for this couple: the same on both machines (the prompts are
    ordered by id first, so the order they were loaded in does not matter)."""
    if not prompts:
        return None
    ordered = sorted(prompts, key=lambda p: p.id)
    digest = hashlib.sha256(f"{couple}|{day.isoformat()}".encode()).digest()
    return ordered[int.from_bytes(digest[:8], "big") % len(ordered)]


@record(slots=False)
class Asked:
    """One day's question and the two answers (theirs only once both answered)."""

    day: str
    prompt_id: str
    question: str
    mine: str | None
    theirs: str | None  # None until both have answered
    they_answered: bool


def history(
    own: Iterable[Mapping[str, Any]],
    partner: Iterable[Mapping[str, Any]],
    prompts: Sequence[PromptLike],
) -> list[Asked]:
    """Every day either of you answered, newest first (live events: a newer answer of the
    same day has replaced the older one)."""
    text_of = {p.id: p.text for p in prompts}
    mine = {e["day"]: e for e in own if e["kind"] == "answer"}
    theirs = {e["day"]: e for e in partner if e["kind"] == "answer"}
    out = []
    for day in sorted(set(mine) | set(theirs), reverse=True):
        m, t = mine.get(day), theirs.get(day)
        prompt_id = str((m or t or {}).get("prompt", ""))
        both = m is not None and t is not None
        out.append(
            Asked(
                day=day,
                prompt_id=prompt_id,
                question=text_of.get(
                    prompt_id, f"(a question this version does not have: {prompt_id})"
                ),
                mine=None if m is None else str(m["text"]),
                theirs=str(t["text"]) if both and t is not None else None,
                they_answered=t is not None,
            )
        )
    return out
