"""A virtual table of tried entries: a fixed header row, then one line per entry, with a
row cursor. Only the lines on screen are ever rendered, so 20,000 entries open and scroll
as quickly as 20 (a DataTable measures every cell of every row when rows are added).

Columns: date, idea, language, how it landed, note; the idea and note columns share what
width is left. Keys: up/down, page up/down, home/end; enter (or a double click) posts
:class:`EntryList.Selected`; moving the cursor posts :class:`EntryList.Highlighted`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from micromance_tui.core.journal import TriedEntry

#: entry -> (idea title, main language short name)
Describe = Callable[[TriedEntry], tuple[str, str]]

DATE_W = 10
LANG_W = 8
LANDED_W = 9
GAP = 1


def column_widths(width: int) -> tuple[int, int, int, int, int]:
    """(date, idea, language, landed, note) widths for a line of ``width`` cells."""
    fixed = DATE_W + LANG_W + LANDED_W + 4 * GAP
    rest = max(width - fixed, 10)
    idea = max(rest * 45 // 100, 8)
    note = max(rest - idea, 0)
    return DATE_W, idea, LANG_W, LANDED_W, note


def _one_line(text: str) -> str:
    return " ".join(text.split())


def fit(text: str, width: int) -> str:
    """``text`` padded or cut to exactly ``width`` cells, with … where it was cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


class EntryList(ScrollView, can_focus=True):
    """Tried entries, newest first; set them with :meth:`set_entries`."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "entry-list--header",
        "entry-list--cursor",
        "entry-list--empty",
    }

    DEFAULT_CSS = """
    EntryList {
        background: $surface;
        color: $foreground;
        height: 1fr;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        & > .entry-list--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        & > .entry-list--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }
        & > .entry-list--empty {
            color: $text-muted;
            text-style: italic;
        }
        &:focus {
            background-tint: $foreground 5%;
            & > .entry-list--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "jump(0)", "First", show=False),
        Binding("end", "jump(-1)", "Last", show=False),
        Binding("enter", "select", "Edit", show=False),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(Message):
        def __init__(self, entry_list: EntryList, entry: TriedEntry | None) -> None:
            super().__init__()
            self.entry_list = entry_list
            self.entry = entry

    class Selected(Message):
        def __init__(self, entry_list: EntryList, entry: TriedEntry) -> None:
            super().__init__()
            self.entry_list = entry_list
            self.entry = entry

    def __init__(
        self,
        describe: Describe,
        *,
        empty: str = "Nothing here yet.",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._describe = describe
        self._entries: Sequence[TriedEntry] = ()
        self._empty = empty
        self._cache: LRUCache[tuple[int, bool, int], Strip] = LRUCache(512)

    # ------------------------------------------------------------------ data

    @property
    def entries(self) -> Sequence[TriedEntry]:
        return self._entries

    @property
    def row_count(self) -> int:
        return len(self._entries)

    @property
    def current(self) -> TriedEntry | None:
        if 0 <= self.cursor < len(self._entries):
            return self._entries[self.cursor]
        return None

    def set_entries(
        self, entries: Sequence[TriedEntry], *, keep: str | None = None, empty: str | None = None
    ) -> None:
        """Show ``entries``; the cursor stays on the entry with id ``keep`` if it is there,
        else on the same row number (or the last row)."""
        old = self.cursor
        self._entries = entries
        if empty is not None:
            self._empty = empty
        self._cache.clear()
        self.virtual_size = Size(self._width(), len(entries) + 1)
        index = -1
        if keep is not None:
            index = next((i for i, e in enumerate(entries) if e.id == keep), -1)
        if index < 0:
            index = min(old, max(len(entries) - 1, 0))
        self.cursor = index
        self.refresh()

    # ------------------------------------------------------------------ cursor

    def _visible_rows(self) -> int:
        return max(self.scrollable_content_region.height - 1, 1)

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._entries) - 1)) if self._entries else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Highlighted(self, self.current))

    def _scroll_to_cursor(self) -> None:
        top = round(self.scroll_y)
        rows = self._visible_rows()
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + rows:
            self.scroll_to(y=self.cursor - rows + 1, animate=False, immediate=True)

    def action_move(self, delta: int) -> None:
        self.cursor += delta

    def action_page(self, direction: int) -> None:
        self.cursor += direction * max(self._visible_rows() - 1, 1)

    def action_jump(self, where: int) -> None:
        self.cursor = 0 if where == 0 else len(self._entries) - 1

    def action_select(self) -> None:
        entry = self.current
        if entry is not None:
            self.post_message(self.Selected(self, entry))

    async def _on_click(self, event: events.Click) -> None:
        row = event.style.meta.get("row")
        if not isinstance(row, int):
            return
        self.cursor = row
        if event.chain >= 2:
            self.action_select()

    # ------------------------------------------------------------------ rendering

    def _width(self) -> int:
        return max(self.scrollable_content_region.width, 1)

    def on_resize(self, event: events.Resize) -> None:
        self._cache.clear()
        self.virtual_size = Size(self._width(), len(self._entries) + 1)
        self._scroll_to_cursor()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def _on_focus(self, event: events.Focus) -> None:
        self._cache.clear()
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        self._cache.clear()
        self.refresh()

    def _cells(self, values: tuple[str, str, str, str, str], width: int) -> str:
        widths = column_widths(width)
        parts = [fit(value, w) for value, w in zip(values, widths, strict=True) if w]
        return (" " * GAP).join(parts)

    def render_line(self, y: int) -> Strip:
        width = self._width()
        base = self.rich_style
        if y == 0:
            header = self._cells(("Date", "Idea", "Language", "Landed", "Note"), width)
            style = base + self.get_component_rich_style("entry-list--header")
            return Strip([Segment(set_cell_size(header, width), style)], width)
        index = round(self.scroll_y) + y - 1
        if not self._entries:
            if y == 1:
                style = base + self.get_component_rich_style("entry-list--empty")
                return Strip([Segment(set_cell_size(" " + self._empty, width), style)], width)
            return Strip.blank(width, base)
        if index >= len(self._entries):
            return Strip.blank(width, base)
        is_cursor = index == self.cursor
        key = (index, is_cursor, width)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        entry = self._entries[index]
        title, language = self._describe(entry)
        text = self._cells(
            (entry.date.isoformat(), title, language, entry.reaction_text, _one_line(entry.note)),
            width,
        )
        style = base
        if is_cursor:
            style += self.get_component_rich_style("entry-list--cursor")
        style += Style(meta={"row": index})
        strip = Strip([Segment(set_cell_size(text, width), style)], width)
        self._cache[key] = strip
        return strip
