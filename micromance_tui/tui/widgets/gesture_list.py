"""A virtual list of gestures: only the rows on screen are ever rendered, so showing
10,000 results costs about what showing 100 does (see :class:`VirtualList`).

Each idea takes two lines: marks (✓ tried, ♥ favourite), the title and its main love
language; then the summary, dimmed. Keys move a cursor; a click highlights a row (and
opens it when `open_on_click` is set, or on a second click or a double click)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.strip import Strip

from micromance_tui.core.models import Gesture
from micromance_tui.tui.widgets.virtual_list import VirtualList

SHORT_LANGUAGE: dict[str, str] = {
    "words": "Words",
    "service": "Service",
    "gifts": "Gifts",
    "time": "Time",
    "touch": "Touch",
}


class GestureList(VirtualList[Gesture]):
    """Call `set_items(gestures, cursor=...)`; listen for `Highlighted` and `Selected`."""

    ROW_HEIGHT = 2

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Open", show=False)]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "gesture-list--title",
        "gesture-list--summary",
        "gesture-list--language",
        "gesture-list--tried",
        "gesture-list--favourite",
        "gesture-list--cursor",
        "gesture-list--cursor-blurred",
        "gesture-list--hover",
        "gesture-list--empty",
    }

    DEFAULT_CSS = """
    GestureList {
        background: $surface;
        scrollbar-size-vertical: 1;
    }
    GestureList > .gesture-list--title { text-style: bold; }
    GestureList > .gesture-list--summary { color: $text-muted; }
    GestureList > .gesture-list--language { color: $text-accent; }
    GestureList > .gesture-list--tried { color: $text-success; text-style: bold; }
    GestureList > .gesture-list--favourite { color: $text-error; }
    GestureList > .gesture-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    GestureList > .gesture-list--cursor-blurred { background: $boost; }
    GestureList > .gesture-list--hover { background: $boost; }
    GestureList > .gesture-list--empty { color: $text-muted; text-style: italic; }
    """

    class Highlighted(VirtualList.Highlighted):
        """The cursor moved to another idea (None: the list is empty)."""

        def __init__(self, gesture_list: GestureList, gesture: Gesture | None) -> None:
            super().__init__(gesture_list, gesture)
            self.gesture_list = gesture_list
            self.gesture = gesture

    class Selected(VirtualList.Selected):
        """An idea was chosen (enter, a double click, or a click when open_on_click)."""

        def __init__(self, gesture_list: GestureList, gesture: Gesture) -> None:
            super().__init__(gesture_list, gesture)
            self.gesture_list = gesture_list
            self.gesture = gesture

    def __init__(
        self,
        *,
        empty_text: str = "Nothing matches.",
        language_label: Callable[[str], str] | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(empty_text=empty_text, name=name, id=id, classes=classes)
        self.tried: Collection[str] = frozenset()
        self.favourites: Collection[str] = frozenset()
        self._language_label = language_label or (lambda lid: SHORT_LANGUAGE.get(lid, lid))

    def set_marks(self, tried: Collection[str], favourites: Collection[str]) -> None:
        """Which ideas show ✓ and ♥ (sets: looked up only for the rows on screen)."""
        self.tried = tried
        self.favourites = favourites
        self.redraw()

    # ------------------------------------------------------------------ rendering

    def row_key(self, item: Gesture) -> Hashable:
        return item.id, item.id in self.tried, item.id in self.favourites

    def render_empty(self, width: int) -> Strip:
        text = Text(f" {self.empty_text}", style=self.rich_style)
        text.stylize(self.get_component_rich_style("gesture-list--empty"))
        text.truncate(width, overflow="ellipsis", pad=True)
        return Strip(list(text.render(self.app.console)), width)

    def render_row(self, item: Gesture, part: int, width: int, cursor: bool, hover: bool) -> Strip:
        text = self._row_text(item, part, width, self.rich_style)
        if cursor:
            name = "gesture-list--cursor" if self.has_focus else "gesture-list--cursor-blurred"
            text.stylize(self._row_style(name))
        elif hover:
            text.stylize(self._row_style("gesture-list--hover"))
        return Strip(list(text.render(self.app.console)), width)

    def _row_style(self, name: str) -> Style:
        """A row's highlight over the text's own colours. A translucent background (the
        blurred cursor's and the hover's ``$boost``) is blended over the list's own: left
        as it is, a terminal drew it as solid white, under light text."""
        style = self.get_component_rich_style(name, partial=True)
        background = self.get_component_styles(name).background
        if background.a < 1:
            blended = self.background_colors[1] + background
            style += Style(bgcolor=blended.rich_color)
        return style

    def _row_text(self, gesture: Gesture, part: int, width: int, base: Style) -> Text:
        style = self.get_component_rich_style
        if part == 0:
            language = self._language_label(gesture.language)
            right = Text(f" {language} ", style=base + style("gesture-list--language"))
            tried = "✓" if gesture.id in self.tried else " "
            favourite = "♥" if gesture.id in self.favourites else " "
            left = Text.assemble(
                (" ", base),
                (tried, base + style("gesture-list--tried")),
                (favourite, base + style("gesture-list--favourite")),
                (" ", base),
                (gesture.title, base + style("gesture-list--title")),
            )
            room = max(0, width - right.cell_len)
            left.truncate(room, overflow="ellipsis", pad=True)
            left.append_text(right)
            left.truncate(width, overflow="ellipsis", pad=True)
            return left
        text = Text.assemble(
            ("    ", base), (gesture.summary, base + style("gesture-list--summary"))
        )
        text.truncate(width, overflow="ellipsis", pad=True)
        return text
