"""The import layers hold: `lint-imports` checks the contracts in pyproject.toml (the core
imports neither Textual, the TUI nor the command line; the headless commands never import
the TUI; cli.py reaches it only through launch.py; no import cycle, function-local imports
included). The check is run on this tree, and on copies with one bad import added, which it
must refuse."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """`lint-imports` on the package under ``root``, with the contracts of this tree."""
    script = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if script is None:
        script = shutil.which("lint-imports")
    assert script is not None, "lint-imports is not installed: pip install -e '.[test]'"
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [script, "--no-cache", str(REPO / "pyproject.toml")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_import_layers_hold() -> None:
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


# Each case adds one line to a copy of the package: (module file, line, contract named).
BAD_IMPORTS = {
    "the core imports the TUI": (
        "core/daily.py",
        "from micromance_tui.tui.screen_table import SCREENS",
        "The core imports neither Textual",
    ),
    "a command imports cli.py inside a function": (
        "commands.py",
        "def _late() -> None:\n    from micromance_tui import cli",
        "No import cycles",
    ),
    "a headless command imports Textual": (
        "together_cli.py",
        "def _late() -> None:\n    import textual.app",
        "The headless commands never import Textual",
    ),
    "a widget imports the app at run time": (
        "tui/widgets/related.py",
        "from micromance_tui.tui.app import MicromanceApp",
        "No import cycles",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_IMPORTS))
def test_a_bad_import_breaks_a_contract(tmp_path: Path, case: str) -> None:
    relative, line, contract = BAD_IMPORTS[case]
    shutil.copytree(
        REPO / "micromance_tui",
        tmp_path / "micromance_tui",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    module = tmp_path / "micromance_tui" / relative
    module.write_text(module.read_text(encoding="utf-8") + f"\n\n{line}\n", encoding="utf-8")
    result = lint_imports(tmp_path)
    assert result.returncode != 0, result.stdout
    broken = result.stdout.split("Broken contracts", 1)[-1]
    assert contract in broken, result.stdout
