"""A question being answered: a pair to choose from (classic) or a statement to rate 1-5
(rating). Every answer is kept at once, so leaving or closing the app loses nothing."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Label, ProgressBar, Static

from micromance_tui.core.journal import QuizResult
from micromance_tui.core.models import ClassicItem
from micromance_tui.core.quiz import RATING_LABELS, build_result, first_unanswered
from micromance_tui.tui.dialogs.leave_quiz import LeaveChoice, LeaveQuizDialog
from micromance_tui.tui.journal_call import try_journal
from micromance_tui.tui.screens.quiz.common import QuizView, Session
from micromance_tui.tui.widgets.quiz_bars import mode_name
from micromance_tui.tui.widgets.quiz_choice import QuizChoice


class ClassicChoices(Vertical, can_focus=True):
    """The two sides of a classic pair: 1 or 2 picks one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "choose(1)", "Answer", key_display="1/2"),
        Binding("2", "choose(2)", "Answer", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield QuizChoice(1, id="pick-1")
        yield QuizChoice(2, id="pick-2")

    def action_choose(self, value: int) -> None:
        self.query_one(f"#pick-{value}", QuizChoice).action_choose()


class RatingScale(Vertical, can_focus=True):
    """A statement and the five steps from "not at all" to "very": 1 to 5 rates it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "choose(1)", "Answer", key_display="1-5"),
        *[Binding(str(n), f"choose({n})", "Answer", show=False) for n in range(2, 6)],
    ]

    def compose(self) -> ComposeResult:
        yield Static("", id="q-statement")
        with Horizontal(id="q-scale"):
            for n in range(1, 6):
                yield QuizChoice(n, id=f"rate-{n}", classes="scale", mark="✓", stacked=True)

    def action_choose(self, value: int) -> None:
        self.query_one(f"#rate-{value}", QuizChoice).action_choose()


class QuestionView(QuizView):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("backspace", "back", "Back"),
        Binding("left", "back", "Back", show=False),
        Binding("right", "forward", "Next", show=False),
        Binding("escape", "leave", "Leave"),
    ]

    class Finished(Message):
        """Every question answered: the result (saved, or said why not)."""

        def __init__(self, result: QuizResult) -> None:
            super().__init__()
            self.result = result

    class Left(Message):
        """Left midway, the answers kept or discarded as chosen."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session: Session | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="q-head")
        with Horizontal(id="q-progress-row"):
            yield ProgressBar(total=30, show_eta=False, show_percentage=False, id="q-progress")
            yield Label("", id="q-count")
        yield Static("", id="q-prompt")
        yield ClassicChoices(id="q-classic")
        yield RatingScale(id="q-rating")
        with Horizontal(id="q-nav"):
            # The mouse's way; their keys (in the labels) work wherever the focus is.
            yield Button("← Back (backspace)", id="q-back", compact=True)
            yield Button("Leave (esc)", id="q-leave", compact=True)

    def on_mount(self) -> None:
        for button in self.query("#q-nav Button"):
            button.can_focus = False

    def begin(self, session: Session) -> None:
        self.session = session
        self.show()

    def entered(self) -> None:
        self._answer_box().focus()

    def _answer_box(self) -> ClassicChoices | RatingScale:
        if self.query_one(ClassicChoices).display:
            return self.query_one(ClassicChoices)
        return self.query_one(RatingScale)

    def show(self) -> None:
        """Draw the session's current question."""
        session = self.session
        if session is None:
            return
        items = self.items(session.mode)
        total = len(items)
        item = items[session.position]
        given = session.answers.get(item.id)
        name = self.names[session.who]
        self.query_one("#q-head", Static).update(
            Content.assemble((name, "bold"), f" is answering · {mode_name(session.mode)}")
        )
        self.query_one("#q-progress", ProgressBar).update(
            total=total, progress=len(session.answers)
        )
        self.query_one("#q-count", Label).update(f"{session.position + 1} of {total}")
        classic = isinstance(item, ClassicItem)
        self.query_one(ClassicChoices).display = classic
        self.query_one(RatingScale).display = not classic
        if isinstance(item, ClassicItem):
            self.query_one("#q-prompt", Static).update("Which would mean more to you?")
            self.query_one("#pick-1", QuizChoice).show(item.a.text, chosen=given == 1)
            self.query_one("#pick-2", QuizChoice).show(item.b.text, chosen=given == 2)
        else:
            self.query_one("#q-prompt", Static).update("How true is this for you?")
            self.query_one("#q-statement", Static).update(item.text)
            for n in range(1, 6):
                self.query_one(f"#rate-{n}", QuizChoice).show(RATING_LABELS[n], chosen=given == n)
        self.query_one("#q-back", Button).disabled = session.position == 0

    # ------------------------------------------------------------------ answering

    @on(QuizChoice.Chosen)
    def _chosen(self, event: QuizChoice.Chosen) -> None:
        event.stop()
        self.give(event.value)

    def give(self, value: int) -> None:
        session = self.session
        if session is None:
            return
        items = self.items(session.mode)
        session.answers[items[session.position].id] = value
        if session.position + 1 < len(items):
            session.position += 1
            self.save_progress(session)
            self.show()
            return
        missing = first_unanswered(items, session.answers)
        if missing is not None:
            session.position = missing
            self.save_progress(session)
            self.show()
            self.notify(f"Question {missing + 1} has no answer yet.")
            return
        self._finish(session)

    def action_back(self) -> None:
        session = self.session
        if session is None or session.position == 0:
            return
        session.position -= 1
        self.save_progress(session)
        self.show()

    def action_forward(self) -> None:
        session = self.session
        if session is None:
            return
        items = self.items(session.mode)
        if session.position + 1 < len(items) and items[session.position].id in session.answers:
            session.position += 1
            self.save_progress(session)
            self.show()

    def _finish(self, session: Session) -> None:
        result = build_result(
            self.mm.library.quiz,
            who=session.who,
            mode=session.mode,
            answers=session.answers,
            taken=self.mm.now,
        )
        # Today's idea and Browse's "for my partner" order read the partner's profile.
        saved = try_journal(
            self.mm,
            lambda: self.mm.journal.add_quiz_result(result),
            changed="quiz",
            title="Result not saved",
            hint="Your answers are kept: resume to try again.",
        )
        self.save_progress(session if saved is None else None)
        self.session = None
        self.post_message(self.Finished(result))

    # ------------------------------------------------------------------ leaving

    def action_leave(self) -> None:
        session = self.session
        if session is None or not session.answers:
            if session is not None:
                self.save_progress(None)
            self.session = None
            self.post_message(self.Left())
            return

        def decided(choice: LeaveChoice | None) -> None:
            if choice is None or self.session is None:
                return
            self.save_progress(None if choice == "discard" else self.session)
            self.session = None
            self.post_message(self.Left())

        total = len(self.items(session.mode))
        self.app.push_screen(LeaveQuizDialog(len(session.answers), total), decided)

    @on(Button.Pressed, "#q-back")
    def _back_pressed(self) -> None:
        self.action_back()

    @on(Button.Pressed, "#q-leave")
    def _leave_pressed(self) -> None:
        self.action_leave()
