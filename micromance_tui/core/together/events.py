"""Together's events: the one schema for what a partner shares, checked like an import.

An event is a JSON object with an ``id``, a ``kind``, the author's clock (``at``) and the
fields of its kind. Events never change: an edit is a new event that ``replaces`` an older
one, a retraction is a ``retract`` event naming its ``target``. Everything read from the
shared folder goes through :func:`check_event` before anything else looks at it.
"""

from __future__ import annotations

import math
import re
import secrets
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from micromance_tui.core.textcheck import bad_characters

__all__ = ["KINDS", "EventError", "check_event", "live_events", "new_event_id"]

_ID_RE = re.compile(r"[A-Za-z0-9]{8,64}")
_GESTURE_RE = re.compile(r"[A-Za-z0-9_.:-]{1,100}")
LANGUAGE_KEY = re.compile(r"[a-z0-9-]{1,40}")
DATE_KINDS = ("birthday", "anniversary", "custom")


class EventError(ValueError):
    """Why an event was refused, in a few words."""


def new_event_id() -> str:
    return secrets.token_hex(12)


def _id(value: object, name: str) -> str:
    if not isinstance(value, str) or not _ID_RE.fullmatch(value):
        raise EventError(f"{name} is not an event id")
    return value


def _text(value: object, name: str, high: int) -> str:
    if not isinstance(value, str):
        raise EventError(f"the {name} is not text")
    if not value:
        raise EventError(f"the {name} is empty")
    if len(value) > high:
        raise EventError(f"the {name} has {len(value)} characters; at most {high}")
    problem = bad_characters(value)
    if problem:
        raise EventError(f"the {name} has {problem}")
    return value


def _day(value: object, name: str) -> str:
    if not isinstance(value, str) or len(value) != 10:
        raise EventError(f"{name} is not a date")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise EventError(f"{name} is not a date") from None
    return value


def _moment(value: object, name: str) -> str:
    if not isinstance(value, str) or not 10 <= len(value) <= 40:
        raise EventError(f"{name} is not a date and time")
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise EventError(f"{name} is not a date and time") from None
    return value


def _numbers(value: object, name: str) -> dict[str, float]:
    if not isinstance(value, Mapping) or len(value) > 20:
        raise EventError(f"{name} is not a table of scores")
    result: dict[str, float] = {}
    for key, number in value.items():
        if (
            not isinstance(key, str)
            or not LANGUAGE_KEY.fullmatch(key)
            or isinstance(number, bool)
            or not isinstance(number, (int, float))
            or not math.isfinite(number)
            or not 0 <= number <= 1000
        ):
            raise EventError(f"{name} is not a table of scores")
        result[key] = float(number)
    return result


def _quiz(e: Mapping[str, Any]) -> dict[str, Any]:
    if e.get("mode") not in ("classic", "rating"):
        raise EventError("mode is not classic or rating")
    return {
        "mode": e["mode"],
        "scores": _numbers(e.get("scores"), "scores"),
        "receive": _numbers(e.get("receive"), "receive"),
        "give": _numbers(e.get("give"), "give"),
        "taken": _moment(e.get("taken"), "taken"),
    }


def _tried(e: Mapping[str, Any]) -> dict[str, Any]:
    gesture = e.get("gesture")
    if not isinstance(gesture, str) or not _GESTURE_RE.fullmatch(gesture):
        raise EventError("gesture is not an idea id")
    out = {
        "gesture": gesture,
        "title": _text(e.get("title"), "title", 200),
        "date": _day(e.get("date"), "date"),
    }
    if "note" in e:
        out["note"] = _text(e["note"], "note", 2000)
    return out


def _react(e: Mapping[str, Any]) -> dict[str, Any]:
    reaction = e.get("reaction")
    if isinstance(reaction, bool) or reaction not in (1, 2, 3, 4, 5):
        raise EventError("reaction is not 1 to 5")
    return {"to": _id(e.get("to"), "to"), "reaction": reaction}


def _appreciation(e: Mapping[str, Any]) -> dict[str, Any]:
    return {"text": _text(e.get("text"), "text", 500)}


def _answer(e: Mapping[str, Any]) -> dict[str, Any]:
    prompt = e.get("prompt")
    if not isinstance(prompt, str) or not _GESTURE_RE.fullmatch(prompt):
        raise EventError("prompt is not a question id")
    return {
        "day": _day(e.get("day"), "day"),
        "prompt": prompt,
        "text": _text(e.get("text"), "text", 2000),
    }


def _thing(e: Mapping[str, Any]) -> dict[str, Any]:
    return {"label": _text(e.get("label"), "label", 40), "text": _text(e.get("text"), "text", 500)}


def _date(e: Mapping[str, Any]) -> dict[str, Any]:
    if e.get("date_kind") not in DATE_KINDS:
        raise EventError("date_kind is not birthday, anniversary or custom")
    if not isinstance(e.get("yearly"), bool):
        raise EventError("yearly is not true or false")
    return {
        "date_kind": e["date_kind"],
        "label": _text(e.get("label"), "label", 40),
        "date": _day(e.get("date"), "date"),
        "yearly": e["yearly"],
    }


def _retract(e: Mapping[str, Any]) -> dict[str, Any]:
    return {"target": _id(e.get("target"), "target")}


_CHECKS = {
    "quiz": _quiz,
    "tried": _tried,
    "react": _react,
    "appreciation": _appreciation,
    "answer": _answer,
    "thing": _thing,
    "date": _date,
    "retract": _retract,
}
KINDS = tuple(_CHECKS)


def check_event(value: object) -> dict[str, Any]:
    """A clean copy of ``value`` holding only known fields; EventError says what is wrong."""
    if not isinstance(value, Mapping):
        raise EventError("not an object")
    kind = value.get("kind")
    if kind not in _CHECKS:
        raise EventError("of a kind this version does not know")
    event: dict[str, Any] = {
        "id": _id(value.get("id"), "id"),
        "kind": kind,
        "at": _moment(value.get("at"), "at"),
    }
    event.update(_CHECKS[kind](value))
    if "replaces" in value and kind != "retract":
        event["replaces"] = _id(value["replaces"], "replaces")
    return event


def live_events(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """What stands after edits and retractions, oldest first (by the author's clock).

    A reaction to the same event replaces the earlier one. The events themselves are
    returned, not copies: treat them as read-only.
    """
    all_events = list(events)
    gone = {e["target"] for e in all_events if e["kind"] == "retract"}
    gone |= {e["replaces"] for e in all_events if "replaces" in e}
    ordered = sorted(
        (e for e in all_events if e["kind"] != "retract" and e["id"] not in gone),
        key=itemgetter("at", "id"),
    )
    latest_reaction: dict[str, str] = {}
    for e in ordered:
        if e["kind"] == "react":
            latest_reaction[e["to"]] = e["id"]
    return [e for e in ordered if e["kind"] != "react" or latest_reaction[e["to"]] == e["id"]]
