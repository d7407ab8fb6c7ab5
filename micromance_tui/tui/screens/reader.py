"""What the FAQ and Guides screens share: a list of items, a Markdown reader for the chosen
one, and its `related` ideas and guides as links below it.

Below 100 columns the list sits above the reader; from 100 columns it sits to its left.
Markdown is imported only when a reader screen is first built, so start-up stays fast."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from micromance_tui.tui.screens.base import BaseScreen
from micromance_tui.tui.widgets.related import RelatedLinks

if TYPE_CHECKING:
    from textual.widgets import Markdown

STYLES = Path(__file__).parent.parent / "styles"


class ListReaderScreen(BaseScreen):
    """Subclasses set the titles and implement entries(), markdown_for() and related_for().
    Their BINDINGS map keys to the actions below (next_item, focus_list, related)."""

    LIST_TITLE: ClassVar[str] = "Items"
    READER_TITLE: ClassVar[str] = "Reader"
    KIND: ClassVar[str] = "item"
    #: set once on_mount has filled the list; select_item() waits for it
    _ready: bool = False
    _pending: str | None = None
    #: a thin rule between items in the list
    SEPARATED: ClassVar[bool] = False
    HORIZONTAL_BREAKPOINTS = [
        (0, "-narrow"),
        (100, "-wide"),
    ]

    # ------------------------------------------------------------------ to implement

    def entries(self) -> Sequence[tuple[str, Content]]:
        """(id, list prompt) for every item, in order."""
        raise NotImplementedError

    def markdown_for(self, item_id: str) -> str | None:
        raise NotImplementedError

    def related_for(self, item_id: str) -> Sequence[str]:
        raise NotImplementedError

    # ------------------------------------------------------------------ layout

    def compose_body(self) -> ComposeResult:
        from textual.widgets import Markdown

        with Horizontal(id="reader-body"):
            yield OptionList(id="reader-list", classes="panel")
            with VerticalScroll(id="reader-pane", classes="panel"):
                yield Markdown("", id="reader-md", open_links=False)
                yield Label("Read next (enter or click)", id="reader-related-title")
                yield RelatedLinks(id="reader-related")

    def on_mount(self) -> None:
        self.current: str | None = None
        #: the reader's Markdown update in progress; await it to know the text is on screen
        self.rendering: AwaitComplete = AwaitComplete()
        items = self.query_one("#reader-list", OptionList)
        items.border_title = self.LIST_TITLE
        self.query_one("#reader-pane", VerticalScroll).border_title = self.READER_TITLE
        entries = self.entries()
        options: list[Option | None] = []
        for item_id, prompt in entries:
            if options and self.SEPARATED:
                options.append(None)  # a rule between items
            options.append(Option(prompt, id=item_id))
        items.set_options(options)
        if entries:
            items.highlighted = 0
            self.show_item(entries[0][0])
        items.focus()
        self._ready = True
        if self._pending is not None:
            self.select_item(self._pending)

    # ------------------------------------------------------------------ showing

    def show_item(self, item_id: str) -> None:
        """Show this item in the reader (the list's highlight is left alone)."""
        text = self.markdown_for(item_id)
        if text is None or item_id == self.current:
            return
        self.current = item_id
        from textual.widgets import Markdown

        reader = self.query_one("#reader-md", Markdown)
        self.rendering = reader.update(text)
        shown = self.query_one("#reader-related", RelatedLinks).show(self.related_for(item_id))
        self.query_one("#reader-related-title", Label).display = shown > 0
        self.query_one("#reader-pane", VerticalScroll).scroll_home(animate=False)

    def select_item(self, item: str) -> None:
        """Highlight and show the item with this id (the command palette calls this). Called
        before the screen is mounted, it waits for on_mount."""
        if not self._ready:
            self._pending = item
            return
        self._pending = None
        items = self.query_one("#reader-list", OptionList)
        try:
            items.highlighted = items.get_option_index(item)
        except OptionDoesNotExist:
            self.notify(f"There is no {self.KIND} with the id {item!r}", severity="warning")
            return
        self.show_item(item)
        items.focus()

    # ------------------------------------------------------------------ events

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "reader-list" and event.option.id is not None:
            self.show_item(event.option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "reader-list" and event.option.id is not None:
            self.show_item(event.option.id)
            self.query_one("#reader-pane", VerticalScroll).focus()

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        href = event.href
        if href.startswith(("http://", "https://")):
            self.app.open_url(href)
        else:
            self.mm.open_related(href)

    # ------------------------------------------------------------------ actions

    def action_focus_list(self) -> None:
        self.query_one("#reader-list", OptionList).focus()

    def action_next_item(self) -> None:
        items = self.query_one("#reader-list", OptionList)
        if items.option_count:
            index = items.highlighted
            items.highlighted = 0 if index is None else (index + 1) % items.option_count

    def action_related(self) -> None:
        related = self.query_one("#reader-related", RelatedLinks)
        if related.option_count:
            related.focus()
            self.query_one("#reader-pane", VerticalScroll).scroll_end(animate=False)
