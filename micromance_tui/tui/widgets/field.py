"""The app's text input: an Input whose cursor blinks unless the app says not to
(snapshots and screenshots turn blinking off so every frame is the same)."""

from __future__ import annotations

from textual.widgets import Input


class Field(Input):
    def on_mount(self) -> None:
        if not getattr(self.app, "cursor_blink", True):
            self.cursor_blink = False
