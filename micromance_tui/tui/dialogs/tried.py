"""Mark an idea tried: an optional note and place, how it landed, and the day (default
today)."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from micromance_tui.core.journal import REACTIONS
from micromance_tui.core.models import Gesture
from micromance_tui.core.record import record
from micromance_tui.tui.validate import day_problem, note_problem, show_error, where_problem
from micromance_tui.tui.widgets.field import Field
from micromance_tui.tui.widgets.reaction import ReactionSet


@record
class TriedInput:
    note: str
    reaction: int | None
    day: date
    where: str = ""

    def fields(self) -> dict[str, Any]:
        """What the dialog asks, as the journal's ``add_tried``/``edit_tried`` keywords: the
        one place a new field of the dialog reaches both saving paths."""
        return {"on": self.day, "note": self.note, "reaction": self.reaction, "where": self.where}


class TriedDialog(ModalScreen[TriedInput | None]):
    """Returns what was entered, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(
        self,
        gesture: Gesture,
        *,
        today: date,
        note: str = "",
        reaction: int | None = None,
        day: date | None = None,
        title: str = "Mark as tried",
        done_today: bool = False,
        where: str = "",
    ) -> None:
        super().__init__()
        self.gesture = gesture
        self.today = today
        self._note = note
        self._where = where
        self._reaction = reaction
        self._day = day or today
        self._title = title
        self._done_today = done_today

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog"):
            yield Label(self._title, classes="dialog-title")
            yield Static(self.gesture.title, classes="dialog-subtitle", markup=False)
            if self._done_today:
                yield Static(
                    "Already logged today: saving asks first.",
                    id="done-today",
                    classes="muted",
                )
            yield Label("How did it land? (optional; on this row 1-5 pick, 0 skips)")
            yield ReactionSet(self._reaction, id="reaction")
            yield Static(
                "  ".join(f"{n} {label}" for n, label in REACTIONS.items()), classes="muted"
            )
            yield Label("Note (optional)", classes="field-label")
            yield Field(
                self._note,
                placeholder="what you did, how it went",
                id="note",
                compact=True,
            )
            yield Label("", id="note-error", classes="field-error")
            yield Label("Where (optional)", classes="field-label")
            yield Field(
                self._where,
                placeholder="where it happened, if you like",
                id="where",
                compact=True,
            )
            yield Label("", id="where-error", classes="field-error")
            yield Label("Day (YYYY-MM-DD)", classes="field-label")
            yield Field(self._day.isoformat(), id="day", compact=True)
            yield Label("", id="day-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#note", Input).focus()

    @on(Input.Changed)
    def _validate_live(self, event: Input.Changed) -> None:
        self._problems()

    def _problems(self) -> dict[str, str]:
        """Field id -> the message under it ("" when fine), in the order of the form."""
        problems = {
            "note": note_problem(self.query_one("#note", Input).value),
            "where": where_problem(self.query_one("#where", Input).value),
            "day": day_problem(self.query_one("#day", Input).value, latest=self.today),
        }
        for name, message in problems.items():
            show_error(self.query_one(f"#{name}-error", Label), message)
        return problems

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        wrong = [name for name, message in self._problems().items() if message]
        if wrong:
            self.query_one(f"#{wrong[0]}", Input).focus()
            return
        reaction = self.query_one("#reaction", ReactionSet).reaction
        self.dismiss(
            TriedInput(
                note=self.query_one("#note", Input).value.strip(),
                reaction=reaction,
                day=date.fromisoformat(self.query_one("#day", Input).value.strip()),
                where=self.query_one("#where", Input).value.strip(),
            )
        )

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
