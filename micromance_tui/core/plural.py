"""Counting words: "1 tried idea", "2 tried ideas", never a hedged plural with the "s" in
brackets. Every count the app or the command line writes goes through here."""

from __future__ import annotations


def noun(count: int, singular: str, many: str | None = None) -> str:
    """The noun that fits ``count``: noun(1, "idea") is "idea", noun(3, "idea") "ideas"."""
    return singular if count == 1 else (many or singular + "s")


def plural(count: int, singular: str, many: str | None = None) -> str:
    """``count`` and the noun that fits it: plural(1, "idea") is "1 idea", plural(2, "idea")
    is "2 ideas", plural(1200, "entry", "entries") is "1,200 entries"."""
    return f"{count:,} {noun(count, singular, many)}"
