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
from textual.binding import Binding, BindingType
from textual.strip import Strip

from micromance_tui.core.journal import TriedEntry
from micromance_tui.tui.widgets.virtual_list import VirtualList

#: entry -> (idea title, main language short name, how it landed)
Describe = Callable[[TriedEntry], tuple[str, str, str]]

DATE_W = 10
LANG_W = 8
LANDED_W = 10  # "♥went well": the partner's own answer (Together) is marked with a heart
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


def note_cell(entry: TriedEntry) -> str:
    """The last column: where it happened ("@ the station", as ``micromance log`` shows it),
    then the note, each on one line."""
    where = _one_line(entry.where)
    note = _one_line(entry.note)
    return f"@ {where} · {note}" if where and note else f"@ {where}" if where else note


def fit(text: str, width: int) -> str:
    """``text`` padded or cut to exactly ``width`` cells, with … where it was cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


class EntryList(VirtualList[TriedEntry]):
    """Tried entries, newest first; set them with :meth:`set_entries`."""

    HEADER_LINES = 1
    PAGE_OVERLAP = 1
    CLICK_AGAIN_SELECTS = False

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "View", show=False)]

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

    class Highlighted(VirtualList.Highlighted):
        """The cursor moved to another entry (None: the list is empty)."""

        def __init__(self, entry_list: EntryList, entry: TriedEntry | None) -> None:
            super().__init__(entry_list, entry)
            self.entry_list = entry_list
            self.entry = entry

    class Selected(VirtualList.Selected):
        """An entry was chosen (enter or a double click)."""

        def __init__(self, entry_list: EntryList, entry: TriedEntry) -> None:
            super().__init__(entry_list, entry)
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
        super().__init__(empty_text=empty, id=id, classes=classes)
        self._describe = describe

    # ------------------------------------------------------------------ data

    @property
    def entries(self) -> Sequence[TriedEntry]:
        return self.items

    @property
    def current(self) -> TriedEntry | None:
        return self.highlighted

    def set_entries(
        self, entries: Sequence[TriedEntry], *, keep: str | None = None, empty: str | None = None
    ) -> None:
        """Show ``entries``; the cursor stays on the entry with id ``keep`` if it is there,
        else on the same row number (or the last row)."""
        if empty is not None:
            self.empty_text = empty
        index = -1
        if keep is not None:
            index = next((i for i, e in enumerate(entries) if e.id == keep), -1)
        if index < 0:
            index = min(self.cursor, max(len(entries) - 1, 0))
        self.set_items(entries, index, center=False)

    # ------------------------------------------------------------------ rendering

    def _cells(self, values: tuple[str, str, str, str, str], width: int) -> str:
        widths = column_widths(width)
        parts = [fit(value, w) for value, w in zip(values, widths, strict=True) if w]
        return (" " * GAP).join(parts)

    def _line(self, text: str, width: int, component: str | None = None) -> Strip:
        style = self.rich_style
        if component is not None:
            style += self.get_component_rich_style(component)
        return Strip([Segment(set_cell_size(text, width), style)], width)

    def render_header(self, y: int, width: int) -> Strip:
        header = self._cells(("Date", "Idea", "Language", "Landed", "Note"), width)
        return self._line(header, width, "entry-list--header")

    def render_empty(self, width: int) -> Strip:
        return self._line(" " + self.empty_text, width, "entry-list--empty")

    def render_row(
        self, item: TriedEntry, part: int, width: int, cursor: bool, hover: bool
    ) -> Strip:
        title, language, landed = self._describe(item)
        text = self._cells(
            (item.date.isoformat(), title, language, landed, note_cell(item)),
            width,
        )
        return self._line(text, width, "entry-list--cursor" if cursor else None)
