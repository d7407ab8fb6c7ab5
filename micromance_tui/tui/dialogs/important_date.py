"""Add or edit an important date: a birthday, an anniversary or a custom one, once or every
year. The label and the date are checked as they are typed."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet

from micromance_tui.core.journal import DATE_KINDS
from micromance_tui.core.record import record
from micromance_tui.tui.validate import MAX_LABEL, day_problem, show_error, text_problem
from micromance_tui.tui.widgets.field import Field

DEFAULT_LABELS: dict[str, str] = {"birthday": "Birthday", "anniversary": "Anniversary"}


@record
class DateInput:
    kind: str
    label: str
    day: date
    yearly: bool


def date_label_problem(value: str) -> str:
    return text_problem(value, "The label", limit=MAX_LABEL, required=True)


class DateDialog(ModalScreen[DateInput | None]):
    """Returns the date as entered, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(
        self,
        *,
        kind: str = "birthday",
        label: str = "",
        day: date | None = None,
        yearly: bool = True,
        title: str = "An important date",
    ) -> None:
        super().__init__()
        self._kind = kind if kind in DATE_KINDS else "custom"
        self._label = label or DEFAULT_LABELS.get(self._kind, "")
        self._day = day
        self._yearly = yearly
        self._title = title
        self._save_tried = False

    def compose(self) -> ComposeResult:
        with Vertical(id="date-dialog", classes="dialog"):
            yield Label(self._title, classes="dialog-title")
            with RadioSet(id="date-kind", compact=True):
                for kind in DATE_KINDS:
                    yield RadioButton(kind.capitalize(), value=kind == self._kind, id=kind)
            yield Label("Label", classes="field-label")
            yield Field(
                self._label,
                placeholder="First date",
                id="date-label",
                compact=True,
            )
            yield Label("", id="date-label-error", classes="field-error")
            yield Label("Date (YYYY-MM-DD)", classes="field-label")
            yield Field(
                self._day.isoformat() if self._day else "",
                placeholder="YYYY-MM-DD",
                id="date-day",
                compact=True,
            )
            yield Label("", id="date-day-error", classes="field-error")
            yield Checkbox("Every year", value=self._yearly, id="date-yearly", compact=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#date-day" if self._label else "#date-label", Input).focus()

    def _kind_value(self) -> str:
        pressed = self.query_one("#date-kind", RadioSet).pressed_button
        return pressed.id if pressed is not None and pressed.id else "custom"

    def _problems(self, *, show_empty: bool = True) -> tuple[str, str]:
        """Check both fields; an empty one is only reported once saving was tried."""
        show_empty = show_empty or self._save_tried
        label = self.query_one("#date-label", Input).value
        day = self.query_one("#date-day", Input).value
        label_msg, day_msg = date_label_problem(label), day_problem(day)
        show_error(
            self.query_one("#date-label-error", Label), label_msg if show_empty or label else ""
        )
        show_error(self.query_one("#date-day-error", Label), day_msg if show_empty or day else "")
        return label_msg, day_msg

    @on(Input.Changed)
    def _validate_live(self, event: Input.Changed) -> None:
        self._problems(show_empty=False)

    @on(RadioSet.Changed, "#date-kind")
    def _kind_changed(self, event: RadioSet.Changed) -> None:
        # Follow the kind with the label while it is still empty or a default one.
        field = self.query_one("#date-label", Input)
        if field.value.strip() in ("", *DEFAULT_LABELS.values()):
            field.value = DEFAULT_LABELS.get(self._kind_value(), "")

    @on(Input.Submitted, "#date-label")
    def _next(self) -> None:
        self.query_one("#date-day", Input).focus()

    @on(Input.Submitted, "#date-day")
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        self._save_tried = True
        label_msg, day_msg = self._problems()
        if label_msg or day_msg:
            self.query_one("#date-label" if label_msg else "#date-day", Input).focus()
            return
        self.dismiss(
            DateInput(
                kind=self._kind_value(),
                label=self.query_one("#date-label", Input).value.strip(),
                day=date.fromisoformat(self.query_one("#date-day", Input).value.strip()),
                yearly=self.query_one("#date-yearly", Checkbox).value,
            )
        )

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
