"""Add or edit one of the little things about the partner: a label and a free-form note
("Coffee order" -> "oat flat white, no sugar"). Both are checked as they are typed."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from micromance_tui.core.record import record
from micromance_tui.tui.validate import MAX_LABEL, MAX_TEXT, show_error, text_problem
from micromance_tui.tui.widgets.field import Field

SUGGESTED_LABELS = ("Coffee order", "Favourite snack", "Sizes", "On a bad day")


@record
class LittleThingInput:
    label: str
    text: str


def label_problem(value: str) -> str:
    return text_problem(value, "The label", limit=MAX_LABEL, required=True)


def thing_problem(value: str) -> str:
    return text_problem(value, "The note", limit=MAX_TEXT, required=True)


class LittleThingDialog(ModalScreen[LittleThingInput | None]):
    """Returns the label and note, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(self, label: str = "", text: str = "", *, title: str = "A little thing") -> None:
        super().__init__()
        self._label = label
        self._text = text
        self._title = title
        self._save_tried = False

    def compose(self) -> ComposeResult:
        with Vertical(id="thing-dialog", classes="dialog"):
            yield Label(self._title, classes="dialog-title")
            yield Label("Label", classes="field-label")
            yield Field(
                self._label,
                placeholder=", ".join(SUGGESTED_LABELS),
                id="thing-label",
                compact=True,
            )
            yield Label("", id="thing-label-error", classes="field-error")
            yield Label("What to remember", classes="field-label")
            yield Field(
                self._text,
                placeholder="oat flat white, no sugar",
                id="thing-text",
                compact=True,
            )
            yield Label("", id="thing-text-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#thing-label" if not self._label else "#thing-text", Input).focus()

    def _problems(self, *, show_empty: bool = True) -> tuple[str, str]:
        """Check both fields; an empty one is only reported once saving was tried."""
        show_empty = show_empty or self._save_tried
        label = self.query_one("#thing-label", Input).value
        text = self.query_one("#thing-text", Input).value
        label_msg, text_msg = label_problem(label), thing_problem(text)
        show_error(
            self.query_one("#thing-label-error", Label), label_msg if show_empty or label else ""
        )
        show_error(
            self.query_one("#thing-text-error", Label), text_msg if show_empty or text else ""
        )
        return label_msg, text_msg

    @on(Input.Changed)
    def _validate_live(self, event: Input.Changed) -> None:
        self._problems(show_empty=False)

    @on(Input.Submitted, "#thing-label")
    def _next(self) -> None:
        self.query_one("#thing-text", Input).focus()

    @on(Input.Submitted, "#thing-text")
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        self._save_tried = True
        label_msg, text_msg = self._problems()
        if label_msg or text_msg:
            self.query_one("#thing-label" if label_msg else "#thing-text", Input).focus()
            return
        self.dismiss(
            LittleThingInput(
                label=self.query_one("#thing-label", Input).value.strip(),
                text=self.query_one("#thing-text", Input).value.strip(),
            )
        )

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
