"""`micromance serve` and `--profile` without a browser: messages, names and folders."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from micromance_tui.cli import main
from micromance_tui.core import paths as paths_mod


@pytest.mark.parametrize("name", ["../x", "a/b", "", ".hidden", "x" * 33, "sam sam"])
def test_a_bad_profile_name_is_one_line(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--profile", name, "log"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--profile" in err and "letters, digits" in err


def test_a_profile_has_its_own_three_folders(tmp_path: Path) -> None:
    base = paths_mod.resolve(tmp_path / "d", tmp_path / "c", tmp_path / "k")
    sam = paths_mod.resolve(tmp_path / "d", tmp_path / "c", tmp_path / "k", profile="sam")
    assert sam.data_dir == base.data_dir / "profiles" / "sam"
    assert sam.config_dir == base.config_dir / "profiles" / "sam"
    assert sam.cache_dir == base.cache_dir / "profiles" / "sam"


def test_serve_without_textual_serve_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)  # import fails
    assert main(["serve"]) == 1
    err = capsys.readouterr().err
    assert (
        err == 'micromance: micromance serve needs textual-serve: pip install "micromance[web]"\n'
    )


@pytest.mark.parametrize("token", ["short", "has space in it", "é" * 10])
def test_a_bad_token_is_one_line(token: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--token", token]) == 2
    assert capsys.readouterr().err.startswith("micromance: --token: a token is 8 to 128")
