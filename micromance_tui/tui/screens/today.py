"""Today (home): today's idea, the next important date, the week, and the balance."""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, Static

from micromance_tui.core.daily import Today, date_label, describe_date, todays_idea
from micromance_tui.core.journal import JournalError
from micromance_tui.tui.screens.base import BaseScreen
from micromance_tui.tui.widgets.rhythm import LanguageSpread, language_counts, week_text

UPCOMING_DAYS = 14


class TodayScreen(BaseScreen):
    MODE = "today"
    BINDINGS = [
        Binding("d", "tried", "Done it"),
        Binding("n", "another", "Another"),
        Binding("s", "favourite", "Favourite"),
        Binding("enter", "open", "Open", show=False),
        Binding("o", "open", "Open"),
    ]

    def compose_body(self) -> ComposeResult:
        with Vertical(id="today-body"):
            with Vertical(id="idea-card", classes="card") as card:
                card.border_title = "Today's idea"
                yield Static("", id="idea-title")
                yield Static("", id="idea-summary")
                yield Static("", id="idea-meta", classes="muted")
                yield Static("", id="idea-reason", classes="muted")
                # Clickable labels rather than Buttons: the same for the mouse, and
                # cheaper to build on the screen every start shows first.
                yield Static(
                    "[@click=screen.tried][b $background on $primary] Done it (d) [/][/]  "
                    "[@click=screen.another][$text on $panel] Another (n) [/][/]  "
                    "[@click=screen.favourite][$text on $panel] Favourite (s) [/][/]  "
                    "[@click=screen.open][$text on $panel] Open (o) [/][/]",
                    id="idea-actions",
                )
            yield Static("", id="upcoming")
            yield Static("", id="week")
            yield Label("The last 30 days across the five languages", classes="section-title")
            yield LanguageSpread(id="spread")

    def on_mount(self) -> None:
        super().on_mount()
        self.info: Today | None = None
        self._show_idea()
        # The rhythm below the idea fills in just after the first frame.
        self.call_after_refresh(self._show_rhythm)

    def refresh_data(self, another: bool = False) -> None:
        self._show_idea(another=another)
        self._show_rhythm()

    def _show_idea(self, another: bool = False) -> None:
        app = self.mm
        now = app.now
        try:
            self.info = todays_idea(app.library, app.journal, now, another=another)
        except JournalError as exc:
            self.notify(str(exc), severity="error")
            return
        info = self.info
        gesture = info.gesture
        if gesture is None:
            self.query_one("#idea-title", Static).update("No ideas to choose from.")
        else:
            done = "  ✓ done today" if info.tried_today else ""
            fav = "  ♥" if app.journal.is_favourite(gesture.id) else ""
            # Text, not markup: a user's own idea may contain '[' and ']'.
            self.query_one("#idea-title", Static).update(
                Text.assemble((gesture.title, "bold"), fav, done)
            )
            self.query_one("#idea-summary", Static).update(Text(gesture.summary))
            names = " + ".join(app.library.language_name(lid) for lid in gesture.languages)
            self.query_one("#idea-meta", Static).update(
                f"{names} · {gesture.effort} · {gesture.cost}"
            )
            self.query_one("#idea-reason", Static).update(
                Text(f"Why this one: {info.reason}.") if info.reason else ""
            )

    def _show_rhythm(self) -> None:
        app = self.mm
        if self.info is None:
            return
        info = self.info
        today = app.today
        upcoming = app.journal.upcoming_dates(today, UPCOMING_DAYS)
        self.query_one("#upcoming", Static).update(
            Text(  # names and labels are the user's own text, never markup
                "\n".join(
                    f"♥ {describe_date(d, days, info.partner_name)} ({date_label(d, days, today)})"
                    for d, days in upcoming[:2]
                )
            )
            if upcoming
            else "No important dates in the next two weeks. Add birthdays and anniversaries "
            "on the Partner screen (p)."
        )
        entries = app.journal.tried(since=today - timedelta(days=29))
        week = Text.assemble(
            ("The last 7 days  ", "bold"), week_text((e.date for e in entries), today)
        )
        self.query_one("#week", Static).update(week)
        counts = language_counts(
            app.library.gesture_by_id[e.gesture_id].language
            for e in entries
            if e.gesture_id in app.library.gesture_by_id
        )
        self.query_one("#spread", LanguageSpread).show(
            counts, empty="Nothing tried in the last 30 days yet. Today's idea is a fine start."
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

    def action_open(self) -> None:
        if gid := self._gesture_id():
            self.mm.open_gesture(gid)
