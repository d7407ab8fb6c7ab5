"""The "from Sam" card on Today: what the partner did for you and sent this week. Hidden
until a paired app has read the partner's file; the text is theirs, so never markup."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.text import Text
from textual.widgets import Static

from micromance_tui.core.clock import day_text
from micromance_tui.core.journal import REACTIONS
from micromance_tui.core.textcheck import printable

MAX_LINES = 3


def card_lines(items: list[dict[str, Any]], name: str) -> Text:
    """Up to three lines: "♡ Sam: a note in your bag, Tue 24 Nov  (loved it)"."""
    text = Text()
    for item in items[:MAX_LINES]:
        what = item.get("title") or item.get("text", "")
        flat = " ".join(printable(str(what)).split())
        day = day_text(date.fromisoformat(item["day"]))
        landed = f"  ({REACTIONS[item['my_reaction']]})" if item.get("my_reaction") else ""
        if text:
            text.append("\n")
        text.append(f"♡ {name}: {flat[:70]}, {day}{landed}")
    text.append("\n")
    text.append("i: everything from them, and how it landed (1-5)")
    return text


class FromPartnerCard(Static):
    """Mounted in Today's layout (styled as a card, like today's idea); fills itself from
    the app's Together session."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="card")

    DEFAULT_CSS = """
    FromPartnerCard {
        margin-top: 1;
        display: none;
    }
    FromPartnerCard.-has-items {
        display: block;
    }
    """

    def on_mount(self) -> None:
        signal: Any = getattr(self.app, "together_changed", None)
        if signal is not None:
            signal.subscribe(self, lambda _what: self.show_latest())
        self.show_latest()

    def show_latest(self) -> None:
        app: Any = self.app
        session = getattr(app, "together", None)
        items = [] if session is None else session.from_partner(app.today)
        self.set_class(bool(items), "-has-items")
        if items and session is not None:
            name = session.partner_name
            self.border_title = f"From {name}"
            self.update(card_lines(items, name))

    async def on_click(self) -> None:
        await self.app.run_action("together")
