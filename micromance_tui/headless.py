"""The steps the headless commands share (``commands`` and ``together_cli`` both use them):
load the content, open the journal, read a reaction from the command line. Each failure is a
:class:`CliError` with one line to print; nothing here imports Textual."""

from __future__ import annotations

import sys
from pathlib import Path

from micromance_tui.core.clock import Clock
from micromance_tui.core.content import (
    ContentError,
    ContentErrors,
    LoadResult,
    kind_of,
    load_library,
)
from micromance_tui.core.journal import REACTIONS, Journal, JournalError
from micromance_tui.core.paths import Paths
from micromance_tui.core.plural import plural
from micromance_tui.exitcodes import EXIT_ERROR, EXIT_JOURNAL, EXIT_OK, EXIT_USAGE, CliError
from micromance_tui.output import say


def load_content(paths: Paths) -> LoadResult:
    """The library, or a CliError listing every content error. User-file problems are
    printed as one line each and the file is skipped."""
    try:
        result = load_library(paths)
    except ContentErrors as exc:
        for error in exc.errors:
            print(str(error), file=sys.stderr)
        raise CliError(
            f"the shipped content has {plural(len(exc.errors), 'error')}; nothing was changed",
            EXIT_ERROR,
        ) from None
    for error in result.user_errors:
        say(f"skipped your {own_file_kind(error)} file: {error}")
    return result


def own_file_kind(error: ContentError) -> str:
    """What a file of the user's own holds, as its skipped message says: gestures or prompts."""
    return kind_of(Path(error.file))


class OpenedJournal:
    """A journal and whether it was recovered from a corrupt file on this run."""

    def __init__(self, journal: Journal, notice: str | None) -> None:
        self.journal = journal
        self.notice = notice

    def finish(self, code: int) -> int:
        """Exit code for the run: 3 when the journal had to be recovered."""
        if self.notice:
            say(self.notice)
            return EXIT_JOURNAL if code == EXIT_OK else code
        return code


def recovery_notice(journal: Journal) -> str | None:
    if journal.recovered_from is None:
        return None
    reason = f" ({journal.corrupt_reason})" if journal.corrupt_reason else ""
    return (
        f"the journal file could not be read{reason}, so a fresh one was started; "
        f"the old file is kept at {journal.recovered_from}"
    )


def open_journal(paths: Paths, clock: Clock) -> OpenedJournal:
    try:
        journal = Journal.open(paths.journal_file, clock=clock)
        problems = journal.problems()
    except JournalError as exc:
        raise CliError(str(exc), EXIT_JOURNAL) from None
    for problem in problems:  # entries kept but not shown, ids re-issued: say so, go on
        say(problem)
    return OpenedJournal(journal, recovery_notice(journal))


def parse_reaction(value: str | None) -> int | None:
    if value is None:
        return None
    allowed = ", ".join(f"{k} {v}" for k, v in REACTIONS.items())
    try:
        number = int(value.strip())
    except ValueError:
        number = 0
    if number not in REACTIONS:
        raise CliError(
            f"reaction '{value}' is not allowed: use a whole number from 1 to 5 ({allowed})",
            EXIT_USAGE,
        )
    return number
