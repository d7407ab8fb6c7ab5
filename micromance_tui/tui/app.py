"""The full-screen app. It receives a loaded Library and an open Journal; it never opens
files itself. Each top-level screen is a Textual *mode*, created the first time it is shown,
so start-up builds only the home screen."""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

from rich.console import Console, RenderableType
from textual import events, on, work
from textual.app import App, ScreenStackError
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.signal import Signal

from micromance_tui.core.clock import Clock, day_text, system_clock
from micromance_tui.core.journal import Journal, JournalError, Settings
from micromance_tui.core.journal.records import DEFAULT_THEME
from micromance_tui.core.models import Library
from micromance_tui.core.paths import Paths
from micromance_tui.core.plural import plural
from micromance_tui.core.textcheck import terminal_safe
from micromance_tui.tui.commands import MicromanceCommands
from micromance_tui.tui.journal_call import try_journal
from micromance_tui.tui.screen_table import SCREENS, screen_class

if TYPE_CHECKING:
    from micromance_tui.core.together.session import Status, Together
    from micromance_tui.tui.dialogs.tried import TriedInput

#: the home screen, shown first
DEFAULT_MODE = "today"
#: seconds between two reads of the partner's file while the app is open
TOGETHER_EVERY = 60.0
#: seconds after the first frame before the first read of the partner's file
FIRST_READ_AFTER = 0.3
_TOO_SMALL_MODULE = "micromance_tui.tui.dialogs.too_small"


def _lazy(mode: str) -> Callable[[], Screen[None]]:
    """A screen factory that imports its module only when the screen is first shown."""

    def make() -> Screen[None]:
        screen = screen_class(mode)()
        return screen

    return make


#: Textual's toast is 60 cells wide at most, or half its rack (the screen less a margin);
#: a one-cell bar and a cell of padding each side leave this much less for the text.
TOAST_WIDTH = 60
TOAST_RACK_MARGIN = 2
TOAST_CHROME = 3


def fit_lines(message: str, width: int) -> str:
    """``message`` wrapped to ``width`` at spaces; a word longer than a line (a path) is
    broken after a '/' or a backslash, never inside a name (unless one name is too long)."""
    width = max(width, 10)
    lines: list[str] = []
    for paragraph in message.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            for n, piece in enumerate(_word_pieces(word, width)):
                gap = "" if n or not line else " "
                if line and len(line) + len(gap) + len(piece) > width:
                    lines.append(line)
                    line = piece
                else:
                    line += gap + piece
        lines.append(line)
    return "\n".join(lines)


def _word_pieces(word: str, width: int) -> list[str]:
    """A word as pieces no longer than ``width`` where it can be helped, cut after path
    separators: '/home/sam/backups/' -> ['/home/', 'sam/', 'backups/']."""
    if len(word) <= width:
        return [word]
    pieces: list[str] = []
    for part in re.findall(r"[^/\\]*[/\\]|[^/\\]+$", word):
        if pieces and len(pieces[-1]) + len(part) <= width:
            pieces[-1] += part
        else:
            pieces.append(part)
    return pieces


@runtime_checkable
class HoldsWork(Protocol):
    """A pushed screen that may hold typed work not kept yet."""

    def has_unsaved_work(self) -> bool: ...


class MicromanceApp(App[int]):
    """micromance: small, steady, everyday acts of care."""

    TITLE = "micromance"
    DEFAULT_MODE = DEFAULT_MODE
    CSS_PATH = Path(__file__).parent / "app.tcss"
    COMMANDS = App.COMMANDS | {MicromanceCommands}
    #: Every screen but the home screen, which is the default screen (see on_mount).
    MODES: ClassVar[dict[str, str | Callable[[], Screen[None]]]] = {
        mode: _lazy(mode) for mode in SCREENS if mode != DEFAULT_MODE
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        *[
            Binding(key, f"show('{mode}')", title, show=False, id=f"nav.{mode}")
            for mode, (title, key, _, _) in SCREENS.items()
        ],
        Binding("f1", "show('help')", "Help", show=False, id="nav.help-f1"),
        Binding("i", "together", "Together", show=False, id="nav.together"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="quit"),
    ]

    def __init__(
        self,
        library: Library,
        journal: Journal,
        *,
        clock: Clock = system_clock,
        paths: Paths | None = None,
        theme: str | None = None,
        notices: list[str] | None = None,
        cursor_blink: bool = True,
        welcome: bool = True,
    ) -> None:
        """``welcome=False`` never offers the first-run welcome (tests, scripted runs)."""
        super().__init__()
        self.offer_welcome = welcome
        self.cursor_blink = cursor_blink
        self.library = library
        self.journal = journal
        self.clock = clock
        self.paths = paths
        self.notices = list(notices or [])
        self.journal_changed: Signal[str] = Signal(self, "journal-changed")
        self._requested_theme = theme
        self._journal_stamp = journal.file_stamp()
        #: Together: the paired session and its last status (None when not paired)
        self.together: Together | None = None
        self.together_status: Status | None = None
        self.together_changed: Signal[str] = Signal(self, "together-changed")
        self.crash: BaseException | None = None
        """The unexpected error that stopped the app, if one did (the caller logs it)."""
        # Textual prints an unexpected error's traceback with its local variables (a note
        # being saved, a partner's name) to the terminal on exit, where it ends up in bug
        # reports. It goes nowhere instead: `micromance` prints one line and logs the
        # traceback, without locals or messages (core/crashlog.py).
        self.error_console = Console(file=io.StringIO(), markup=False, highlight=False)

    # ------------------------------------------------------------------ start-up

    def get_default_screen(self) -> Screen[None]:
        """The home screen, made the way a bare app's first screen is. As one of MODES it
        would be made by `switch_mode`, which re-parses the whole stylesheet for a mode's
        first screen (and empties the parse cache, so the widgets' own CSS is parsed once
        more as they mount): two parses, about 30 ms of a 400 ms start
        (benchmarks/bench_startup.py). The mode is declared once the app is mounted."""
        screen = _lazy(DEFAULT_MODE)()
        return screen

    def on_mount(self) -> None:
        # Its stack exists already; this lets `switch_mode` go back to it.
        self.add_mode(DEFAULT_MODE, _lazy(DEFAULT_MODE))
        self._apply_theme()
        for notice in self.notices:
            self.notify(notice, severity="warning", timeout=12)
        if self.paths is not None:
            # The partner's file is read after the first frame, then every minute, when the
            # terminal regains focus, and after each change (which also writes ours).
            # A moment after the first frame, so the read's CPU (decrypting, checking every
            # event) never competes with drawing it.
            self.call_after_refresh(self.set_timer, FIRST_READ_AFTER, self.refresh_together)
            self.set_interval(TOGETHER_EVERY, self.refresh_together)
            self.journal_changed.subscribe(self, lambda _what: self.refresh_together())
        # Not over a warning (a journal moved aside, a file skipped): that comes first.
        if self.offer_welcome and not self.notices and self.journal.welcome_due():
            from micromance_tui.tui.dialogs.welcome import WelcomeDialog

            self.push_screen(WelcomeDialog(self._pairing_names()), self._welcomed)

    def _pairing_names(self) -> tuple[str, str]:
        """Both names that a pairing made in the shell already knows, for the welcome
        (the partner's once their file has been read): ("", "") when not paired."""
        from micromance_tui.core.together import is_paired

        if self.paths is None or not is_paired(self.paths.together_file):
            return "", ""
        from micromance_tui.core.together.session import Together, TogetherError

        try:
            session = Together.load(self.paths.together_file, self.paths.together_git_dir)
        except TogetherError:
            return "", ""
        if session is None:
            return "", ""
        return session.my_name, str(session.state["partner"].get("name") or "")

    async def _welcomed(self, answers: object) -> None:
        """Keep what the welcome gathered (a skipped step changes nothing), mark it done so
        it never shows again, and go where the user chose."""
        from micromance_tui.tui.dialogs.welcome import Welcome

        if not isinstance(answers, Welcome):
            return

        def keep() -> Settings:
            old = self.journal.settings()
            return self.journal.update_settings(
                welcomed=True,
                my_name=old.my_name if answers.my_name is None else answers.my_name,
                partner_name=(
                    old.partner_name if answers.partner_name is None else answers.partner_name
                ),
                pronoun=old.pronoun if answers.pronoun is None else answers.pronoun,
                apart=old.apart if answers.apart is None else answers.apart,
            )

        if try_journal(self, keep, changed="settings") is None:
            return
        if answers.go_to != self.current_mode:
            await self.action_show(answers.go_to)

    # ------------------------------------------------------------------ together

    @on(events.AppFocus)
    def _together_on_focus(self) -> None:
        if self.paths is not None:
            self.refresh_together()

    @work(thread=True, exclusive=True, group="together", exit_on_error=False)
    def refresh_together(self, pull: bool = False) -> None:
        """Write our shared file if something shared changed, read the partner's if theirs
        changed (off the UI thread; the crypto library is imported only when paired).
        ``pull``: with a git remote, also pull and push (the Together screen's sync key)."""
        from micromance_tui.core.together import is_paired

        if self.paths is None:
            return
        if not is_paired(self.paths.together_file):
            if self.together is not None:
                self.call_from_thread(self._together_done, None, None)
            return
        from micromance_tui.core.together.session import Together, TogetherError

        try:
            session = Together.load(self.paths.together_file, self.paths.together_git_dir)
            status = (
                None
                if session is None
                else session.exchange(self.journal, self.library, self.clock(), pull=pull)
            )
        except (TogetherError, JournalError, OSError) as exc:
            self.call_from_thread(self.notify, f"Together: {exc}", severity="warning")
            return
        self.call_from_thread(self._together_done, session, status)

    def _together_done(self, session: Together | None, status: Status | None) -> None:
        self.together, self.together_status = session, status
        # The app's own sub-title is Together's status: the header shows it on every screen.
        self.sub_title = self.together_line
        self.together_changed.publish("read")

    @property
    def together_line(self) -> str:
        """ "Sam: 3 days ago" for the title bar ("Sam: 3 days ago, 1 problem (i)" when the
        last read found one: the Together screen names it); "" when not paired."""
        status = self.together_status
        if status is None:
            return ""
        line = status.partner_line(self.now)
        if status.problems:
            line += f", {plural(len(status.problems), 'problem')} (i)"
        return line

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header's line: the screen's title and sub-title ("Quiz — answering"), then
        Together's status, which is the app's sub-title ("Today  ·  Sam: 3 days ago")."""
        status = self.sub_title
        line = super().format_title(title, "" if sub_title == status else sub_title)
        return Content.assemble(line, ("  ·  ", "dim"), status) if status else line

    def action_together(self) -> None:
        from micromance_tui.tui.screens.together import TogetherScreen

        if not isinstance(self.screen, TogetherScreen):
            self.push_screen(TogetherScreen())

    def _apply_theme(self) -> None:
        """Start with the theme asked for on the command line (and remember it), else
        the one chosen last time, else the default."""
        stored = self.journal.settings().theme
        requested = self._requested_theme
        if requested and requested not in self.available_themes:
            names = ", ".join(sorted(self.available_themes))
            self.notify(
                f"There is no theme called {requested!r}; available: {names}",
                severity="warning",
                timeout=10,
            )
            requested = None
        if requested:
            wanted = requested
        elif stored in self.available_themes:
            wanted = stored
        else:
            wanted = DEFAULT_THEME
        self.theme = wanted
        # From here on every change of theme (the palette's "Theme" command) is saved.
        self._persist_theme_after = True
        if requested and stored != requested:
            self._save_theme(requested)

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables, with every text colour made readable (tui/themes.py)."""
        from micromance_tui.tui.themes import legible

        return legible(super().get_css_variables())

    def watch_theme(self, theme: str) -> None:
        if getattr(self, "_persist_theme_after", False):
            self._save_theme(theme)

    def _save_theme(self, theme: str) -> None:
        def save() -> None:
            if self.journal.settings().theme != theme:
                self.journal.update_settings(theme=theme)

        try_journal(self, save, title="Theme not saved")

    # ------------------------------------------------------------------ navigation

    @property
    def today(self) -> date:
        return self.clock().date()

    @property
    def now(self) -> datetime:
        return self.clock()

    async def action_show(self, mode: str) -> None:
        """A screen's key always lands on that screen's top level, nav bar showing: an idea
        opened from it earlier (pushed on its mode's stack) is closed on the way in. A screen
        holding typed work that is not kept yet (a check-in with notes) stays, so a key
        never throws away what was typed."""
        if mode not in SCREENS:
            return
        if self.current_mode != mode:
            await self.switch_mode(mode)
        while len(self.screen_stack) > 1:
            top = self.screen
            if isinstance(top, HoldsWork) and top.has_unsaved_work():
                break
            self.pop_screen()

    def open_gesture(self, gesture_id: str) -> None:
        """Show one idea in full, over whatever screen is open."""
        if gesture_id not in self.library.gesture_by_id:
            self.notify(f"No idea with the id {gesture_id!r}", severity="warning")
            return
        from micromance_tui.tui.screens.gesture import GestureScreen

        self.push_screen(GestureScreen(gesture_id))

    def open_guide(self, guide_id: str) -> None:
        if guide_id not in self.library.guide_by_id:
            self.notify(f"No guide with the id {guide_id!r}", severity="warning")
            return
        self.open_in_mode("guides", guide_id)

    def open_checkin(self) -> None:
        """The guided weekly check-in, over whatever screen is open."""
        from micromance_tui.tui.screens.checkin import CheckInScreen

        if not isinstance(self.screen, CheckInScreen):
            self.push_screen(CheckInScreen())

    def open_faq(self, faq_id: str) -> None:
        self.open_in_mode("faq", faq_id)

    def open_related(self, item_id: str) -> None:
        """Open a `related` id: a gesture or a guide."""
        if item_id in self.library.gesture_by_id:
            self.open_gesture(item_id)
        else:
            self.open_guide(item_id)

    def browse_language(self, language_id: str) -> None:
        self.open_in_mode("browse", f"language:{language_id}")

    def open_in_mode(self, mode: str, item: str) -> None:
        """Switch to a screen and, once it is mounted, ask it to select `item`."""
        self.call_later(self._open_and_select, mode, item)

    async def _open_and_select(self, mode: str, item: str) -> None:
        while len(self.screen_stack) > 1 and self.current_mode == mode:
            self.pop_screen()
        await self.switch_mode(mode)
        select = getattr(self.screen, "select_item", None)
        if callable(select):
            select(item)

    # ------------------------------------------------------------------ shared actions

    def mark_tried(self, gesture_id: str) -> None:
        """Ask for an optional note and reaction, then log the idea as tried."""
        from micromance_tui.tui.dialogs.tried import TriedDialog

        gesture = self.library.gesture_by_id.get(gesture_id)
        if gesture is None:
            return

        def save(result: TriedInput) -> None:
            saved = try_journal(
                self,
                lambda: self.journal.add_tried(gesture_id, **result.fields()),
                changed="tried",
            )
            if saved is not None:
                self.notify(f"Logged: {gesture.title}", title="Tried")

        def done(result: TriedInput | None) -> None:
            if result is None:
                return
            already = try_journal(self, lambda: self.journal.tried_on(gesture_id, result.day))
            if already is None:
                return
            if not already:
                save(result)
                return
            from micromance_tui.tui.dialogs.confirm import ConfirmDialog

            when = "today" if result.day == self.today else f"on {day_text(result.day, year=True)}"
            self.push_screen(
                ConfirmDialog(
                    f"Already logged {when}",
                    f"{gesture.title} is already in your journal {when}"
                    + (f" ({plural(len(already), 'time')})" if len(already) > 1 else "")
                    + ". Log it once more?",
                    yes="Log again",
                    no="Keep one",
                ),
                lambda yes: save(result) if yes else None,
            )

        try:
            done_today = bool(self.journal.tried_on(gesture_id, self.today))
        except JournalError:
            done_today = False
        self.push_screen(TriedDialog(gesture, today=self.today, done_today=done_today), done)

    def toggle_favourite(self, gesture_id: str) -> bool | None:
        on = try_journal(
            self, lambda: self.journal.toggle_favourite(gesture_id), changed="favourites"
        )
        if on is not None:
            title = self.library.gesture_by_id[gesture_id].title
            self.notify(f"{'Saved to' if on else 'Removed from'} favourites: {title}")
        return on

    def toggle_apart(self) -> None:
        """Apart mode on or off (Today, Partner, the palette): while on, today's idea is
        always one that works at a distance."""
        new = try_journal(
            self,
            lambda: self.journal.update_settings(apart=not self.journal.settings().apart),
            changed="settings",
        )
        if new is None:
            return
        self.notify(
            "Apart mode is on: today's idea works at a distance."
            if new.apart
            else "Apart mode is off: ideas for being together are back.",
            title="Apart mode",
        )

    def ask_how_today(self) -> None:
        """Ask how today is (kept for today only); today's idea follows the answer."""
        from micromance_tui.core.partner_words import PartnerWords
        from micromance_tui.tui.dialogs.how_today import HowTodayDialog

        today = self.today

        def done(result: tuple[str, bool] | None) -> None:
            if result is None:
                return
            try_journal(
                self,
                lambda: self.journal.set_said_today(today, mood=result[0], day_off=result[1]),
                changed="today",
            )

        said = try_journal(self, lambda: self.journal.said_today(today), title="Journal")
        if said is not None:
            partner = PartnerWords.read(self.journal)
            self.push_screen(HowTodayDialog(*said, partner=partner), done)

    def notice_outside_changes(self) -> None:
        """Refresh every screen when the journal file changed since last looked at, for
        example through `micromance tried` in a shell while the app is open."""
        stamp = self.journal.file_stamp()
        if stamp == self._journal_stamp:
            return
        self._journal_stamp = stamp
        try:
            self.journal.settings()  # one read: is the changed file still a journal?
        except JournalError:
            # Broken by another program: keep showing what we have; the next change the
            # user makes is refused with the reason, and the file is never written over.
            return
        self.journal_changed.publish("outside")

    # ------------------------------------------------------------------ a too-small terminal

    #: The smallest terminal (columns, rows) the screens are laid out for; below it the app
    #: shows "Make the window larger" over everything until the window grows again.
    MIN_SIZE: ClassVar[tuple[int, int]] = (60, 16)

    @on(events.Mount)
    def _watch_size(self) -> None:
        self.screen_change_signal.subscribe(self, lambda _screen: self._fit_to(self.size))

    def on_resize(self, event: events.Resize) -> None:
        self._fit_to(event.size)  # runs before App._on_resize: self.size is still the old one

    def _fit_to(self, size: Size) -> None:
        """Show the too-small notice on top of the current screen, or take it away."""
        width, height = self.MIN_SIZE
        small = size.width < width or size.height < height
        if not small and _TOO_SMALL_MODULE not in sys.modules:
            return  # no notice can be showing: do not import it on the way to the first frame
        from micromance_tui.tui.dialogs.too_small import TooSmallScreen

        if self.current_mode not in SCREENS:  # still starting up
            return
        try:
            top = self.screen
        except ScreenStackError:
            return
        if small:
            if isinstance(top, TooSmallScreen):
                top.show_size(size)
            else:
                self.push_screen(TooSmallScreen(size, self.MIN_SIZE))
            return
        while len(self.screen_stack) > 1 and isinstance(self.screen, TooSmallScreen):
            self.pop_screen()

    def bell(self) -> None:
        """Textual rings the bell as it stops on an unexpected error, while the error is
        being handled: note it for the log (``crash``)."""
        self._note_crash()
        super().bell()

    def panic(self, *renderables: RenderableType) -> None:
        """Textual panics on errors that render themselves (a failed worker): note it too."""
        self._note_crash()
        super().panic(*renderables)

    def _note_crash(self) -> None:
        error = sys.exc_info()[1]
        if error is not None and not isinstance(error, (KeyboardInterrupt, SystemExit)):
            self.crash = error

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is plain text: messages quote paths, titles and what was typed,
        and '[/]' in any of them would otherwise be read as markup and crash the app; control
        characters or bidi overrides in them are shown escaped, never sent raw. It is wrapped
        here, to the toast's width, so a path breaks after a '/' and never mid-name.

        ``markup`` is in the signature because Textual's ``Widget.notify`` passes it on (as
        True, its default); it has no effect: no notification is read as markup, so callers
        do not pass it."""
        width = min(TOAST_WIDTH, (self.size.width - TOAST_RACK_MARGIN) // 2) - TOAST_CHROME
        message = fit_lines(terminal_safe(message), width)
        super().notify(
            message, title=terminal_safe(title), severity=severity, timeout=timeout, markup=False
        )

    def action_command_palette(self) -> None:
        """No palette over the too-small notice (ctrl+p is a priority key: it gets through,
        and a second palette over a covered one would crash)."""
        from micromance_tui.tui.dialogs.too_small import TooSmallScreen

        if not any(isinstance(screen, TooSmallScreen) for screen in self.screen_stack):
            super().action_command_palette()
