"""Plain text into Markdown, shown as written.

Titles, summaries, questions, variations and tags are plain text (docs/content.md); only
``how``, an FAQ answer, a guide's body and a language's ``about`` are Markdown. Plain text
that is put into a Markdown document goes through :func:`md_escape` first, so a title like
``*Not* a [b]heading`` keeps its stars and brackets. (Plain text in Textual content markup
is escaped with ``textual.markup.escape``, or passed as ``Content``/``Text``, which are never
parsed.)"""

from __future__ import annotations

import re

#: What Markdown reads inside a line: emphasis, code, links and images, HTML and entities,
#: strikethrough and table cells. CommonMark shows a backslash-escaped punctuation mark as
#: it is; the rest of the text is left alone, so it reads the same in the source.
_INLINE = re.compile(r"([\\`*_\[\]<>&~|])")
#: What Markdown reads at the start of a line: a heading, quote or list marker.
_MARKER = re.compile(r"^(\s*)([#>+=-])")
_NUMBERED = re.compile(r"^(\s*\d+)([.)])")


def md_escape(text: str) -> str:
    """``text`` as Markdown that renders exactly ``text`` (on one line)."""
    text = _INLINE.sub(r"\\\1", text)
    text = _MARKER.sub(r"\1\\\2", text)
    return _NUMBERED.sub(r"\1\\\2", text)
