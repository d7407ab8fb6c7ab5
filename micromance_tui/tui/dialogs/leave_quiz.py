"""Leaving a quiz midway: keep the answers for later, discard them, or carry on."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

LeaveChoice = Literal["keep", "discard"]


class LeaveQuizDialog(ModalScreen[LeaveChoice | None]):
    """Returns "keep", "discard", or None to go on answering (escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("k", "leave('keep')", "Keep"),
        Binding("d", "leave('discard')", "Discard"),
        Binding("escape", "carry_on", "Carry on"),
    ]

    def __init__(self, answered: int, total: int) -> None:
        super().__init__()
        self.answered = answered
        self.total = total

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Keep your answers for later?", classes="dialog-title")
            yield Static(
                f"You have answered {self.answered} of {self.total}. Kept answers wait on the "
                "quiz's start page (Resume), also after you close micromance."
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep (k)", variant="primary", id="keep", compact=True)
                yield Button("Discard (d)", variant="error", id="discard", compact=True)
                yield Button("Carry on (esc)", id="carry-on", compact=True)

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id in ("keep", "discard"):
            self.action_leave(event.button.id)
        else:
            self.action_carry_on()

    def action_leave(self, choice: str) -> None:
        self.dismiss("discard" if choice == "discard" else "keep")

    def action_carry_on(self) -> None:
        self.dismiss(None)
