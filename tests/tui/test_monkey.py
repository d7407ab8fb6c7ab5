"""The monkey test, short: a seeded random walk of a few hundred steps through every screen
(see tests/monkeykit.py). The long walk (3,000+ steps) is `benchmarks/monkey.py`."""

from __future__ import annotations

from pathlib import Path

import pytest

from micromance_tui.core import paths as paths_mod
from micromance_tui.tui.screen_table import SCREENS
from tests.monkeykit import available_modes, check_journal_after, make_app, odd_library, walk

pytestmark = pytest.mark.slow  # a few hundred steps through every screen

STEPS = 320


@pytest.fixture
def sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """HOME and the working folder in tmp: an export the walk makes lands here."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(home)
    return tmp_path


@pytest.mark.parametrize("seed", [20261125])
async def test_a_random_walk_breaks_nothing(sandbox: Path, seed: int) -> None:
    journal_path = sandbox / "data" / "journal.json"
    library = odd_library(paths_mod.resolve().config_dir)  # shipped + a few odd ideas
    app = make_app(library, journal_path, seed=seed)
    before = {e.id for e in app.journal.tried()}

    result, expected = await walk(app, seed=seed, steps=STEPS)

    assert result.steps >= STEPS
    held = check_journal_after(journal_path, expected)  # opens cleanly, nothing lost
    assert held == len(expected) >= len(before) - result.deleted
    modes, _skipped = available_modes()
    seen = set(result.screens)
    screen_classes = {cls for mode, (_t, _k, _m, cls) in SCREENS.items() if mode in modes}
    assert screen_classes <= seen, f"not visited: {screen_classes - seen}\n{result.summary()}"
    assert "TriedDialog" in seen
