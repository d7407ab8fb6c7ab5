"""The row of screen keys above the footer: every top-level screen and Together, clickable,
with the current one highlighted. Generated from the app's SCREENS table. A Static: Textual wraps it
onto a second line, between items, when the terminal is too narrow for one."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widgets import Static

from micromance_tui.tui.screen_table import SCREENS

#: Space between items: two when every item fits on one line with it, else one.
GAPS = (2, 1)
#: Shorter names where the screen's own is long.
SHORT = {"languages": "Languages"}
#: Names when the bar with SHORT names does not fit one row (80 columns): every key stays,
#: only the words shrink ("?" alone for Help, whose key says it).
COMPACT = {"languages": "Lang", "journal": "Log", "together": "Us", "help": ""}
#: Inside an item, so a wrapped bar never splits a key from its name.
NBSP = "\u00a0"


#: Screens opened over the current one rather than as a mode: (id, title, key, action).
#: Together (pairing, what the partner shared) is the one.
OVERLAYS = (("together", "Together", "i", "app.together()"),)


def nav_line(current: str, width: int) -> Content:
    """`t Today  b Browse ...` for a line ``width`` cells wide: full names with two spaces
    between items if they fit, then one space, then compact names (wrapped if need be)."""
    entries = [
        (mode, title, key, f"app.show('{mode}')") for mode, (title, key, _, _) in SCREENS.items()
    ]
    entries[-1:-1] = OVERLAYS  # before Help, which stays last
    for names in (SHORT, {**SHORT, **COMPACT}):
        items = []
        for mode, title, key, action in entries:
            name = names.get(mode, title)
            label = Content.styled("?" if key == "question_mark" else key, "bold $text-accent")
            if name:
                label = Content.assemble(label, f"{NBSP}{name}")
            if mode == current:
                label = Content.assemble(NBSP, label, NBSP).stylize("reverse")
            items.append(label.stylize(f"@click={action}"))
        cells = sum(item.cell_length for item in items)
        for gap in GAPS:
            if cells + gap * (len(items) - 1) <= width:
                return Content(" " * gap).join(items)
    return Content(" ").join(items)


class NavBar(Static):
    """`t Today  b Browse  f FAQ ...`: keys shown, click to go."""

    DEFAULT_CSS = """
    NavBar {
        height: auto;
        width: 1fr;
        background: $panel;
        color: $text-muted;
        padding: 0 0 0 1;
        link-color: $text-muted;
        link-style: none;
        link-background-hover: $block-hover-background;
        link-color-hover: $foreground;
        link-style-hover: none;
    }
    """

    def __init__(self, current: str) -> None:
        self.current = current
        super().__init__()

    def on_mount(self) -> None:
        # Laid out for the terminal's width from the first frame (less the padding).
        self._fit(self.app.size.width - 1)

    def on_resize(self, _event: events.Resize) -> None:
        self._fit(self.content_size.width)

    def _fit(self, width: int) -> None:
        self.update(nav_line(self.current, max(width, 1)))
