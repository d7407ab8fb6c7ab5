"""Checks for what a person types, shared by every form: each returns a message for the
line under the field, or "" when the value is fine. The length limits are the journal's
own (declared with its records), so nothing the form accepts is refused when saved."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from textual.content import Content

from micromance_tui.core.journal.records import LittleThing, Settings, TriedEntry, limit
from micromance_tui.core.textcheck import bad_characters, terminal_safe

MAX_NOTE = limit(TriedEntry, "note")
MAX_WHERE = limit(TriedEntry, "where")
MAX_LABEL = limit(LittleThing, "label")
MAX_TEXT = limit(LittleThing, "text")
MAX_NAME = limit(Settings, "my_name")


def day_problem(value: str, *, latest: date | None = None, required: bool = True) -> str:
    text = value.strip()
    if not text:
        return "Enter a date as YYYY-MM-DD." if required else ""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return f"'{text}' is not a date: use YYYY-MM-DD, like 2026-02-14."
    if day.year < 1900:
        return "Use a year from 1900 on."
    if latest is not None and day > latest:
        return f"That is in the future; use {latest.isoformat()} or earlier."
    return ""


def text_problem(value: str, what: str, *, limit: int, required: bool) -> str:
    text = value.strip()
    if required and not text:
        return f"{what} cannot be empty."
    if len(text) > limit:
        return f"{what} is {len(text)} characters; at most {limit}."
    problem = bad_characters(text)
    if problem:
        return f"{what} has {problem}; remove them."
    return ""


def note_problem(value: str) -> str:
    return text_problem(value, "The note", limit=MAX_NOTE, required=False)


def where_problem(value: str) -> str:
    return text_problem(value, "Where", limit=MAX_WHERE, required=False)


class _Updatable(Protocol):
    display: bool

    def update(self, content: Content) -> None: ...


def show_error(label: _Updatable, message: str) -> None:
    """Put a message in the line under a field; the line takes no room when it is empty.

    The message is plain text, never markup: it quotes what was typed ('[/]' is not a date),
    with control characters and bidi overrides shown escaped (``terminal_safe``).
    """
    label.update(Content(terminal_safe(message)))
    label.display = bool(message)
