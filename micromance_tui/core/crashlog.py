"""The crash log: where an unexpected error is written, for the command line and the app.

It is private, because a crash can happen while a note is being saved:

- the file is created 0600 in a folder created 0700 (the cache folder), opened without
  following a symbolic link, and it must be a regular file of our own; there is no fallback
  to a shared temporary folder, where another user could plant a link;
- it holds the traceback's frames (file, line, function, the line of code) and the type of
  each exception, never local variables and never an exception's message, which can quote a
  note, a name or a little thing (``note 'secret ...' is not allowed``). An OSError keeps
  its error number.

Core only: never imports Textual.
"""

from __future__ import annotations

import os
import stat
import traceback
from datetime import datetime
from pathlib import Path

from micromance_tui import __version__

__all__ = ["crash_report", "write_crash_log"]

_MAX_CHAIN = 5


def crash_report(error: BaseException) -> str:
    """The traceback of ``error`` (and its causes) without locals or messages."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen and len(parts) < _MAX_CHAIN:
        seen.add(id(current))
        frames = traceback.extract_tb(current.__traceback__)
        kind = type(current).__qualname__
        if isinstance(current, OSError) and current.errno is not None:
            kind += f" [errno {current.errno}]"
        parts.append(
            "Traceback (most recent call last):\n"
            + "".join(traceback.format_list(frames))
            + f"{kind} (message left out: it may quote your journal)\n"
        )
        current = current.__cause__ or current.__context__
    parts.reverse()  # the cause first, as Python prints it
    return "\nWhile handling that, another error happened:\n\n".join(parts)


def write_crash_log(error: BaseException, log_file: Path) -> Path | None:
    """Append a report of ``error`` to ``log_file``; its path, or None if it cannot be
    written privately (then nothing is written anywhere)."""
    header = f"--- micromance {__version__}, {datetime.now().isoformat(timespec='seconds')}\n"
    try:
        log_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private_folder(log_file.parent):
            return None
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(log_file, flags | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not _ours(info):
            return None
        if hasattr(os, "fchmod") and stat.S_IMODE(info.st_mode) & 0o077:
            os.fchmod(fd, 0o600)
        os.write(fd, (header + crash_report(error) + "\n").encode("utf-8", "replace"))
    except OSError:
        return None
    finally:
        os.close(fd)
    return log_file


def _ours(info: os.stat_result) -> bool:
    geteuid = getattr(os, "geteuid", None)
    return geteuid is None or info.st_uid == geteuid()


def _private_folder(folder: Path) -> bool:
    """Whether ``folder`` is a real folder of ours that only we can use (made so if we can)."""
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode) or not _ours(info):
        return False
    if os.name == "posix" and stat.S_IMODE(info.st_mode) & 0o077:
        os.chmod(folder, 0o700)
    return True
