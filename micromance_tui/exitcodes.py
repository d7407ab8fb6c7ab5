"""The exit codes of the `micromance` command and the one error that carries one.

Below every command module (``cli``, ``commands``, ``together_cli``, ``web``), which all
raise :class:`CliError`; ``cli.main`` prints it as one line and exits with its code."""

from __future__ import annotations

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_JOURNAL = 3


class CliError(Exception):
    """An expected failure: printed as one line, exits with `code`."""

    def __init__(self, message: str, code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.code = code
