"""The weekly check-in, one step at a time: appreciations, what went well, what was hard,
one thing each would like next week, one plan (core/checkin.py has the words).

A timer shows how long it has been against the usual 20 minutes; it never stops anything.
Notes are optional and are kept in the journal when you finish (ctrl+s, from any step).
Leaving with notes typed asks first, so nothing is lost by a stray escape."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path
from typing import ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Label, Static, TextArea

from micromance_tui.core.ask import prompts_for_today
from micromance_tui.core.checkin import GUIDE_ID, STEPS, timer_text
from micromance_tui.core.partner_words import PartnerWords
from micromance_tui.tui.app_access import AppAccess
from micromance_tui.tui.dialogs.confirm import ConfirmDialog
from micromance_tui.tui.journal_call import try_journal
from micromance_tui.tui.screens.base import ICON
from micromance_tui.tui.validate import note_problem, show_error


def seconds() -> float:
    """The timer's clock (snapshot tests hold it still)."""
    return time.monotonic()


class CheckInScreen(AppAccess, Screen[None]):
    """The guided weekly check-in, pushed over whatever screen opened it."""

    CSS_PATH = Path(__file__).parent.parent / "styles" / "checkin.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "step(1)", "Next step"),
        Binding("ctrl+b", "step(-1)", "Back"),
        Binding("ctrl+s", "finish", "Finish", tooltip="Finish and keep the notes"),
        Binding("ctrl+g", "guide", "The guide"),
        Binding("escape", "leave", "Leave"),
    ]

    #: the step shown, 0 to len(STEPS) - 1
    step: reactive[int] = reactive(0, init=False)

    def __init__(self) -> None:
        super().__init__()
        self.started_at = seconds()
        self.saved = False

    def compose(self) -> ComposeResult:
        yield Header(icon=ICON)
        with VerticalScroll(id="checkin-body"):
            yield Static("", id="checkin-progress")
            yield Static("", id="checkin-timer", classes="muted")
            settings = self.mm.journal.settings()
            names = {
                "wish-me": f"{settings.my_name or 'You'}: one thing you would like",
                "wish-partner": PartnerWords.of(settings).fill(
                    "{Who}: one thing {they} would like"
                ),
            }
            stuck = self._stuck_questions()
            for index, item in enumerate(STEPS):
                with Vertical(id=f"step-{item.key}", classes="checkin-step"):
                    yield Label(item.title, classes="checkin-title")
                    yield Static(item.guidance, classes="checkin-guidance")
                    if index < len(stuck):
                        yield Static(
                            Content.assemble(("Stuck? Try: ", "italic"), stuck[index]),
                            classes="checkin-stuck muted",
                        )
                    for field in item.fields:
                        yield Label(  # names are the user's own text, never markup
                            Content(names.get(field, "Notes (optional, kept in your journal)")),
                            classes="field-label",
                        )
                        area = TextArea(id=f"note-{field}", classes="checkin-note")
                        area.show_line_numbers = False
                        yield area
                        yield Label("", id=f"error-{field}", classes="field-error")
            with Horizontal(id="checkin-buttons"):
                yield Button("Back (ctrl+b)", id="back", compact=True)
                yield Button("Next (ctrl+n)", id="next", variant="primary", compact=True)
                yield Button("Finish (ctrl+s)", id="finish", compact=True)
                yield Button("The guide (ctrl+g)", id="guide", compact=True)
        yield Footer(compact=True)

    def _stuck_questions(self) -> list[str]:
        """One question from the check-in deck per step, if the deck has any."""
        library = self.mm.library
        order = prompts_for_today(library, [], self.mm.today, "check-in")
        return [p.text for p in order[: len(STEPS)]]

    def on_mount(self) -> None:
        self.title = "Weekly check-in"
        self.sub_title = "about 20 minutes"
        if not self.mm.library.guide_by_id.get(GUIDE_ID):
            self.query_one("#guide", Button).display = False
        self._show_step()
        self._tick()
        self.set_interval(1, self._tick)

    # ------------------------------------------------------------------ steps

    def watch_step(self) -> None:
        self._show_step()

    def _show_step(self) -> None:
        current = STEPS[self.step]
        for index, item in enumerate(STEPS):
            self.query_one(f"#step-{item.key}").display = index == self.step
        self.query_one("#checkin-progress", Static).update(
            Content.assemble(
                (f"Step {self.step + 1} of {len(STEPS)}", "bold"),
                f" · about {current.minutes} minutes",
            )
        )
        last = self.step == len(STEPS) - 1
        # Hidden, not greyed out, where it cannot go: a disabled label reads under 3:1.
        self.query_one("#back", Button).display = self.step != 0
        self.query_one("#next", Button).display = not last
        finish = self.query_one("#finish", Button)
        finish.variant = "primary" if last else "default"
        self.query_one(f"#note-{current.fields[0]}", TextArea).focus()
        self.refresh_bindings()

    def _tick(self) -> None:
        elapsed = seconds() - self.started_at
        self.query_one("#checkin-timer", Static).update(timer_text(elapsed, STEPS[self.step]))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "step":
            target = self.step + cast(int, parameters[0])
            return 0 <= target < len(STEPS)
        if action == "guide":
            return GUIDE_ID in self.mm.library.guide_by_id
        return True

    def action_step(self, delta: int) -> None:
        self.step = min(max(self.step + delta, 0), len(STEPS) - 1)

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "back":
            self.action_step(-1)
        elif event.button.id == "next":
            self.action_step(1)
        elif event.button.id == "finish":
            self.action_finish()
        elif event.button.id == "guide":
            self.action_guide()

    # ------------------------------------------------------------------ notes

    def notes(self) -> dict[str, str]:
        """Every note typed so far, by field; blank ones left out."""
        found: dict[str, str] = {}
        for item in STEPS:
            for field in item.fields:
                text = self.query_one(f"#note-{field}", TextArea).text.strip()
                if text:
                    found[field] = text
        return found

    def _problems(self) -> bool:
        """Show a message under each note the journal would refuse; go to the first."""
        first: int | None = None
        for index, item in enumerate(STEPS):
            for field in item.fields:
                text = self.query_one(f"#note-{field}", TextArea).text
                problem = note_problem(text)
                show_error(self.query_one(f"#error-{field}", Label), problem)
                if problem and first is None:
                    first = index
        if first is not None:
            self.step = first
            return True
        return False

    def action_finish(self) -> None:
        if self._problems():
            return
        started = self.mm.now.timestamp() - (seconds() - self.started_at)
        when = datetime.fromtimestamp(started).isoformat(timespec="seconds")
        notes = self.notes()
        kept = try_journal(
            self.mm, lambda: self.mm.journal.add_checkin(notes, started=when), changed="checkin"
        )
        if kept is None:
            return
        self.saved = True
        self.notify("Check-in kept in your journal. See you next week.", title="Weekly check-in")
        self.dismiss()

    def action_guide(self) -> None:
        self.mm.open_guide(GUIDE_ID)

    def has_unsaved_work(self) -> bool:
        """Notes typed and not kept yet: a screen key does not close the check-in then."""
        return bool(self.notes())

    def action_leave(self) -> None:
        if not self.notes():
            self.dismiss()
            return

        def answer(leave: bool | None) -> None:
            if leave:
                self.dismiss()

        self.app.push_screen(
            ConfirmDialog(
                "Leave the check-in without keeping the notes?",
                "What you typed here is not saved yet; ctrl+s keeps it.",
                yes="Leave",
                no="Stay",
            ),
            answer,
        )
