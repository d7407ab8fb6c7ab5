"""Guides: short reads on the why and how of micro-mance. A list of guides (title and
summary), a Markdown reader, and related ideas and guides linked below each one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content

from micromance_tui.core.models import Guide
from micromance_tui.tui.plain import md_escape
from micromance_tui.tui.screens.reader import STYLES, ListReaderScreen


def guide_markdown(guide: Guide) -> str:
    summary = md_escape(guide.summary.strip())
    return f"# {md_escape(guide.title)}\n\n*{summary}*\n\n{guide.body.strip()}\n"


def guide_prompt(guide: Guide) -> Content:
    return Content.assemble((guide.title, "bold"), "\n", (guide.summary, "$text-muted"))


class GuidesScreen(ListReaderScreen):
    MODE = "guides"
    CSS_PATH = [STYLES / "reader.tcss", STYLES / "guides.tcss"]
    LIST_TITLE = "Guides"
    READER_TITLE = "Reading"
    KIND = "guide"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "app.focus_next", "Next pane"),
        Binding("escape", "focus_list", "Guides"),
        Binding("n", "next_item", "Next guide"),
        Binding("r", "related", "Related ideas"),
    ]

    SEPARATED = True

    def entries(self) -> Sequence[tuple[str, Content]]:
        return [(guide.id, guide_prompt(guide)) for guide in self.mm.library.guides]

    def markdown_for(self, item_id: str) -> str | None:
        guide = self.mm.library.guide_by_id.get(item_id)
        return guide_markdown(guide) if guide else None

    def related_for(self, item_id: str) -> Sequence[str]:
        guide = self.mm.library.guide_by_id.get(item_id)
        return guide.related if guide else ()
