"""Shared fixtures: every test runs against temporary folders, never the user's own."""

from __future__ import annotations

import os
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
