"""The mechanics of a virtual list: only the lines on screen are ever rendered (the Line
API on a ScrollView), so ten thousand items cost about what a hundred do.

:class:`VirtualList` keeps the items (by reference), a cursor, the mouse hover and a cache
of rendered rows; it scrolls the cursor into view, answers the arrow keys, page up/down,
home/end and enter, and clicks (a double click, or a second click on the cursor row, or
any click when `open_on_click` is set, selects). It posts ``Highlighted`` when the cursor
moves and ``Selected`` when an item is chosen. No letter keys: those belong to screens.

A subclass says how a row looks (:meth:`~VirtualList.render_row`, and
:meth:`~VirtualList.render_empty`), what else a row shows that the cache must know of
(:meth:`~VirtualList.row_key`), and what its messages carry (subclasses of
:class:`VirtualList.Highlighted` and :class:`VirtualList.Selected` that take the list and
the item). Rows take ``ROW_HEIGHT`` lines; ``HEADER_LINES`` lines at the top stay put while
the rows scroll under them (drawn by :meth:`~VirtualList.render_header`)."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

T = TypeVar("T")


class ListMessage(Message):
    """What a :class:`VirtualList` message carries: the list, and an item."""

    def __init__(self, virtual_list: VirtualList[Any], item: Any) -> None:
        super().__init__()
        self.virtual_list = virtual_list
        self.item = item

    @property
    def control(self) -> VirtualList[Any]:
        return self.virtual_list


class VirtualList(ScrollView, Generic[T], can_focus=True):
    """Call :meth:`set_items`; listen for ``Highlighted`` and ``Selected``."""

    ROW_HEIGHT: ClassVar[int] = 1
    """Lines a row takes."""
    HEADER_LINES: ClassVar[int] = 0
    """Lines at the top that do not scroll (see :meth:`render_header`)."""
    PAGE_OVERLAP: ClassVar[int] = 0
    """Rows of the old page still in view after page up or page down."""
    CLICK_AGAIN_SELECTS: ClassVar[bool] = True
    """Whether a click on the row the cursor is already on selects it."""

    cursor: reactive[int] = reactive(0, repaint=False, init=False)
    """The row under the cursor: set it to move there (clamped to the list, scrolled into
    view, ``Highlighted`` posted), as toolong's LogLines keeps its pointer."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Select", show=False),
    ]

    DEFAULT_CSS = """
    VirtualList {
        overflow-x: hidden;
        overflow-y: auto;
    }
    """

    class Highlighted(ListMessage):
        """The cursor moved to another item (None: the list is empty)."""

    class Selected(ListMessage):
        """An item was chosen (enter, a double click, or a click: see `open_on_click`)."""

    def __init__(
        self,
        *,
        empty_text: str = "Nothing here.",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._items: Sequence[T] = ()
        self.hover: int | None = None
        self.empty_text = empty_text
        self.open_on_click = False
        self._cache: LRUCache[tuple[Hashable, ...], Strip] = LRUCache(512)

    # ------------------------------------------------------------------ what a row looks like

    def render_row(self, item: T, part: int, width: int, cursor: bool, hover: bool) -> Strip:
        """Line ``part`` (0 to ROW_HEIGHT - 1) of the row showing ``item``."""
        raise NotImplementedError

    def render_empty(self, width: int) -> Strip:
        """The first line under the header when there are no items (says `empty_text`)."""
        raise NotImplementedError

    def render_header(self, y: int, width: int) -> Strip:
        """Line ``y`` of the header (only called when HEADER_LINES > 0)."""
        return Strip.blank(width, self.rich_style)

    def row_key(self, item: T) -> Hashable:
        """Whatever besides the row's place, width, cursor and hover changes how ``item``
        looks: cached rows are used again only while it stays the same."""
        return None

    # ------------------------------------------------------------------ data

    @property
    def items(self) -> Sequence[T]:
        return self._items

    @property
    def row_count(self) -> int:
        return len(self._items)

    @property
    def highlighted(self) -> T | None:
        """The item under the cursor (None: the list is empty)."""
        if 0 <= self.cursor < len(self._items):
            return self._items[self.cursor]
        return None

    def validate_cursor(self, index: int) -> int:
        """Any index given is clamped to the list (0 when it is empty)."""
        return max(0, min(index, len(self._items) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        """The cursor moved: redraw the two rows, bring it into view, say so."""
        self._refresh_row(old)
        self._refresh_row(new)
        self._scroll_cursor_into_view()
        self.post_message(self.Highlighted(self, self.highlighted))

    def set_items(self, items: Sequence[T], cursor: int = 0, *, center: bool = True) -> None:
        """Show these items (kept by reference, not copied) with the cursor on `cursor`,
        scrolled to the middle of the view when `center`, else just into it. Costs the same
        for ten rows or ten thousand: nothing off screen is touched."""
        self._items = items
        self._cache.clear()
        self.hover = None
        # Set without the watcher: the whole list is redrawn, and Highlighted sent, below.
        self.set_reactive(VirtualList.cursor, self.validate_cursor(cursor))
        self._update_virtual_size()
        self._scroll_cursor_into_view(center=center)
        self.refresh()
        self.post_message(self.Highlighted(self, self.highlighted))

    def move_to(self, index: int) -> None:
        """Put the cursor on row ``index`` (clamped to the list) and scroll it into view;
        posts ``Highlighted`` if it moved."""
        if not self._items or self.validate_cursor(index) == self.cursor:
            self._scroll_cursor_into_view()  # the view may have wandered off with the wheel
            return
        self.cursor = index  # clamped by validate_cursor; watch_cursor does the rest

    def redraw(self) -> None:
        """Render every row again (for subclasses, when what the rows show has changed)."""
        self._cache.clear()
        self.refresh()

    # ------------------------------------------------------------------ actions

    def action_cursor(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        lines = max(self.scrollable_content_region.height - self.HEADER_LINES, 1)
        rows = max(1, lines // self.ROW_HEIGHT - self.PAGE_OVERLAP)
        self.move_to(self.cursor + direction * rows)

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(len(self._items) - 1)

    def action_select(self) -> None:
        if (item := self.highlighted) is not None:
            self.post_message(self.Selected(self, item))

    # ------------------------------------------------------------------ mouse

    def _row_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < self.HEADER_LINES:
            return None
        line = offset.y - self.HEADER_LINES + self.scroll_offset.y
        row = line // self.ROW_HEIGHT
        return row if 0 <= row < len(self._items) else None

    async def _on_click(self, event: events.Click) -> None:
        row = self._row_at(event)
        if row is None:
            return
        event.stop()
        again = self.CLICK_AGAIN_SELECTS and row == self.cursor
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
        self.redraw()

    def _on_blur(self, event: events.Blur) -> None:
        self.redraw()

    # ------------------------------------------------------------------ rendering

    def _width(self) -> int:
        return max(self.scrollable_content_region.width, 1)

    def _update_virtual_size(self) -> None:
        height = self.HEADER_LINES + len(self._items) * self.ROW_HEIGHT
        self.virtual_size = Size(self._width(), height)

    def on_resize(self, event: events.Resize) -> None:
        self._cache.clear()
        self._update_virtual_size()
        self._scroll_cursor_into_view()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def _refresh_row(self, index: int) -> None:
        self.refresh_lines(self.HEADER_LINES + index * self.ROW_HEIGHT, self.ROW_HEIGHT)

    def _scroll_cursor_into_view(self, center: bool = False) -> None:
        if not self._items:
            self.scroll_to(y=0, animate=False, immediate=True)
            return
        top = self.HEADER_LINES + self.cursor * self.ROW_HEIGHT
        self.scroll_to_region(
            Region(0, top, 1, self.ROW_HEIGHT),
            spacing=Spacing(top=self.HEADER_LINES),  # rows under the header are hidden
            animate=False,
            center=center,
            immediate=True,
            force=True,
        )

    def render_line(self, y: int) -> Strip:
        width = self._width()
        if y < self.HEADER_LINES:
            return self.render_header(y, width).apply_style(self.rich_style)
        if not self._items:
            if y == self.HEADER_LINES:
                return self.render_empty(width).apply_style(self.rich_style)
            return Strip.blank(width, self.rich_style)
        line = self.scroll_offset.y + y - self.HEADER_LINES
        index, part = divmod(line, self.ROW_HEIGHT)
        if index >= len(self._items):
            return Strip.blank(width, self.rich_style)
        item = self._items[index]
        cursor = index == self.cursor
        hover = index == self.hover
        key = (index, part, width, cursor, hover, self.row_key(item))
        strip = self._cache.get(key)
        if strip is None:
            # The widget's style goes under every row: a cell a row leaves unstyled (the
            # padding Rich adds) gets the list's background, not the terminal's default.
            strip = self.render_row(item, part, width, cursor, hover).apply_style(self.rich_style)
            self._cache[key] = strip
        return strip
