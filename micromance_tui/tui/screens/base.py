"""The frame every top-level screen shares: header, body, the screen keys and the footer."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import events, on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header

from micromance_tui.core.journal import JournalError
from micromance_tui.tui.widgets.navbar import NavBar

if TYPE_CHECKING:
    from micromance_tui.tui.app import MicromanceApp

#: the header's icon (a click on it opens the command palette)
ICON = "♥"


class BaseScreen(Screen[None]):
    """Subclasses set MODE and implement compose_body(); refresh_data() runs when the
    journal changes anywhere in the app."""

    MODE: ClassVar[str] = ""

    @property
    def mm(self) -> MicromanceApp:
        return cast("MicromanceApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header(icon=ICON)
        yield from self.compose_body()
        yield NavBar(self.MODE)
        yield Footer(compact=True)

    def compose_body(self) -> ComposeResult:
        raise NotImplementedError

    def on_mount(self) -> None:
        # Textual runs this for every class in the MRO, and a subclass may also call it
        # through super(): subscribe once only.
        if getattr(self, "_base_mounted", False):
            return
        self._base_mounted = True
        from micromance_tui.tui.app import SCREENS

        self.title = SCREENS[self.MODE][0] if self.MODE in SCREENS else ""
        self.sub_title = ""
        self.mm.journal_changed.subscribe(self, self._journal_changed)

    # Not named on_screen_resume, so screens can have their own without clashing.
    @on(events.ScreenResume)
    def _notice_outside_changes(self) -> None:
        self.mm.notice_outside_changes()

    def _journal_changed(self, what: str) -> None:
        try:
            self.refresh_data()
        except JournalError as exc:
            # The file may have been broken by another program: say so, keep running,
            # and never write over it (the journal refuses to).
            self.notify(str(exc), title="Journal", severity="error")

    def refresh_data(self) -> None:
        """Re-read what this screen shows from the journal."""
