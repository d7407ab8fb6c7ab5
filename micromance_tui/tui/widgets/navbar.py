"""The row of screen keys above the footer: every top-level screen, clickable, with the
current one highlighted. Generated from the app's SCREENS table. It wraps onto a second
line, between items, when the terminal is too narrow for one."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from micromance_tui.tui.screen_table import SCREENS

#: Space between items: two when every item fits on one line with it, else one.
GAPS = (2, 1)
#: Shorter names where the screen's own is long.
SHORT = {"languages": "Languages"}
#: Names when the bar with SHORT names does not fit one row (80 columns): every key stays,
#: only the words shrink ("?" alone for Help, whose key says it).
COMPACT = {"languages": "Lang", "journal": "Log", "together": "Us", "help": ""}


class NavBar(Widget):
    """`t Today  b Browse  f FAQ ...`: keys shown, click to go."""

    COMPONENT_CLASSES = {"nav-bar--key"}
    DEFAULT_CSS = """
    NavBar {
        height: auto;
        width: 1fr;
        background: $panel;
        color: $text-muted;
        padding: 0 0 0 1;
        & > .nav-bar--key {
            color: $text-accent;
            text-style: bold;
        }
    }
    """

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current
        #: width -> (compact, gap, lines as lists of item indexes): measuring and drawing agree
        self._layout: tuple[int, tuple[bool, int, list[list[int]]]] | None = None

    def _items(self, compact: bool = False) -> list[Text]:
        """The items, styled from the live stylesheet on every call (never kept: a style
        read before the theme is applied would be the wrong colour)."""
        key_style = self.get_component_rich_style("nav-bar--key")
        items = []
        for mode, (title, key, _, _) in SCREENS.items():
            item = Text()
            item.append("?" if key == "question_mark" else key, style=key_style)
            name = COMPACT.get(mode, SHORT.get(mode, title)) if compact else SHORT.get(mode, title)
            if name:
                item.append(f" {name}")
            if mode == self.current:
                item = Text(" ") + item + Text(" ")
                item.stylize("reverse")
            item.apply_meta({"@click": f"app.show('{mode}')"})
            items.append(item)
        return items

    def _lines(self, width: int) -> tuple[bool, int, list[list[int]]]:
        if self._layout is None or self._layout[0] != width:
            for compact in (False, True):
                widths = [item.cell_len for item in self._items(compact)]
                gap, lines = self._wrap(widths, width)
                if len(lines) == 1:
                    break
            self._layout = (width, (compact, gap, lines))
        return self._layout[1]

    @staticmethod
    def _wrap(widths: list[int], width: int) -> tuple[int, list[list[int]]]:
        for gap in GAPS:
            if sum(widths) + gap * (len(widths) - 1) <= width:
                return gap, [list(range(len(widths)))]
        gap = GAPS[0]
        lines: list[list[int]] = [[]]
        used = 0
        for index, cells in enumerate(widths):
            if lines[-1] and used + gap + cells > width:
                lines.append([])
                used = 0
            used += cells + (gap if lines[-1] else 0)
            lines[-1].append(index)
        return gap, lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(max(width, 1))[2])

    def render(self) -> Text:
        compact, gap, lines = self._lines(max(self.content_size.width, 1))
        items = self._items(compact)
        return Text("\n").join(
            Text(" " * gap).join(items[index] for index in line) for line in lines
        )
