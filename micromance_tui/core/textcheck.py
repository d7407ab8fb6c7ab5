"""The characters micromance refuses in anything it stores or shows: one rule for the
journal, the content loader and the forms. Core only: never imports Textual."""

from __future__ import annotations

import re

__all__ = ["bad_characters", "printable", "terminal_safe"]

# Control characters (tab and newline are fine), lone surrogates (undecodable bytes from a
# command line) and the invisible bidi overrides that can reorder what a terminal shows.
_BAD_CHARS_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def bad_characters(text: str) -> str:
    """What is refused in ``text``, in words ("control characters"), or "" when it is fine.

    Tab, newline, emoji (with their joiners and variation selectors), combining marks and
    right-to-left text are all fine.
    """
    found = _BAD_CHARS_RE.search(text)
    if found is None:
        return ""
    code = ord(found.group())
    if 0xD800 <= code <= 0xDFFF:
        return "characters that are not valid Unicode (bytes that are not UTF-8)"
    if 0x202A <= code <= 0x2069:
        return "invisible text-direction controls"
    return "control characters"


def printable(text: str) -> str:
    """``text`` with every refused character replaced by U+FFFD, safe to print to a
    terminal (a note saved before the check existed, or a journal edited by hand)."""
    return _BAD_CHARS_RE.sub("\ufffd", text)


# What must never reach a terminal raw: every control character but tab and newline (ESC
# starts the sequences that retitle a window or clear the screen, C1 0x9b is a one-byte
# CSI), the bidi overrides and isolates, and lone surrogates.
# The same characters as the ones refused.
_UNSAFE_RE = _BAD_CHARS_RE


def _escaped(found: re.Match[str]) -> str:
    return f"\\u{ord(found.group()):04x}"


def terminal_safe(text: str) -> str:
    """``text`` with every character that could steer a terminal or reorder what it shows
    written as a visible escape (ESC becomes ``\\u001b``, U+202E ``\\u202e``).

    The escape is JSON's, so JSON output stays valid JSON with the same meaning, and
    applying this twice changes nothing more. Used where output is written: the command
    line's stdout and stderr, and the app's notices and field messages.
    """
    return _UNSAFE_RE.sub(_escaped, text)
