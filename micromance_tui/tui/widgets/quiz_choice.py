"""One answer to a quiz question: a box with wrapping text, chosen by click or enter."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.events import Click
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static


class QuizChoice(Static, can_focus=True):
    """`1  My partner holds my hand...`; posts :class:`QuizChoice.Chosen` with its value.
    ``chosen`` marks the answer given earlier (when going back to change it); ``stacked``
    puts the number above the text (for the narrow boxes of a rating scale)."""

    DEFAULT_CSS = """
    QuizChoice {
        width: 1fr;
        height: auto;
        border: round $panel-lighten-2;
        padding: 0 1;
        background: $surface;
    }
    QuizChoice:hover {
        border: round $accent;
    }
    QuizChoice:focus {
        border: round $accent;
        background: $boost;
    }
    QuizChoice.-chosen {
        border: round $success;
        border-subtitle-color: $text-success;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Choose", show=False),
        Binding("space", "choose", "Choose", show=False),
    ]

    chosen: reactive[bool] = reactive(False)

    class Chosen(Message):
        def __init__(self, choice: QuizChoice, value: int) -> None:
            super().__init__()
            self.choice = choice
            self.value = value

    def __init__(
        self,
        value: int,
        *,
        mark: str = "✓ your answer",
        stacked: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__("", id=id, classes=classes)
        self.value = value
        self.mark = mark
        self.stacked = stacked
        self._text = ""

    def show(self, text: str, *, chosen: bool = False) -> None:
        self._text = text
        self.chosen = chosen
        self._render_text()

    def watch_chosen(self, chosen: bool) -> None:
        self.set_class(chosen, "-chosen")
        self._render_text()

    def _render_text(self) -> None:
        self.border_subtitle = self.mark if self.chosen else ""
        gap = "\n" if self.stacked else "  "
        self.update(Content.assemble((str(self.value), "bold $text-accent"), gap, self._text))

    def on_click(self, event: Click) -> None:
        event.stop()
        self.action_choose()

    def action_choose(self) -> None:
        self.post_message(self.Chosen(self, self.value))
