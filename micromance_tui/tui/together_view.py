"""What the partner shared about themselves, in the shapes the existing screens use: their
own quiz result for Compare, their little things and dates for the Partner screen (marked
as theirs). Empty when not paired. Their text is never markup."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.widgets.option_list import Option

from micromance_tui.core.journal import REACTIONS, ImportantDate, QuizResult
from micromance_tui.core.partner_words import PartnerWords

if TYPE_CHECKING:
    from micromance_tui.tui.app import MicromanceApp


def _events(app: MicromanceApp, kind: str) -> list[dict[str, Any]]:
    session = app.together
    if session is None:
        return []
    return [e for e in session.partner_events() if e["kind"] == kind]


def partner_name(app: MicromanceApp) -> str:
    session = app.together
    return "" if session is None else str(session.partner_name)


def partner_quiz(app: MicromanceApp) -> QuizResult | None:
    """The partner's own latest quiz result, taken on their machine; None if none came."""
    session = app.together
    return None if session is None else session.partner_quiz()


def partner_result(
    app: MicromanceApp, at_keyboard: QuizResult | None, words: PartnerWords
) -> tuple[QuizResult | None, str | None]:
    """The partner's result to show: their own (taken on their machine) when it is newer
    than one taken here at the keyboard, with the head that says so ("Sam (theirs)", by the
    name they paired with when the journal keeps none); else ``at_keyboard`` and None."""
    theirs = partner_quiz(app)
    if theirs is None or (at_keyboard is not None and theirs.taken < at_keyboard.taken):
        return at_keyboard, None
    if not words.name:
        words = replace(words, name=partner_name(app))
    return theirs, words.fill("{Who} ({theirs})")


def theirs_things(app: MicromanceApp) -> list[Option]:
    """Their own little things, as disabled options: shown, never edited here."""
    name = partner_name(app)
    return [
        Option(
            Text.assemble((e["label"], "bold"), f": {e['text']}  ", (f"({name}'s own)", "italic")),
            id=f"theirs:{e['id']}",
            disabled=True,
        )
        for e in _events(app, "thing")
    ]


def theirs_dates(app: MicromanceApp, today: date, line: Any) -> list[Option]:
    """The dates they added, as disabled options, with ``line(item, today)`` as the text."""
    name = partner_name(app)
    return [
        Option(
            Text.assemble(line(item, today), "  ", (f"(from {name})", "italic")),
            id=f"theirs:{item.id}",
            disabled=True,
        )
        for item in their_dates(app)
    ]


def their_dates(app: MicromanceApp) -> list[ImportantDate]:
    """The dates the partner added on their machine; none when not paired."""
    session = app.together
    return [] if session is None else session.their_dates()


def until_sync(app: MicromanceApp) -> str:
    """With a git remote a change waits in the local clone until a sync pushes it: the words
    that say so after "Sent"/"Told", or "" with a synced folder (written there at once)."""
    session = app.together
    if session is None or not session.state["git"]:
        return ""
    return " (it goes with the next sync: ctrl+r on Together)"


def react(app: MicromanceApp, event: dict[str, Any], reaction: int) -> bool:
    """Tell the partner how something they did for you landed (1-5): kept as a reaction
    event and written to the shared folder in the background. A problem is a notification
    and False; nothing else changes."""
    from micromance_tui.core.together.session import TogetherError

    session = app.together
    if session is None:
        return False
    if event.get("kind") != "tried":
        words = PartnerWords.read(app.journal)
        app.notify(words.fill("Reactions are for what {they} did for you."), severity="warning")
        return False
    try:
        session.add_mine("react", f"react:{event['id']}", {"to": event["id"], "reaction": reaction})
    except TogetherError as exc:
        app.notify(str(exc), title="Together", severity="error")
        return False
    app.notify(
        f"Told {session.partner_name}: {REACTIONS[reaction]}{until_sync(app)}",
        title="Reaction",
        markup=False,
    )
    app.refresh_together()
    return True
