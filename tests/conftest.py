"""Shared fixtures: every test runs against temporary folders, never the user's own."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point data, config and cache at temp folders for every test."""
    for name in ("MICROMANCE_DATA_DIR", "MICROMANCE_CONFIG_DIR", "MICROMANCE_CACHE_DIR"):
        folder = tmp_path / "_env" / name.split("_")[1].lower()
        monkeypatch.setenv(name, str(folder))
    monkeypatch.delenv("MICROMANCE_NOW", raising=False)
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder an unprivileged user can reach (tmp_path's parents are root's only), for the
    tests that check real permissions as uid 65534."""
    base = Path(tempfile.mkdtemp(prefix="micromance-perm-"))
    os.chmod(base, 0o755)
    yield base
    for folder, _dirs, _files in os.walk(base):
        os.chmod(folder, 0o755)
    shutil.rmtree(base)
