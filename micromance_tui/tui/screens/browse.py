"""Browse: every idea, searched as you type and narrowed by filters.

The search runs off the UI thread: a keystroke only restarts a short timer; when typing
pauses, a thread worker (exclusive, so a newer search makes an older one stop early) asks
the core's SearchIndex and posts the results back. The list is virtual (GestureList), so
showing 10,000 results costs about what showing 100 does."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Resize
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Button, Checkbox, Input, Select, Static
from textual.worker import get_current_worker

from micromance_tui.core.daily import partner_scores
from micromance_tui.core.journal import JournalError
from micromance_tui.core.models import (
    COSTS,
    EFFORT_HINTS,
    EFFORTS,
    LANGUAGE_IDS,
    MOMENTS,
    SITUATION_NAMES,
    SITUATION_SHORT,
    SITUATIONS,
    Gesture,
)
from micromance_tui.core.partner_words import PartnerWords
from micromance_tui.core.record import record
from micromance_tui.core.search import Filters, SearchIndex, SearchStopped, top_language
from micromance_tui.core.suggest import partner_order
from micromance_tui.tui.journal_call import try_journal
from micromance_tui.tui.screens.base import BaseScreen
from micromance_tui.tui.together_view import partner_quiz
from micromance_tui.tui.widgets.empty_state import EmptyState
from micromance_tui.tui.widgets.field import Field
from micromance_tui.tui.widgets.gesture_detail import GestureDetail
from micromance_tui.tui.widgets.gesture_list import SHORT_LANGUAGE, GestureList

#: at this width and wider the detail sits beside the list
WIDE = 100
#: libraries up to this size build their index and first list at once (a few ms);
#: larger ones do it in the search thread
SMALL_LIBRARY = 2000

ORDER_AZ = "az"
ORDER_PARTNER = "partner"


@record
class _Request:
    generation: int
    query: str
    filters: Filters
    tried: frozenset[str]
    favourites: frozenset[str]
    order: str
    scores: tuple[tuple[str, float], ...]
    keep: str | None


def language_options(several: Sequence[str] = ()) -> list[tuple[str, str]]:
    """The language filter's choices; ``several`` adds one for ideas in any of them."""
    options = [("Any language", "")]
    if several:
        options.append(
            (" or ".join(SHORT_LANGUAGE.get(lid, lid) for lid in several), ",".join(several))
        )
    return options + [(SHORT_LANGUAGE.get(lid, lid), lid) for lid in LANGUAGE_IDS]


class BrowseScreen(BaseScreen):
    MODE = "browse"
    CSS_PATH = Path(__file__).parent.parent / "styles" / "browse.tcss"
    HORIZONTAL_BREAKPOINTS = [
        (0, "-narrow"),
        (WIDE, "-wide"),
    ]
    #: seconds of quiet after a keystroke before the search runs
    SEARCH_DELAY: ClassVar[float] = 0.1
    #: seconds of quiet in the search box before the detail pane follows the results
    DETAIL_DELAY: ClassVar[float] = 0.3

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_search", "Search"),
        Binding("d", "tried", "Done it"),
        Binding("s", "favourite", "Favourite"),
        Binding("o", "open", "Open"),
        Binding("enter", "open", "Open", show=False),
        Binding("v", "order", "Order"),
        Binding("escape", "back", "Clear/back"),
    ]

    class ResultsReady(Message):
        """Posted from the search thread."""

        def __init__(self, generation: int, results: Sequence[Gesture], cursor: int) -> None:
            super().__init__()
            self.generation = generation
            self.results = results
            self.cursor = cursor

    def __init__(self) -> None:
        super().__init__()
        self.index: SearchIndex | None = None
        self._index_lock = threading.Lock()
        self._partner_cache: tuple[tuple[tuple[str, float], ...], list[int]] | None = None
        self.query_text = ""
        self.filters = Filters()
        self.order = ORDER_AZ
        self.scores: dict[str, float] | None = None
        self.tried_ids: frozenset[str] = frozenset()
        self.favourite_ids: frozenset[str] = frozenset()
        self._requested = 0
        self._shown = -1
        self._timer: Timer | None = None
        self._keep: str | None = None
        self._detail_id: str | None = None
        self._detail_timer: Timer | None = None

    # ------------------------------------------------------------------ layout

    def compose_body(self) -> ComposeResult:
        with Vertical(id="browse-controls", classes="panel") as controls:
            controls.border_title = "Find an idea"
            with Horizontal(id="search-row"):
                yield Field(
                    placeholder="Search ideas: title, summary, tags, situation, how  (/)",
                    id="search",
                    compact=True,
                )
                yield Static("", id="count")
            with Horizontal(id="filter-row"):
                yield Select(
                    language_options(),
                    value="",
                    allow_blank=False,
                    compact=True,
                    id="f-language",
                    tooltip="Love language",
                )
                yield Select(
                    [("Any effort", "")] + [(e, e) for e in EFFORTS],
                    value="",
                    allow_blank=False,
                    compact=True,
                    id="f-effort",
                    tooltip="Effort: " + ", ".join(f"{k} {v}" for k, v in EFFORT_HINTS.items()),
                )
                yield Select(
                    [("Any cost", "")] + [(c, c) for c in COSTS],
                    value="",
                    allow_blank=False,
                    compact=True,
                    id="f-cost",
                    tooltip="Cost",
                )
                yield Select(
                    [("Any moment", "")] + [(m.replace("-", " "), m) for m in MOMENTS],
                    value="",
                    allow_blank=False,
                    compact=True,
                    id="f-moment",
                    tooltip="Moment",
                )
                yield Select(
                    [("Any situation", "")] + [(SITUATION_SHORT[s], s) for s in SITUATIONS],
                    value="",
                    allow_blank=False,
                    compact=True,
                    id="f-situation",
                    tooltip="The kind of day or season an idea is written for: "
                    + "; ".join(SITUATION_NAMES[s].lower() for s in SITUATIONS),
                )
            with Horizontal(id="toggle-row"):
                yield Checkbox("Not tried yet", id="f-not-tried", compact=True)
                yield Checkbox("Favourites only", id="f-favourites", compact=True)
                yield Checkbox("Date ideas", id="f-date-ideas", compact=True)
                yield Button("Order: A-Z", id="order", compact=True, tooltip="Change order (v)")
                yield Static("", id="order-note")
        yield EmptyState(
            "Ideas you keep with s show here. Pick from every idea, then press s on one "
            "you would like to come back to.",
            "Show every idea",
            "then s keeps one",
            "screen.every_idea",
            title="No favourites yet",
            id="favourites-empty",
        )
        with Horizontal(id="browse-main"):
            results = GestureList(
                id="results",
                classes="panel",
                empty_text="Nothing matches. Clear the search (esc) or loosen a filter.",
            )
            results.border_title = "Ideas"
            yield results
            detail = GestureDetail(id="browse-detail", classes="panel")
            detail.border_title = "The idea in full"
            yield detail

    def on_mount(self) -> None:
        self.results_list = self.query_one("#results", GestureList)
        self.search_field = self.query_one("#search", Field)
        self.detail = self.query_one("#browse-detail", GestureDetail)
        self.results_list.empty_text = "Loading ideas..."
        self._read_journal()
        self._update_order_controls()
        self.results_list.focus()
        gestures = self.mm.library.gestures
        if len(gestures) <= SMALL_LIBRARY:
            # Small: build and show at once, so the first frame already has the list.
            self.index = SearchIndex(gestures)
            request = self._request()
            self._shown = request.generation
            results, cursor = self._compute(request)
            self._show(results, cursor)
        else:
            self._schedule(0)

    @property
    def wide(self) -> bool:
        return self.size.width >= WIDE

    @property
    def results_shown(self) -> bool:
        """True when the list shows the answer to the latest search and filters."""
        return self._shown == self._requested and self._timer is None

    @property
    def settled(self) -> bool:
        """True when the list (and the detail) show the answer to the latest search."""
        return self._shown == self._requested and self._timer is None and self._detail_timer is None

    # ------------------------------------------------------------------ journal

    def _read_journal(self) -> None:
        journal = self.mm.journal
        read = try_journal(
            self.mm,
            lambda: (
                frozenset(journal.last_tried()),
                frozenset(journal.favourites()),
                partner_scores(journal, partner_quiz(self.mm))[0],
            ),
            title="Journal",
        )
        if read is None:
            return
        self.tried_ids, self.favourite_ids, self.scores = read
        if not self.scores or not any(self.scores.values()):
            self.scores = None
            self.order = ORDER_AZ
        self.results_list.set_marks(self.tried_ids, self.favourite_ids)

    def refresh_data(self) -> None:
        old_scores = self.scores
        self._read_journal()
        self._update_order_controls()
        if self.filters.not_tried or self.filters.favourites or old_scores != self.scores:
            self._schedule(0, keep=self._highlighted_id())
        self._detail_id = None
        self._update_detail()

    # ------------------------------------------------------------------ searching

    def _highlighted_id(self) -> str | None:
        gesture = self.results_list.highlighted
        return gesture.id if gesture else None

    def _request(self, keep: str | None = None) -> _Request:
        return _Request(
            generation=self._requested,
            query=self.query_text,
            filters=self.filters,
            tried=self.tried_ids,
            favourites=self.favourite_ids,
            order=self.order,
            scores=tuple(sorted((self.scores or {}).items())),
            keep=keep,
        )

    def _schedule(self, delay: float, keep: str | None = None) -> None:
        """Ask for a new search; it runs after `delay` seconds of quiet."""
        self._requested += 1
        if keep is not None:
            self._keep = keep
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if delay > 0:
            self._timer = self.set_timer(delay, self._start_search)
        else:
            self._start_search()

    def _start_search(self) -> None:
        self._timer = None
        keep, self._keep = self._keep, None
        self._search(self._request(keep))

    @work(thread=True, exclusive=True, group="browse-search", exit_on_error=False)
    def _search(self, request: _Request) -> None:
        worker = get_current_worker()

        def stale() -> bool:
            return worker.is_cancelled or request.generation != self._requested

        try:
            results, cursor = self._compute(request, stale)
        except SearchStopped:
            return
        if not stale():
            self.post_message(self.ResultsReady(request.generation, results, cursor))

    def _ensure_index(self) -> SearchIndex:
        with self._index_lock:
            if self.index is None:
                self.index = SearchIndex(self.mm.library.gestures)
            return self.index

    def _order(self, index: SearchIndex, request: _Request) -> list[int] | None:
        if request.order != ORDER_PARTNER or not request.scores:
            return None
        cached = self._partner_cache
        if cached is not None and cached[0] == request.scores:
            return cached[1]
        ranks = index.partner_ranks(partner_order(index.gestures, dict(request.scores)))
        self._partner_cache = (request.scores, ranks)
        return ranks

    def _compute(
        self, request: _Request, should_stop: Callable[[], bool] | None = None
    ) -> tuple[list[Gesture], int]:
        index = self._ensure_index()
        results = index.search(
            request.query,
            request.filters,
            tried=request.tried,
            favourites=request.favourites,
            order=self._order(index, request),
            should_stop=should_stop,
        )
        cursor = 0
        if request.keep is not None:
            for i, gesture in enumerate(results):
                if gesture.id == request.keep:
                    cursor = i
                    break
        return results, cursor

    @on(ResultsReady)
    def _results_ready(self, message: ResultsReady) -> None:
        if message.generation != self._requested or self._timer is not None:
            return  # a newer search is on its way
        self._shown = message.generation
        self._show(message.results, message.cursor)

    def _show(self, results: Sequence[Gesture], cursor: int) -> None:
        self.results_list.empty_text = "Nothing matches. Clear the search (esc) or loosen a filter."
        was_empty = not self.results_list.items
        self.results_list.set_items(results, cursor)
        if was_empty != (not results):
            self.refresh_bindings()  # d, s and enter need an idea to act on
        self.query_one("#favourites-empty", EmptyState).display = (
            self.filters.favourites and not self.favourite_ids
        )
        total = len(self.mm.library.gestures)
        n = len(results)
        narrowed = bool(self.query_text.strip()) or self.filters.count > 0
        noun = "idea" if n == 1 and not narrowed else "ideas"
        self.query_one("#count", Static).update(
            f"{n:,} of {total:,} {noun}" if narrowed else f"{n:,} {noun}"
        )

    # ------------------------------------------------------------------ controls

    @on(Input.Changed, "#search")
    def _query_changed(self, event: Input.Changed) -> None:
        if event.value == self.query_text:
            return
        self.query_text = event.value
        self._schedule(self.SEARCH_DELAY)

    @on(Input.Submitted, "#search")
    def _query_submitted(self) -> None:
        self.results_list.focus()

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        field = {
            "f-language": "language",
            "f-effort": "effort",
            "f-cost": "cost",
            "f-moment": "moment",
            "f-situation": "situation",
        }.get(event.select.id or "")
        if field is None:
            return
        value = event.value if isinstance(event.value, str) else ""
        self._set_filters(self.filters.with_(**{field: value}))

    @on(Checkbox.Changed)
    def _checkbox_changed(self, event: Checkbox.Changed) -> None:
        field = {
            "f-not-tried": "not_tried",
            "f-favourites": "favourites",
            "f-date-ideas": "date_ideas",
        }.get(event.checkbox.id or "")
        if field is not None:
            self._set_filters(self.filters.with_(**{field: event.value}))

    def _set_filters(self, filters: Filters) -> None:
        if filters != self.filters:
            self.filters = filters
            self._schedule(0, keep=self._keep or self._highlighted_id())

    @on(Button.Pressed, "#order")
    def _order_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_order()

    def _update_order_controls(self) -> None:
        button = self.query_one("#order", Button)
        note = self.query_one("#order-note", Static)
        has_profile = self.scores is not None
        button.display = has_profile
        try:
            name = self.mm.journal.settings().partner_name or "my partner"
        except JournalError:
            name = "my partner"
        if self.order == ORDER_PARTNER and self.scores:
            top = self.mm.library.language_name(top_language(self.scores))
            # The name is typed by the user and the language's comes from content: never markup.
            button.label = Content(f"Order: for {name}")
            note.update(Content(f"{top} first"))
            self.add_class("-partner-order")
        else:
            button.label = "Order: A-Z"
            note.update("")
            self.remove_class("-partner-order")
        self.refresh_bindings()

    # ------------------------------------------------------------------ list and detail

    @on(GestureList.Highlighted)
    def _highlighted(self, event: GestureList.Highlighted) -> None:
        self._update_detail()

    @on(GestureList.Selected)
    def _selected(self, event: GestureList.Selected) -> None:
        self._open(event.gesture.id)

    def _update_detail(self) -> None:
        """Show the highlighted idea beside the list (when wide). While typing in the search
        box the detail waits for a pause, so rendering it never holds up a keystroke."""
        if self._detail_timer is not None:
            self._detail_timer.stop()
            self._detail_timer = None
        if not self.wide:
            return
        if self.focused is self.search_field:
            self._detail_timer = self.set_timer(self.DETAIL_DELAY, self._show_detail)
        else:
            self._show_detail()

    def _show_detail(self) -> None:
        self._detail_timer = None
        gid = self._highlighted_id()
        if gid != self._detail_id or gid is None:
            self._detail_id = gid
            self.detail.show(gid)

    def on_resize(self, event: Resize) -> None:
        self.results_list.open_on_click = event.size.width < WIDE
        self.call_after_refresh(self._update_detail)

    def on_screen_resume(self) -> None:
        # the terminal may have changed size while another screen was showing
        for results in self.query("#results").results(GestureList):
            results.open_on_click = self.app.size.width < WIDE
            self.call_after_refresh(self._update_detail)

    def _open(self, gesture_id: str) -> None:
        if self.wide:
            self._update_detail()
            self.detail.focus()
        else:
            self.mm.open_gesture(gesture_id)

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "order":
            return self.scores is not None
        if action in ("tried", "favourite", "open"):
            return True if self.results_list.highlighted is not None else None
        return True

    def action_focus_search(self) -> None:
        self.search_field.focus()

    def action_tried(self) -> None:
        if gid := self._highlighted_id():
            self.mm.mark_tried(gid)

    def action_favourite(self) -> None:
        if gid := self._highlighted_id():
            self.mm.toggle_favourite(gid)

    def action_open(self) -> None:
        if gid := self._highlighted_id():
            self._open(gid)

    def action_order(self) -> None:
        if self.scores is None:
            self.notify(
                PartnerWords.read(self.mm.journal).fill(
                    "Take the quiz for {who} (q) to order ideas for {them}."
                ),
                title="No partner profile yet",
            )
            return
        self.order = ORDER_AZ if self.order == ORDER_PARTNER else ORDER_PARTNER
        self._update_order_controls()
        self._schedule(0)

    def action_back(self) -> None:
        focused = self.focused
        if self.query_text and (focused is self.search_field or focused is self.results_list):
            self.search_field.value = ""
            return
        if focused is not self.results_list:
            self.results_list.focus()

    # ------------------------------------------------------------------ from other screens

    def select_item(self, item: str) -> None:
        """`language:<id>` filters by that love language; a gesture id selects that idea
        (clearing the search and filters if they hide it)."""
        if item.startswith("language:"):
            wanted = item.split(":", 1)[1].split(",")
            lids = [lid for lid in LANGUAGE_IDS if lid in wanted]
            if lids or wanted == [""]:
                value = ",".join(lids)
                select = self.query_one("#f-language", Select)
                if len(lids) > 1:  # several at once: offer that choice in the list too
                    select.set_options(language_options(lids))
                select.value = value
                self._set_filters(self.filters.with_(language=value))
            self.results_list.focus()
            return
        if item not in self.mm.library.gesture_by_id:
            return
        for i, gesture in enumerate(self.results_list.items):
            if gesture.id == item:
                self.results_list.move_to(i)
                self.results_list.focus()
                return
        self.clear_filters()
        self.search_field.value = ""
        self.query_text = ""
        self._schedule(0, keep=item)
        self.results_list.focus()

    def action_every_idea(self) -> None:
        """From an empty favourites list to every idea (the favourites filter off)."""
        self.query_one("#f-favourites", Checkbox).value = False
        self.results_list.focus()

    def clear_filters(self) -> None:
        for sid in ("#f-language", "#f-effort", "#f-cost", "#f-moment", "#f-situation"):
            self.query_one(sid, Select).value = ""
        for cid in ("#f-not-tried", "#f-favourites", "#f-date-ideas"):
            self.query_one(cid, Checkbox).value = False
        self.filters = Filters()
