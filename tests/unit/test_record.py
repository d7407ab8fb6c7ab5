"""``@record`` (core/record.py): immutable to the type checker, hashable by its fields."""

from __future__ import annotations

import dataclasses
import textwrap
from pathlib import Path

from micromance_tui.core.journal import TriedEntry
from micromance_tui.core.search import Filters

REPO = Path(__file__).resolve().parents[2]


def test_a_record_hashes_and_compares_by_its_fields() -> None:
    a, b = Filters(language="time"), Filters(language="time")
    assert a == b and hash(a) == hash(b)
    assert len({a, b, Filters()}) == 2
    assert dataclasses.replace(a, language="") == Filters()


def test_mypy_refuses_to_change_a_record(tmp_path: Path) -> None:
    from mypy import api

    snippet = tmp_path / "change_a_record.py"
    snippet.write_text(
        textwrap.dedent(
            """
            from micromance_tui.core.journal import TriedEntry

            def edit(entry: TriedEntry) -> None:
                entry.note = "changed in place"
            """
        )
    )
    out, _err, status = api.run(
        ["--strict", "--no-incremental", "--follow-imports=silent", str(snippet)]
    )
    assert status == 1, out
    assert 'Property "note" defined in "TriedEntry" is read-only' in out
    assert dataclasses.is_dataclass(TriedEntry)
