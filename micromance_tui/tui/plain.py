"""Plain text into Markdown, shown as written.

Titles, summaries, questions, variations and tags are plain text (docs/content.md); only
``how``, an FAQ answer, a guide's body and a language's ``about`` are Markdown. Plain text
that is put into a Markdown document goes through :func:`md_escape` first, so a title like
``*Not* a [b]heading`` keeps its stars and brackets. (Plain text in Textual content markup
is escaped with ``textual.markup.escape``, or passed as ``Content``/``Text``, which are never
parsed.)"""

from __future__ import annotations

import re

#: CommonMark lets any ASCII punctuation be escaped with a backslash, and shows it as is.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def md_escape(text: str) -> str:
    """``text`` as Markdown that renders exactly ``text`` (on one line)."""
    return _PUNCTUATION.sub(r"\\\1", text)
