"""Partner: the two of you (both names, the pronoun the app uses for them, apart mode: all
the first-run welcome asks), the little things worth remembering (coffee order, favourite
snack, sizes, what helps on a bad day) and the dates that matter, with the days until each.

Everything typed is checked where it is typed; nothing invalid is saved, and a name is
saved on enter, when its field is left, or when the screen is left."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import ScreenSuspend
from textual.markup import escape
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from micromance_tui.core.journal import (
    PRONOUNS,
    ImportantDate,
    JournalError,
    LittleThing,
    Partner,
    Settings,
)
from micromance_tui.core.partner_words import PRONOUN_LABELS, PartnerWords
from micromance_tui.tui.dialogs.confirm import ConfirmDialog
from micromance_tui.tui.dialogs.important_date import DateDialog, DateInput
from micromance_tui.tui.dialogs.little_thing import LittleThingDialog, LittleThingInput
from micromance_tui.tui.journal_call import try_journal
from micromance_tui.tui.screens.base import BaseScreen
from micromance_tui.tui.together_view import theirs_dates, theirs_things
from micromance_tui.tui.validate import MAX_NAME, show_error, text_problem
from micromance_tui.tui.widgets.empty_state import EmptyState
from micromance_tui.tui.widgets.field import Field

THINGS, DATES = "things", "dates"
#: the two name fields: field id -> the setting it keeps
NAME_FIELDS = {"my-name": "my_name", "name": "partner_name"}
THINGS_HINT = (
    "The small things worth remembering: {their} coffee order, a favourite snack, sizes, "
    "what helps on a bad day."
)


def name_problem(value: str, what: str = "The name") -> str:
    return text_problem(value, what, limit=MAX_NAME, required=False)


def when_text(days: int | None) -> str:
    if days is None:
        return "passed"
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return f"in {days} days"


def date_line(item: ImportantDate, today: date) -> str:
    """`Birthday · 1 Dec, every year · in 6 days`."""
    day = item.date
    shown = f"{day.day} {day:%b}, every year" if item.yearly else f"{day.day} {day:%b %Y}"
    return f"{item.label} · {shown} · {when_text(item.days_until(today))}"


def sorted_dates(dates: tuple[ImportantDate, ...], today: date) -> list[ImportantDate]:
    """Soonest first; dates that have passed for good last."""

    def key(item: ImportantDate) -> tuple[int, int, str]:
        days = item.days_until(today)
        return (days is None, days or 0, item.label.casefold())

    return sorted(dates, key=key)


class PartnerScreen(BaseScreen):
    MODE = "partner"
    CSS_PATH = Path(__file__).parent.parent / "styles" / "partner.tcss"
    AUTO_FOCUS = "#things"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add"),
        # Not o, which opens on every screen: A, beside a (add to the list with the focus).
        Binding("A", "add_to('dates')", "Add a date", show=False),
        Binding("e", "edit", "Edit"),
        Binding("d,delete", "remove", "Remove"),
        Binding("n", "name", "Name"),
        Binding("y", "my_name", "Your name", show=False),
        Binding("m", "apart", "Apart mode"),
        Binding("escape", "leave_field", "Back to the lists", show=False),
    ]

    def compose_body(self) -> ComposeResult:
        # The pronoun kept, from the start: a Select announces its first value, and the
        # default one would otherwise be saved over the user's choice.
        try:
            pronoun = self.mm.journal.settings().pronoun
        except JournalError:
            pronoun = PRONOUNS[0]
        with Vertical(id="partner-body"):
            # Everything the first-run welcome asks, to change at any time.
            with Vertical(id="you-two", classes="panel") as you_two:
                you_two.border_title = "You two"
                you_two.border_subtitle = "enter saves a name"
                with Horizontal(id="name-row"):
                    yield Label("Your name", id="my-name-label", classes="name-label")
                    yield Field(placeholder="what they call you (y)", id="my-name", compact=True)
                    yield Label("Their name", id="name-label", classes="name-label")
                    yield Field(placeholder="what you call them (n)", id="name", compact=True)
                with Horizontal(id="about-row"):
                    yield Label("Pronoun", classes="name-label")
                    yield Select(
                        [(PRONOUN_LABELS[p], p) for p in PRONOUNS],
                        value=pronoun,
                        allow_blank=False,
                        id="pronoun",
                        compact=True,
                        tooltip="How the app speaks of them: Today, the Journal, this screen",
                    )
                    yield Checkbox(
                        "Apart mode (m)",
                        id="apart",
                        compact=True,
                        tooltip="You live apart: ideas that work at a distance",
                    )
                yield Label("", id="name-error", classes="field-error")
            with Horizontal(id="partner-panels"):
                with Vertical(id="things-box", classes="partner-panel panel") as things:
                    things.border_title = "Little things to remember"
                    yield OptionList(id=THINGS)
                    yield EmptyState(
                        PartnerWords().fill(THINGS_HINT),
                        "Add one",
                        "a",
                        "screen.add_to('things')",
                        title="Nothing kept yet",
                        id="things-empty",
                    )
                    with Horizontal(classes="panel-buttons"):
                        yield Button("Add", id="things-add", compact=True)
                        yield Button("Edit", id="things-edit", compact=True)
                        yield Button("Remove", id="things-remove", compact=True)
                with Vertical(id="dates-box", classes="partner-panel panel") as dates:
                    dates.border_title = "Important dates"
                    yield OptionList(id=DATES)
                    yield EmptyState(
                        "Birthdays, anniversaries, the days that matter; Today shows each one "
                        "two weeks ahead, and ideas for a special day come up on it.",
                        "Add a date",
                        "A",
                        "screen.add_to('dates')",
                        title="No dates yet",
                        id="dates-empty",
                    )
                    with Horizontal(classes="panel-buttons"):
                        yield Button("Add", id="dates-add", compact=True)
                        yield Button("Edit", id="dates-edit", compact=True)
                        yield Button("Remove", id="dates-remove", compact=True)

    def on_mount(self) -> None:
        self.partner = Partner(name="")
        self._panel = THINGS
        self._select_after: tuple[str, str] | None = None  # (list, id) after the next refresh
        for button in self.query(".panel-buttons Button"):
            button.can_focus = False
        self.query_one("#apart", Checkbox).can_focus = False
        self.mm.together_changed.subscribe(self, lambda _what: self.refresh_data())
        self.refresh_data()

    # ------------------------------------------------------------------ data

    def refresh_data(self) -> None:
        partner = try_journal(self.mm, self.mm.journal.partner, title="Could not read the journal")
        if partner is None:
            return
        self.partner = partner
        settings = self.mm.journal.settings()
        for field_id, setting in NAME_FIELDS.items():
            field = self.query_one(f"#{field_id}", Input)
            kept = getattr(settings, setting)
            if not (field.has_focus and field.value != kept):
                field.value = kept
        self._reword(PartnerWords.of(settings))
        self._fill_things()
        self._fill_dates()
        apart = self.query_one("#apart", Checkbox)
        with apart.prevent(Checkbox.Changed):
            apart.value = settings.apart
        pronoun = self.query_one("#pronoun", Select)
        with pronoun.prevent(Select.Changed):
            pronoun.value = settings.pronoun
        if self._select_after is not None:
            panel, item_id = self._select_after
            self._select_after = None
            self._highlight(panel, item_id)

    def _reword(self, words: PartnerWords) -> None:
        """Say "her name", "what you call him"... in the pronoun chosen for them."""
        self.query_one("#name-label", Label).update(words.fill("{Their} name"))
        self.query_one("#name", Field).set_placeholder(words.fill("what you call {them} (n)"))
        self.query_one("#my-name", Field).set_placeholder(words.fill("what {they} call{s} you (y)"))
        empty = self.query_one("#things-empty", EmptyState)
        empty.change(
            words.fill(THINGS_HINT), empty.label, empty.key, empty.action, title="Nothing kept yet"
        )

    def _fill(self, list_id: str, options: list[Option]) -> None:
        listing = self.query_one(f"#{list_id}", OptionList)
        old = listing.highlighted
        old_id = listing.get_option_at_index(old).id if old is not None else None
        listing.clear_options()
        listing.set_class(not options, "is-empty")
        self.query_one(f"#{list_id}-empty", EmptyState).display = not options
        self.query_one(f"#{list_id}-box .panel-buttons").display = bool(options)
        if not options:
            return  # the list's EmptyState says what it is for and offers its key
        listing.add_options(options)
        ids = [option.id for option in options]
        listing.highlighted = ids.index(old_id) if old_id in ids else min(old or 0, len(ids) - 1)

    def _fill_things(self) -> None:
        self._fill(
            THINGS,
            [
                Option(f"[b]{escape(t.label)}[/b]: {escape(t.text)}", t.id)
                for t in self.partner.little_things
            ]
            + theirs_things(self.mm),
        )

    def _fill_dates(self) -> None:
        today = self.mm.today
        self._fill(
            DATES,
            [
                Option(escape(date_line(item, today)), item.id)
                for item in sorted_dates(self.partner.dates, today)
            ]
            + theirs_dates(self.mm, today, date_line),
        )

    def _changed(self, message: str) -> None:
        self.notify(message, title="Saved")

    def _selected_id(self, panel: str) -> str | None:
        listing = self.query_one(f"#{panel}", OptionList)
        if listing.highlighted is None:
            return None
        return listing.get_option_at_index(listing.highlighted).id

    # ------------------------------------------------------------------ apart mode

    @on(Checkbox.Changed, "#apart")
    def _apart_clicked(self, event: Checkbox.Changed) -> None:
        if event.value != self.mm.journal.settings().apart:
            self.mm.toggle_apart()

    @on(Select.Changed, "#pronoun")
    def _pronoun_chosen(self, event: Select.Changed) -> None:
        """The pronoun the app uses for them (set first by the welcome), kept at once."""
        if not isinstance(event.value, str):
            return
        pronoun = event.value

        def keep() -> Settings | None:
            if pronoun == self.mm.journal.settings().pronoun:
                return None
            return self.mm.journal.update_settings(pronoun=pronoun)

        settings = try_journal(self.mm, keep)
        if isinstance(settings, Settings):
            self._reword(PartnerWords.of(settings))
            self.mm.journal_changed.publish("settings")

    def action_apart(self) -> None:
        self.mm.toggle_apart()

    # ------------------------------------------------------------------ the name

    def _name_label(self, field_id: str) -> str:
        return str(self.query_one(f"#{field_id}-label", Label).render())

    def _save_name(self, field_id: str = "name", *, quiet: bool = False) -> bool:
        """Keep what the name field holds: the partner's (``name``) or one's own."""
        field = self.query_one(f"#{field_id}", Input)
        what = self._name_label(field_id)
        problem = name_problem(field.value, what)
        show_error(self.query_one("#name-error", Label), problem)
        if problem:
            return False
        name = field.value.strip()
        setting = NAME_FIELDS[field_id]

        def keep() -> bool:
            if name == getattr(self.mm.journal.settings(), setting):
                return False
            if field_id == "name":
                self.mm.journal.set_partner_name(name)
            else:
                self.mm.journal.update_settings(my_name=name)
            return True

        saved = try_journal(self.mm, keep)
        if saved is False:
            return True
        if saved is None:
            return False
        self.mm.journal_changed.publish("partner")
        if field_id == "name":
            self.partner = Partner(name, self.partner.little_things, self.partner.dates)
        if not quiet:
            self._changed(f"{what}: {name}" if name else f"{what} is cleared.")
        return True

    @on(Input.Changed, "#name, #my-name")
    def _name_typed(self, event: Input.Changed) -> None:
        what = self._name_label(event.input.id or "name")
        show_error(self.query_one("#name-error", Label), name_problem(event.value, what))

    @on(Input.Submitted, "#name, #my-name")
    def _name_submitted(self, event: Input.Submitted) -> None:
        if self._save_name(event.input.id or "name"):
            self.query_one(f"#{self._panel}", OptionList).focus()

    @on(Input.Blurred, "#name, #my-name")
    def _name_left(self, event: Input.Blurred) -> None:
        self._save_name(event.input.id or "name")

    def on_screen_suspend(self, event: ScreenSuspend) -> None:
        for field_id in NAME_FIELDS:
            self._save_name(field_id, quiet=True)

    def action_name(self) -> None:
        self.query_one("#name", Input).focus()

    def action_my_name(self) -> None:
        self.query_one("#my-name", Input).focus()

    def action_leave_field(self) -> None:
        if isinstance(self.focused, Input):
            self.query_one(f"#{self._panel}", OptionList).focus()

    # ------------------------------------------------------------------ lists

    def on_descendant_focus(self, event: object) -> None:
        focused = self.focused
        if isinstance(focused, OptionList) and focused.id in (THINGS, DATES):
            self._panel = focused.id

    @on(OptionList.OptionSelected)
    def _option_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id in (THINGS, DATES):
            self._panel = event.option_list.id or THINGS
            self.action_edit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        button_id = event.button.id or ""
        panel, _, what = button_id.partition("-")
        if panel not in (THINGS, DATES):
            return
        self._panel = panel
        {"add": self.action_add, "edit": self.action_edit, "remove": self.action_remove}[what]()

    def action_add_to(self, panel: str) -> None:
        """From a list's empty state: add to that list."""
        self._panel = panel
        self.query_one(f"#{panel}", OptionList).focus()
        self.action_add()

    def action_add(self) -> None:
        if self._panel == DATES:
            self._edit_date(None)
        else:
            self._edit_thing(None)

    def action_edit(self) -> None:
        item_id = self._selected_id(self._panel)
        if item_id is None:
            self.action_add()
        elif self._panel == DATES:
            self._edit_date(next((d for d in self.partner.dates if d.id == item_id), None))
        else:
            self._edit_thing(next((t for t in self.partner.little_things if t.id == item_id), None))

    def _edit_thing(self, thing: LittleThing | None) -> None:
        def done(result: LittleThingInput | None) -> None:
            if result is None:
                return
            journal = self.mm.journal

            def save() -> LittleThing:
                if thing is None:
                    saved = journal.add_little_thing(result.label, result.text)
                else:
                    saved = journal.edit_little_thing(thing.id, result.label, result.text)
                self._select_after = (THINGS, saved.id)  # for the refresh the signal brings
                return saved

            saved = try_journal(self.mm, save, changed="partner")
            if saved is not None:
                self._changed(f"{saved.label}: {saved.text}")

        dialog = (
            LittleThingDialog(title="A little thing to remember")
            if thing is None
            else LittleThingDialog(thing.label, thing.text, title="Edit a little thing")
        )
        self.app.push_screen(dialog, done)

    def _edit_date(self, item: ImportantDate | None) -> None:
        def done(result: DateInput | None) -> None:
            if result is None:
                return
            journal = self.mm.journal

            def save() -> ImportantDate:
                if item is None:
                    saved = journal.add_date(result.kind, result.label, result.day, result.yearly)
                else:
                    saved = journal.edit_date(
                        item.id,
                        kind=result.kind,
                        label=result.label,
                        date=result.day,
                        yearly=result.yearly,
                    )
                self._select_after = (DATES, saved.id)  # for the refresh the signal brings
                return saved

            saved = try_journal(self.mm, save, changed="partner")
            if saved is not None:
                self._changed(date_line(saved, self.mm.today))

        dialog = (
            DateDialog(title="An important date")
            if item is None
            else DateDialog(
                kind=item.kind,
                label=item.label,
                day=item.date,
                yearly=item.yearly,
                title="Edit an important date",
            )
        )
        self.app.push_screen(dialog, done)

    def _highlight(self, panel: str, item_id: str) -> None:
        listing = self.query_one(f"#{panel}", OptionList)
        for index in range(listing.option_count):
            if listing.get_option_at_index(index).id == item_id:
                listing.highlighted = index
                break
        listing.focus()

    def action_remove(self) -> None:
        panel = self._panel
        item_id = self._selected_id(panel)
        if item_id is None:
            return
        if panel == DATES:
            item = next((d for d in self.partner.dates if d.id == item_id), None)
            what = f"{item.label} ({item.date.isoformat()})" if item else ""
        else:
            thing = next((t for t in self.partner.little_things if t.id == item_id), None)
            what = f"{thing.label}: {thing.text}" if thing else ""
        if not what:
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            journal = self.mm.journal
            remove = journal.remove_date if panel == DATES else journal.remove_little_thing
            removed = try_journal(
                self.mm, lambda: remove(item_id), changed="partner", title="Not removed"
            )
            if removed is not None:
                self.notify(f"Removed: {what}")

        question = "Remove this date?" if panel == DATES else "Remove this little thing?"
        self.app.push_screen(ConfirmDialog(question, what, yes="Remove", no="Keep"), answered)
