"""One widget for every place with nothing to show yet: a line or two on what it will show,
and a button for the one action that starts it (its key in the label). Every screen uses
this, so empty places read, look and behave the same."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Button, Static


class EmptyState(Vertical):
    """``EmptyState(what, label, key, action)``: ``action`` is run from this widget, so it
    may name the screen or the app (``"screen.add"``, ``"app.show('quiz')"``)."""

    DEFAULT_CSS = """
    EmptyState {
        height: auto;
        padding: 0 1;
        border: round $primary;
        border-title-color: $text-accent;
        margin: 0 0 1 0;
    }
    EmptyState .empty-state--what {
        color: $text;
        height: auto;
    }
    EmptyState Button {
        margin-top: 1;
    }
    """

    def __init__(
        self,
        what: str,
        label: str,
        key: str,
        action: str,
        *,
        title: str = "Nothing here yet",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes="empty-state")
        self.what = what
        self.label = label
        self.key = key
        self.action = action
        self.border_title = title

    def compose(self) -> ComposeResult:
        yield Static(self.what, classes="empty-state--what", markup=False)
        # A label may hold a name the user typed: never read as markup.
        button = Button(Content(f"{self.label} ({self.key})"), variant="primary", compact=True)
        # The key in its label is the keyboard's way; tab keeps moving between the
        # screen's own regions, as it does when the place is not empty.
        button.can_focus = False
        yield button

    def change(self, what: str, label: str, key: str, action: str, *, title: str) -> None:
        """Say something else (one place that shows several lists, one at a time)."""
        self.what, self.label, self.key, self.action = what, label, key, action
        self.border_title = title
        if self.is_mounted:
            self.query_one(".empty-state--what", Static).update(what)
            self.query_one(Button).label = Content(f"{label} ({key})")

    @on(Button.Pressed)
    async def _start(self, event: Button.Pressed) -> None:
        event.stop()
        await self.run_action(self.action)
