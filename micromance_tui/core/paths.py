"""Every path micromance reads or writes is decided here, and nowhere else.

Order of precedence for the user's folders: the command-line flag (passed in by the CLI
through :func:`configure`), then the environment variable, then the platform default from
platformdirs. A profile (``--profile sam``, a second person on the same machine) is a
``profiles/NAME`` folder inside each of the three, so it has its own journal, own gestures
and own cache, and the default profile keeps the folders it always had.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import platformdirs

from micromance_tui.core.record import record

APP_NAME = "micromance"
DATA_ENV = "MICROMANCE_DATA_DIR"
CONFIG_ENV = "MICROMANCE_CONFIG_DIR"
CACHE_ENV = "MICROMANCE_CACHE_DIR"

PROFILES_DIR = "profiles"
PROFILE_RULE = "1 to 32 letters, digits, '-' or '_', starting with a letter or digit"
_PROFILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,31}")

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


@record
class Paths:
    """The folders and files of one run."""

    data_dir: Path
    config_dir: Path
    cache_dir: Path
    content_dir: Path

    @property
    def journal_file(self) -> Path:
        return self.data_dir / "journal.json"

    @property
    def together_file(self) -> Path:
        """Together's key, settings and local copies of what was shared (0600)."""
        return self.data_dir / "together.json"

    @property
    def together_git_dir(self) -> Path:
        """The clone kept when the shared folder is a git remote."""
        return self.data_dir / "together-git"

    @property
    def user_gestures_dir(self) -> Path:
        return self.config_dir / "gestures"

    @property
    def user_prompts_dir(self) -> Path:
        return self.config_dir / "prompts"

    @property
    def library_cache_file(self) -> Path:
        return self.cache_dir / "library.json"

    @property
    def log_file(self) -> Path:
        """The crash log, in a folder of its own that is kept 0700 (core/crashlog.py)."""
        return self.cache_dir / "logs" / "micromance.log"


def shipped_content_dir() -> Path:
    """The content shipped with the app: inside the wheel, or the repository's `content/`."""
    installed = _PACKAGE_DIR / "_content"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / "content"


def _expand(value: str | Path, where: str) -> Path:
    """``~`` and ``~user`` expanded; ValueError (one line) when that user does not exist."""
    try:
        return Path(value).expanduser()
    except RuntimeError:
        raise ValueError(
            f"{where} is {str(value)!r}, but the home folder in it cannot be found "
            "(no such user?): give the folder's full path"
        ) from None


def _from_env(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    return _expand(value, f"${name}") if value else None


def check_profile(name: str) -> str:
    """`name` if it is a usable profile name, else ValueError with a one-line message.

    Only plain names pass, so a profile can never point outside the user's folders
    (``../x``, ``/etc``, ``a/b`` and the empty name are refused).
    """
    if not _PROFILE_NAME.fullmatch(name):
        raise ValueError(f"--profile {name!r}: a profile name is {PROFILE_RULE}")
    return name


def resolve(
    data_dir: str | Path | None = None,
    config_dir: str | Path | None = None,
    cache_dir: str | Path | None = None,
    content_dir: str | Path | None = None,
    profile: str | None = None,
) -> Paths:
    """Work out the paths for this run; explicit arguments win over the environment.

    With a `profile`, the data, config and cache folders are each that folder's
    ``profiles/NAME`` subfolder. ValueError (one line) for a bad profile name, or when a
    folder names the home of a user that does not exist.
    """
    data = _expand(data_dir, "--data-dir") if data_dir else _from_env(DATA_ENV)
    config = _expand(config_dir, "--config-dir") if config_dir else _from_env(CONFIG_ENV)
    cache = _expand(cache_dir, "the cache folder") if cache_dir else _from_env(CACHE_ENV)
    folders = [
        data or Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        config or Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        cache or Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
    ]
    if profile is not None:
        name = check_profile(profile)
        folders = [folder / PROFILES_DIR / name for folder in folders]
    return Paths(
        data_dir=folders[0],
        config_dir=folders[1],
        cache_dir=folders[2],
        content_dir=Path(content_dir) if content_dir else shipped_content_dir(),
    )
