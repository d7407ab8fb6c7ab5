"""Plain text put into a Markdown document (an idea's title and summary, an FAQ question,
a guide's title and summary) is shown as written; the Markdown fields stay Markdown."""

from __future__ import annotations

import dataclasses

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from micromance_tui.core.models import FaqEntry, Guide
from micromance_tui.tui.screens.faq import answer_markdown
from micromance_tui.tui.screens.guides import guide_markdown
from micromance_tui.tui.widgets.gesture_detail import gesture_markdown
from tests.tui.conftest import shipped_library

ODD = [
    "Odd [/] title [b]bold",
    "*Not* _italic_, `code`, [a link](x) or <b>html</b> & co",
    "# not a heading",
    "- not a list item \\ nor a backslash escape",
    "1. not a list - or ~~struck~~ | a | table |",
]


def shown(markdown: str) -> list[str]:
    """The text of each heading and paragraph as Textual's Markdown parser reads it."""
    parser = MarkdownIt("gfm-like")
    out = []
    for token in parser.parse(markdown):
        if token.type == "inline":
            children: list[Token] = token.children or []
            out.append("".join(c.content for c in children if c.type in ("text", "softbreak")))
    return out


@pytest.mark.parametrize("text", ODD)
def test_plain_fields_are_shown_as_written(text: str) -> None:
    library = shipped_library()
    gesture = dataclasses.replace(
        library.gesture_by_id["hug-after-long-day"], title=text, summary=text
    )
    assert shown(gesture_markdown(gesture, library, []))[:2] == [text, text]
    assert shown(answer_markdown(FaqEntry("q", text, "An *answer*.")))[0] == text
    assert shown(guide_markdown(Guide("g", text, text, "A body.")))[:2] == [text, text]


def test_markdown_fields_stay_markdown() -> None:
    parser = MarkdownIt("gfm-like")
    tokens = parser.parse(answer_markdown(FaqEntry("q", "Why?", "An *answer*.")))
    assert any(t.type == "em_open" for t in tokens[-2].children or [])
