"""What a person can read on the screen: the WCAG contrast of every glyph as it is drawn.

The colours come from the app's own SVG screenshot (`App.export_screenshot()`), which is the
composited screen, cell by cell, with every style, blend and translucency already applied:
what a terminal shows, not what the CSS says. Each glyph is then placed in the widget that
drew it (`Screen.get_widget_at`) to decide which minimum applies to it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from textual.app import App
from textual.errors import NoWidget
from textual.theme import Theme
from textual.widget import Widget
from textual.widgets import Checkbox, RadioButton

#: Any text at all (WCAG AA for large text and for user-interface components).
MIN_TEXT = 3.0
#: Body text: titles, summaries, reading text, list items, notes (WCAG AA).
MIN_BODY = 4.5

#: Lines, blocks and bars (with the dotted track of an empty bar): drawing, not text.
DRAWING = set(
    "·▁▂▃▄▅▆▇█▉▊▋▌▍▎▏▐▕▔▀▝▘▗▖▚▞▙▛▜▟─│┌┐└┘├┤┬┴┼╭╮╰╯━┃┏┓┗┛┣┫┳┻╋═║╔╗╚╝╠╣╦╩╬╴╵╶╷╸╹╺╻╼╽╾╿⠀⡀⣀⣄⣤⣦⣶⣷⣿"
)

#: Widgets whose text is secondary (key hints, the nav bar, captions, hints, labels of
#: fields, muted notes): 3:1 is their minimum. Matched on the widget that drew the glyph
#: and on its ancestors, by CSS type name or by class.
SECONDARY_TYPES = {"Header", "NavBar", "Footer", "Tab", "Button", "SelectCurrent"}
SECONDARY_CLASSES: set[str] = set()

# Rich's SVG export: one <rect> per background run and one <text> per run of glyphs, both
# at x = column * CHAR_WIDTH; rows are LINE_HEIGHT apart.
CHAR_WIDTH = 20 * 0.61
LINE_HEIGHT = 20 * 1.22
_CLASS_RULE = re.compile(r"\.(terminal-[\w-]+-r\d+) \{ fill: (#[0-9a-f]{6})")
_RECT = re.compile(
    r'<rect fill="(#[0-9a-f]{6})" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="[\d.]+" '
    r'shape-rendering="crispEdges"/>'
)
_TEXT = re.compile(r'<text class="([\w-]+)" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>')


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = int(hex_colour[1:], 16)
    return value >> 16, (value >> 8) & 0xFF, value & 0xFF


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        s = value / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg: tuple[int, int, int], bg: tuple[int, int, int]) -> float:
    a, b = luminance(fg), luminance(bg)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


@dataclass(frozen=True)
class Glyph:
    x: int
    y: int
    char: str
    fg: tuple[int, int, int]
    bg: tuple[int, int, int]
    ratio: float
    minimum: float
    widget: str

    def __str__(self) -> str:
        return (
            f"({self.x},{self.y}) {self.char!r} in {self.widget}: "
            f"rgb{self.fg} on rgb{self.bg} = {self.ratio:.2f} < {self.minimum}"
        )


def is_ansi(theme: Theme) -> bool:
    """A theme drawn in the terminal's own palette: its colours cannot be measured."""
    return any(
        str(value).startswith("ansi_")
        for value in (theme.primary, theme.background, theme.foreground)
        if value
    )


def measurable_themes(app: App[Any]) -> list[str]:
    return sorted(name for name, theme in app.available_themes.items() if not is_ansi(theme))


def _describe(widget: Widget) -> str:
    ident = f"#{widget.id}" if widget.id else ""
    classes = "".join(f".{c}" for c in sorted(widget.classes))
    return f"{type(widget).__name__}{ident}{classes}"


def _minimum_for(widget: Widget) -> float:
    for node in widget.ancestors_with_self:
        if not isinstance(node, Widget):
            continue
        if any(cls.__name__ in SECONDARY_TYPES for cls in type(node).__mro__):
            return MIN_TEXT
        if SECONDARY_CLASSES & set(node.classes):
            return MIN_TEXT
    return MIN_BODY


def _exempt(widget: Widget, char: str, left: str) -> bool:
    """Textual's deliberately dim marks: an unticked checkbox's X, an unselected radio's
    dot. And a disabled control, which WCAG leaves out on purpose."""
    if isinstance(widget, (Checkbox, RadioButton)) and char in "X●" and left in "▐ ":
        return not widget.value
    return widget.disabled


def glyphs(app: App[Any]) -> list[Glyph]:
    """Every text glyph on the screen, with its colours and the minimum it must meet."""
    svg = app.export_screenshot()
    fills = dict(_CLASS_RULE.findall(svg))
    background: dict[tuple[int, int], tuple[int, int, int]] = {}
    for fill, x, y, width in _RECT.findall(svg):
        row = round((float(y) - 1.5) / LINE_HEIGHT)
        first = round(float(x) / CHAR_WIDTH)
        for column in range(first, first + round(float(width) / CHAR_WIDTH)):
            background[column, row] = _rgb(fill)
    screen = app.screen
    found: list[Glyph] = []
    for class_name, x, y, text in _TEXT.findall(svg):
        fg = _rgb(fills[class_name])
        row = round((float(y) - 20) / LINE_HEIGHT)
        column = round(float(x) / CHAR_WIDTH)
        left = ""
        for char in html.unescape(text):
            here = column
            column += cell_len(char)
            if char.isspace() or char in DRAWING:
                left = char
                continue
            try:
                widget, _region = screen.get_widget_at(here, row)
            except NoWidget:
                continue
            if widget is screen and screen.is_modal:
                left = char
                continue  # the screen underneath a dialog, dimmed on purpose
            if _exempt(widget, char, left):
                left = char
                continue
            left = char
            bg = background.get((here, row), (0, 0, 0))
            found.append(
                Glyph(
                    here,
                    row,
                    char,
                    fg,
                    bg,
                    contrast(fg, bg),
                    _minimum_for(widget),
                    _describe(widget),
                )
            )
    return found


def too_faint(app: App[Any]) -> list[Glyph]:
    return [g for g in glyphs(app) if g.ratio < g.minimum]


def report(failures: list[Glyph], limit: int = 12) -> str:
    """One line per run of faint glyphs in the same widget and colours."""
    runs: dict[tuple[int, str, tuple[int, int, int], tuple[int, int, int]], list[Glyph]] = {}
    for g in failures:
        runs.setdefault((g.y, g.widget, g.fg, g.bg), []).append(g)
    lines = []
    for (_y, _widget, _fg, _bg), run in list(runs.items())[:limit]:
        text = "".join(g.char for g in run)[:40]
        lines.append(f"{run[0]} '{text}'")
    return "\n".join(lines)
