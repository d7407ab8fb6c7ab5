"""The quiz's start: who is answering, which quiz, resuming one left midway, and both of
your latest profiles as bars."""

from __future__ import annotations

from contextlib import suppress
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Button, Label, Static

from micromance_tui.core.journal import JournalError, QuizProgress
from micromance_tui.core.quiz import CLASSIC, RATING, ranking, ranking_text, receiving_profile
from micromance_tui.tui.dialogs.confirm import ConfirmDialog
from micromance_tui.tui.dialogs.names import NamesDialog
from micromance_tui.tui.journal_call import try_journal
from micromance_tui.tui.screens.quiz.common import OpenCompare, QuizView, Session
from micromance_tui.tui.together_view import partner_result
from micromance_tui.tui.widgets.empty_state import EmptyState
from micromance_tui.tui.widgets.profile_bars import ProfileBars
from micromance_tui.tui.widgets.quiz_bars import mode_name, taken_text


class StartView(QuizView):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "start('classic')", "Classic"),
        Binding("2", "start('rating')", "Rating"),
        Binding("w", "switch_who", "Who"),
        Binding("r", "resume", "Resume"),
        Binding("c", "compare", "Compare"),
        Binding("n", "names", "Names"),
    ]

    #: who answers the next quiz: "me" or "partner", kept in the journal's settings so the
    #: start reads the same after a restart
    who: reactive[str] = reactive("me", init=False)

    class Begin(Message):
        """Answer this quiz (new, or resumed)."""

        def __init__(self, session: Session) -> None:
            super().__init__()
            self.session = session

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.kept: QuizProgress | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="start-body"):
            with Vertical(id="start-panel", classes="quiz-panel") as panel:
                panel.border_title = "Love-language quiz"
                yield Static(
                    "Which everyday acts make each of you feel most loved? Take it in turns.",
                    classes="muted",
                )
                with Horizontal(id="who-row"):
                    yield Label("Who is answering?", id="who-label")
                    yield Button("", id="who-me", classes="who", compact=True)
                    yield Button("", id="who-partner", classes="who", compact=True)
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

    def on_mount(self) -> None:
        # Who answers is kept in the settings; a journal that cannot be read keeps "me".
        with suppress(JournalError):
            self.set_reactive(StartView.who, self.mm.journal.settings().quiz_who)
        self.refresh_data()
        self.query_one("#start-classic", Button).focus()

    def entered(self) -> None:
        self.refresh_data()
        self.query_one("#start-classic", Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "resume":
            return self.kept is not None
        return True

    # ------------------------------------------------------------------ what it shows

    def refresh_data(self) -> None:
        try_journal(self.mm, self._fill, title="Journal")
        self.refresh_bindings()

    def _no_result(self, who: str) -> str:
        """What an empty profile says: who to choose, and the keys that start the quiz."""
        if who == "me":
            return "No result yet: choose yourself with w, then 1 or 2."
        return self.partner_words.fill("No result yet: choose {them} with w, then 1 or 2.")

    def _fill(self) -> None:
        names = self.names
        for who in ("me", "partner"):
            button = self.query_one(f"#who-{who}", Button)
            chosen = who == self.who
            label = names[who] if names[who] in ("You", "Your partner") else f"{names[who]} ({who})"
            button.label = Text(f"{'●' if chosen else '○'} {label}")  # names are not markup
            button.variant = "primary" if chosen else "default"
        self.kept = self.progress()
        resume = self.query_one("#resume", Button)
        resume.display = self.kept is not None
        if self.kept is not None:
            total = len(self.items(self.kept.mode))
            resume.label = (
                f"r  Resume ({len(self.kept.answers)} of {total}): "
                f"{names.get(self.kept.who, self.kept.who)}, {mode_name(self.kept.mode)}"
            )
        results = {who: self.mm.journal.latest_quiz_result(who) for who in ("me", "partner")}
        # Together: the partner's own result, taken on their machine, as Compare shows it
        results["partner"], theirs_head = partner_result(
            self.mm, results["partner"], self.partner_words
        )
        heads = {**names, "partner": theirs_head or names["partner"]}
        self.query_one("#start-empty", EmptyState).display = not any(results.values())
        self.query_one("#start-profiles").display = any(results.values())
        self.query_one("#start-latest").display = any(results.values())
        lines = []
        for who, result in results.items():
            bars = self.query_one(f"#start-bars-{who}", ProfileBars)
            bars.border_title = Text(heads[who])  # a typed name is never markup
            bars.show(result, empty=self._no_result(who))
            if result is None:
                lines.append(Content.assemble((heads[who], "bold"), ": no result yet."))
                continue
            primary, secondary = ranking(receiving_profile(result))
            lines.append(
                Content.assemble(
                    (heads[who], "bold"),
                    f": {mode_name(result.mode)}, {taken_text(result)}. ",
                    ranking_text(primary, secondary, self.language_names()),
                )
            )
        self.query_one("#start-latest", Static).update(Content("\n").join(lines))

    # ------------------------------------------------------------------ who is answering

    def watch_who(self, who: str) -> None:
        def keep() -> None:
            if self.mm.journal.settings().quiz_who != who:
                self.mm.journal.update_settings(quiz_who=who)

        try_journal(self.mm, keep)
        self.refresh_data()

    def action_switch_who(self, who: str | None = None) -> None:
        self.who = who or ("partner" if self.who == "me" else "me")

    def action_names(self) -> None:
        self._ask_names(None)

    def _ask_names(self, then: str | None) -> None:
        settings = try_journal(self.mm, self.mm.journal.settings, title="Journal")
        if settings is None:
            return

        def done(names: tuple[str, str] | None) -> None:
            if names is None:
                return
            saved = try_journal(
                self.mm,
                lambda: self.mm.journal.update_settings(my_name=names[0], partner_name=names[1]),
                changed="settings",
                title="Names not saved",
            )
            if saved is None:
                return
            self.refresh_data()
            if then is not None:
                self.action_start(then)

        self.app.push_screen(NamesDialog(settings.my_name, settings.partner_name), done)

    # ------------------------------------------------------------------ starting

    def action_start(self, mode: str) -> None:
        settings = try_journal(self.mm, self.mm.journal.settings, title="Journal")
        if settings is None:
            return
        if not settings.my_name or not settings.partner_name:
            self._ask_names(mode)
            return
        kept = self.progress()
        if kept is None:
            self._begin(mode)
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.save_progress(None)
                self._begin(mode)

        who = self.names.get(kept.who, kept.who)
        self.app.push_screen(
            ConfirmDialog(
                "Start a new quiz?",
                f"{who}'s unfinished {mode_name(kept.mode)} quiz ({len(kept.answers)} "
                f"of {len(self.items(kept.mode))} answered) would be discarded. To carry on "
                "with it instead, choose Resume (r).",
                yes="Start new",
                no="Keep it",
            ),
            confirmed,
        )

    def _begin(self, mode: str) -> None:
        started = self.mm.now.isoformat(timespec="seconds")
        self.post_message(self.Begin(Session(who=self.who, mode=mode, started=started)))

    def action_resume(self) -> None:
        kept = self.progress()
        if kept is None or not self.items(kept.mode):
            return
        self.who = kept.who
        self.post_message(
            self.Begin(
                Session(
                    who=kept.who,
                    mode=kept.mode,
                    started=kept.started,
                    answers=dict(kept.answers),
                    position=min(max(kept.position, 0), len(self.items(kept.mode)) - 1),
                )
            )
        )

    def action_compare(self) -> None:
        self.post_message(OpenCompare())

    # ------------------------------------------------------------------ mouse

    @on(Button.Pressed, ".who")
    def _who_pressed(self, event: Button.Pressed) -> None:
        self.action_switch_who((event.button.id or "").removeprefix("who-"))

    @on(Button.Pressed, "#names")
    def _names_pressed(self) -> None:
        self.action_names()

    @on(Button.Pressed, "#start-classic")
    def _classic_pressed(self) -> None:
        self.action_start(CLASSIC)

    @on(Button.Pressed, "#start-rating")
    def _rating_pressed(self) -> None:
        self.action_start(RATING)

    @on(Button.Pressed, "#resume")
    def _resume_pressed(self) -> None:
        self.action_resume()

    @on(Button.Pressed, "#compare-btn")
    def _compare_pressed(self) -> None:
        self.action_compare()
