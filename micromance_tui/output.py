"""Where the headless commands write: the one place output is made terminal-safe.

Text from files or the user never reaches the terminal raw (control characters and bidi
overrides are shown escaped, see ``terminal_safe``), and what the terminal's encoding cannot
show (an emoji under ``LANG=C``) is replaced, never an error. ``cli.main`` wraps stdout and
stderr in :class:`SafeOutput` while a headless command runs."""

from __future__ import annotations

import codecs
import sys
from typing import Any, TextIO

from micromance_tui.core.paths import Paths
from micromance_tui.core.textcheck import terminal_safe


class SafeOutput:
    """A text stream that writes ``terminal_safe`` text, replacing what its encoding cannot
    show. It wraps stdout and stderr while a headless command runs."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            name = codecs.lookup(encoding).name
        except LookupError:
            name = "ascii"
        self._encoding = None if name == "utf-8" else name

    def write(self, text: str) -> int:
        safe = terminal_safe(text)
        if self._encoding is not None:
            safe = safe.encode(self._encoding, errors="replace").decode(self._encoding)
        self._stream.write(safe)
        return len(text)

    @property
    def lossy(self) -> bool:
        """Whether some characters cannot be written as they are (the encoding is not UTF-8):
        JSON is then written with ASCII escapes, so no character is lost."""
        return self._encoding is not None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def json_ascii() -> bool:
    """``ensure_ascii`` for JSON written to stdout: only when it cannot take UTF-8."""
    stream = sys.stdout
    return bool(stream.lossy) if isinstance(stream, SafeOutput) else False


def say(message: str) -> None:
    """One line on stderr, made safe (also when stderr is not wrapped: the app's exit)."""
    print(f"micromance: {terminal_safe(message)}", file=sys.stderr)


def log_unexpected(error: BaseException, paths: Paths | None) -> str:
    """Log ``error`` privately; the path of the log, or a note that none was written."""
    from micromance_tui.core.crashlog import write_crash_log

    where = write_crash_log(error, paths.log_file) if paths is not None else None
    return (
        str(where) if where is not None else "(no log was written: the cache folder is not usable)"
    )
