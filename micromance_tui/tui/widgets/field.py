"""The app's text input: an Input whose cursor blinks unless the app says not to
(snapshots and screenshots turn blinking off so every frame is the same), and whose
placeholder is shortened at a word, never cut mid-word, when the field is narrow."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Input

from micromance_tui.tui.app_access import AppAccess


def fit_words(text: str, width: int) -> str:
    """`text` if it fits in `width` cells, else as many whole words as fit, then '…'."""
    if len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    cut = text[: width - 1]
    if text[width - 1].isalnum() and " " in cut:  # the cut falls inside a word
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" :,;·-") + "…"


class Field(AppAccess, Input):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._full_placeholder = self.placeholder

    def on_mount(self) -> None:
        if not self.mm.cursor_blink:
            self.cursor_blink = False

    def on_resize(self, event: events.Resize) -> None:
        # One cell is kept for the cursor, which Input draws after the text.
        self.placeholder = fit_words(self._full_placeholder, self.content_size.width - 1)

    def set_placeholder(self, text: str) -> None:
        """Say something else when empty (kept whole, fitted to the width on each resize)."""
        self._full_placeholder = text
        width = self.content_size.width
        self.placeholder = fit_words(text, width - 1) if width else text
