"""Ask: a question to ask each other now, from one deck or all of them.

Today's question is the same all day (core/ask.py); "another" walks on through the day's
order. A question can be marked asked (again to take it back) and kept as a favourite. Below
the card, the history: what you asked, your favourite questions, or your weekly check-ins.
The weekly check-in (c) opens from here."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from micromance_tui.core.ask import prompts_for_today
from micromance_tui.core.checkin import STEPS, clock_text
from micromance_tui.core.journal import AskedEntry, CheckIn
from micromance_tui.core.models import DECK_NAMES, PROMPT_DECKS, Prompt
from micromance_tui.tui.journal_call import try_journal
from micromance_tui.tui.screens.base import BaseScreen
from micromance_tui.tui.widgets.card import Action, ActionCard
from micromance_tui.tui.widgets.empty_state import EmptyState

ASKED, FAVOURITES, CHECKINS = "asked", "favourites", "checkins"
VIEWS: dict[str, str] = {
    ASKED: "What you asked",
    FAVOURITES: "Your favourite questions",
    CHECKINS: "Your weekly check-ins",
}
#: each list's empty state: (what it will show, the action's label, its key, the action)
EMPTY: dict[str, tuple[str, str, str, str]] = {
    ASKED: (
        "The questions you have asked each other, by day. Ask the one above over dinner "
        "or a walk, then mark it asked.",
        "Asked it",
        "d",
        "screen.asked",
    ),
    FAVOURITES: (
        "Questions worth asking again. Keep the one above if it is a good one.",
        "Favourite",
        "s",
        "screen.favourite",
    ),
    CHECKINS: (
        "Your weekly check-ins: a guided talk of about 20 minutes, its notes kept here.",
        "Start a check-in",
        "c",
        "screen.checkin",
    ),
}

ACTIONS: tuple[Action, ...] = (
    (" Asked it (d) ", "asked", "action"),
    (" Another (n) ", "another", "button"),
    (" Favourite (s) ", "favourite", "button"),
    (" Weekly check-in (c) ", "checkin", "button"),
)
STEP_TITLES = {field: step.title for step in STEPS for field in step.fields}


def day_text(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def checkin_text(item: CheckIn, names: tuple[str, str]) -> str:
    """A check-in as a few lines: when, how long, and each note kept."""
    lines = [day_text(item.date)]
    try:
        seconds = (
            datetime.fromisoformat(item.finished) - datetime.fromisoformat(item.started)
        ).total_seconds()
        lines[0] += f" · {clock_text(seconds)}"
    except ValueError:
        pass
    me, partner = names
    for field, note in item.notes.items():
        title = STEP_TITLES.get(field, field)
        if field == "wish-me":
            title = f"{me} would like"
        elif field == "wish-partner":
            title = f"{partner} would like"
        flat = " ".join(note.split())
        lines.append(f"  {title}: {flat[:200]}")
    if len(lines) == 1:
        lines.append("  (no notes)")
    return "\n".join(lines)


class PromptCard(ActionCard):
    """The question, its follow-up, its deck and whether it was asked today, and the
    actions. The question is shown as text, never read as markup."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._prompt: Prompt | None = None
        self._status = ""
        self._empty = ""

    def show(self, prompt: Prompt, status: str) -> None:
        self._prompt, self._status, self._empty = prompt, status, ""
        self.refresh(layout=True)

    def show_nothing(self, message: str) -> None:
        self._prompt, self._status, self._empty = None, "", message
        self.refresh(layout=True)

    @property
    def plain(self) -> str:
        """What the card says, as plain text (for tests and screen readers)."""
        return self.render().plain

    def render(self) -> Content:
        prompt = self._prompt
        if prompt is None:
            return Content(self._empty)
        muted = self.muted()
        lines = [Content.assemble((prompt.text, "bold"), self._status)]
        if prompt.follow_up:
            lines.append(Content.assemble(("Then: ", "italic"), prompt.follow_up))
        lines.append(Content.styled(prompt.deck_name, muted))
        lines.append(self.action_row(ACTIONS))
        return Content("\n").join(lines)


class AskScreen(BaseScreen):
    MODE = "ask"
    CSS_PATH = Path(__file__).parent.parent / "styles" / "ask.tcss"
    AUTO_FOCUS = "#history"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "asked", "Asked it"),
        Binding("n", "another", "Another"),
        Binding("s", "favourite", "Favourite"),
        Binding("c", "checkin", "Check-in"),
        Binding("v", "next_view", "Switch list", tooltip="What you asked, favourites, check-ins"),
    ]

    #: the deck asked from ("" for every deck)
    deck: reactive[str] = reactive("", init=False)
    #: what the list below the card shows: ASKED, FAVOURITES or CHECKINS
    view: reactive[str] = reactive(ASKED, init=False)

    def __init__(self) -> None:
        super().__init__()
        self.order: list[Prompt] = []
        self.position = 0
        self.current: Prompt | None = None
        self.asked_entries: list[AskedEntry] = []
        self.favourite_ids: set[str] = set()
        self.checkin_items: list[CheckIn] = []

    def compose_body(self) -> ComposeResult:
        with Vertical(id="ask-body"):
            with Horizontal(id="deck-row"):
                yield Label("Deck", id="deck-label")
                yield Select(
                    [("Every deck", "")]
                    + [(DECK_NAMES[d], d) for d in PROMPT_DECKS if self._has_deck(d)],
                    value="",
                    allow_blank=False,
                    compact=True,
                    id="deck",
                    tooltip="Which kind of question",
                )
                yield Static("", id="deck-count", classes="muted")
            card = PromptCard(id="prompt", classes="card")
            card.border_title = "A question to ask each other"
            yield card
            history = OptionList(id="history", classes="panel")
            history.border_title = VIEWS[ASKED]
            yield history
            yield EmptyState(*EMPTY[ASKED], title="Nothing yet", id="history-empty")

    def _has_deck(self, deck: str) -> bool:
        return any(p.deck == deck for p in self.mm.library.prompts)

    def on_mount(self) -> None:
        self.refresh_data()

    # ------------------------------------------------------------------ data

    def refresh_data(self) -> None:
        journal = self.mm.journal
        read = try_journal(
            self.mm,
            lambda: (journal.asked(), journal.prompt_favourites(), journal.checkins()),
            title="Journal",
        )
        if read is None:
            return
        self.asked_entries, self.favourite_ids, self.checkin_items = read
        self._build_order(keep=self.current)
        self._show_card()
        self._fill_history()

    def _build_order(self, keep: Prompt | None = None) -> None:
        """The day's order for the deck; stay on `keep` if it is in it."""
        self.order = prompts_for_today(
            self.mm.library, self.asked_entries, self.mm.today, self.deck
        )
        if keep is not None and keep in self.order:
            self.position = self.order.index(keep)
            self.current = keep
        else:
            self.position = 0
            self.current = self.order[0] if self.order else None
        count = len(self.order)
        self.query_one("#deck-count", Static).update(f"{count} question{'' if count == 1 else 's'}")

    def _asked_today(self, prompt: Prompt) -> AskedEntry | None:
        today = self.mm.today
        for entry in self.asked_entries:
            if entry.prompt_id == prompt.id and entry.date == today:
                return entry
        return None

    def _show_card(self) -> None:
        card = self.query_one("#prompt", PromptCard)
        prompt = self.current
        if prompt is None:
            card.show_nothing(
                "No questions here yet. Add your own in the prompts folder of your config "
                "folder (see the README)."
            )
            self.refresh_bindings()
            return
        fav = "  ♥" if prompt.id in self.favourite_ids else ""
        done = "  ✓ asked today" if self._asked_today(prompt) else ""
        card.show(prompt, fav + done)
        self.refresh_bindings()

    def _fill_history(self) -> None:
        """The list below the card. Everything in it is shown as text, never read as markup:
        questions may be the user's own, and notes are what they typed."""
        listing = self.query_one("#history", OptionList)
        self.query_one("#history", OptionList).border_title = VIEWS[self.view]
        library = self.mm.library
        options: list[Option] = []
        if self.view == ASKED:
            for entry in self.asked_entries:
                found = library.prompt_by_id.get(entry.prompt_id)
                text = found.text if found else f"(a question no longer here: {entry.prompt_id})"
                options.append(
                    Option(Content(f"{day_text(entry.date)}  {text}"), id=f"p:{entry.id}")
                )
        elif self.view == FAVOURITES:
            for prompt in library.prompts:
                if prompt.id in self.favourite_ids:
                    options.append(Option(Content(f"♥ {prompt.text}"), id=f"f:{prompt.id}"))
        else:
            settings = self.mm.journal.settings()
            names = (settings.my_name or "You", settings.partner_name or "Your partner")
            for item in self.checkin_items:
                options.append(Option(Content(checkin_text(item, names)), id=f"c:{item.id}"))
        old = listing.highlighted
        listing.clear_options()
        empty = self.query_one("#history-empty", EmptyState)
        empty.change(*EMPTY[self.view], title=f"{VIEWS[self.view]}: nothing yet")
        empty.display = not options
        listing.display = bool(options)
        if not options:
            return
        listing.add_options(options)
        listing.highlighted = min(old or 0, len(options) - 1)

    # ------------------------------------------------------------------ reactives

    def watch_deck(self) -> None:
        self._build_order()
        self._show_card()

    def watch_view(self) -> None:
        self._fill_history()

    @on(Select.Changed, "#deck")
    def _deck_chosen(self, event: Select.Changed) -> None:
        self.deck = event.value if isinstance(event.value, str) else ""

    @on(OptionList.OptionSelected, "#history")
    def _history_chosen(self, event: OptionList.OptionSelected) -> None:
        """An asked or favourite question goes back on the card, to ask again."""
        option_id = event.option.id or ""
        kind, _, key = option_id.partition(":")
        prompt_id = ""
        if kind == "f":
            prompt_id = key
        elif kind == "p":
            prompt_id = next((e.prompt_id for e in self.asked_entries if e.id == key), "")
        prompt = self.mm.library.prompt_by_id.get(prompt_id)
        if prompt is not None:
            self.current = prompt
            self._show_card()

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("asked", "another", "favourite"):
            return True if self.current is not None else None
        return True

    def action_asked(self) -> None:
        """Mark the question asked today; again takes the mark back."""
        prompt = self.current
        if prompt is None:
            return
        journal = self.mm.journal
        entry = self._asked_today(prompt)
        if entry is not None:
            entry_id = entry.id
            if try_journal(self.mm, lambda: journal.delete_asked(entry_id), changed="asked"):
                self.notify("No longer marked asked today.", title="Ask")
        elif try_journal(self.mm, lambda: journal.add_asked(prompt.id), changed="asked"):
            self.notify("Marked asked. How did it go?", title="Ask")

    def action_another(self) -> None:
        if not self.order:
            return
        if self.current in self.order:
            self.position = self.order.index(self.current)
        self.position = (self.position + 1) % len(self.order)
        self.current = self.order[self.position]
        self._show_card()

    def action_favourite(self) -> None:
        prompt = self.current
        if prompt is None:
            return
        on = try_journal(
            self.mm,
            lambda: self.mm.journal.toggle_prompt_favourite(prompt.id),
            changed="prompt-favourites",
        )
        if on is not None:
            self.notify("Kept in your favourite questions." if on else "Removed from favourites.")

    def action_checkin(self) -> None:
        self.mm.open_checkin()

    def action_next_view(self) -> None:
        views = list(VIEWS)
        self.view = views[(views.index(self.view) + 1) % len(views)]
