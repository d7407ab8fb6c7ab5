"""How is today? An ordinary day, a hard day for them (in the partner's pronoun), a special
day, or apart today; and whether today is a day off. Kept for that day only (core/daily.py)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Label, RadioButton, RadioSet, Static

from micromance_tui.core.journal import MOODS
from micromance_tui.core.partner_words import PartnerWords
from micromance_tui.core.suggest import mood_label


class HowTodayDialog(ModalScreen[tuple[str, bool] | None]):
    """Returns ``(mood, day_off)`` for today, or None when cancelled. Keys 1-4 choose a
    mood and keep it at once."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Keep for today"),
        *[
            Binding(str(n), f"choose('{mood}')", mood_label(mood), show=False)
            for n, mood in enumerate(MOODS, start=1)
        ],
    ]

    def __init__(
        self, mood: str = "ordinary", day_off: bool = False, *, partner: PartnerWords | None = None
    ) -> None:
        super().__init__()
        self._mood = mood if mood in MOODS else "ordinary"
        self._day_off = day_off
        self._partner = partner or PartnerWords()

    def compose(self) -> ComposeResult:
        with Vertical(id="how-today-dialog", classes="dialog"):
            yield Label("How is today?", classes="dialog-title")
            yield Static(
                "Ideas for a hard or special day come up only when you say so. "
                "This is kept for today only.",
                classes="dialog-subtitle",
            )
            with RadioSet(id="mood", compact=True):
                for n, mood in enumerate(MOODS, start=1):
                    label = mood_label(mood, self._partner)
                    yield RadioButton(
                        f"{n}  {label[:1].upper()}{label[1:]}", value=mood == self._mood, id=mood
                    )
            yield Checkbox(
                "A day off: ideas that need a free day may come up",
                value=self._day_off,
                id="day-off",
                compact=True,
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep for today (ctrl+s)", variant="primary", id="save", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#mood", RadioSet).focus()

    def _chosen(self) -> str:
        pressed = self.query_one("#mood", RadioSet).pressed_button
        return pressed.id if pressed is not None and pressed.id in MOODS else self._mood

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        self.dismiss((self._chosen(), self.query_one("#day-off", Checkbox).value))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_choose(self, mood: str) -> None:
        self.dismiss((mood, self.query_one("#day-off", Checkbox).value))
