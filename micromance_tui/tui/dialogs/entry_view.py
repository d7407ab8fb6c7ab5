"""One journal entry in full, read-only: the idea, the day, how it landed, where (when
given) and the whole note (the list shows one line of it). `e` edits it, `esc` closes."""

from __future__ import annotations

from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from micromance_tui.core.clock import day_text
from micromance_tui.core.journal import REACTIONS, TriedEntry

EntryChoice = Literal["edit"]


class EntryViewDialog(ModalScreen[EntryChoice | None]):
    """Returns "edit" when the user asks to edit the entry, None when closed."""

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("e", "edit", "Edit"),
    ]

    DEFAULT_CSS = """
    EntryViewDialog #entry-note-scroll { height: auto; max-height: 12; }
    """

    def __init__(
        self, entry: TriedEntry, title: str, *, theirs: tuple[str, int] | None = None
    ) -> None:
        """``theirs``: the partner's name and their own reaction to it (Together)."""
        super().__init__()
        self.entry = entry
        self.idea_title = title
        self.theirs = theirs

    def compose(self) -> ComposeResult:
        entry = self.entry
        when = day_text(entry.date, year=True) + (f", {entry.time}" if entry.time else "")
        landed = (
            f"{entry.reaction}: {REACTIONS[entry.reaction]}"
            if entry.reaction in REACTIONS
            else "not noted"
        )
        if self.theirs is not None:  # the real answer, beside the guess
            name, reaction = self.theirs
            landed = f"{landed} (your guess) · {name}: {reaction}: {REACTIONS[reaction]}"
        with Vertical(id="dialog", classes="dialog"):
            yield Label("Journal entry", classes="dialog-title")
            yield Static(self.idea_title, classes="dialog-subtitle", markup=False)
            yield Static(f"{when} · how it landed: {landed}", classes="muted", markup=False)
            if entry.where:
                yield Static(f"Where: {entry.where}", id="entry-where", markup=False)
            with VerticalScroll(id="entry-note-scroll"):
                yield Static(entry.note or "No note.", id="entry-note", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Edit (e)", variant="primary", id="edit", compact=True)
                yield Button("Close (esc)", id="close", compact=True)

    @on(Button.Pressed, "#edit")
    def action_edit(self) -> None:
        self.dismiss("edit")

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
