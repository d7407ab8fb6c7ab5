"""The love-language quiz: classic (forced choice) or rating, for either partner; the result
as a profile across all five; and the two of you side by side.

Four views in one screen: start, question, results and compare. The answers so far are
saved on every answer (``Journal.save_quiz_progress``), so leaving, switching screens or
closing the app loses nothing; the start view offers to resume.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, ContentSwitcher, Label, ProgressBar, Static

from micromance_tui.core.journal import JournalError, QuizProgress, QuizResult
from micromance_tui.core.models import LANGUAGE_NAMES, ClassicItem, Gesture, RatingItem
from micromance_tui.core.plural import noun
from micromance_tui.core.quiz import (
    CLASSIC,
    RATING,
    RATING_LABELS,
    build_result,
    differences,
    first_unanswered,
    ideas_from,
    language_list,
    profile_note,
    ranking,
    ranking_text,
    receiving_profile,
    top_languages,
)
from micromance_tui.core.rhythm import LANGUAGE_SHORT
from micromance_tui.tui.dialogs.confirm import ConfirmDialog
from micromance_tui.tui.dialogs.leave_quiz import LeaveChoice, LeaveQuizDialog
from micromance_tui.tui.dialogs.names import NamesDialog
from micromance_tui.tui.screens.base import BaseScreen
from micromance_tui.tui.together_view import partner_quiz
from micromance_tui.tui.widgets.empty_state import EmptyState
from micromance_tui.tui.widgets.profile_bars import ProfileBars
from micromance_tui.tui.widgets.quiz_bars import (
    classic_bars,
    compare_bars,
    mode_name,
    rating_bars,
    scale_text,
    taken_text,
)
from micromance_tui.tui.widgets.quiz_choice import QuizChoice

VIEWS = ("start", "question", "results", "compare")


IDEAS_EACH = 3
HISTORY_SHOWN = 8
#: ideas tried this many days before today are not suggested again in Compare
RECENT_DAYS = 30
#: on the common 0-to-1 scale, a gap this big is called a difference
NOTABLE_GAP = 0.2


def short(language_id: str) -> str:
    """'words', 'service' ...: a language's one-word name."""
    return LANGUAGE_SHORT.get(language_id, language_id).lower()


@dataclass(slots=True)
class Session:
    """The quiz being answered."""

    who: str
    mode: str
    started: str
    answers: dict[str, int] = field(default_factory=dict)
    position: int = 0


class QuizScreen(BaseScreen):
    MODE = "quiz"
    CSS_PATH = Path(__file__).parent.parent / "styles" / "quiz.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        # start
        Binding("1", "start('classic')", "Classic"),
        Binding("2", "start('rating')", "Rating"),
        Binding("w", "switch_who", "Who"),
        Binding("r", "resume", "Resume"),
        Binding("c", "compare", "Compare"),
        Binding("n", "names", "Names"),
        # question
        Binding("1", "answer(1)", "Answer", key_display="1/2"),
        Binding("2", "answer(2)", "Answer", show=False),
        Binding("1", "rate(1)", "Answer", key_display="1-5"),
        *[Binding(str(n), f"rate({n})", "Answer", show=False) for n in range(2, 6)],
        Binding("backspace", "back", "Back"),
        Binding("left", "back", "Back", show=False),
        Binding("right", "forward", "Next", show=False),
        Binding("escape", "leave", "Leave"),
        # compare
        Binding("1", "tried(1)", "Tried", key_display=f"1-{2 * IDEAS_EACH}"),
        *[
            Binding(str(n), f"tried({n})", "Tried", show=False)
            for n in range(2, 2 * IDEAS_EACH + 1)
        ],
        # results
        Binding("o", "browse_top", "Open ideas in these languages"),
        # results and compare
        Binding("escape", "close", "Back"),
    ]

    def compose_body(self) -> ComposeResult:
        with ContentSwitcher(initial="start", id="quiz-views"):
            with VerticalScroll(id="start"):
                yield Static("Love-language quiz", classes="card-title")
                yield Static(
                    "Which everyday acts make each of you feel most loved? Take it in turns.",
                    classes="muted",
                )
                with Horizontal(id="who-row"):
                    yield Label("Who is answering?", id="who-label")
                    yield Button("", id="who-me", compact=True)
                    yield Button("", id="who-partner", compact=True)
                    yield Button("Names (n)", id="names", compact=True)
                with Vertical(id="start-buttons"):
                    yield Button(
                        "1  Classic · 30 pairs: pick the one that means more · about 5 min",
                        id="start-classic",
                        compact=True,
                    )
                    yield Button(
                        "2  Rating · 30 statements rated 1-5, receiving and giving · about 5 min",
                        id="start-rating",
                        compact=True,
                    )
                    yield Button("", id="resume", compact=True, variant="primary")
                    yield Button("c  Compare the two of you", id="compare-btn", compact=True)
                yield Label("Latest results", classes="section-title")
                yield EmptyState(
                    "Once one of you has taken the quiz, your profiles show here as bars, "
                    "side by side, with Compare to see where you differ.",
                    "Take the classic quiz",
                    "1",
                    "screen.start('classic')",
                    title="No results yet",
                    id="start-empty",
                )
                yield Static("", id="start-latest")
                with Horizontal(id="start-profiles"):
                    yield ProfileBars(id="start-bars-me", classes="start-bars")
                    yield ProfileBars(id="start-bars-partner", classes="start-bars")
            with Vertical(id="question"):
                yield Static("", id="q-head")
                with Horizontal(id="q-progress-row"):
                    yield ProgressBar(
                        total=30, show_eta=False, show_percentage=False, id="q-progress"
                    )
                    yield Label("", id="q-count")
                yield Static("", id="q-prompt")
                with Vertical(id="q-classic"):
                    yield QuizChoice(1, id="pick-1")
                    yield QuizChoice(2, id="pick-2")
                with Vertical(id="q-rating"):
                    yield Static("", id="q-statement")
                    with Horizontal(id="q-scale"):
                        for n in range(1, 6):
                            yield QuizChoice(
                                n, id=f"rate-{n}", classes="scale", mark="✓", stacked=True
                            )
                with Horizontal(id="q-nav"):
                    yield Button("← Back (backspace)", id="q-back", compact=True)
                    yield Button("Leave (esc)", id="q-leave", compact=True)
            with Vertical(id="results"):
                with VerticalScroll(id="results-body"):
                    yield Static("", id="r-title", classes="card-title")
                    yield Static("", id="r-bars")
                    yield Static("", id="r-ranking")
                    yield Static("", id="r-note", classes="muted")
                with Horizontal(id="r-buttons", classes="view-buttons"):
                    yield Button("Compare (c)", id="r-compare", compact=True, variant="primary")
                    yield Button("Open ideas in these languages (o)", id="r-browse", compact=True)
                    yield Button("Done (esc)", id="r-done", compact=True)
            with Vertical(id="compare"):
                with Horizontal(id="c-buttons", classes="view-buttons"):
                    yield Button("Back (esc)", id="c-back", compact=True)
                with VerticalScroll(id="compare-body"):
                    yield EmptyState(
                        "Once both of you have a result, your profiles show side by side, "
                        "with where you differ and ideas for each of you.",
                        "Take the quiz for the other one",
                        "1",
                        "screen.take_for('partner')",
                        title="One result so far",
                        id="compare-empty",
                    )
                    yield Static("", id="c-title", classes="card-title")
                    yield Static("", id="c-bars")
                    yield Static("", id="c-diff")
                    for who in ("me", "partner"):
                        yield Static("", id=f"c-ideas-{who}-title", classes="section-title")
                        yield Static("", id=f"c-ideas-{who}-empty", classes="muted")
                        first = 1 if who == "me" else IDEAS_EACH + 1
                        for n in range(first, first + IDEAS_EACH):
                            with Horizontal(id=f"idea-{n}", classes="idea-row"):
                                yield Static("", id=f"idea-{n}-text", classes="idea-text")
                                yield Button(f"Tried ({n})", id=f"idea-{n}-tried", compact=True)
                    yield Label("Earlier results", classes="section-title")
                    with Horizontal(id="c-history"):
                        yield Static("", id="c-history-me")
                        yield Static("", id="c-history-partner")

    def on_mount(self) -> None:
        self.view = "start"
        # Who is answering is kept in the journal's settings, not only in memory, so the
        # start page reads the same after a restart as before it.
        try:
            self.who = self.mm.journal.settings().quiz_who
        except JournalError:
            self.who = "me"
        self.session: Session | None = None
        self.shown_result: QuizResult | None = None
        self.compare_from = "start"
        self.ideas: dict[int, Gesture] = {}
        self._refresh_start()

    # ------------------------------------------------------------------ helpers

    @property
    def names(self) -> dict[str, str]:
        """How to call "me" and "partner": the names from settings, or plain words."""
        try:
            settings = self.mm.journal.settings()
        except JournalError:
            return {"me": "You", "partner": "Your partner"}
        return {
            "me": settings.my_name or "You",
            "partner": settings.partner_name or "Your partner",
        }

    def _language_names(self) -> dict[str, str]:
        return {lid: self.mm.library.language_name(lid) for lid in LANGUAGE_NAMES}

    def _items(self, mode: str) -> tuple[ClassicItem, ...] | tuple[RatingItem, ...]:
        quiz = self.mm.library.quiz
        return quiz.classic if mode == CLASSIC else quiz.rating

    def _show_view(self, view: str) -> None:
        self.view = view
        self.query_one("#quiz-views", ContentSwitcher).current = view
        self.sub_title = {
            "start": "",
            "question": "answering",
            "results": "result",
            "compare": "compare",
        }[view]
        if view == "start":
            self.query_one("#start-classic", Button).focus()
        elif view == "question":
            self.set_focus(None)
        elif view == "results":
            self.query_one("#results-body", VerticalScroll).scroll_home(animate=False)
            self.query_one("#r-compare", Button).focus()
        else:
            body = self.query_one("#compare-body", VerticalScroll)
            body.scroll_home(animate=False)
            body.focus()  # so End, PageDown and the arrows scroll it
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        view = getattr(self, "view", "start")
        if action in ("start", "switch_who", "names"):
            return view == "start"
        if action == "resume":
            return view == "start" and self._progress() is not None
        if action == "compare":
            return view in ("start", "results")
        if action in ("answer", "back", "forward"):
            if view != "question" or self.session is None:
                return False
            if action == "answer":
                return self.session.mode == CLASSIC
            return True
        if action == "rate":
            return view == "question" and self.session is not None and self.session.mode == RATING
        if action == "tried":
            return view == "compare"
        if action == "leave":
            return view == "question"
        if action == "close":
            return view in ("results", "compare")
        if action == "browse_top":
            return view == "results" and getattr(self, "shown_result", None) is not None
        return True

    def _progress(self) -> QuizProgress | None:
        try:
            return self.mm.journal.quiz_progress()
        except JournalError:
            return None

    def refresh_data(self) -> None:
        view = getattr(self, "view", None)
        if view is None:
            return
        self._refresh_start()
        if view == "compare":
            self._refresh_compare()
        self.refresh_bindings()

    # ------------------------------------------------------------------ start view

    def _journal_trouble(self, exc: JournalError) -> None:
        self.notify(str(exc), title="Journal", severity="error")

    def _refresh_start(self) -> None:
        try:
            self._fill_start()
        except JournalError as exc:
            self._journal_trouble(exc)

    def _fill_start(self) -> None:
        names = self.names
        for who in ("me", "partner"):
            button = self.query_one(f"#who-{who}", Button)
            chosen = who == self.who
            label = names[who] if names[who] in ("You", "Your partner") else f"{names[who]} ({who})"
            button.label = Text(f"{'●' if chosen else '○'} {label}")  # names are not markup
            button.variant = "primary" if chosen else "default"
        progress = self._progress()
        resume = self.query_one("#resume", Button)
        resume.display = progress is not None
        if progress is not None:
            total = len(self._items(progress.mode))
            resume.label = (
                f"r  Resume ({len(progress.answers)} of {total}): "
                f"{names.get(progress.who, progress.who)}, {mode_name(progress.mode)}"
            )
        lines = []
        results = {who: self.mm.journal.latest_quiz_result(who) for who in ("me", "partner")}
        self.query_one("#start-empty", EmptyState).display = not any(results.values())
        self.query_one("#start-profiles").display = any(results.values())
        self.query_one("#start-latest").display = any(results.values())
        for who, result in results.items():
            bars = self.query_one(f"#start-bars-{who}", ProfileBars)
            bars.border_title = Text(names[who])  # a typed name is never markup
            bars.show(result, empty="No result yet: choose them with w, then 1 or 2.")
        for who in ("me", "partner"):
            latest = results[who]
            if latest is None:
                lines.append(Content.assemble((names[who], "bold"), ": no result yet."))
                continue
            primary, secondary = ranking(receiving_profile(latest))
            lines.append(
                Content.assemble(
                    (names[who], "bold"),
                    f": {mode_name(latest.mode)}, {taken_text(latest)}. ",
                    ranking_text(primary, secondary, self._language_names()),
                )
            )
        self.query_one("#start-latest", Static).update(Content("\n").join(lines))

    def action_switch_who(self, who: str | None = None) -> None:
        self._set_who(who or ("partner" if self.who == "me" else "me"))
        self._refresh_start()

    def _set_who(self, who: str) -> None:
        """Choose who is answering, and remember it (see on_mount)."""
        self.who = who
        try:
            if self.mm.journal.settings().quiz_who != who:
                self.mm.journal.update_settings(quiz_who=who)
        except JournalError as exc:
            self._journal_trouble(exc)

    def action_names(self) -> None:
        self._ask_names(None)

    def _ask_names(self, then: str | None) -> None:
        try:
            settings = self.mm.journal.settings()
        except JournalError as exc:
            self._journal_trouble(exc)
            return

        def done(names: tuple[str, str] | None) -> None:
            if names is None:
                return
            try:
                self.mm.journal.update_settings(my_name=names[0], partner_name=names[1])
            except JournalError as exc:
                self.notify(str(exc), title="Names not saved", severity="error")
                return
            self.mm.journal_changed.publish("settings")
            self._refresh_start()
            if then is not None:
                self.action_start(then)

        self.app.push_screen(NamesDialog(settings.my_name, settings.partner_name), done)

    def action_start(self, mode: str) -> None:
        try:
            settings = self.mm.journal.settings()
        except JournalError as exc:
            self._journal_trouble(exc)
            return
        if not settings.my_name or not settings.partner_name:
            self._ask_names(mode)
            return
        progress = self._progress()
        if progress is None:
            self._begin(mode)
            return
        total = len(self._items(progress.mode))
        who = self.names.get(progress.who, progress.who)

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._save_progress(None)
                self._begin(mode)

        self.app.push_screen(
            ConfirmDialog(
                "Start a new quiz?",
                f"{who}'s unfinished {mode_name(progress.mode)} quiz ({len(progress.answers)} "
                f"of {total} answered) would be discarded. To carry on with it instead, "
                "choose Resume (r).",
                yes="Start new",
                no="Keep it",
            ),
            confirmed,
        )

    def _begin(self, mode: str) -> None:
        started = self.mm.now.isoformat(timespec="seconds")
        self.session = Session(who=self.who, mode=mode, started=started)
        self._show_question()

    def action_resume(self) -> None:
        progress = self._progress()
        if progress is None:
            return
        items = self._items(progress.mode)
        if not items:
            return
        position = min(max(progress.position, 0), len(items) - 1)
        self.session = Session(
            who=progress.who,
            mode=progress.mode,
            started=progress.started,
            answers=dict(progress.answers),
            position=position,
        )
        self._set_who(progress.who)
        self._show_question()

    # ------------------------------------------------------------------ question view

    def _show_question(self) -> None:
        session = self.session
        if session is None:
            return
        items = self._items(session.mode)
        total = len(items)
        item = items[session.position]
        given = session.answers.get(item.id)
        name = self.names[session.who]
        self.query_one("#q-head", Static).update(
            Content.assemble((name, "bold"), f" is answering · {mode_name(session.mode)}")
        )
        bar = self.query_one("#q-progress", ProgressBar)
        bar.update(total=total, progress=len(session.answers))
        self.query_one("#q-count", Label).update(f"{session.position + 1} of {total}")
        classic = isinstance(item, ClassicItem)
        self.query_one("#q-classic").display = classic
        self.query_one("#q-rating").display = not classic
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
        if self.view != "question":
            self._show_view("question")
        else:
            self.refresh_bindings()

    def _save_progress(self, session: Session | None) -> bool:
        progress = (
            None
            if session is None
            else QuizProgress(
                who=session.who,
                mode=session.mode,
                answers=dict(session.answers),
                position=session.position,
                started=session.started,
            )
        )
        try:
            self.mm.journal.save_quiz_progress(progress)
        except JournalError as exc:
            self.notify(str(exc), title="Progress not saved", severity="error")
            return False
        return True

    def _give(self, value: int) -> None:
        session = self.session
        if session is None or self.view != "question":
            return
        items = self._items(session.mode)
        session.answers[items[session.position].id] = value
        if session.position + 1 < len(items):
            session.position += 1
            self._save_progress(session)
            self._show_question()
            return
        missing = first_unanswered(items, session.answers)
        if missing is not None:
            session.position = missing
            self._save_progress(session)
            self._show_question()
            self.notify(f"Question {missing + 1} has no answer yet.")
            return
        self._finish()

    def action_answer(self, value: int) -> None:
        self._give(value)

    def action_rate(self, value: int) -> None:
        self._give(value)

    @on(QuizChoice.Chosen)
    def _chosen(self, event: QuizChoice.Chosen) -> None:
        event.stop()
        self._give(event.value)

    def action_back(self) -> None:
        session = self.session
        if session is None or session.position == 0:
            return
        session.position -= 1
        self._save_progress(session)
        self._show_question()

    def action_forward(self) -> None:
        session = self.session
        if session is None:
            return
        items = self._items(session.mode)
        if session.position + 1 < len(items) and items[session.position].id in session.answers:
            session.position += 1
            self._save_progress(session)
            self._show_question()

    def _finish(self) -> None:
        session = self.session
        if session is None:
            return
        result = build_result(
            self.mm.library.quiz,
            who=session.who,
            mode=session.mode,
            answers=session.answers,
            taken=self.mm.now,
        )
        saved = True
        try:
            self.mm.journal.add_quiz_result(result)
        except JournalError as exc:
            saved = False
            self._save_progress(session)
            self.notify(
                f"{exc}. Your answers are kept: resume to try again.",
                title="Result not saved",
                severity="error",
            )
        self.session = None
        if saved:
            self._save_progress(None)
        self._show_result(result)
        if saved:
            # Today's idea and Browse's "for my partner" order read the partner's profile.
            self.mm.journal_changed.publish("quiz")

    # ------------------------------------------------------------------ leaving

    def action_leave(self) -> None:
        if self.view == "question":
            self._leave_question()

    def action_close(self) -> None:
        if self.view == "compare":
            if self.compare_from == "results" and self.shown_result is not None:
                self._show_view("results")
            else:
                self._refresh_start()
                self._show_view("start")
        elif self.view == "results":
            self._refresh_start()
            self._show_view("start")

    def _leave_question(self) -> None:
        session = self.session
        if session is None:
            self._show_view("start")
            return
        if not session.answers:
            self._save_progress(None)
            self.session = None
            self._refresh_start()
            self._show_view("start")
            return

        def decided(choice: LeaveChoice | None) -> None:
            if choice is None or self.session is None:
                return
            if choice == "discard":
                self._save_progress(None)
            else:
                self._save_progress(self.session)
            self.session = None
            self._refresh_start()
            self._show_view("start")

        total = len(self._items(session.mode))
        self.app.push_screen(LeaveQuizDialog(len(session.answers), total), decided)

    # ------------------------------------------------------------------ results view

    def _show_result(self, result: QuizResult) -> None:
        self.shown_result = result
        names = self._language_names()
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
        self._show_view("results")

    def action_browse_top(self) -> None:
        """Browse, filtered to the result's top languages (ideas in any of them)."""
        if self.shown_result is None:
            return
        tops = top_languages(self.shown_result)
        if tops:
            self.mm.browse_language(",".join(tops))

    # ------------------------------------------------------------------ compare view

    def action_take_for(self, who: str) -> None:
        """From Compare's empty state: start the classic quiz for the one without a result."""
        self._set_who(who)
        self._show_view("start")
        self._refresh_start()
        self.action_start("classic")

    def action_compare(self) -> None:
        self.compare_from = self.view if self.view in ("start", "results") else "start"
        self._refresh_compare()
        self._show_view("compare")

    def _refresh_compare(self) -> None:
        try:
            self._fill_compare()
        except JournalError as exc:
            self._journal_trouble(exc)

    def _fill_compare(self) -> None:
        journal = self.mm.journal
        names = self.names
        lang = self._language_names()
        latest = {who: journal.latest_quiz_result(who) for who in ("me", "partner")}
        me, partner = latest["me"], latest["partner"]
        # Together: the partner's own result, taken on their machine, wins over one taken
        # here at the keyboard when it is newer.
        theirs = partner_quiz(self.mm)
        head = names["partner"]
        if theirs is not None and (partner is None or theirs.taken >= partner.taken):
            partner, head = theirs, f"{names['partner']} (theirs)"
        missing = [who for who, result in (("me", me), ("partner", partner)) if result is None]
        empty = self.query_one("#compare-empty", EmptyState)
        empty.display = len(missing) == 1
        if len(missing) == 1:
            empty.change(
                f"{names[missing[0]]} has no result yet. Once both of you have one, your "
                "profiles show side by side, with where you differ and ideas for each.",
                f"Take the quiz for {names[missing[0]]}",
                "w, then 1",
                f"screen.take_for('{missing[0]}')",
                title="One result so far",
            )

        self.query_one("#c-title", Static).update(
            Content.styled("Side by side", "bold $text-accent")
        )
        self.query_one("#c-bars", Static).update(
            compare_bars(me, partner, lang, heads=(names["me"], head))
        )
        self.query_one("#c-diff", Static).update(self._difference_text(me, partner))
        self._fill_ideas(me, partner)
        for who in ("me", "partner"):
            self.query_one(f"#c-history-{who}", Static).update(self._history(who))

    def _difference_text(self, me: QuizResult | None, partner: QuizResult | None) -> str:
        names = self.names
        lang = self._language_names()
        if me is None or partner is None:
            missing = "me" if me is None else "partner"
            return (
                f"{names[missing]}: no result yet. On the start page, choose who is answering "
                "(w) and take a quiz; then the two of you appear side by side."
            )
        gaps = [d for d in differences(me, partner) if d.gap >= NOTABLE_GAP][:2]
        if gaps:
            parts = [
                f"{lang.get(d.language, d.language).lower()} ({names['me']} "
                f"{scale_text(me, d.language)}, {names['partner']} "
                f"{scale_text(partner, d.language)})"
                for d in gaps
            ]
            lines = ["Where you differ most: " + " and ".join(parts) + "."]
        else:
            lines = ["Your profiles are close: the five matter to you both in much the same way."]
        for giver, receiver, g, r in (
            ("me", "partner", me, partner),
            ("partner", "me", partner, me),
        ):
            if g.mode != RATING or not g.give:
                continue
            shows, _ = ranking(g.give)
            feels, _ = ranking(receiving_profile(r))
            if not shows or not feels:
                continue
            if set(shows) & set(feels):
                lines.append(
                    f"{names[giver]} shows love most in a way {names[receiver]} feels most: "
                    f"{language_list([x for x in shows if x in feels], lang)}."
                )
            else:
                lines.append(
                    f"{names[giver]} shows love most through {language_list(shows, lang)}; "
                    f"{names[receiver]} feels it most through {language_list(feels, lang)}. "
                    "Worth talking about."
                )
        return "\n".join(lines)

    def _fill_ideas(self, me: QuizResult | None, partner: QuizResult | None) -> None:
        names = self.names
        lang = self._language_names()
        today = self.mm.today
        entries = self.mm.journal.tried(since=today - timedelta(days=RECENT_DAYS))
        tried_today = {e.gesture_id for e in entries if e.date == today}
        avoid = {e.gesture_id for e in entries if e.date < today}
        self.ideas = {}
        for who, other, result in (("me", "partner", partner), ("partner", "me", me)):
            first = 1 if who == "me" else IDEAS_EACH + 1
            title = self.query_one(f"#c-ideas-{who}-title", Static)
            empty = self.query_one(f"#c-ideas-{who}-empty", Static)
            chosen: list[Gesture] = []
            if result is None:
                title.update(f"Ideas for {names[who]}")
                empty.update(
                    f"Once {names[other]} has a result, ideas for {names[who]} appear here."
                )
            else:
                tops = top_languages(result)
                title.update(
                    f"Ideas for {names[who]}, from {names[other]}'s top "
                    f"{noun(len(tops), 'language')}: {language_list(tops, lang)}"
                )
                chosen = ideas_from(
                    self.mm.library.gestures,
                    tops,
                    count=IDEAS_EACH,
                    avoid=avoid,
                    seed=f"{result.who}|{result.taken}",
                )
                empty.update("" if chosen else "No ideas in those languages yet.")
            empty.display = not chosen
            for offset in range(IDEAS_EACH):
                n = first + offset
                row = self.query_one(f"#idea-{n}", Horizontal)
                if offset >= len(chosen):
                    row.display = False
                    continue
                gesture = chosen[offset]
                self.ideas[n] = gesture
                row.display = True
                done = "  ✓ tried today" if gesture.id in tried_today else ""
                self.query_one(f"#idea-{n}-text", Static).update(
                    Content.assemble(
                        (f"{n} ", "bold $text-accent"),
                        gesture.title,
                        (f" · {short(gesture.language)}", "$text-muted"),
                        (done, "$text-success"),
                    )
                )

    def _history(self, who: str) -> Content:
        results = self.mm.journal.quiz_results(who)
        lines: list[Content] = [Content.styled(self.names[who], "bold")]
        if not results:
            lines.append(Content.styled("no results yet", "$text-muted"))
        for index, result in enumerate(results[:HISTORY_SHOWN]):
            primary, _ = ranking(receiving_profile(result))
            lines.append(
                Content.assemble(
                    f"{taken_text(result)} · {mode_name(result.mode)} · ",
                    language_list(primary, LANGUAGE_SHORT) or "—",
                    (" (latest)" if index == 0 else "", "$text-muted"),
                )
            )
        if len(results) > HISTORY_SHOWN:
            lines.append(
                Content.styled(f"and {len(results) - HISTORY_SHOWN} earlier", "$text-muted")
            )
        return Content("\n").join(lines)

    def action_tried(self, n: int) -> None:
        gesture = self.ideas.get(n)
        if gesture is not None:
            self.mm.mark_tried(gesture.id)

    # ------------------------------------------------------------------ mouse

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        button_id = event.button.id or ""
        event.stop()
        if button_id in ("who-me", "who-partner"):
            self.action_switch_who(button_id.removeprefix("who-"))
        elif button_id == "names":
            self.action_names()
        elif button_id == "start-classic":
            self.action_start(CLASSIC)
        elif button_id == "start-rating":
            self.action_start(RATING)
        elif button_id == "resume":
            self.action_resume()
        elif button_id in ("compare-btn", "r-compare"):
            self.action_compare()
        elif button_id == "q-back":
            self.action_back()
        elif button_id == "q-leave":
            self.action_leave()
        elif button_id == "r-browse":
            self.action_browse_top()
        elif button_id in ("r-done", "c-back"):
            self.action_close()
        elif button_id.startswith("idea-") and button_id.endswith("-tried"):
            self.action_tried(int(button_id.split("-")[1]))
