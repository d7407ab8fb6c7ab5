"""The title line at the top and the key line at the bottom of every screen.

Each is one widget that draws a line of text, where Textual's Header and Footer build a
small tree of widgets (a footer key is a widget of its own). On the home screen, which
every start shows first, that difference is a visible part of the start-up time.
"""

from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

ICON = " ♥ "
SEPARATOR = "▏"


class TitleBar(Widget):
    """The heart (click it for the command palette) and the screen's title, centred."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"title-bar--hover"}
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 1fr;
        height: 1;
        background: $panel;
        color: $foreground;
        & > .title-bar--hover {
            background: $foreground 10%;
        }
    }
    """

    _icon_hover = False

    def on_mount(self) -> None:
        self.watch(self.screen, "title", self._title_changed, init=False)
        self.watch(self.screen, "sub_title", self._title_changed, init=False)
        together: Any = getattr(self.app, "together_changed", None)
        if together is not None:
            together.subscribe(self, self._title_changed)

    def _title_changed(self, _value: Any) -> None:
        self.refresh()

    @property
    def title_text(self) -> str:
        screen = self.screen
        title = screen.title or self.app.title
        return f"{title} — {screen.sub_title}" if screen.sub_title else title

    def render(self) -> Text:
        width = max(self.content_size.width, 1)
        hover = self.get_component_rich_style("title-bar--hover") if self._icon_hover else ""
        icon = Text.assemble((ICON, hover))
        # Centred on the whole line, kept clear of the icon on both sides.
        room = max(width - 2 * len(ICON), 1)
        title = Text(self.title_text, no_wrap=True, overflow="ellipsis")
        title.truncate(room, overflow="ellipsis")
        left = max((width - title.cell_len) // 2, len(ICON))
        line = Text.assemble(icon, " " * (left - len(ICON)), title)
        # Together: "Sam: 3 days ago" at the right, when it fits clear of the title.
        status = str(getattr(self.app, "together_line", ""))
        if status and line.cell_len + len(status) + 3 <= width:
            line.append(" " * (width - line.cell_len - len(status) - 1))
            line.append(status)
        line.truncate(width)
        return line

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(event.x < len(ICON))

    def on_leave(self, _event: events.Leave) -> None:
        self._set_hover(False)

    def _set_hover(self, hover: bool) -> None:
        if hover != self._icon_hover:
            self._icon_hover = hover
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        if event.x < len(ICON):
            self.app.action_command_palette()


class KeyBar(Widget):
    """`d Done it  n Another ...   ▏^p palette`: the keys of the focused part of the
    screen, each clickable, generated from the active bindings as Textual's Footer is."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "key-bar--key",
        "key-bar--description",
        "key-bar--separator",
        "key-bar--hover",
    }
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        width: 1fr;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        & > .key-bar--key {
            color: $footer-key-foreground;
            text-style: bold;
        }
        & > .key-bar--description {
            color: $footer-description-foreground;
        }
        & > .key-bar--separator {
            color: $foreground 20%;
        }
        & > .key-bar--hover {
            background: $block-hover-background;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        #: (first cell, last cell + 1, key, enabled) of each key as last drawn
        self._spots: list[tuple[int, int, str, bool]] = []
        self._hover: str | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, screen: Screen[Any]) -> None:
        if screen is self.screen:
            self.refresh()

    def shown_bindings(self) -> tuple[list[tuple[Binding, bool]], tuple[Binding, bool] | None]:
        """The keys to show, one per action in binding order, and the palette's key."""
        active = self.screen.active_bindings
        shown: dict[str, tuple[Binding, bool]] = {}
        for _node, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in shown:
                shown[binding.action] = (binding, enabled)
        palette = None
        if self.app.ENABLE_COMMAND_PALETTE and self.app.COMMAND_PALETTE_BINDING in active:
            _node, binding, enabled, _tooltip = active[self.app.COMMAND_PALETTE_BINDING]
            palette = (binding, enabled)
            shown.pop(binding.action, None)
        return list(shown.values()), palette

    def _item(self, binding: Binding, enabled: bool, styles: tuple[Style, Style]) -> Text:
        key_style, description_style = styles
        item = Text.assemble(
            (self.app.get_key_display(binding), key_style),
            " ",
            (binding.description, description_style),
        )
        if not enabled:
            item.stylize(Style(dim=True))
        if binding.key == self._hover:
            item.stylize(self.get_component_rich_style("key-bar--hover"))
        return item

    def render(self) -> Text:
        width = max(self.content_size.width, 1)
        bindings, palette = self.shown_bindings()
        styles = (
            self.get_component_rich_style("key-bar--key"),
            self.get_component_rich_style("key-bar--description"),
        )
        spots: list[tuple[int, int, str, bool]] = []
        left = Text()
        for binding, enabled in bindings:
            if left:
                left.append(" ")
            item = self._item(binding, enabled, styles)
            spots.append((left.cell_len, left.cell_len + item.cell_len, binding.key, enabled))
            left.append_text(item)
        right = Text()
        if palette is not None:
            separator = self.get_component_rich_style("key-bar--separator")
            right = Text.assemble((SEPARATOR, separator), self._item(*palette, styles), " ")
        room = max(width - right.cell_len - 1, 0)
        if left.cell_len > room:
            left.truncate(room, overflow="ellipsis")
            # A key cut by the ellipsis is still clickable on what shows of it.
            spots = [(a, min(b, room - 1), k, e) for a, b, k, e in spots if a < room - 1]
        start = width - right.cell_len
        if palette is not None and start > left.cell_len:
            spots.append((start + len(SEPARATOR), width - 1, palette[0].key, palette[1]))
        self._spots = spots
        line = Text.assemble(left, " " * max(start - left.cell_len, 0), right)
        line.truncate(width)
        return line

    def _spot_at(self, x: int) -> tuple[str, bool] | None:
        for first, end, key, enabled in self._spots:
            if first <= x < end:
                return key, enabled
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        spot = self._spot_at(event.x)
        hover = spot[0] if spot else None
        if hover != self._hover:
            self._hover = hover
            self.refresh()

    def on_leave(self, _event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        spot = self._spot_at(event.x)
        if spot is None:
            return
        key, enabled = spot
        if enabled:
            self.app.simulate_key(key)
        else:
            self.app.bell()
