"""The "from Sam" card on Today: what the partner did for you and sent this week, and a
one-key "how did it land?" (1-5 on Today) for the idea the card points at. Hidden until a
paired app has read the partner's file; the text is theirs, so never markup."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from micromance_tui.core.clock import day_text
from micromance_tui.core.journal import REACTIONS
from micromance_tui.core.partner_words import PartnerWords
from micromance_tui.core.textcheck import printable
from micromance_tui.tui.app_access import AppAccess

MAX_LINES = 3


def _flat(item: dict[str, Any], limit: int = 70) -> str:
    what = item.get("title") or item.get("text", "")
    flat = " ".join(printable(str(what)).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def card_lines(
    items: list[dict[str, Any]],
    name: str,
    target: str | None,
    words: PartnerWords,
) -> Text:
    """Up to three lines: "♡ Sam: a note in your bag, Tue 24 Nov  (loved it)"; the one the
    reaction keys act on (``target``) marked "▸" and bold, then the keys."""
    text = Text()
    for item in items[:MAX_LINES]:
        day = day_text(date.fromisoformat(item["day"]))
        landed = f"  ({REACTIONS[item['my_reaction']]})" if item.get("my_reaction") else ""
        if text:
            text.append("\n")
        mark, style = ("▸", "bold") if item["id"] == target else ("♡", "")
        text.append(f"{mark} {name}: {_flat(item)}, {day}{landed}", style=style)
    text.append("\n")
    if any(item["id"] == target for item in items[:MAX_LINES]):
        text.append("▸ 1-5: how did it land?   ")
    text.append(words.fill("i: everything from {them}"))
    return text


class FromPartnerCard(AppAccess, Static, can_focus=True):
    """Mounted in Today's layout (styled as a card, like today's idea); fills itself from
    the app's Together session. ``target`` is what Today's 1-5 keys react to: the newest
    idea tried for you not yet answered (up and down choose another when focused)."""

    BINDINGS = [
        Binding("up", "move(-1)", "Previous", show=False),
        Binding("down", "move(1)", "Next", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="card")
        self._shown: list[dict[str, Any]] = []
        self._partner = ""
        self._aim: str | None = None

    DEFAULT_CSS = """
    FromPartnerCard {
        margin-top: 1;
        display: none;
    }
    FromPartnerCard.-has-items {
        display: block;
    }
    """

    @property
    def target(self) -> dict[str, Any] | None:
        """The idea the partner tried for you that the reaction keys act on, if any."""
        return next((item for item in self._reactable() if item["id"] == self._aim), None)

    def _reactable(self) -> list[dict[str, Any]]:
        return [item for item in self._shown[:MAX_LINES] if item["kind"] == "tried"]

    def on_mount(self) -> None:
        self.mm.together_changed.subscribe(self, lambda _what: self.show_latest())
        self.show_latest()

    def show_latest(self) -> None:
        session = self.mm.together
        self._shown = [] if session is None else session.from_partner(self.mm.today)
        self._partner = "" if session is None else session.partner_name
        reactable = self._reactable()
        if self._aim not in {item["id"] for item in reactable}:
            waiting = [item for item in reactable if item.get("my_reaction") is None]
            self._aim = (waiting or reactable)[0]["id"] if reactable else None
        self.set_class(bool(self._shown), "-has-items")
        self._draw()

    def _draw(self) -> None:
        if self._shown:
            self.border_title = Text(f"From {self._partner}")  # their name is never markup
            words = PartnerWords.read(self.mm.journal)
            self.update(card_lines(self._shown, self._partner, self._aim, words))
        self.screen.refresh_bindings()  # Today's 1-5 are offered only with a target

    def action_move(self, step: int) -> None:
        ids = [item["id"] for item in self._reactable()]
        if self._aim in ids:
            self._aim = ids[(ids.index(self._aim) + step) % len(ids)]
            self._draw()

    async def on_click(self) -> None:
        await self.app.run_action("together")
