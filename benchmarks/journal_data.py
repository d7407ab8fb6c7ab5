"""Generated journals for the benchmarks: many tried entries, written through the real
storage, so each benchmark measures the same kind of file."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from micromance_tui.core.journal import SCHEMA_VERSION, new_id
from micromance_tui.core.storage import SafeJSONStorage

WORDS = [
    "she",
    "laughed",
    "and",
    "we",
    "had",
    "tea",
    "on",
    "the",
    "balcony",
    "before",
    "the",
    "rain",
    "came",
    "in",
    "again",
]


def tried_docs(
    entries: int,
    gesture_ids: Sequence[str],
    day_of: Callable[[int, random.Random], date],
    seed: int = 7,
) -> dict[str, dict[str, object]]:
    """`entries` tried entries; `day_of(n, rng)` gives the n-th entry's day."""
    rng = random.Random(seed)
    tried: dict[str, dict[str, object]] = {}
    for n in range(1, entries + 1):
        day = day_of(n, rng)
        tried[str(n)] = {
            "id": new_id(),
            "gesture": rng.choice(gesture_ids),
            "date": day.isoformat(),
            "time": f"{rng.randrange(24):02d}:{rng.randrange(60):02d}",
            "note": " ".join(rng.choices(WORDS, k=rng.randrange(0, 16))),
            "reaction": rng.choice([None, 1, 2, 3, 4, 5]),
            "for_whom": "partner",
            "created": f"{day.isoformat()}T12:00:00",
        }
    return tried


def write_journal(path: Path, tried: dict[str, dict[str, object]], **tables: Any) -> None:
    """Write a journal file with these tried entries and any other tables."""
    storage = SafeJSONStorage(path)
    storage.write({"meta": {"1": {"schema": SCHEMA_VERSION}}, "tried": tried, **tables})
    storage.close()
