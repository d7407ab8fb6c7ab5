"""Journal: every idea tried (filter, search, edit, delete with undo, export), the rhythm of
the last weeks, and the balance across the five languages.

The entries are shown in a virtual list (only the rows on screen are rendered), so a
journal of 20,000 entries opens about as fast as one of 100. Rhythm and Balance are worked
out only when their tab is shown."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import ScreenResume, ScreenSuspend
from textual.markup import escape
from textual.widgets import (
    Button,
    Input,
    Label,
    OptionList,
    Select,
    Static,
    TabbedContent,
    TabPane,
)
from textual.widgets.option_list import Option

from micromance_tui.core.daily import partner_scores
from micromance_tui.core.journal import REACTIONS, JournalError, TriedEntry
from micromance_tui.core.journal.transfer import (
    entry_row,
    export_text,
    rows_to_csv,
    write_text_atomic,
)
from micromance_tui.core.models import LANGUAGE_IDS, LANGUAGE_NAMES, Gesture
from micromance_tui.core.partner_words import PartnerWords
from micromance_tui.core.plural import plural
from micromance_tui.core.record import record
from micromance_tui.core.rhythm import (
    LANGUAGE_SHORT,
    calendar,
    calendar_total,
    day_counts,
    language_spread,
    repeat_text,
    week_run,
    week_run_text,
    worth_repeating,
)
from micromance_tui.tui.dialogs.confirm import ConfirmDialog
from micromance_tui.tui.dialogs.export import ExportDialog, ExportRequest
from micromance_tui.tui.dialogs.tried import TriedDialog, TriedInput
from micromance_tui.tui.journal_call import try_journal
from micromance_tui.tui.screens.base import BaseScreen
from micromance_tui.tui.validate import day_problem, show_error
from micromance_tui.tui.widgets.empty_state import EmptyState
from micromance_tui.tui.widgets.entry_list import EntryList
from micromance_tui.tui.widgets.field import Field
from micromance_tui.tui.widgets.profile_bars import ProfileBars
from micromance_tui.tui.widgets.rhythm import LanguageSpread
from micromance_tui.tui.widgets.rhythm_calendar import RhythmCalendar

NOT_NOTED = "none"
LANDED_WELL = "4+"
REACTION_CHOICES: list[tuple[str, str]] = [
    *[(f"{n} {label}", str(n)) for n, label in sorted(REACTIONS.items(), reverse=True)],
    ("4-5 landed well", LANDED_WELL),
    ("not noted", NOT_NOTED),
]
TABS = ("tab-entries", "tab-rhythm", "tab-balance")


@record
class EntryFilter:
    """What the Entries tab shows; empty fields mean "any"."""

    text: str = ""
    language: str = ""
    reaction: str = ""
    since: date | None = None
    until: date | None = None

    @property
    def active(self) -> bool:
        return bool(self.text or self.language or self.reaction or self.since or self.until)


ENTRIES_TITLE = "Every idea tried, newest first"


def filter_entries(
    entries: Sequence[TriedEntry],
    wanted: EntryFilter,
    titles: dict[str, str],
    languages: dict[str, str],
    theirs: Mapping[str, int] | None = None,
) -> Sequence[TriedEntry]:
    """The entries that match every part of ``wanted``; ``text`` is searched, ignoring
    case, in the note, where it happened and the idea's title. How an entry landed is the
    partner's own answer where they gave one (``theirs``: entry id -> reaction, Together),
    else the doer's guess, as the list shows it."""
    said = theirs or {}
    if not wanted.active:
        return entries
    needle = wanted.text.strip().casefold()
    reaction = wanted.reaction
    result: list[TriedEntry] = []
    for entry in entries:
        landed = said.get(entry.id, entry.reaction)
        if wanted.since is not None and entry.date < wanted.since:
            continue
        if wanted.until is not None and entry.date > wanted.until:
            continue
        if wanted.language and languages.get(entry.gesture_id) != wanted.language:
            continue
        if reaction:
            if reaction == NOT_NOTED:
                if landed is not None:
                    continue
            elif reaction == LANDED_WELL:
                if landed is None or landed < 4:
                    continue
            elif str(landed) != reaction:
                continue
        if needle and (
            needle not in entry.note.casefold()
            and needle not in entry.where.casefold()
            and needle not in titles.get(entry.gesture_id, entry.gesture_id).casefold()
        ):
            continue
        result.append(entry)
    return result


def _stub_gesture(gesture_id: str) -> Gesture:
    """For entries whose idea is no longer in the library."""
    return Gesture(
        id=gesture_id,
        title=f"(unknown idea {gesture_id})",
        summary="",
        how="",
        why="",
        languages=("",),
        effort="",
        cost="",
    )


class JournalScreen(BaseScreen):
    MODE = "journal"
    CSS_PATH = Path(__file__).parent.parent / "styles" / "journal.tcss"
    AUTO_FOCUS = "#entries"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit", "Edit"),
        Binding("d,delete", "delete", "Delete"),
        Binding("u", "undo", "Undo"),
        Binding("x", "export", "Export"),
        Binding("slash", "search", "Search"),
        Binding("o", "open", "Open idea"),
        Binding("1", "tab('tab-entries')", "Entries", show=False),
        Binding("2", "tab('tab-rhythm')", "Rhythm", show=False),
        Binding("3", "tab('tab-balance')", "Balance", show=False),
        Binding("escape", "leave_field", "Back to the list", show=False),
    ]

    def compose_body(self) -> ComposeResult:
        with TabbedContent(id="journal-tabs"):
            with TabPane("1 Entries", id="tab-entries"):
                yield EmptyState(
                    "Every idea you mark as done lands here: the day, your note and how it "
                    "went, searchable. Today's idea is a good first one.",
                    "See today's idea",
                    "t",
                    "app.show('today')",
                    title="No entries yet",
                    id="entries-empty",
                )
                with Vertical(id="entries-find", classes="panel") as find:
                    find.border_title = "Find entries"
                    yield from self._filter_rows()
                with Vertical(id="entries-box", classes="panel") as box:
                    box.border_title = ENTRIES_TITLE
                    yield EntryList(self._describe, id="entries")
            with TabPane("2 Rhythm", id="tab-rhythm"):
                yield EmptyState(
                    "Your rhythm: a 12-week calendar of the days you tried something, your "
                    "run of weeks, and the ideas worth repeating. It starts with one idea.",
                    "See today's idea",
                    "t",
                    "app.show('today')",
                    title="No rhythm yet",
                    id="rhythm-empty",
                )
                yield from self._rhythm_body()
            with TabPane("3 Balance", id="tab-balance"):
                yield EmptyState(
                    "How your last 30 and 90 days spread across the five love languages, "
                    "next to your partner's profile from the quiz.",
                    "Take the quiz",
                    "q",
                    "app.show('quiz')",
                    title="No balance yet",
                    id="balance-empty",
                )
                yield from self._balance_body()

    def _filter_rows(self) -> ComposeResult:
        with Horizontal(id="filter-row-1", classes="filter-row"):
            yield Field(placeholder="/ notes, places, ideas", id="search", compact=True)
            yield Select(
                [(LANGUAGE_NAMES[lid], lid) for lid in LANGUAGE_IDS],
                prompt="any language",
                id="language",
                compact=True,
            )
            yield Select(REACTION_CHOICES, prompt="any reaction", id="reaction", compact=True)
        with Horizontal(id="filter-row-2", classes="filter-row"):
            yield Label("From", classes="filter-label")
            yield Field(placeholder="YYYY-MM-DD", id="since", compact=True)
            yield Label("to", classes="filter-label")
            yield Field(placeholder="YYYY-MM-DD", id="until", compact=True)
            yield Button("Clear", id="clear", compact=True)
            yield Static("", id="count")
        yield Label("", id="filter-error", classes="field-error")

    def _rhythm_body(self) -> ComposeResult:
        with Horizontal(id="rhythm-body"):
            with Vertical(id="calendar-box", classes="panel") as calendar:
                calendar.border_title = "The last 12 weeks"
                yield RhythmCalendar(id="calendar")
                yield Static("", id="calendar-total", classes="muted")
            with Vertical(id="rhythm-side"):
                with Vertical(id="week-box", classes="panel") as weeks:
                    weeks.border_title = "Weeks, not days"
                    yield Static("", id="week-run")
                    yield Static(
                        "A week counts with one idea tried, on any day.",
                        id="week-run-note",
                        classes="muted",
                    )
                with Vertical(id="repeat-box", classes="panel") as repeat:
                    repeat.border_title = "Worth repeating"
                    yield OptionList(id="repeat")

    def _balance_body(self) -> ComposeResult:
        with VerticalScroll(id="balance-body"):
            with Horizontal(id="balance-row"):
                with Vertical(id="spreads", classes="panel") as spreads:
                    spreads.border_title = "Across the five languages"
                    yield Label("The last 30 days", classes="section-title")
                    yield LanguageSpread(id="spread-30")
                    yield Label("The last 90 days", classes="section-title")
                    yield LanguageSpread(id="spread-90")
                with Vertical(id="profile-box", classes="panel") as profile:
                    profile.border_title = "Your partner's profile"
                    yield ProfileBars(id="profile")
            yield Static(
                "What you have been doing, not a score: most people value all five.",
                id="balance-note",
                classes="muted",
            )

    # ------------------------------------------------------------------ data

    def on_mount(self) -> None:
        self._all: list[TriedEntry] = []
        self._filter = EntryFilter()
        self._deleted: list[TriedEntry] = []
        self._keep_next: str | None = None  # the entry to put the cursor on after a refresh
        self._stale = {"tab-rhythm", "tab-balance"}
        self._export_path = f"~/micromance-{self.mm.today.isoformat()}.json"
        library = self.mm.library
        self._titles = {g.id: g.title for g in library.gestures}
        self._languages = {g.id: g.language for g in library.gestures}
        self._theirs: dict[str, int] = {}  # Together: entry id -> the partner's own answer
        self._read_theirs()
        self.rendered_once = False
        self._dirty = False
        self._reload()
        self.call_after_refresh(self._rendered)
        self.mm.together_changed.subscribe(self, lambda _what: self._together_changed())

    def _together_changed(self) -> None:
        """The partner's reactions may have changed how entries landed and what is worth
        repeating."""
        self._stale.add("tab-rhythm")
        if self._read_theirs():
            if self.is_current:
                self._apply_filter()
            else:
                self._dirty = True  # filtered again when the screen comes back
        if self.is_current:
            self._refresh_tab(self._active_tab())

    def _read_theirs(self) -> bool:
        """Take the partner's own reactions (Together); True when they changed. The list's
        title says what the heart before a reaction means."""
        session = self.mm.together
        theirs = session.reactions_to_me() if session is not None else {}
        if theirs == self._theirs:
            return False
        self._theirs = theirs
        box = self.query_one("#entries-box")
        box.border_title = (  # a Text: the partner's name is never markup
            Text(f"{ENTRIES_TITLE}  ♥ = {session.partner_name}'s own answer")
            if theirs and session is not None
            else ENTRIES_TITLE
        )
        return True

    def _rendered(self) -> None:
        self.rendered_once = True

    def _describe(self, entry: TriedEntry) -> tuple[str, str, str]:
        gid = entry.gesture_id
        said = self._theirs.get(entry.id)
        landed = f"♥{REACTIONS[said]}" if said in REACTIONS else entry.reaction_text
        title = self._titles.get(gid)
        if title is None:
            return f"(unknown idea {gid})", "", landed
        return title, LANGUAGE_SHORT.get(self._languages.get(gid, ""), ""), landed

    def refresh_data(self) -> None:
        # A journal of 20,000 entries takes a moment to re-read: while another screen is
        # shown, only note that it changed, and re-read when this screen comes back.
        if not self.is_current:
            self._dirty = True
            return
        self._reload()

    def on_screen_resume(self, event: ScreenResume) -> None:
        if self._dirty:
            self._reload()

    def _reload(self) -> None:
        self._dirty = False
        entries = try_journal(self.mm, self.mm.journal.tried, title="Could not read the journal")
        if entries is None:
            return
        self._all = entries
        keep, self._keep_next = self._keep_next, None
        self._apply_filter(keep=keep)
        self._stale = {"tab-rhythm", "tab-balance"}
        self._refresh_tab(self._active_tab())

    def _apply_filter(self, keep: str | None = None) -> None:
        listing = self.query_one("#entries", EntryList)
        if keep is None and listing.current is not None:
            keep = listing.current.id
        shown = filter_entries(self._all, self._filter, self._titles, self._languages, self._theirs)
        if not self._all:
            empty = "Nothing logged yet. Mark an idea as tried on Today (t) or Browse (b)."
        else:
            empty = "No entries match these filters. Clear them with the Clear button."
        listing.set_entries(shown, keep=keep, empty=empty)
        for empty_id in ("#entries-empty", "#rhythm-empty", "#balance-empty"):
            self.query_one(empty_id, EmptyState).display = not self._all
        total = len(self._all)
        count = (
            f"{len(shown):,} of {total:,}"
            if self._filter.active
            else plural(total, "entry", "entries")
        )
        self.query_one("#count", Static).update(count)

    def _active_tab(self) -> str:
        return self.query_one("#journal-tabs", TabbedContent).active or "tab-entries"

    def _refresh_tab(self, tab: str) -> None:
        if tab not in self._stale:
            return
        self._stale.discard(tab)
        if tab == "tab-rhythm":
            self._show_rhythm()
        elif tab == "tab-balance":
            self._show_balance()

    def _show_rhythm(self) -> None:
        today = self.mm.today
        rows = calendar(day_counts(e.date for e in self._all), today)
        self.query_one("#calendar", RhythmCalendar).show(rows, today)
        total = calendar_total(rows)
        self.query_one("#calendar-total", Static).update(
            f"{plural(total, 'idea')} tried in these 12 weeks."
        )
        run = week_run((e.date for e in self._all), today)
        self.query_one("#week-run", Static).update(week_run_text(run))
        # Together: the partner's own reactions, where they gave one, over the doer's guess
        session = self.mm.together
        theirs = session.reactions_to_me() if session is not None else {}
        partner = session.partner_name if session is not None else ""
        ideas = worth_repeating(self._all, today, known=self._titles.keys(), theirs=theirs)
        options = self.query_one("#repeat", OptionList)
        options.clear_options()
        for idea in ideas[:50]:
            title = escape(self._titles[idea.gesture_id])
            when = escape(repeat_text(idea, partner))
            options.add_option(Option(f"{title}\n[$text-muted]{when}[/]", idea.gesture_id))
        if ideas:
            options.highlighted = 0
        if not ideas:
            options.add_option(
                Option(
                    "Ideas that landed well (4 or 5) and have not been tried for 60 days "
                    "show up here.",
                    disabled=True,
                )
            )

    def _show_balance(self) -> None:
        today = self.mm.today
        for days, widget_id in ((30, "#spread-30"), (90, "#spread-90")):
            counts = language_spread(self._all, self._languages, today - timedelta(days=days - 1))
            self.query_one(widget_id, LanguageSpread).show(
                counts, empty=f"Nothing tried in the last {days} days."
            )
        read = try_journal(
            self.mm,
            lambda: (
                self.mm.journal.latest_quiz_result("partner"),
                partner_scores(self.mm.journal),
            ),
            title="Journal",
        )
        if read is None:
            return
        result, (scores, _) = read
        words = PartnerWords.read(self.mm.journal)
        self.query_one("#profile-box").border_title = words.fill("{Whose} profile")
        self.query_one("#profile", ProfileBars).show(
            result if scores else None,
            empty=words.fill("No profile yet. Take the quiz for {who} (q), or together."),
        )

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id:
            self._refresh_tab(event.pane.id)
        self.refresh_bindings()

    def on_screen_suspend(self, event: ScreenSuspend) -> None:
        # Undo lasts until the screen is left (dialogs and an opened idea do not count).
        if self.app.current_mode != self.MODE:
            self._deleted.clear()

    def select_item(self, item: str) -> None:
        """Put the cursor on an entry (``entry:<id>``)."""
        entry_id = item.removeprefix("entry:")
        self.action_tab("tab-entries")
        self._apply_filter(keep=entry_id)

    # ------------------------------------------------------------------ filters

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self._set_filter(text=event.value)

    @on(Select.Changed, "#language")
    def _language_changed(self, event: Select.Changed) -> None:
        self._set_filter(language=event.value if isinstance(event.value, str) else "")

    @on(Select.Changed, "#reaction")
    def _reaction_changed(self, event: Select.Changed) -> None:
        self._set_filter(reaction=event.value if isinstance(event.value, str) else "")

    @on(Input.Changed, "#since")
    @on(Input.Changed, "#until")
    def _range_changed(self) -> None:
        since_text = self.query_one("#since", Input).value
        until_text = self.query_one("#until", Input).value
        since_msg = day_problem(since_text, required=False)
        until_msg = day_problem(until_text, required=False)
        since = (
            date.fromisoformat(since_text.strip()) if since_text.strip() and not since_msg else None
        )
        until = (
            date.fromisoformat(until_text.strip()) if until_text.strip() and not until_msg else None
        )
        message = ""
        if since_msg:
            message = f"From: {since_msg}"
        elif until_msg:
            message = f"To: {until_msg}"
        elif since and until and since > until:
            message = "From: the first day is after the last day; swap them."
            since = until = None
        show_error(self.query_one("#filter-error", Label), message)
        self.query_one("#since", Input).set_class(bool(since_msg), "-invalid")
        self.query_one("#until", Input).set_class(bool(until_msg), "-invalid")
        self._set_filter(since=since, until=until)

    def _set_filter(self, **changes: Any) -> None:
        new = replace(self._filter, **changes)
        if new != self._filter:
            self._filter = new
            self._apply_filter()

    @on(Button.Pressed, "#clear")
    def clear_filters(self) -> None:
        for field_id in ("#search", "#since", "#until"):
            self.query_one(field_id, Input).value = ""
        for select_id in ("#language", "#reaction"):
            self.query_one(select_id, Select).clear()
        self._filter = EntryFilter()
        self._apply_filter()

    def action_search(self) -> None:
        self.action_tab("tab-entries")
        self.query_one("#search", Input).focus()

    @on(Input.Submitted)
    def action_leave_field(self) -> None:
        if self._active_tab() == "tab-entries":
            self.query_one("#entries", EntryList).focus()

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Edit and delete act on the entry list: not offered on the other tabs.
        return action not in ("edit", "delete") or self._active_tab() == "tab-entries"

    def action_tab(self, tab: str) -> None:
        tabs = self.query_one("#journal-tabs", TabbedContent)
        tabs.active = tab
        if tab == "tab-entries":
            self.query_one("#entries", EntryList).focus()
        elif tab == "tab-rhythm":
            self.query_one("#repeat", OptionList).focus()

    def _current(self) -> TriedEntry | None:
        if self._active_tab() != "tab-entries":
            return None
        return self.query_one("#entries", EntryList).current

    @on(EntryList.Selected)
    def _selected(self, event: EntryList.Selected) -> None:
        """Enter shows the whole entry, note and all; `e` there (or here) edits it."""
        from micromance_tui.tui.dialogs.entry_view import EntryChoice, EntryViewDialog

        entry = event.entry
        title = self._describe(entry)[0]

        def chosen(choice: EntryChoice | None) -> None:
            if choice == "edit":
                self.action_edit()

        session = self.mm.together  # Together: how it landed, said by the partner
        said = session.reactions_to_me().get(entry.id) if session is not None else None
        theirs = (session.partner_name, said) if session is not None and said else None
        self.app.push_screen(EntryViewDialog(entry, title, theirs=theirs), chosen)

    def action_edit(self) -> None:
        entry = self._current()
        if entry is None:
            return
        gesture = self.mm.library.gesture_by_id.get(entry.gesture_id) or _stub_gesture(
            entry.gesture_id
        )

        def done(result: TriedInput | None) -> None:
            if result is None:
                return
            saved = try_journal(
                self.mm,
                lambda: self.mm.journal.edit_tried(entry.id, **result.fields()),
                changed="tried",
            )
            if saved is not None:
                self.notify(f"Saved: {gesture.title}", title="Entry updated")

        self.app.push_screen(
            TriedDialog(
                gesture,
                today=self.mm.today,
                note=entry.note,
                where=entry.where,
                reaction=entry.reaction,
                day=entry.date,
                title="Edit entry",
            ),
            done,
        )

    def action_delete(self) -> None:
        entry = self._current()
        if entry is None:
            return
        title = self._describe(entry)[0]
        note = " ".join(entry.note.split())
        detail = f"{entry.date.isoformat()} · {title}" + (f"\n{note[:200]}" if note else "")

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            removed = try_journal(
                self.mm,
                lambda: self.mm.journal.delete_tried(entry.id),
                changed="tried",
                title="Not deleted",
            )
            if removed is None:
                return
            self._deleted.append(removed)
            self.notify(f"Deleted: {title}. Press u to undo.", title="Entry deleted")

        self.app.push_screen(
            ConfirmDialog("Delete this entry?", detail, yes="Delete", no="Keep"), answered
        )

    def action_undo(self) -> None:
        if not self._deleted:
            self.notify("Nothing to undo.")
            return
        entry = self._deleted.pop()
        self._keep_next = entry.id  # the refresh after the signal puts the cursor on it
        restored = try_journal(
            self.mm,
            lambda: self.mm.journal.restore_tried(entry),
            changed="tried",
            title="Not restored",
        )
        if restored is None:
            self._keep_next = None
            self._deleted.append(entry)
            return
        title = self._describe(entry)[0]
        # "Press u to undo" is no longer true for this entry: take it away.
        self.app.clear_notifications()
        self.notify(f"Restored: {title}", title="Undone")
        self.action_tab("tab-entries")

    def action_open(self) -> None:
        if self._active_tab() == "tab-rhythm":
            repeat = self.query_one("#repeat", OptionList)
            if repeat.highlighted is not None:
                option = repeat.get_option_at_index(repeat.highlighted)
                if option.id:
                    self.mm.open_gesture(option.id)
            return
        entry = self._current()
        if entry is not None:
            self.mm.open_gesture(entry.gesture_id)

    @on(OptionList.OptionSelected, "#repeat")
    def _repeat_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.mm.open_gesture(event.option.id)

    def action_export(self) -> None:
        def done(request: ExportRequest | None) -> None:
            if request is not None:
                self.export_to(request)

        self.app.push_screen(ExportDialog(self._export_path, entries=len(self._all)), done)

    def export_to(self, request: ExportRequest) -> None:
        self._export_path = str(request.path)
        journal = self.mm.journal
        try:
            if request.format == "json":
                text = export_text(journal)
            else:
                rows = [entry_row(e, self.mm.library) for e in journal.tried()]
                text = rows_to_csv(rows)
            write_text_atomic(request.path, text)
        except JournalError as exc:
            self.notify(str(exc), title="Not exported", severity="error")
            return
        except OSError as exc:
            reason = exc.strerror or str(exc)
            self.notify(
                f"Could not write {request.path}: {reason}", title="Not exported", severity="error"
            )
            return
        n = len(self._all)
        self.notify(
            f"{plural(n, 'entry', 'entries')} written to {request.path}",
            title=f"Exported ({request.format.upper()})",
        )
