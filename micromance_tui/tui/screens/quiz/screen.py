"""The quiz screen: which of its views is shown, and the moves between them."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import ContentSwitcher

from micromance_tui.core.journal import QuizResult
from micromance_tui.tui.screens.base import BaseScreen
from micromance_tui.tui.screens.quiz.common import CloseView, OpenCompare, QuizView
from micromance_tui.tui.screens.quiz.compare import CompareView
from micromance_tui.tui.screens.quiz.question import ClassicChoices, QuestionView, RatingScale
from micromance_tui.tui.screens.quiz.results import ResultsView
from micromance_tui.tui.screens.quiz.start import StartView

#: the title bar's "Quiz — ..." for each view
SUB_TITLES = {"start": "", "question": "answering", "results": "result", "compare": "compare"}


class QuizScreen(BaseScreen):
    MODE = "quiz"
    CSS_PATH = Path(__file__).parent.parent.parent / "styles" / "quiz.tcss"
    KEY_PARTS: ClassVar[tuple[type[Widget], ...]] = (
        StartView,
        ClassicChoices,
        RatingScale,
        QuestionView,
        CompareView,
        ResultsView,
    )

    #: the view shown: "start", "question", "results" or "compare"
    view: reactive[str] = reactive("start", init=False)

    def __init__(self) -> None:
        super().__init__()
        #: where Compare goes back to: "start" or "results"
        self.compare_from = "start"

    def compose_body(self) -> ComposeResult:
        with ContentSwitcher(initial="start", id="quiz-views"):
            yield StartView(id="start")
            yield QuestionView(id="question")
            yield ResultsView(id="results")
            yield CompareView(id="compare")

    def watch_view(self, view: str) -> None:
        self.query_one(ContentSwitcher).current = view
        self.sub_title = SUB_TITLES[view]
        self.query_one(f"#{view}", QuizView).entered()
        self.refresh_bindings()

    def refresh_data(self) -> None:
        self.query_one(StartView).refresh_data()
        if self.view == "compare":
            self.query_one(CompareView).refresh_data()

    def show_result(self, result: QuizResult) -> None:
        self.query_one(ResultsView).show(result)
        self.view = "results"

    # ------------------------------------------------------------------ moves

    @on(StartView.Begin)
    def _begin(self, event: StartView.Begin) -> None:
        self.query_one(QuestionView).begin(event.session)
        self.view = "question"

    @on(QuestionView.Finished)
    def _finished(self, event: QuestionView.Finished) -> None:
        self.show_result(event.result)

    @on(QuestionView.Left)
    def _left(self) -> None:
        self.view = "start"

    @on(OpenCompare)
    def _compare(self) -> None:
        self.compare_from = self.view if self.view in ("start", "results") else "start"
        self.query_one(CompareView).refresh_data()
        self.view = "compare"

    @on(CloseView)
    def _close(self) -> None:
        back = self.view == "compare" and self.compare_from == "results"
        self.view = "results" if back and self.query_one(ResultsView).result else "start"

    # ------------------------------------------------------------------ from empty states

    def action_start(self, mode: str) -> None:
        """Start a quiz (the start's "no results yet" offers the classic one)."""
        self.query_one(StartView).action_start(mode)

    def action_take_for(self, who: str) -> None:
        """From Compare's empty state: the classic quiz for the one without a result."""
        start = self.query_one(StartView)
        start.who = who
        self.view = "start"
        start.action_start("classic")
