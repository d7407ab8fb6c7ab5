"""Love languages: the five profiles, how many ideas speak each, how each figures in the
partner's quiz profile (as a starting point, never a label), and a way into Browse filtered
to each language."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from micromance_tui.core.daily import partner_scores
from micromance_tui.core.journal import JournalError
from micromance_tui.core.models import Library
from micromance_tui.core.partner_words import PartnerWords
from micromance_tui.core.plural import noun, plural
from micromance_tui.tui.screens.base import BaseScreen

#: the most a language can score in each quiz mode
SCALE: dict[str, float] = {"classic": 12, "rating": 5}


def idea_counts(library: Library) -> dict[str, tuple[int, int]]:
    """language id -> (ideas that speak it at all, ideas that speak it first)."""
    counts = {lang.id: [0, 0] for lang in library.languages}
    for gesture in library.gestures:
        for lid in gesture.languages:
            if lid in counts:
                counts[lid][0] += 1
        if gesture.language in counts:
            counts[gesture.language][1] += 1
    return {lid: (every, first) for lid, (every, first) in counts.items()}


def _score_text(value: float, mode: str) -> str:
    if mode == "rating":
        return f"{value:.1f} out of 5"
    return f"{value:g} of {SCALE['classic']:g}"


def partner_line(
    language_id: str,
    language_name: str,
    scores: Mapping[str, float],
    mode: str,
    partner: PartnerWords,
) -> str:
    """How this language figures in the partner's latest quiz profile, as a starting point."""
    whose = partner.fill("{Whose}")
    them = partner.who
    they = partner.fill("{they} respond{s}")
    if language_id not in scores:
        return ""
    value = scores[language_id]
    values = list(scores.values())
    high, low = max(values), min(values)
    name = language_name.lower()
    shown = _score_text(value, mode)
    if high == low:
        return (
            f"{whose} quiz gave all five languages the same weight. A fine reason to ask "
            f"{them} which small things land best."
        )
    if value == high:
        return (
            f"{whose} quiz put {name} at the top ({shown}). A good place to start, not a "
            f"label: keep the other four in the mix and check with {them} what lands."
        )
    if value == low:
        return (
            f"{whose} quiz put {name} lowest ({shown}). That is a hint, not a rule: it can "
            f"still mean a lot on the right day, so watch how {they}."
        )
    return (
        f"In {partner.whose} quiz, {name} sits in the middle ({shown}): one of several ways "
        f"to reach {partner.fill('{them}')}."
    )


class LanguagesScreen(BaseScreen):
    MODE = "languages"
    CSS_PATH = Path(__file__).parent.parent / "styles" / "languages.tcss"
    #: set once on_mount has filled the list; select_item() waits for it
    _ready: bool = False
    _pending: str | None = None
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "browse", "Open its ideas"),
        Binding("tab", "app.focus_next", "Next pane"),
        Binding("escape", "focus_list", "Languages", show=False),
    ]

    def compose_body(self) -> ComposeResult:
        from textual.widgets import Markdown

        with Horizontal(id="lang-body"):
            yield OptionList(id="lang-list", classes="panel")
            with VerticalScroll(id="lang-pane", classes="panel"):
                yield Static("", id="lang-name")
                yield Static("", id="lang-short")
                yield Static("", id="lang-count")
                yield Static("", id="lang-partner")
                yield Button("Open its ideas (o)", id="lang-browse", compact=True)
                yield Markdown("", id="lang-about")

    def on_mount(self) -> None:
        self.current: str | None = None
        #: the profile's Markdown update in progress; await it to know the text is on screen
        self.rendering: AwaitComplete = AwaitComplete()
        self.counts = idea_counts(self.mm.library)
        self.query_one("#lang-list", OptionList).border_title = "The five"
        self.query_one("#lang-pane", VerticalScroll).border_title = "The language"
        self._fill_list()
        languages = self.mm.library.languages
        if languages:
            self.show_language(languages[0].id)
        self.query_one("#lang-list", OptionList).focus()
        self._ready = True
        if self._pending is not None:
            self.select_item(self._pending)

    def _fill_list(self) -> None:
        items = self.query_one("#lang-list", OptionList)
        highlighted = items.highlighted
        options: list[Option | None] = []
        for lang in self.mm.library.languages:
            if options:
                options.append(None)  # a rule between languages
            every, _ = self.counts.get(lang.id, (0, 0))
            prompt = Content.assemble(
                (lang.name, "bold"), "\n", (plural(every, "idea"), "$text-muted")
            )
            options.append(Option(prompt, id=lang.id))
        items.set_options(options)
        items.highlighted = highlighted if highlighted is not None else 0

    # ------------------------------------------------------------------ showing

    def show_language(self, language_id: str, *, force: bool = False) -> None:
        lang = self.mm.library.language_by_id.get(language_id)
        if lang is None or (language_id == self.current and not force):
            return
        self.current = language_id
        every, first = self.counts.get(language_id, (0, 0))
        self.query_one("#lang-name", Static).update(Content.styled(lang.name, "bold"))
        self.query_one("#lang-short", Static).update(Content(lang.short))
        self.query_one("#lang-count", Static).update(
            Content(
                f"{plural(every, 'idea')} {noun(every, 'speaks', 'speak')} this language"
                + (f", {first} of them first of all." if first else ".")
            )
        )
        partner = self.query_one("#lang-partner", Static)
        text = self._partner_text(lang.id)
        partner.update(Content(text))
        partner.display = bool(text)
        self.query_one("#lang-browse", Button).label = f"Open its {every} ideas (o)"
        from textual.widgets import Markdown

        about = self.query_one("#lang-about", Markdown)
        self.rendering = about.update(lang.about.strip())
        self.query_one("#lang-pane", VerticalScroll).scroll_home(animate=False)

    def _partner_text(self, language_id: str) -> str:
        journal = self.mm.journal
        try:
            scores, _ = partner_scores(journal)
            result = journal.latest_quiz_result("partner") if scores else None
            partner = PartnerWords.of(journal.settings())
        except JournalError:
            return ""
        if not scores or result is None:
            return ""
        name = self.mm.library.language_name(language_id)
        return partner_line(language_id, name, scores, result.mode, partner)

    def refresh_data(self) -> None:
        if self.current is not None:
            self.show_language(self.current, force=True)

    def select_item(self, item: str) -> None:
        """Show the language with this id (a `language:` prefix is allowed). Called before
        the screen is mounted, it waits for on_mount."""
        if not self._ready:
            self._pending = item
            return
        self._pending = None
        language_id = item.removeprefix("language:")
        items = self.query_one("#lang-list", OptionList)
        try:
            items.highlighted = items.get_option_index(language_id)
        except OptionDoesNotExist:
            return
        self.show_language(language_id)

    # ------------------------------------------------------------------ events and actions

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None:
            self.show_language(event.option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # Enter or a click shows the profile and moves to its Browse button.
        if event.option.id is not None:
            self.show_language(event.option.id)
            self.query_one("#lang-browse", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "lang-browse":
            self.action_browse()

    def action_browse(self) -> None:
        if self.current is not None:
            self.mm.browse_language(self.current)

    def action_focus_list(self) -> None:
        self.query_one("#lang-list", OptionList).focus()
