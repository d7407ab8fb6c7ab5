"""Counting words: "1 tried idea", "2 tried ideas", never "idea(s)"."""

from __future__ import annotations


def plural(count: int, singular: str, many: str | None = None) -> str:
    """``count`` and the noun that fits it: plural(1, "idea") is "1 idea", plural(2, "idea")
    is "2 ideas", plural(0, "entry", "entries") is "0 entries"."""
    return f"{count} {singular if count == 1 else (many or singular + 's')}"
