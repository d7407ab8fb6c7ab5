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


def test_two_profiles_on_one_machine_pair_through_a_local_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A partner who uses the app in a browser on this machine (`serve --profile sam`) pairs
    with the terminal's profile through a plain local folder."""
    import json

    shared = tmp_path / "shared"
    shared.mkdir()
    init = ["--profile", "alex", "together", "init", str(shared), "--name", "Alex", "--json"]
    assert main(init) == 0
    code = json.loads(capsys.readouterr().out)["code"]
    assert main(["--profile", "sam", "together", "join", str(shared), code, "--name", "Sam"]) == 0
    assert main(["--profile", "alex", "appreciate", "Thanks for the soup"]) == 0
    capsys.readouterr()
    assert main(["--profile", "sam", "inbox", "--json"]) == 0
    inbox = json.dumps(json.loads(capsys.readouterr().out))
    assert "Thanks for the soup" in inbox
    # and nothing of it reached the default profile, which is not paired at all
    main(["inbox", "--json"])
    assert "soup" not in capsys.readouterr().out
