"""A quiz's result: the profile across all five languages, what comes first, and a note on
what the quiz can and cannot say."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from micromance_tui.core.journal import QuizResult
from micromance_tui.core.quiz import RATING, profile_note, ranking, ranking_text, top_languages
from micromance_tui.tui.screens.quiz.common import CloseView, OpenCompare, QuizView
from micromance_tui.tui.widgets.quiz_bars import classic_bars, mode_name, rating_bars, taken_text


class ResultsView(QuizView):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "compare", "Compare"),
        Binding("o", "browse_top", "Open ideas in these languages"),
        Binding("escape", "close", "Back"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.result: QuizResult | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="results-body"):
            yield Static("", id="r-title", classes="card-title", markup=False)
            yield Static("", id="r-bars")
            yield Static("", id="r-ranking")
            yield Static("", id="r-note", classes="muted")
        with Horizontal(id="r-buttons", classes="view-buttons"):
            yield Button("Compare (c)", id="r-compare", compact=True, variant="primary")
            yield Button("Open ideas in these languages (o)", id="r-browse", compact=True)
            yield Button("Done (esc)", id="r-done", compact=True)

    def entered(self) -> None:
        self.query_one("#results-body", VerticalScroll).scroll_home(animate=False)
        self.query_one("#r-compare", Button).focus()

    def show(self, result: QuizResult) -> None:
        self.result = result
        names = self.language_names()
        who = self.names.get(result.who, result.who)
        self.query_one("#r-title", Static).update(
            f"{who}'s profile · {mode_name(result.mode)} · {taken_text(result)}"
        )
        if result.mode == RATING:
            primary, secondary = ranking(result.receive)
            give_primary, give_secondary = ranking(result.give)
            self.query_one("#r-bars", Static).update(
                rating_bars(result.receive, result.give, primary, give_primary, names)
            )
            text: Content | str = Content.assemble(
                ("Feeling loved · ", "$text-muted"),
                ranking_text(primary, secondary, names),
                ("\nShowing love · ", "$text-muted"),
                ranking_text(give_primary, give_secondary, names),
            )
        else:
            primary, secondary = ranking(result.scores)
            self.query_one("#r-bars", Static).update(classic_bars(result.scores, primary, names))
            text = ranking_text(primary, secondary, names)
        self.query_one("#r-ranking", Static).update(text)
        self.query_one("#r-note", Static).update(profile_note(result.mode))

    def action_compare(self) -> None:
        self.post_message(OpenCompare())

    def action_browse_top(self) -> None:
        """Browse, filtered to the result's top languages (ideas in any of them)."""
        tops = top_languages(self.result) if self.result is not None else []
        if tops:
            self.mm.browse_language(",".join(tops))

    def action_close(self) -> None:
        self.post_message(CloseView())

    @on(Button.Pressed, "#r-compare")
    def _compare_pressed(self) -> None:
        self.action_compare()

    @on(Button.Pressed, "#r-browse")
    def _browse_pressed(self) -> None:
        self.action_browse_top()

    @on(Button.Pressed, "#r-done")
    def _done_pressed(self) -> None:
        self.action_close()
