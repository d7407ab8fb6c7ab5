"""How an idea landed: skip or 1-5, in one row, picked with a key."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import RadioButton, RadioSet

from micromance_tui.core.journal import REACTIONS


class ReactionSet(RadioSet):
    """`skip 1 2 3 4 5`: 1-5 pick a reaction and 0 clears it, the cursor starts on the
    saved one, and the chosen one has its mark lit and its label bold and underlined, so
    it stands out from the cursor as well as from the others."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *[Binding(str(n), f"pick({n})", f"Reaction {n}", show=False) for n in REACTIONS],
        Binding("0", "pick(0)", "No reaction", show=False),
    ]
    DEFAULT_CSS = """
    ReactionSet {
        layout: horizontal;
        width: 100%;
        height: auto;
        & > RadioButton {
            margin-right: 1;
        }
        & > RadioButton.-on > .toggle--label {
            text-style: bold underline;
        }
    }
    """

    def __init__(self, reaction: int | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id, compact=True)
        self._initial = reaction if reaction in REACTIONS else None

    def compose(self) -> ComposeResult:
        yield RadioButton("skip", value=self._initial is None, id="r0")
        for number in REACTIONS:
            yield RadioButton(str(number), value=self._initial == number, id=f"r{number}")

    def on_mount(self) -> None:
        # RadioSet puts its cursor on the first button; move it to the saved reaction.
        for _ in range(self._initial or 0):
            self.action_next_button()

    @property
    def reaction(self) -> int | None:
        """The chosen reaction, or None for skip."""
        pressed = self.pressed_button
        if pressed is None or not pressed.id or pressed.id == "r0":
            return None
        return int(pressed.id[1:])

    def action_pick(self, number: int) -> None:
        self.query_one(f"#r{number}", RadioButton).value = True
        # Keep the cursor with the choice: press 3, then space keeps 3.
        for _ in range(len(self.children)):
            if self._cursor_index() == self.pressed_index:
                break
            self.action_next_button()

    def _cursor_index(self) -> int:
        for index, button in enumerate(self.query(RadioButton)):
            if button.has_class("-selected"):
                return index
        return -1
