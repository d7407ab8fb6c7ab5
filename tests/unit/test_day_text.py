"""Days written for people ("Tue 1 Dec"), the same on every platform."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from micromance_tui.core.clock import day_text

PACKAGE = Path(__file__).resolve().parents[2] / "micromance_tui"


def test_a_day_has_no_leading_zero_and_the_year_only_when_asked() -> None:
    assert day_text(date(2026, 12, 1)) == "Tue 1 Dec"
    assert day_text(date(2026, 11, 24), year=True) == "Tue 24 Nov 2026"


def test_no_strftime_flag_that_windows_lacks() -> None:
    """'%-d' and '%#d' are platform extensions (glibc and Windows): one crashes on the
    other. Every day shown without a leading zero goes through day_text."""
    flagged = re.compile(r"%[-#][a-zA-Z]")
    found = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if flagged.search(line)
    ]
    assert found == []
