"""Today (home): today's idea, the next important date, the week, and the balance."""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.style import Style
from textual.widget import Widget
from textual.widgets import Static

from micromance_tui.core.checkin import last_checkin_text
from micromance_tui.core.daily import (
    Today,
    coming_up,
    date_label,
    describe_date,
    todays_idea,
)
from micromance_tui.core.journal import REACTIONS, JournalError
from micromance_tui.core.partner_words import PartnerWords
from micromance_tui.tui.journal_call import try_journal
from micromance_tui.tui.screen_table import SCREENS
from micromance_tui.tui.screens.base import BaseScreen
from micromance_tui.tui.together_view import partner_name, partner_quiz, their_dates
from micromance_tui.tui.widgets.card import ActionCard
from micromance_tui.tui.widgets.from_partner import FromPartnerCard
from micromance_tui.tui.widgets.rhythm import language_counts, spread_or_note, week_text

UPCOMING_DAYS = 14
#: from this many columns on, the cards below the idea sit side by side
WIDE = 100

# Clickable labels rather than Buttons: the same for the mouse, and cheaper to build on
# the screen every start shows first. (label, the screen's action, the component class
# that colours it). The click is read from the label's meta, not Textual's `@click`,
# which would repaint each label in the theme's link colour, unreadable on some themes.
ACTIONS = (
    (" Done it (d) ", "tried", "action"),
    (" Another (n) ", "another", "button"),
    (" Favourite (s) ", "favourite", "button"),
    (" Open (o) ", "open", "button"),
)
#: the day's own actions, drawn like the idea's; {state} is "on" or "off"
DAY_ACTIONS = (
    (" How is today? (h) ", "how_today", "button"),
    (" Turn apart mode {state} (a) ", "apart", "button"),
)


class IdeaCard(ActionCard):
    """Today's idea in one widget: the title, the summary, its languages, effort and cost,
    why it was picked, and the actions. Drawn from what `show` was given each time it
    renders, so a change of theme recolours it."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._lines: tuple[Content, Content, str, str] | None = None
        self._nothing = False
        self._day: Content | None = None
        self._apart = False

    def show(self, title: Content, summary: Content, meta: str, reason: str) -> None:
        """Show an idea; the user's own text is never read as markup."""
        self._lines = (title, summary, meta, reason)
        self._nothing = False
        self.refresh(layout=True)

    def show_day(self, said: str, apart: bool) -> None:
        """What the user said about today, apart mode, and the keys that change them."""
        parts = [Content.styled("Apart mode is on", "bold")] if apart else []
        parts.append(Content(said))
        self._day = Content.assemble("Today: ", Content(" · ").join(parts))
        self._apart = apart
        self.refresh(layout=True)

    def show_nothing(self) -> None:
        self._lines = None
        self._nothing = True
        self.refresh(layout=True)

    def render(self) -> Content:
        if self._lines is None:
            return Content("No ideas to choose from." if self._nothing else "")
        title, summary, meta, reason = self._lines
        # Styles are read from the live stylesheet on every render, never kept: a style
        # read before the theme is applied would draw text in the background's colour.
        muted = self.muted()
        lines = [title, summary, Content.styled(meta, muted)]
        if reason:
            lines.append(Content.styled(reason, muted))
        lines.append(self.action_row(ACTIONS))
        if self._day is not None:
            state = "off" if self._apart else "on"
            day_actions = [(label.format(state=state), a, c) for label, a, c in DAY_ACTIONS]
            lines += [self._day.stylize_before(muted), self.action_row(day_actions)]
        return Content("\n").join(lines)


SPREAD_TITLE = "The last 30 days across the five languages"


class Glance(Widget):
    """Below the idea, in one widget: the next important dates, the last 7 days, and how
    the last 30 days spread across the five languages. Filled just after the first frame."""

    COMPONENT_CLASSES = {"glance--dates", "glance--title"}

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._parts: tuple[Text, Text, Text] | None = None

    def show(self, dates: Text, week: Text, spread: Text) -> None:
        self._parts = (dates, week, spread)
        self.refresh(layout=True)

    def render(self) -> Content:
        if self._parts is None:
            return Content("")
        dates, week, spread = self._parts
        dates_style = Style.from_rich_style(self.get_component_rich_style("glance--dates"))
        title_style = Style.from_rich_style(self.get_component_rich_style("glance--title"))
        return Content("\n").join(
            [
                Content.from_rich_text(dates).stylize_before(dates_style),
                Content(""),
                Content.from_rich_text(week),
                Content(""),
                Content.styled(SPREAD_TITLE, title_style),
                Content.from_rich_text(spread),
            ]
        )


class CheckInLine(Widget):
    """One small line: when the last weekly check-in was (filled after the first frame)."""

    text: reactive[str] = reactive("")

    def render(self) -> Content:
        return Content(self.text)


HOW_IT_LANDED = Binding.Group("How did what your partner did for you land? (Together)")


class TodayScreen(BaseScreen):
    MODE = "today"
    BINDINGS = [
        Binding("d", "tried", "Done it"),
        Binding("n", "another", "Another"),
        Binding("s", "favourite", "Favourite"),
        Binding("enter", "open", "Open", show=False),
        Binding("o", "open", "Open"),
        Binding("h", "how_today", "How is today?"),
        Binding("a", "apart", "Apart mode"),
        # Together: how did what the partner did for you land? (the "from Sam" card says so)
        *[
            Binding(str(n), f"react({n})", REACTIONS[n], show=False, group=HOW_IT_LANDED)
            for n in REACTIONS
        ],
    ]

    def compose_body(self) -> ComposeResult:
        with Vertical(id="today-body"):
            card = IdeaCard(id="idea", classes="card")
            card.border_title = "Today's idea"
            yield card
            yield FromPartnerCard(id="from-partner")
            # The cards below the idea: two columns when the window is wide, one when not.
            # Other cards (from your partner, the daily question) mount into #today-cards.
            yield Container(id="today-cards")

    def _below_the_idea(self) -> list[Widget]:
        """The cards under today's idea. They are mounted, and filled, just after the
        first frame: building and drawing them cost about a tenth of a bare Textual app's
        start (benchmarks/bench_startup.py), for cards that were still empty in it."""
        glance = Glance(id="glance", classes="today-card panel")
        glance.border_title = "Coming up and the last days"
        keep = Vertical(
            CheckInLine(id="last-checkin"),
            Static("", id="today-profile", markup=False),
            id="today-keep",
            classes="today-card panel",
        )
        keep.border_title = "Keep it going"
        return [glance, keep]

    def on_resize(self, event: events.Resize) -> None:
        self.query_one("#today-cards").set_class(event.size.width >= WIDE, "-wide")

    def on_mount(self) -> None:
        self.info: Today | None = None
        # the partner's own dates (Together) join "coming up" once their file is read
        self._their_dates = their_dates(self.mm)
        self._show_idea()
        self.call_after_refresh(self._show_below)
        self.mm.together_changed.subscribe(self, lambda _what: self._together_read())

    def _together_read(self) -> None:
        """After each read of the partner's file (every minute): show the cards again only
        if the dates they added changed, since that re-reads the journal."""
        dates = their_dates(self.mm)
        if dates != self._their_dates:
            self._their_dates = dates
            self._show_rhythm()

    async def _show_below(self) -> None:
        found = self.query("#today-cards")
        if not found:
            return  # the app stopped right after the first frame
        cards = found.first()
        await cards.mount_all(self._below_the_idea(), before=0 if cards.children else None)
        self._show_rhythm()

    def refresh_data(self, another: bool = False) -> None:
        self._show_idea(another=another)
        self._show_rhythm()

    def _show_idea(self, another: bool = False) -> None:
        app = self.mm
        now = app.now
        info = try_journal(
            app,
            lambda: todays_idea(
                app.library, app.journal, now, another=another, theirs=partner_quiz(app)
            ),
            title="Journal",
        )
        if info is None:
            return
        self.info = info
        gesture = info.gesture
        card = self.query_one("#idea", IdeaCard)
        day = info.day
        if day is not None:
            said = [info.mood_label] + (["a day off"] if day.day_off else [])
            card.show_day(", ".join(said), day.apart)
        if gesture is None:
            card.show_nothing()
            return
        done = "  ✓ done today" if info.tried_today else ""
        fav = "  ♥" if app.journal.is_favourite(gesture.id) else ""
        names = " + ".join(app.library.language_name(lid) for lid in gesture.languages)
        card.show(
            Content.assemble((gesture.title, "bold"), fav, done),
            Content(gesture.summary),
            f"{names} · {gesture.effort} · {gesture.cost}",
            f"Why this one: {info.reason}." if info.reason else "",
        )

    def _show_rhythm(self) -> None:
        app = self.mm
        if self.info is None or len(self.query("#glance, #last-checkin, #today-profile")) < 3:
            return  # nothing to show, or the cards are not (all) mounted: see _show_below
        info = self.info
        today = app.today
        mine = app.journal.upcoming_dates(today, UPCOMING_DAYS)
        upcoming = coming_up(mine, self._their_dates, today, UPCOMING_DAYS, partner_name(app))
        dates = (
            Text(  # names and labels are the user's own text, never markup
                "\n".join(
                    f"♥ {describe_date(d, days, info.partner, added_by=who)} "
                    f"({date_label(d, days, today)})"
                    for d, days, who in upcoming[:2]
                )
            )
            if upcoming
            else Text(
                "No important dates in the next two weeks. Add birthdays and anniversaries "
                "on the Partner screen (p)."
            )
        )
        entries = app.journal.tried(since=today - timedelta(days=29))
        week = Text.assemble(
            ("The last 7 days  ", "bold"), week_text((e.date for e in entries), today)
        )
        counts = language_counts(
            app.library.gesture_by_id[e.gesture_id].language
            for e in entries
            if e.gesture_id in app.library.gesture_by_id
        )
        spread = spread_or_note(
            counts, "Nothing tried in the last 30 days yet. Today's idea is a fine start."
        )
        self.query_one("#glance", Glance).show(dates, week, spread)
        last = app.journal.last_checkin()
        self.query_one("#last-checkin", CheckInLine).text = (
            f"{last_checkin_text(last.date if last else None, today)} "
            f"(the weekly check-in: {SCREENS['ask'][1]}, then c)"
        )
        self.query_one("#today-profile", Static).update(self._profile_text())

    def _profile_text(self) -> str:
        """Whether today's ideas can lean on the partner's quiz profile, and how to get one."""
        try:
            partner = self.mm.journal.latest_quiz_result("partner")
        except JournalError:
            return ""  # the rest of Today says what is wrong with the journal
        words = self.info.partner if self.info else PartnerWords()
        if partner is None:
            return words.fill(
                "No quiz profile for {who} yet. Take the quiz together (q) and today's "
                "ideas lean towards what means most to {them}."
            )
        return words.fill(
            "Today's ideas lean towards {whose} quiz profile; see it in the Journal (j, 3)."
        )

    def _gesture_id(self) -> str | None:
        return self.info.gesture.id if self.info and self.info.gesture else None

    def action_tried(self) -> None:
        if gid := self._gesture_id():
            self.mm.mark_tried(gid)

    def action_another(self) -> None:
        self.refresh_data(another=True)

    def action_favourite(self) -> None:
        if gid := self._gesture_id():
            self.mm.toggle_favourite(gid)

    def action_how_today(self) -> None:
        self.mm.ask_how_today()

    def action_apart(self) -> None:
        self.mm.toggle_apart()

    def action_open(self) -> None:
        if gid := self._gesture_id():
            self.mm.open_gesture(gid)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "react":  # only when the "from Sam" card points at something to answer
            return self.query_one(FromPartnerCard).target is not None
        return True

    def action_react(self, reaction: int) -> None:
        from micromance_tui.tui.together_view import react

        target = self.query_one(FromPartnerCard).target
        if target is not None:
            react(self.mm, target, reaction)
