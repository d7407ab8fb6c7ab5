"""One idea on a screen of its own, opened from anywhere (palette, FAQ, guides, journal)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header

from micromance_tui.tui.app_access import AppAccess
from micromance_tui.tui.screens.base import ICON
from micromance_tui.tui.widgets.gesture_detail import GestureDetail


class GestureScreen(AppAccess, Screen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("d", "tried", "Done it"),
        Binding("s", "favourite", "Favourite"),
    ]

    def __init__(self, gesture_id: str) -> None:
        super().__init__()
        self.gesture_id = gesture_id

    def compose(self) -> ComposeResult:
        yield Header(icon=ICON)
        yield GestureDetail(id="detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = self.mm.library.gesture_by_id[self.gesture_id].title
        self.query_one(GestureDetail).show(self.gesture_id)

    def action_tried(self) -> None:
        self.mm.mark_tried(self.gesture_id)

    def action_favourite(self) -> None:
        self.mm.toggle_favourite(self.gesture_id)
