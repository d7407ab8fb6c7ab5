"""The one way the TUI reads or writes the journal when a refusal must not stop the app.

``try_journal(app, work, changed=...)`` runs ``work``. If the journal refuses (a broken
file, a full disk, a value out of bounds: any ``JournalError``), it says why in one error
notification (``title`` above it, ``hint`` after it: what to do now), returns None and
publishes nothing. If ``work`` succeeds and ``changed`` is given, every screen hears of it
through ``journal_changed``; the result is returned (True for a write that returns
nothing), so callers test ``is None``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal, TypeVar, overload

from micromance_tui.core.journal import JournalError

if TYPE_CHECKING:
    from micromance_tui.tui.app import MicromanceApp

T = TypeVar("T")


@overload
def try_journal(
    app: MicromanceApp,
    work: Callable[[], None],
    *,
    changed: str | None = None,
    title: str = "Not saved",
    hint: str = "",
) -> Literal[True] | None: ...


@overload
def try_journal(
    app: MicromanceApp,
    work: Callable[[], T],
    *,
    changed: str | None = None,
    title: str = "Not saved",
    hint: str = "",
) -> T | None: ...


def try_journal(
    app: MicromanceApp,
    work: Callable[[], object],
    *,
    changed: str | None = None,
    title: str = "Not saved",
    hint: str = "",
) -> object:
    try:
        result = work()
    except JournalError as exc:
        app.notify(f"{exc}. {hint}" if hint else str(exc), title=title, severity="error")
        return None
    if changed is not None:
        app.journal_changed.publish(changed)
    return True if result is None else result
