"""The row of screen keys above the footer: every top-level screen, clickable, with the
current one highlighted. Generated from the app's SCREENS table. It wraps onto a second
line, between items, when the terminal is too narrow for one."""

from __future__ import annotations

from rich.color import Color as RichColor
from rich.style import Style
from rich.text import Text
from textual.color import Color
from textual.geometry import Size
from textual.widget import Widget

GAP = 2


def _rich_colour(value: str | None) -> RichColor | None:
    """A theme colour Rich understands ('ansi_green' is Textual's, not Rich's)."""
    if not value:
        return None
    try:
        return Color.parse(value).rich_color
    except Exception:
        return None


class NavBar(Widget):
    """`t Today  b Browse  f FAQ ...`: keys shown, click to go."""

    DEFAULT_CSS = """
    NavBar {
        height: auto;
        width: 1fr;
        background: $panel;
        color: $text-muted;
        padding: 0 1;
    }
    """

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current
        #: (width, theme) -> lines: measuring and drawing ask for the same lines
        self._cached: tuple[tuple[int, str], list[Text]] | None = None

    def _items(self) -> list[Text]:
        from micromance_tui.tui.app import SCREENS

        key_style = Style(bold=True, color=_rich_colour(self.app.current_theme.accent))
        items = []
        for mode, (title, key, _, _) in SCREENS.items():
            item = Text()
            item.append("?" if key == "question_mark" else key, style=key_style)
            item.append(f" {title}")
            if mode == self.current:
                item = Text(" ") + item + Text(" ")
                item.stylize("reverse")
            item.apply_meta({"@click": f"app.show('{mode}')"})
            items.append(item)
        return items

    def _lines(self, width: int) -> list[Text]:
        key = (width, self.app.theme)
        if self._cached is None or self._cached[0] != key:
            self._cached = (key, self._wrap(width))
        return self._cached[1]

    def _wrap(self, width: int) -> list[Text]:
        lines: list[Text] = [Text()]
        for item in self._items():
            current = lines[-1]
            needed = len(item) + (GAP if current.plain else 0)
            if current.plain and current.cell_len + needed > width:
                lines.append(Text())
                current = lines[-1]
            if current.plain:
                current.append(" " * GAP)
            current.append_text(item)
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(max(width, 1)))

    def render(self) -> Text:
        return Text("\n").join(self._lines(max(self.content_size.width, 1)))
