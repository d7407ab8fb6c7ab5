"""The last weeks as a grid: a row per weekday (Monday first), a column per week, each day a
cell shaded by how many ideas were tried that day. Shades come from the theme (component
classes), so dark and light themes both read well; a legend explains them."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from micromance_tui.core.rhythm import CalendarCell

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
CELL = "  "
LEVEL_CLASSES = tuple(f"rhythm-calendar--level-{n}" for n in range(4))
LEGEND = ("none", "1", "2", "3+")


class RhythmCalendar(Widget):
    """Call :meth:`show` with the rows from :func:`micromance_tui.core.rhythm.calendar`."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *LEVEL_CLASSES,
        "rhythm-calendar--label",
        "rhythm-calendar--today",
    }

    DEFAULT_CSS = """
    RhythmCalendar {
        height: auto;
        width: auto;
        & > .rhythm-calendar--level-0 { background: $panel; }
        & > .rhythm-calendar--level-1 { background: $primary-darken-2; }
        & > .rhythm-calendar--level-2 { background: $primary; }
        & > .rhythm-calendar--level-3 { background: $accent; }
        & > .rhythm-calendar--label { color: $text-muted; }
        & > .rhythm-calendar--today { text-style: bold; color: $foreground; }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._rows: list[list[CalendarCell]] = []
        self._today: date | None = None

    def show(self, rows: list[list[CalendarCell]], today: date) -> None:
        self._rows = rows
        self._today = today
        self.refresh(layout=True)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name)

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="crop")
        if not self._rows:
            return text
        label = self._style("rhythm-calendar--label")
        shades = [self._style(name) for name in LEVEL_CLASSES]
        # Month names above the week where each month begins (the 1st may fall on any day
        # of that week, so the current month is named even when its first Monday is still
        # to come), and above the first week for the month it shows.
        top = self._rows[0]
        months = [" "] * (4 + 3 * len(top))
        for column in range(len(top)):
            days = [row[column].day for row in self._rows if column < len(row)]
            first = next((day for day in days if day.day == 1), None)
            if first is None and column == 0:
                first = days[0]
            if first is not None:
                start = 4 + 3 * column
                months[start : start + 3] = list(f"{first:%b}")
        text.append("".join(months).rstrip() + "\n", style=label)
        today_style = self._style("rhythm-calendar--today")
        for weekday, row in enumerate(self._rows):
            text.append(f"{WEEKDAYS[weekday]} ", style=label)
            for column, cell in enumerate(row):
                if cell.future:
                    text.append(CELL)
                else:
                    mark = "··" if cell.day == self._today else CELL
                    style = shades[cell.level] + (today_style if mark != CELL else Style())
                    text.append(mark, style=style)
                if column < len(row) - 1:
                    text.append(" ")
            text.append("\n")
        text.append("\n    ", style=label)
        for n, shade in enumerate(shades):
            text.append(CELL, style=shade)
            text.append(f" {LEGEND[n]}  ", style=label)
        text.append("a day", style=label)
        return text
