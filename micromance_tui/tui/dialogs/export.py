"""Export the journal to a file: JSON (everything, can be imported again) or CSV (the tried
entries, for a spreadsheet). The path is checked as it is typed; an existing file is only
replaced after a yes."""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from micromance_tui.core.plural import plural
from micromance_tui.core.record import record
from micromance_tui.tui.dialogs.confirm import ConfirmDialog
from micromance_tui.tui.validate import show_error
from micromance_tui.tui.widgets.field import Field

Format = Literal["json", "csv"]
SUFFIXES: dict[str, Format] = {".json": "json", ".csv": "csv"}


@record
class ExportRequest:
    path: Path
    format: Format


def export_target(value: str) -> Path:
    return Path(value.strip()).expanduser()


def export_path_problem(value: str) -> str:
    """A message for the line under the path field, or "" when the path can be written."""
    text = value.strip()
    if not text:
        return "Enter a file path, like ~/micromance.json."
    if any(ord(ch) < 32 for ch in text):
        return "The path has control characters; remove them."
    path = export_target(text)
    try:
        is_folder = path.is_dir()
    except OSError as exc:  # a name too long for the file system, and the like
        return f"That path cannot be used: {exc.strerror or exc}."
    if is_folder:
        return f"{path} is a folder; add a file name, like {path / 'micromance.json'}."
    if path.suffix.lower() not in SUFFIXES:
        return "Use a name ending in .json or .csv."
    folder = path.parent
    if not folder.exists():
        return f"The folder {folder} does not exist."
    if not folder.is_dir():
        return f"{folder} is not a folder."
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"You cannot write in the folder {folder}."
    if path.exists() and not path.is_file():
        return f"{path} is not a regular file."
    return ""


class ExportDialog(ModalScreen[ExportRequest | None]):
    """Returns where and how to export, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "export", "Export"),
    ]

    def __init__(self, path: str, *, entries: int) -> None:
        super().__init__()
        self._path = path
        self._entries = entries

    def compose(self) -> ComposeResult:
        fmt = SUFFIXES.get(export_target(self._path).suffix.lower(), "json")
        with Vertical(id="export-dialog", classes="dialog"):
            yield Label("Export the journal", classes="dialog-title")
            n = self._entries
            yield Static(f"{plural(n, 'tried entry', 'tried entries')}.", classes="muted")
            with RadioSet(id="format", compact=True):
                yield RadioButton("JSON", value=fmt == "json", id="json")
                yield RadioButton("CSV", value=fmt == "csv", id="csv")
            yield Static(
                "JSON holds everything and can be imported again; CSV holds the tried "
                "entries, for a spreadsheet.",
                classes="muted",
            )
            yield Label("File (.json or .csv)", classes="field-label")
            yield Field(self._path, id="path", compact=True)
            yield Label("", id="path-error", classes="field-error")
            yield Label("", id="path-note", classes="muted")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export (ctrl+s)", variant="primary", id="export", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        path = self.query_one("#path", Input)
        path.focus()
        path.cursor_position = len(path.value)
        self._check()

    def _check(self) -> str:
        value = self.query_one("#path", Input).value
        problem = export_path_problem(value)
        show_error(self.query_one("#path-error", Label), problem)
        note = ""
        if not problem and export_target(value).exists():
            note = "That file exists: you will be asked before it is replaced."
        show_error(self.query_one("#path-note", Label), note)
        return problem

    @on(Input.Changed, "#path")
    def _path_changed(self, event: Input.Changed) -> None:
        self._check()
        fmt = SUFFIXES.get(export_target(event.value).suffix.lower())
        if fmt is not None:
            button = self.query_one(f"#{fmt}", RadioButton)
            if not button.value:
                with self.prevent(RadioSet.Changed):
                    button.value = True

    @on(RadioSet.Changed, "#format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        wanted = ".csv" if event.pressed.id == "csv" else ".json"
        field = self.query_one("#path", Input)
        text = field.value.strip()
        if not text:
            return
        path = Path(text)
        if path.suffix.lower() in SUFFIXES:
            text = text[: -len(path.suffix)] + wanted
        elif not text.endswith(("/", os.sep)):
            text = text + wanted
        if text != field.value:
            field.value = text

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#export")
    def action_export(self) -> None:
        if self._check():
            self.query_one("#path", Input).focus()
            return
        path = export_target(self.query_one("#path", Input).value)
        request = ExportRequest(path, SUFFIXES[path.suffix.lower()])
        if path.exists():

            def answered(yes: bool | None) -> None:
                if yes:
                    self.dismiss(request)

            self.app.push_screen(
                ConfirmDialog(
                    f"Replace {path.name}?",
                    f"{path} already exists; exporting replaces it.",
                    yes="Replace",
                    no="Keep it",
                ),
                answered,
            )
            return
        self.dismiss(request)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
