"""Pairing from the app, the same two steps as the shell: start a pairing (``together init``:
choose the folder, see the pairing code once) or join one (``together join``: the folder
and the code). The checks and the one-line messages are core's (``Together.init``/``join``,
``name_problem``); the slow part (deriving the key, cloning a git remote) runs in a thread.
Returns True once paired, None when cancelled."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar, Literal

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from micromance_tui.core.paths import Paths
from micromance_tui.tui.app_access import AppAccess
from micromance_tui.tui.validate import show_error
from micromance_tui.tui.widgets.field import Field

Step = Literal["start", "join"]


class PairingDialog(AppAccess, ModalScreen[bool | None]):
    """``start``: folder and name, then the code, shown once. ``join``: folder, code, name."""

    DEFAULT_CSS = """
    PairingDialog #pairing-dialog, PairingDialog #pairing-form {
        height: auto;
    }
    PairingDialog #pairing-code {
        margin-top: 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "pair", "Pair"),
    ]

    def __init__(self, step: Step, paths: Paths, name: str) -> None:
        super().__init__()
        self._step = step
        self._paths = paths
        self._my_name = name
        self._busy = False
        self._paired = False

    def compose(self) -> ComposeResult:
        start = self._step == "start"
        with Vertical(id="pairing-dialog", classes="dialog"):
            yield Label(
                "Start a pairing" if start else "Join your partner's pairing",
                classes="dialog-title",
            )
            yield Static(
                "A folder you both sync (Syncthing, Dropbox, iCloud Drive, Nextcloud) or a "
                "private git URL. Everything written there is encrypted."
                if start
                else "The same folder (once it has synced here) and the code your partner's "
                "machine showed.",
                classes="muted",
                id="pairing-about",
            )
            with Vertical(id="pairing-form"):
                yield Label("Folder or git URL", classes="field-label")
                yield Field(placeholder="~/Sync/us", id="folder", compact=True)
                if not start:
                    yield Label("Pairing code", classes="field-label")
                    yield Field(
                        placeholder="XXXXX-XXXXX-XXXXX-XXXXX-XXXXX", id="code", compact=True
                    )
                yield Label("Your name, as your partner sees it", classes="field-label")
                yield Field(self._my_name, id="name", compact=True, max_length=40)
            yield Label("", id="pairing-error", classes="field-error")
            yield Static("", id="pairing-code", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    "Pair (ctrl+s)" if start else "Join (ctrl+s)",
                    variant="primary",
                    id="pair",
                    compact=True,
                )
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#pairing-code").display = False
        show_error(self.query_one("#pairing-error", Label), "")
        self.query_one("#folder", Input).focus()

    def _value(self, field_id: str) -> str:
        return self.query_one(field_id, Input).value.strip()

    @on(Input.Submitted)
    @on(Button.Pressed, "#pair")
    def action_pair(self) -> None:
        if self._paired:
            self.dismiss(True)
            return
        if self._busy:
            return
        from micromance_tui.core.together.session import name_problem

        name = self._value("#name")
        problem = name_problem(name)
        if problem:
            self._failed(f"Your name: {problem}.")
            return
        code = self._value("#code") if self._step == "join" else ""
        self._busy = True
        self.query_one("#pair", Button).disabled = True
        show_error(self.query_one("#pairing-error", Label), "")
        self._pair(self._value("#folder"), code, name, self.mm.now)

    @work(thread=True, exclusive=True, group="pairing", exit_on_error=False)
    def _pair(self, folder: str, code: str, name: str, now: datetime) -> None:
        from micromance_tui.core.together.session import Together, TogetherError

        paths = self._paths
        try:
            if self._step == "start":
                _session, shown = Together.init(
                    folder, name, paths.together_file, paths.together_git_dir, now
                )
            else:
                session = Together.join(
                    folder, code, name, paths.together_file, paths.together_git_dir, now
                )
                shown = ""
                if session.same_person_as is not None:  # said, as the shell says it
                    self.app.call_from_thread(self._same_person, session.same_person_as)
        except (TogetherError, OSError) as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return
        self.app.call_from_thread(self._done, folder, shown)

    def _same_person(self, name: str) -> None:
        self.app.notify(
            f"Joined as another machine of {name} (the name is the same): this machine shares "
            f"{name}'s file. If you are not {name}, leave ('micromance together leave') and "
            "join again with your own name.",
            title="Together",
            severity="warning",
            timeout=15,
            markup=False,
        )

    def _failed(self, message: str) -> None:
        self._busy = False
        self.query_one("#pair", Button).disabled = False
        show_error(self.query_one("#pairing-error", Label), message)

    def _done(self, folder: str, code: str) -> None:
        self._busy, self._paired = False, True
        self.mm.refresh_together(pull=True)  # write our file (and, with git, push it) now
        if not code:
            self.dismiss(True)
            return
        # The code is shown this once: it is not kept anywhere it could be read again.
        self.query_one("#pairing-form").display = False
        self.query_one("#pairing-about").display = False
        shown = self.query_one("#pairing-code", Static)
        shown.update(
            Text.assemble(
                f"Paired through {folder}. Your pairing code, shown only this once:\n\n",
                (code, "bold"),
                "\n\nOn your partner's machine, once the folder is there too: Together (i), "
                "then Join with a code (c). Or in a shell:\n",
                f"micromance together join {folder} {code}",
            )
        )
        shown.display = True
        button = self.query_one("#pair", Button)
        button.label = "Done (enter)"
        button.disabled = False
        button.focus()
        self.query_one("#cancel", Button).display = False

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if not self._busy:
            self.dismiss(True if self._paired else None)
