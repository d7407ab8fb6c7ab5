"""A virtual list of gestures: only the rows on screen are ever rendered, so showing
10,000 results costs about what showing 100 does (the Line API on a ScrollView).

Each idea takes two lines: marks (✓ tried, ♥ favourite), the title and its main love
language; then the summary, dimmed. Keys move a cursor; a click highlights a row (and
opens it when `open_on_click` is set, or on a second click or a double click)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from micromance_tui.core.models import Gesture

ROW_HEIGHT = 2

SHORT_LANGUAGE: dict[str, str] = {
    "words": "Words",
    "service": "Service",
    "gifts": "Gifts",
    "time": "Time",
    "touch": "Touch",
}


class GestureList(ScrollView, can_focus=True):
    """Call `set_items(gestures, cursor=...)`; listen for `Highlighted` and `Selected`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Open"),
    ]

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
        overflow-x: hidden;
        overflow-y: auto;
        background: $surface;
        scrollbar-size-vertical: 1;
    }
    GestureList > .gesture-list--title { text-style: bold; }
    GestureList > .gesture-list--summary { color: $text-muted; }
    GestureList > .gesture-list--language { color: $accent; }
    GestureList > .gesture-list--tried { color: $success; text-style: bold; }
    GestureList > .gesture-list--favourite { color: $error; }
    GestureList > .gesture-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    GestureList > .gesture-list--cursor-blurred { background: $boost; }
    GestureList > .gesture-list--hover { background: $boost; }
    GestureList > .gesture-list--empty { color: $text-muted; text-style: italic; }
    """

    class Highlighted(Message):
        """The cursor moved to another idea (None: the list is empty)."""

        def __init__(self, gesture_list: GestureList, gesture: Gesture | None) -> None:
            super().__init__()
            self.gesture_list = gesture_list
            self.gesture = gesture

        @property
        def control(self) -> GestureList:
            return self.gesture_list

    class Selected(Message):
        """An idea was chosen (enter, a double click, or a click when open_on_click)."""

        def __init__(self, gesture_list: GestureList, gesture: Gesture) -> None:
            super().__init__()
            self.gesture_list = gesture_list
            self.gesture = gesture

        @property
        def control(self) -> GestureList:
            return self.gesture_list

    def __init__(
        self,
        *,
        empty_text: str = "Nothing matches.",
        language_label: Callable[[str], str] | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._items: Sequence[Gesture] = ()
        self.cursor = 0
        self.hover: int | None = None
        self.tried: Collection[str] = frozenset()
        self.favourites: Collection[str] = frozenset()
        self.empty_text = empty_text
        self.open_on_click = False
        self._language_label = language_label or (lambda lid: SHORT_LANGUAGE.get(lid, lid))
        self._cache: dict[tuple[object, ...], Strip] = {}

    # ------------------------------------------------------------------ data

    @property
    def items(self) -> Sequence[Gesture]:
        return self._items

    @property
    def highlighted(self) -> Gesture | None:
        if 0 <= self.cursor < len(self._items):
            return self._items[self.cursor]
        return None

    def set_items(self, items: Sequence[Gesture], cursor: int = 0) -> None:
        """Show these ideas (kept by reference, not copied) with the cursor on `cursor`.
        Costs the same for ten rows or ten thousand: nothing off screen is touched."""
        self._items = items
        self._cache.clear()
        self.hover = None
        self.cursor = max(0, min(cursor, len(items) - 1))
        self.virtual_size = Size(self.scrollable_content_region.width, len(items) * ROW_HEIGHT)
        self._scroll_cursor_into_view(center=True)
        self.refresh()
        self.post_message(self.Highlighted(self, self.highlighted))

    def set_marks(self, tried: Collection[str], favourites: Collection[str]) -> None:
        """Which ideas show ✓ and ♥ (sets: looked up only for the rows on screen)."""
        self.tried = tried
        self.favourites = favourites
        self._cache.clear()
        self.refresh()

    def move_to(self, index: int) -> None:
        if not self._items:
            return
        index = max(0, min(index, len(self._items) - 1))
        if index == self.cursor:
            return
        old = self.cursor
        self.cursor = index
        self._refresh_row(old)
        self._refresh_row(index)
        self._scroll_cursor_into_view()
        self.post_message(self.Highlighted(self, self.highlighted))

    # ------------------------------------------------------------------ actions

    def action_cursor(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        rows = max(1, self.scrollable_content_region.height // ROW_HEIGHT)
        self.move_to(self.cursor + direction * rows)

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(len(self._items) - 1)

    def action_select(self) -> None:
        if (gesture := self.highlighted) is not None:
            self.post_message(self.Selected(self, gesture))

    # ------------------------------------------------------------------ mouse

    def _row_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        row = (offset.y + self.scroll_offset.y) // ROW_HEIGHT
        return row if 0 <= row < len(self._items) else None

    async def _on_click(self, event: events.Click) -> None:
        row = self._row_at(event)
        if row is None:
            return
        event.stop()
        again = row == self.cursor
        self.move_to(row)
        if self.open_on_click or again or event.chain >= 2:
            self.action_select()

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        row = self._row_at(event)
        if row != self.hover:
            old, self.hover = self.hover, row
            if old is not None:
                self._refresh_row(old)
            if row is not None:
                self._refresh_row(row)

    def _on_leave(self, event: events.Leave) -> None:
        if self.hover is not None:
            old, self.hover = self.hover, None
            self._refresh_row(old)

    def _on_focus(self, event: events.Focus) -> None:
        self._cache.clear()
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        self._cache.clear()
        self.refresh()

    # ------------------------------------------------------------------ rendering

    def on_resize(self, event: events.Resize) -> None:
        self._cache.clear()
        self.virtual_size = Size(
            self.scrollable_content_region.width, len(self._items) * ROW_HEIGHT
        )
        self._scroll_cursor_into_view()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def _refresh_row(self, index: int) -> None:
        self.refresh_lines(index * ROW_HEIGHT, ROW_HEIGHT)

    def _scroll_cursor_into_view(self, center: bool = False) -> None:
        if not self._items:
            self.scroll_to(y=0, animate=False, immediate=True)
            return
        region = Region(0, self.cursor * ROW_HEIGHT, 1, ROW_HEIGHT)
        self.scroll_to_region(region, animate=False, center=center, immediate=True, force=True)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = self.scroll_offset.y + y
        index, part = divmod(line, ROW_HEIGHT)
        base = self.rich_style
        if not self._items:
            if line == 0:
                text = Text(f" {self.empty_text}", style=base)
                text.stylize(self.get_component_rich_style("gesture-list--empty"))
                text.truncate(width, overflow="ellipsis", pad=True)
                return Strip(list(text.render(self.app.console)), width)
            return Strip.blank(width, base)
        if index >= len(self._items):
            return Strip.blank(width, base)
        gesture = self._items[index]
        tried = gesture.id in self.tried
        favourite = gesture.id in self.favourites
        is_cursor = index == self.cursor
        is_hover = index == self.hover
        key = (index, part, width, gesture.id, tried, favourite, is_cursor, is_hover)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        text = self._row_text(gesture, part, width, tried, favourite, base)
        if is_cursor:
            name = "gesture-list--cursor" if self.has_focus else "gesture-list--cursor-blurred"
            text.stylize(self.get_component_rich_style(name, partial=True))
        elif is_hover:
            text.stylize(self.get_component_rich_style("gesture-list--hover", partial=True))
        strip = Strip(list(text.render(self.app.console)), width)
        if len(self._cache) > 400:
            self._cache.clear()
        self._cache[key] = strip
        return strip

    def _row_text(
        self, gesture: Gesture, part: int, width: int, tried: bool, favourite: bool, base: Style
    ) -> Text:
        style = self.get_component_rich_style
        if part == 0:
            language = self._language_label(gesture.language)
            right = Text(f" {language} ", style=base + style("gesture-list--language"))
            left = Text.assemble(
                (" ", base),
                ("✓" if tried else " ", base + style("gesture-list--tried")),
                ("♥" if favourite else " ", base + style("gesture-list--favourite")),
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
