"""The two of you side by side: both profiles on one scale, where you differ, ideas for each
from the other's top languages, and your earlier results. Each is a panel of its own; tab
moves between them and the one with the focus is lit."""

from __future__ import annotations

from datetime import timedelta
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from micromance_tui.core.journal import QuizResult
from micromance_tui.core.models import Gesture
from micromance_tui.core.plural import noun
from micromance_tui.core.quiz import (
    RATING,
    differences,
    ideas_from,
    language_list,
    ranking,
    receiving_profile,
    top_languages,
)
from micromance_tui.core.rhythm import LANGUAGE_SHORT
from micromance_tui.tui.journal_call import try_journal
from micromance_tui.tui.screens.quiz.common import CloseView, QuizView, short
from micromance_tui.tui.together_view import partner_result
from micromance_tui.tui.widgets.empty_state import EmptyState
from micromance_tui.tui.widgets.quiz_bars import compare_bars, mode_name, scale_text, taken_text

IDEAS_EACH = 3
HISTORY_SHOWN = 8
#: ideas tried this many days before today are not suggested again
RECENT_DAYS = 30
#: on the common 0-to-1 scale, a gap this big is called a difference
NOTABLE_GAP = 0.2


class Panel(Vertical, can_focus=True):
    """A titled region of Compare that tab stops at, lit while it has the focus."""


class CompareView(QuizView):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "tried(1)", "Tried", key_display=f"1-{2 * IDEAS_EACH}"),
        *[
            Binding(str(n), f"tried({n})", "Tried", show=False)
            for n in range(2, 2 * IDEAS_EACH + 1)
        ],
        Binding("escape", "close", "Back"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        #: the ideas shown, by the number that marks them tried
        self.ideas: dict[int, Gesture] = {}

    def compose(self) -> ComposeResult:
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
            with Panel(id="c-side", classes="quiz-panel") as side:
                side.border_title = "Side by side"
                yield Static("", id="c-bars")
                yield Static("", id="c-diff", markup=False)  # names are never markup
            for who in ("me", "partner"):
                with Panel(id=f"c-ideas-{who}", classes="quiz-panel"):
                    yield Static("", id=f"c-ideas-{who}-from", classes="muted", markup=False)
                    first = 1 if who == "me" else IDEAS_EACH + 1
                    for n in range(first, first + IDEAS_EACH):
                        with Horizontal(id=f"idea-{n}", classes="idea-row"):
                            yield Static("", id=f"idea-{n}-text", classes="idea-text")
                            yield Button(
                                f"Tried ({n})", id=f"idea-{n}-tried", name=str(n), compact=True
                            )
            with Panel(id="c-history", classes="quiz-panel") as history:
                history.border_title = "Earlier results"
                with Horizontal():
                    yield Static("", id="c-history-me")
                    yield Static("", id="c-history-partner")

    def entered(self) -> None:
        self.query_one("#compare-body", VerticalScroll).scroll_home(animate=False)
        # The arrows, PageDown and End scroll Compare from any of its panels.
        self.query_one("#c-side", Panel).focus(scroll_visible=False)

    def refresh_data(self) -> None:
        try_journal(self.mm, self._fill, title="Journal")

    def _fill(self) -> None:
        journal = self.mm.journal
        names = self.names
        lang = self.language_names()
        latest = {who: journal.latest_quiz_result(who) for who in ("me", "partner")}
        me, partner = latest["me"], latest["partner"]
        # Together: the partner's own result, taken on their machine, wins over one taken
        # here at the keyboard when it is newer.
        partner, theirs_head = partner_result(self.mm, partner, self.partner_words)
        head = theirs_head or names["partner"]
        missing = [who for who, result in (("me", me), ("partner", partner)) if result is None]
        empty = self.query_one("#compare-empty", EmptyState)
        empty.display = len(missing) == 1
        if len(missing) == 1:
            who = missing[0]
            said = self.said(who)
            empty.change(
                f"{self.said(who, start=True)} {self.verb(who, 'has', 'have')} no result "
                "yet. Once both of you have one, your profiles show side by side, with where "
                "you differ and ideas for each.",
                "Take the quiz yourself" if said == "you" else f"Take the quiz for {said}",
                "w, then 1",
                f"screen.take_for('{missing[0]}')",
                title="One result so far",
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
        lang = self.language_names()
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
                    f"{self.said(giver, start=True)} {self.verb(giver, 'shows', 'show')} love most "
                    f"in a way {self.said(receiver)} {self.verb(receiver, 'feels', 'feel')} "
                    "most: "
                    f"{language_list([x for x in shows if x in feels], lang)}."
                )
            else:
                lines.append(
                    f"{self.said(giver, start=True)} {self.verb(giver, 'shows', 'show')} love most "
                    f"through {language_list(shows, lang)}; {self.said(receiver)} "
                    f"{self.verb(receiver, 'feels', 'feel')} it most through "
                    f"{language_list(feels, lang)}. "
                    "Worth talking about."
                )
        return "\n".join(lines)

    def _fill_ideas(self, me: QuizResult | None, partner: QuizResult | None) -> None:
        names = self.names
        lang = self.language_names()
        today = self.mm.today
        entries = self.mm.journal.tried(since=today - timedelta(days=RECENT_DAYS))
        tried_today = {e.gesture_id for e in entries if e.date == today}
        avoid = {e.gesture_id for e in entries if e.date < today}
        self.ideas = {}
        for who, other, result in (("me", "partner", partner), ("partner", "me", me)):
            first = 1 if who == "me" else IDEAS_EACH + 1
            self.query_one(f"#c-ideas-{who}", Panel).border_title = Content(
                f"Ideas for {names[who]}"
            )
            line = self.query_one(f"#c-ideas-{who}-from", Static)
            chosen: list[Gesture] = []
            if result is None:
                line.update(
                    f"Once {self.said(other)} {self.verb(other, 'has', 'have')} a result, "
                    f"ideas for {self.said(who)} appear here."
                )
            else:
                tops = top_languages(result)
                chosen = ideas_from(
                    self.mm.library.gestures,
                    tops,
                    count=IDEAS_EACH,
                    avoid=avoid,
                    seed=f"{result.who}|{result.taken}",
                )
                line.update(
                    f"From {self.possessive(other)} top {noun(len(tops), 'language')}: "
                    f"{language_list(tops, lang)}."
                    + ("" if chosen else " No ideas in those languages yet.")
                )
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

    def action_close(self) -> None:
        self.post_message(CloseView())

    @on(Button.Pressed, ".idea-row Button")
    def _tried_pressed(self, event: Button.Pressed) -> None:
        self.action_tried(int(event.button.name or 0))

    @on(Button.Pressed, "#c-back")
    def _back_pressed(self) -> None:
        self.action_close()
