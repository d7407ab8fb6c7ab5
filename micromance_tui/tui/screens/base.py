"""The frame every top-level screen shares: header, body, the screen keys and the footer."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header

from micromance_tui.tui.app_access import AppAccess
from micromance_tui.tui.journal_call import try_journal
from micromance_tui.tui.screen_table import SCREENS
from micromance_tui.tui.widgets.navbar import NavBar

#: the header's icon (a click on it opens the command palette)
ICON = "♥"


class BaseScreen(AppAccess, Screen[None]):
    """Subclasses set MODE and implement compose_body(); refresh_data() runs when the
    journal changes anywhere in the app."""

    MODE: ClassVar[str] = ""
    #: widgets of this screen with keys of their own, which Help lists with the screen's
    KEY_PARTS: ClassVar[tuple[type[Widget], ...]] = ()

    def compose(self) -> ComposeResult:
        yield Header(icon=ICON)
        yield from self.compose_body()
        yield NavBar(self.MODE)
        yield Footer(compact=True)

    def compose_body(self) -> ComposeResult:
        raise NotImplementedError

    def __init__(
        self, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        if self.TITLE is None and self.MODE in SCREENS:
            self.title = SCREENS[self.MODE][0]

    # A decorated handler, not on_mount: Textual calls it once for this class whatever the
    # subclass does; a subclass's own on_mount does not call super().
    @on(events.Mount)
    def _subscribe(self) -> None:
        self.mm.journal_changed.subscribe(self, self._journal_changed)

    # Not named on_screen_resume, so screens can have their own without clashing.
    @on(events.ScreenResume)
    def _notice_outside_changes(self) -> None:
        self.mm.notice_outside_changes()

    def _journal_changed(self, what: str) -> None:
        # The file may have been broken by another program: say so, keep running, and
        # never write over it (the journal refuses to).
        try_journal(self.mm, self.refresh_data, title="Journal")

    def refresh_data(self) -> None:
        """Re-read what this screen shows from the journal."""
