"""The first-run welcome: four short steps, each skippable, shown once (a journal's
``welcomed`` setting records that it was done or skipped). It asks for both names, the
pronoun for the partner, whether you live apart, and where to go next. Everything it asks
can be changed later on the Partner screen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import Button, ContentSwitcher, Input, Label, RadioButton, RadioSet, Static

from micromance_tui.core.journal import PRONOUNS
from micromance_tui.core.partner_words import PRONOUN_LABELS
from micromance_tui.tui.validate import MAX_NAME, show_error, text_problem
from micromance_tui.tui.widgets.field import Field

STEPS = ("names", "pronoun", "apart", "next")
#: where the last step can send you: (mode, label)
NEXT_PLACES = (
    ("today", "See today's idea"),
    ("quiz", "Take the love-languages quiz (both of you can)"),
    ("browse", "Browse the ideas"),
)


@dataclass
class Welcome:
    """What the welcome gathered. A step skipped leaves its field None (nothing changes)."""

    my_name: str | None = None
    partner_name: str | None = None
    pronoun: str | None = None
    apart: bool | None = None
    go_to: str = "today"


class WelcomeDialog(ModalScreen[Welcome]):
    """Dismisses with a :class:`Welcome`, whether finished or skipped (esc skips the rest)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "skip_all", "Skip the welcome"),
        Binding("ctrl+n", "skip", "Skip this step"),
    ]

    step: reactive[int] = reactive(0, init=False)

    def __init__(self, names: tuple[str, str] = ("", "")) -> None:
        """``names``: yours and your partner's where already known (a pairing made in the
        shell before the app was first opened), put in the fields to keep or change."""
        super().__init__()
        self.result = Welcome()
        self.known_names = names

    def compose(self) -> ComposeResult:
        with Vertical(id="welcome-dialog", classes="dialog"):
            yield Label("Welcome to micromance", classes="dialog-title")
            yield Static(
                "Small, steady acts of care, one idea a day. Four quick questions, each "
                "one skippable; change any answer later on the Partner screen (p).",
                classes="dialog-subtitle",
            )
            yield Label("", id="welcome-step", classes="muted")
            with ContentSwitcher(initial="names", id="welcome-steps"):
                with Vertical(id="names", classes="welcome-step"):
                    yield Label("Your name", classes="field-label")
                    yield Field(placeholder="for example Alex", id="my-name", compact=True)
                    yield Label("", id="my-name-error", classes="field-error")
                    yield Label("Your partner's name", classes="field-label")
                    yield Field(placeholder="for example Sam", id="partner-name", compact=True)
                    yield Label("", id="partner-name-error", classes="field-error")
                with Vertical(id="pronoun", classes="welcome-step"):
                    yield Label(
                        "How should the app refer to them? (they, unless you choose)",
                        classes="field-label",
                    )
                    with RadioSet(id="pronoun-set", compact=True):
                        for pronoun in PRONOUNS:
                            yield RadioButton(PRONOUN_LABELS[pronoun], id=pronoun)
                with Vertical(id="apart", classes="welcome-step"):
                    yield Label("Do you live apart?", classes="field-label")
                    yield Static(
                        "Apart mode picks ideas that work at a distance: messages, calls, "
                        "post. Turn it on or off any time with a on Today.",
                        classes="muted",
                    )
                    with RadioSet(id="apart-set", compact=True):
                        yield RadioButton("We live together", id="together")
                        yield RadioButton("We live apart", id="apart-yes")
                with Vertical(id="next", classes="welcome-step"):
                    yield Label("Where to next?", classes="field-label")
                    with RadioSet(id="next-set", compact=True):
                        for mode, label in NEXT_PLACES:
                            yield RadioButton(label, id=f"go-{mode}")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Next (enter)", variant="primary", id="next-step", compact=True)
                yield Button("Skip this step (ctrl+n)", id="skip", compact=True)
                yield Button("Skip all (esc)", id="skip-all", compact=True)

    def on_mount(self) -> None:
        self.query_one("#my-name", Input).value, self.query_one("#partner-name", Input).value = (
            self.known_names
        )
        self._show_step()

    def watch_step(self) -> None:
        self._show_step()

    def _show_step(self) -> None:
        """Show the current step and focus its first field or choice (↑↓ and enter pick)."""
        name = STEPS[self.step]
        self.query_one("#welcome-steps", ContentSwitcher).current = name
        self.query_one("#welcome-step", Label).update(f"Step {self.step + 1} of {len(STEPS)}")
        last = self.step == len(STEPS) - 1
        self.query_one("#next-step", Button).label = "Go (enter)" if last else "Next (enter)"
        focus = {
            "names": "#my-name",
            "pronoun": "#pronoun-set",
            "apart": "#apart-set",
            "next": "#next-set",
        }
        self.query_one(focus[name]).focus()

    # ------------------------------------------------------------------ reading steps

    def _names(self) -> tuple[str, str] | None:
        """Both names, or None when one has a problem (shown under its field)."""
        mine = self.query_one("#my-name", Input).value
        theirs = self.query_one("#partner-name", Input).value
        mine_msg = text_problem(mine, "Your name", limit=MAX_NAME, required=False)
        theirs_msg = text_problem(theirs, "Your partner's name", limit=MAX_NAME, required=False)
        show_error(self.query_one("#my-name-error", Label), mine_msg)
        show_error(self.query_one("#partner-name-error", Label), theirs_msg)
        if mine_msg or theirs_msg:
            self.query_one("#my-name" if mine_msg else "#partner-name", Input).focus()
            return None
        return mine.strip(), theirs.strip()

    def _chosen(self, radio_set: str) -> str | None:
        button = self.query_one(f"#{radio_set}", RadioSet).pressed_button
        return button.id if button is not None else None

    def _keep_step(self) -> bool:
        """Take the current step's answer into the result; False when it has a problem."""
        name = STEPS[self.step]
        if name == "names":
            names = self._names()
            if names is None:
                return False
            mine, theirs = names
            self.result.my_name = mine or None
            self.result.partner_name = theirs or None
        elif name == "pronoun":
            self.result.pronoun = self._chosen("pronoun-set") or PRONOUNS[0]
        elif name == "apart":
            self.result.apart = self._chosen("apart-set") == "apart-yes"
        else:
            chosen = self._chosen("next-set") or "go-today"
            self.result.go_to = chosen.removeprefix("go-")
        return True

    # ------------------------------------------------------------------ moving on

    @on(Button.Pressed, "#next-step")
    def action_next(self) -> None:
        if self._keep_step():
            self._advance()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "my-name":
            self.query_one("#partner-name", Input).focus()
        else:
            self.action_next()

    @on(RadioSet.Changed)
    def _chose(self, event: RadioSet.Changed) -> None:
        """A choice (enter or space on one, or a click) is the step's answer: move on."""
        event.stop()
        if event.radio_set.id == f"{STEPS[self.step]}-set":
            self.action_next()

    @on(Button.Pressed, "#skip")
    def action_skip(self) -> None:
        self._advance()

    def _advance(self) -> None:
        if self.step + 1 < len(STEPS):
            self.step += 1
        else:
            self.dismiss(self.result)

    @on(Button.Pressed, "#skip-all")
    def action_skip_all(self) -> None:
        self.dismiss(self.result)
