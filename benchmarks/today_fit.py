"""How often a new user's first idea of the day fits the moment it is shown.

Walks four weeks (28 days from Monday 2 November 2026) at 08:00, 13:00, 19:30 and 22:30:
112 moments. Each moment runs ``micromance today --json`` in this process, with an empty
journal in a fresh folder and ``MICROMANCE_NOW`` set, exactly as a shell start-up file
would. A pick fits when

- it names no time of day, or names the one it is now (05-11 morning, 11-17 daytime,
  17-21 evening, otherwise bedtime);
- it does not need the weekend on a weekday;
- it is not for a special day, a tough time or after a hard day (nobody said so), and it
  has no situation (repair, grief, ...);
- it is not only for when the two of you are apart (apart mode is off).

The gesture's tags are read from the library of the code being measured, so the same
script measures any checkout: run it with that checkout on ``PYTHONPATH``::

    PYTHONPATH=$PWD python benchmarks/today_fit.py            # this tree
    git archive 057e61c | tar -x -C /tmp/mm-before             # main before issue 13
    PYTHONPATH=/tmp/mm-before python benchmarks/today_fit.py

``-v`` lists every pick that does not fit.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import tempfile
from datetime import date, datetime, time, timedelta

TIMES = (time(8, 0), time(13, 0), time(19, 30), time(22, 30))
START = date(2026, 11, 2)  # a Monday
DAYS = 28
SAID_ONLY = {"special-day", "tough-times", "after-hard-day", "apart-only"}
SLOTS = ("morning", "daytime", "evening", "bedtime")


def slot_of(hour: int) -> str:
    if 5 <= hour < 11:
        return "morning"
    if 11 <= hour < 17:
        return "daytime"
    if 17 <= hour < 21:
        return "evening"
    return "bedtime"


def misfit(moments: tuple[str, ...], situations: tuple[str, ...], now: datetime) -> str:
    """Why a pick does not fit `now` (empty when it fits)."""
    named = [m for m in moments if m in SLOTS]
    if named and slot_of(now.hour) not in named:
        return f"names {'/'.join(named)}"
    if "weekend" in moments and now.weekday() < 5:
        return "needs the weekend"
    said = sorted(SAID_ONLY & set(moments))
    if said:
        return f"for a {said[0]} day nobody mentioned"
    if situations:
        return f"for a situation ({situations[0]})"
    return ""


def main() -> int:
    from micromance_tui import cli
    from micromance_tui.core import paths as paths_mod
    from micromance_tui.core.content import load_library

    verbose = "-v" in sys.argv[1:]
    fits = total = 0
    with tempfile.TemporaryDirectory() as root:
        os.environ[paths_mod.CONFIG_ENV] = os.path.join(root, "config")
        os.environ[paths_mod.CACHE_ENV] = os.path.join(root, "cache")
        library = load_library(paths_mod.resolve(data_dir=os.path.join(root, "lib"))).library
        for offset in range(DAYS):
            for moment in TIMES:
                now = datetime.combine(START + timedelta(days=offset), moment)
                data_dir = os.path.join(root, f"data-{total}")
                os.environ["MICROMANCE_NOW"] = now.isoformat()
                out = io.StringIO()
                with contextlib.redirect_stdout(out):
                    code = cli.main(["today", "--json", "--data-dir", data_dir])
                if code != 0:
                    print(f"{now}: exit {code}", file=sys.stderr)
                    return 1
                idea = json.loads(out.getvalue())["idea"]
                gesture = library.gesture_by_id[idea["id"]]
                why = misfit(gesture.moments, getattr(gesture, "situations", ()), now)
                total += 1
                fits += not why
                if why and verbose:
                    print(f"{now:%a %d %b %H:%M}  {gesture.title}  [{why}]")
    print(f"{fits} of {total} first picks fit the moment ({100 * fits / total:.0f}%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
