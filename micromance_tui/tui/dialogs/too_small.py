"""Shown over everything while the terminal is smaller than the app needs; the app takes it
away again as soon as the window is large enough (see ``MicromanceApp._fit_to``)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widgets import Static


def too_small_text(size: Size, minimum: tuple[int, int]) -> str:
    width, height = minimum
    return (
        f"Make the window larger (at least {width}x{height}).\n"
        f"It is {size.width}x{size.height} now.\n"
        "ctrl+q quits."
    )


class TooSmallScreen(ModalScreen[None]):
    """A friendly notice instead of a squashed or broken layout. It has no keys of its own:
    the app's keys (ctrl+q, the screen keys) still work underneath."""

    CSS_PATH = Path(__file__).parent.parent / "styles" / "too_small.tcss"
    BINDINGS: ClassVar[list[BindingType]] = []

    def __init__(self, size: Size, minimum: tuple[int, int]) -> None:
        super().__init__()
        self.minimum = minimum
        self.shown_size = size

    def compose(self) -> ComposeResult:
        with Vertical(id="too-small-box"):
            yield Static(too_small_text(self.shown_size, self.minimum), id="too-small-text")

    def show_size(self, size: Size) -> None:
        """Update the size shown (the window was resized but is still too small)."""
        if size == self.shown_size:
            return
        self.shown_size = size
        if self.is_mounted:
            self.query_one("#too-small-text", Static).update(too_small_text(size, self.minimum))
