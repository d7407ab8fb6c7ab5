"""Ask for both names: who "me" and "partner" are on quiz results and in Compare."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from micromance_tui.tui.validate import MAX_NAME, show_error, text_problem
from micromance_tui.tui.widgets.field import Field


class NamesDialog(ModalScreen[tuple[str, str] | None]):
    """Returns ``(my_name, partner_name)``, both checked, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(self, my_name: str = "", partner_name: str = "") -> None:
        super().__init__()
        self._mine = my_name
        self._theirs = partner_name

    def compose(self) -> ComposeResult:
        with Vertical(id="names-dialog", classes="dialog"):
            yield Label("Your names", classes="dialog-title")
            yield Static(
                "Either of you can take the quiz; the names label the results and Compare.",
                classes="dialog-subtitle",
            )
            yield Label("Your name", classes="field-label")
            yield Field(self._mine, placeholder="for example Alex", id="my-name", compact=True)
            yield Label("", id="my-name-error", classes="field-error")
            yield Label("Your partner's name", classes="field-label")
            yield Field(
                self._theirs, placeholder="for example Sam", id="partner-name", compact=True
            )
            yield Label("", id="partner-name-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#my-name" if not self._mine else "#partner-name", Input).focus()

    def _values(self) -> tuple[str, str]:
        return (
            self.query_one("#my-name", Input).value,
            self.query_one("#partner-name", Input).value,
        )

    def _problems(self) -> tuple[str, str]:
        mine, theirs = self._values()
        mine_msg = text_problem(mine, "Your name", limit=MAX_NAME, required=True)
        theirs_msg = text_problem(theirs, "Your partner's name", limit=MAX_NAME, required=True)
        show_error(self.query_one("#my-name-error", Label), mine_msg)
        show_error(self.query_one("#partner-name-error", Label), theirs_msg)
        return mine_msg, theirs_msg

    @on(Input.Changed)
    def _validate_live(self, event: Input.Changed) -> None:
        # Only complain about a field once something has been typed in it.
        mine, theirs = self._values()
        if mine or theirs:
            self._problems()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "my-name" and not self._problems()[0]:
            partner = self.query_one("#partner-name", Input)
            if not partner.value.strip():
                partner.focus()
                return
        self.action_save()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        mine_msg, theirs_msg = self._problems()
        if mine_msg or theirs_msg:
            self.query_one("#my-name" if mine_msg else "#partner-name", Input).focus()
            return
        mine, theirs = self._values()
        self.dismiss((mine.strip(), theirs.strip()))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
