"""Opening the full-screen app: the one place the command line imports the TUI (the
import-layer contract in pyproject.toml holds every other command module to that). Textual
is imported only here, inside the functions, so the headless commands never load it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from micromance_tui.core.clock import Clock
from micromance_tui.core.paths import Paths
from micromance_tui.exitcodes import EXIT_ERROR, EXIT_OK
from micromance_tui.headless import OpenedJournal, load_content, open_journal, own_file_kind
from micromance_tui.output import log_unexpected, say

if TYPE_CHECKING:
    import argparse

    from micromance_tui.tui.app import MicromanceApp


def build_app(
    args: argparse.Namespace, paths: Paths, clock: Clock
) -> tuple[MicromanceApp, OpenedJournal]:
    """The app as the bare command opens it (tests run it with ``run_test``)."""
    library_result = load_content(paths)
    opened = open_journal(paths, clock)
    from micromance_tui.tui.app import MicromanceApp

    notices = [n for n in [opened.notice] if n]
    notices += [problem[:1].upper() + problem[1:] for problem in opened.journal.problems()]
    if opened.journal.read_only:
        notices.append(
            f"The journal {opened.journal.path} is read-only: you can look around, "
            "but nothing you change will be saved."
        )
    app = MicromanceApp(
        library_result.library,
        opened.journal,
        clock=clock,
        paths=paths,
        theme=args.theme,
        notices=notices
        + [f"Skipped your {own_file_kind(e)} file: {e}" for e in library_result.user_errors],
    )
    return app, opened


def run_app(args: argparse.Namespace, paths: Paths, clock: Clock) -> int:
    app, opened = build_app(args, paths, clock)
    app.run()
    if app.crash is not None and app.return_code == 1:  # Textual stopped on it
        where = log_unexpected(app.crash, paths)
        say(
            f"the app stopped on an unexpected error ({type(app.crash).__name__}); "
            f"details in {where}; everything saved before it is kept"
        )
        return EXIT_ERROR
    return opened.finish(app.return_code or EXIT_OK) if opened.notice else (app.return_code or 0)
