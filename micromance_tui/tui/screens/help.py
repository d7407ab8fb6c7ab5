"""Help (? and F1): what the app is for, and every key, generated from the bindings.

Nothing here lists a key by hand: the groups come from the app's BINDINGS, the BINDINGS of
each screen class in SCREENS (imported, never instantiated), the shared Screen keys, the
screen and dialogs pushed over others, and the keys lists share. A binding added anywhere
shows up here by itself."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.keys import format_key
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static

from micromance_tui.core.record import record
from micromance_tui.tui.screen_table import SCREENS, screen_class
from micromance_tui.tui.screens.base import BaseScreen
from micromance_tui.tui.widgets.field import Field

ABOUT_LEAD = (
    "[b]micromance[/b] helps with the small, everyday ways of caring for someone: a message "
    "in the morning, their coffee the way they like it, a hug after a long day. Little "
    "things, done often, keep two people close."
)
ABOUT_POINTS = (
    "[b]Today[/b] offers one small idea a day; [b]Browse[/b] holds them all.",
    "Mark an idea done and, if you like, note how it landed. The [b]Journal[/b] shows your "
    "rhythm over the weeks: a diary, not a scoreboard.",
    "The [b]Quiz[/b] sketches what helps each of you feel loved: a way to start a "
    "conversation, not a verdict.",
    "[b]Ask[/b] gives you a question to ask each other, and a guided weekly check-in.",
    "[b]FAQ[/b], [b]Guides[/b] and [b]Love languages[/b] explain the why, in plain words.",
)
ABOUT_CLOSE = (
    "The mouse works everywhere: click a row, a link, a button or a screen name at the "
    "bottom. Your journal stays on this computer, in files you own."
)

#: how keys are written in help (anything else goes through Textual's format_key)
KEY_NAMES: dict[str, str] = {
    "question_mark": "?",
    "escape": "esc",
    "enter": "enter",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "pageup": "page up",
    "pagedown": "page down",
}
#: the key column is as wide as the longest key shown, within these bounds
KEY_WIDTH = (10, 20)


@record
class KeyGroup:
    """One heading in help and its keys as (key, what it does)."""

    title: str
    rows: tuple[tuple[str, str], ...]
    mode: str = ""  # a top-level screen's mode id, so the heading can open it
    note: str = ""


def key_text(binding: Binding) -> str:
    """`ctrl+q`, `?`, `esc`, `↑ / k`: how a user would type the binding's keys."""
    if binding.key_display:
        return binding.key_display
    shown = []
    for key in binding.key.split(","):
        modifiers, plus, base = key.strip().rpartition("+")
        name = KEY_NAMES.get(base) or format_key(base)
        if len(base) > 1 and base[0] == "f" and base[1:].isdigit():
            name = base.upper()
        shown.append(f"{modifiers}{plus}{name}")
    return " / ".join(shown)


def _as_binding(item: BindingType) -> Binding:
    return item if isinstance(item, Binding) else Binding(*item)


def _description(binding: Binding) -> str:
    if binding.description:
        return binding.description
    if binding.tooltip:
        return binding.tooltip
    action = binding.action.split(".")[-1].split("(")[0]
    return action.replace("_", " ").capitalize()


def class_bindings(cls: type[DOMNode], *, stop: type | None = None) -> list[Binding]:
    """The bindings a class declares, with those of its bases down to `stop` (exclusive).
    A class's bindings replace its bases' on the same keys, as in Textual; one class may bind
    a key more than once (for different moments), and all of those are kept. System
    bindings (Textual's own plumbing) are left out."""
    found: list[Binding] = []
    for klass in reversed(cls.__mro__):
        if stop is not None and (klass is stop or not issubclass(klass, stop)):
            continue
        own = [_as_binding(item) for item in klass.__dict__.get("BINDINGS", ())]
        own = [b for b in own if not b.system]
        keys = {b.key for b in own}
        found = [b for b in found if b.key not in keys] + own
    return found


def own_bindings(cls: type[DOMNode]) -> list[Binding]:
    """The bindings a class declares itself, without its bases' (a screen's parts)."""
    own = (_as_binding(item) for item in cls.__dict__.get("BINDINGS", ()))
    return [b for b in own if not b.system]


def _keys_text(keys: Sequence[str]) -> str:
    """`1–5` for a run of digits, otherwise the keys one after another."""
    if len(keys) > 2 and all(len(k) == 1 and k.isdigit() for k in keys):
        numbers = [int(k) for k in keys]
        if numbers == list(range(numbers[0], numbers[0] + len(numbers))):
            return f"{keys[0]}–{keys[-1]}"
    return " ".join(keys)


def _what(binding: Binding) -> str:
    return binding.group.description if binding.group else _description(binding)


def rows(bindings: Iterable[Binding]) -> tuple[tuple[str, str], ...]:
    """(key, what it does) per binding. Neighbours that do the same thing share a row (the
    first one's key_display, if it has one, speaks for them all); a row that repeats an
    earlier one is left out."""
    out: list[tuple[str, str]] = []
    run: list[Binding] = []

    def flush() -> None:
        if run:
            first = run[0]
            keys = first.key_display or _keys_text([key_text(b) for b in run])
            row = (keys, _what(first))
            if row not in out:
                out.append(row)
            run.clear()

    for binding in bindings:
        if run and (_what(binding) != _what(run[0]) or any(b.key == binding.key for b in run)):
            flush()
        run.append(binding)
    flush()
    return tuple(out)


def key_groups(app_class: type[App[object]]) -> list[KeyGroup]:
    """Every key in the app, grouped: anywhere, each screen, then what opens over them."""
    from micromance_tui.tui.dialogs.confirm import ConfirmDialog
    from micromance_tui.tui.dialogs.entry_view import EntryViewDialog
    from micromance_tui.tui.dialogs.tried import TriedDialog
    from micromance_tui.tui.screens.checkin import CheckInScreen
    from micromance_tui.tui.screens.gesture import GestureScreen
    from micromance_tui.tui.screens.together import TogetherScreen

    palette = Binding(
        app_class.COMMAND_PALETTE_BINDING,
        "command_palette",
        "Command palette: find screens, ideas, questions, guides",
    )
    anywhere = [*class_bindings(app_class, stop=App), palette]
    taken = {b.key for b in anywhere}
    anywhere += [b for b in class_bindings(App) if b.key not in taken]
    anywhere += class_bindings(Screen)
    groups = [KeyGroup("Anywhere", rows(anywhere))]
    for mode, (title, key, _module, _name) in SCREENS.items():
        shown = key_text(Binding(key, ""))
        heading = f"{title} ({shown})"
        cls = screen_class(mode)
        parts = getattr(cls, "KEY_PARTS", ())
        found = rows(
            [*class_bindings(cls, stop=BaseScreen), *(b for p in parts for b in own_bindings(p))]
        )
        note = "" if found else "Only the keys that work anywhere."
        groups.append(KeyGroup(heading, found, mode, note))
    groups += [
        KeyGroup("Together (i)", rows(class_bindings(TogetherScreen, stop=BaseScreen))),
        KeyGroup("An idea on its own screen", rows(class_bindings(GestureScreen, stop=Screen))),
        KeyGroup("Marking an idea as tried", rows(class_bindings(TriedDialog, stop=Screen))),
        KeyGroup("The weekly check-in", rows(class_bindings(CheckInScreen, stop=Screen))),
        KeyGroup(
            "A journal entry, opened with enter",
            rows(class_bindings(EntryViewDialog, stop=Screen)),
        ),
        KeyGroup("A yes-or-no question", rows(class_bindings(ConfirmDialog, stop=Screen))),
        KeyGroup("In any list", rows(_as_binding(b) for b in OptionList.BINDINGS)),
    ]
    return groups


def key_width(groups: Iterable[KeyGroup]) -> int:
    """Room for the longest key, so every description starts in the same column."""
    longest = max((len(key) for group in groups for key, _ in group.rows), default=0)
    return min(max(longest + 1, KEY_WIDTH[0]), KEY_WIDTH[1])


def group_content(
    group: KeyGroup, matches: Sequence[tuple[str, str]], width: int = KEY_WIDTH[0]
) -> Content:
    heading = escape(group.title)
    if group.mode:
        heading = f"[@click=app.show('{group.mode}')]{heading}[/]"
    parts = [f"[b $text-accent]{heading}[/]"]
    for key, what in matches:
        parts.append(f"  [b]{escape(key.ljust(width))}[/] {escape(what)}")
    if group.note and not matches:
        parts.append(f"  [$text-muted]{escape(group.note)}[/]")
    return Content.from_markup("\n".join(parts))


def matching(group: KeyGroup, query: str) -> tuple[tuple[str, str], ...] | None:
    """The rows that match a search (all of them for an empty one); None hides the group."""
    words = query.lower().split()
    if not words:
        return group.rows
    if all(w in group.title.lower() for w in words):
        return group.rows
    found = tuple((k, d) for k, d in group.rows if all(w in f"{k} {d}".lower() for w in words))
    return found or None


class HelpScreen(BaseScreen):
    MODE = "help"
    CSS_PATH = Path(__file__).parent.parent / "styles" / "help.tcss"
    HORIZONTAL_BREAKPOINTS = [
        (0, "-narrow"),
        (120, "-wide"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "find", "Find a key"),
        Binding("escape", "clear", "Clear the search", show=False),
    ]

    def compose_body(self) -> ComposeResult:
        self.groups = key_groups(type(self.app))
        self.key_width = key_width(self.groups)
        yield Field(placeholder="Find a key or an action (/)", id="help-find", compact=True)
        with VerticalScroll(id="help-body"):
            with Vertical(id="help-about"):
                yield Static(Content.from_markup(ABOUT_LEAD), id="help-lead")
                for point in ABOUT_POINTS:
                    with Horizontal(classes="help-point"):
                        yield Static("•", classes="help-bullet")
                        yield Static(Content.from_markup(point))
                yield Static(Content.from_markup(ABOUT_CLOSE), id="help-close")
            yield Static("", id="help-none")
            with Vertical(id="help-keys"):
                for index, group in enumerate(self.groups):
                    yield Static(
                        group_content(group, group.rows, self.key_width),
                        id=f"help-group-{index}",
                        classes="help-group",
                    )

    def on_mount(self) -> None:
        self.query_one("#help-none", Static).display = False
        self.query_one("#help-body", VerticalScroll).focus()

    def shown_text(self) -> str:
        """The plain text of the key groups now on screen (for tests and searching)."""
        return "\n".join(
            str(widget.content)
            for widget in self.query(".help-group").results(Static)
            if widget.display
        )

    def show_matches(self, query: str) -> None:
        any_shown = False
        for index, group in enumerate(self.groups):
            widget = self.query_one(f"#help-group-{index}", Static)
            found = matching(group, query)
            widget.display = found is not None
            if found is not None:
                any_shown = True
                widget.update(group_content(group, found, self.key_width))
        self.query_one("#help-about").display = not query.strip()
        none = self.query_one("#help-none", Static)
        none.display = not any_shown
        none.update(Text(f"No key matches {query.strip()!r}.") if not any_shown else "")
        self.query_one("#help-body", VerticalScroll).scroll_home(animate=False)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "help-find":
            self.show_matches(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "help-find":
            self.query_one("#help-body", VerticalScroll).focus()

    def action_find(self) -> None:
        self.query_one("#help-find", Field).focus()

    def action_clear(self) -> None:
        find = self.query_one("#help-find", Field)
        find.value = ""
        self.show_matches("")
        self.query_one("#help-body", VerticalScroll).focus()
