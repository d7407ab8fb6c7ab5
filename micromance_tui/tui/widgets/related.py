"""A short list of `related` ids (ideas and guides) that open on enter or a click.

Used below FAQ answers and guides. An OptionList rather than markup links, so the links can
be reached with tab and the arrow keys as well as the mouse."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from micromance_tui.tui.app_access import AppAccess

if TYPE_CHECKING:
    from micromance_tui.core.models import Library


def related_label(item_id: str, library: Library) -> Content | None:
    """`→ Idea: Bring them coffee` or `→ Guide: ...`; None for an id the library lacks."""
    if (gesture := library.gesture_by_id.get(item_id)) is not None:
        return Content.assemble(("→ Idea: ", "$text-muted"), gesture.title)
    if (guide := library.guide_by_id.get(item_id)) is not None:
        return Content.assemble(("→ Guide: ", "$text-muted"), guide.title)
    return None


class RelatedLinks(AppAccess, OptionList):
    """Call show(ids); choosing an entry calls `app.open_related(id)`."""

    DEFAULT_CSS = """
    RelatedLinks {
        height: auto;
        max-height: 100%;
        border: none;
        padding: 0;
        background: transparent;
        color: $text-accent;
        &:focus { border: none; background-tint: $foreground 0%; }
        & > .option-list--option { padding: 0; }
    }
    """

    def show(self, item_ids: Iterable[str]) -> int:
        """Show these ids (unknown ones are left out); returns how many are shown."""
        library = self.mm.library
        options = []
        for item_id in item_ids:
            label = related_label(item_id, library)
            if label is not None:
                options.append(Option(label, id=item_id))
        self.set_options(options)
        self.highlighted = 0 if options else None
        self.display = bool(options)
        return len(options)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.mm.open_related(event.option.id)
