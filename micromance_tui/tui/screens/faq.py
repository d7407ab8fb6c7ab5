"""FAQ: the questions in a list, the chosen answer as Markdown, and its related ideas and
guides as links below it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content

from micromance_tui.core.models import FaqEntry
from micromance_tui.tui.plain import md_escape
from micromance_tui.tui.screens.reader import STYLES, ListReaderScreen


def answer_markdown(entry: FaqEntry) -> str:
    return f"## {md_escape(entry.question)}\n\n{entry.answer.strip()}\n"


class FaqScreen(ListReaderScreen):
    MODE = "faq"
    CSS_PATH = [STYLES / "reader.tcss", STYLES / "faq.tcss"]
    LIST_TITLE = "Questions"
    READER_TITLE = "Answer"
    KIND = "question"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "app.focus_next", "Next pane"),
        Binding("escape", "focus_list", "Questions"),
        Binding("n", "next_item", "Next question"),
        Binding("r", "related", "Read next"),
    ]

    def entries(self) -> Sequence[tuple[str, Content]]:
        return [(entry.id, Content(entry.question)) for entry in self.mm.library.faq]

    def markdown_for(self, item_id: str) -> str | None:
        entry = self.mm.library.faq_by_id.get(item_id)
        return answer_markdown(entry) if entry else None

    def related_for(self, item_id: str) -> Sequence[str]:
        entry = self.mm.library.faq_by_id.get(item_id)
        return entry.related if entry else ()
