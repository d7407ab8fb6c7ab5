"""Build small, valid content folders for tests, and gestures in bulk for benchmarks."""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path
from typing import Any

LANGS = ["words", "service", "gifts", "time", "touch"]
NAMES = {
    "words": "Words of affirmation",
    "service": "Acts of service",
    "gifts": "Receiving gifts",
    "time": "Quality time",
    "touch": "Physical touch",
}
MOMENTS = ["morning", "daytime", "evening", "bedtime", "weekend", "after-hard-day"]
DECKS = ["love-maps", "dreams", "appreciation", "check-in", "repair", "playful", "needs"]


def dump(data: Any) -> str:
    """YAML is a superset of JSON, so JSON lines keep every string quoted."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def gesture(i: int, lang: str | None = None, **extra: Any) -> dict[str, Any]:
    lang = lang or LANGS[i % 5]
    g: dict[str, Any] = {
        "id": f"idea-{i}",
        "title": f"Small idea number {i}",
        "summary": f"A one-line summary of idea {i} about {NAMES[lang].lower()}.",
        "how": f"1. Do the first step of idea {i}.\n2. Then the second step.\n",
        "why": "It shows you were paying attention.",
        "languages": [lang],
        "effort": ["tiny", "small", "medium"][i % 3],
        "cost": ["free", "low", "medium"][i % 3],
        "moments": [MOMENTS[i % len(MOMENTS)]],
        "tags": ["tag" + str(i % 7)],
        "variations": [f"Variation {i}a", f"Variation {i}b"],
    }
    g.update(extra)
    return g


def quiz() -> dict[str, Any]:
    classic = []
    n = 0
    for rep in range(3):
        for x, y in combinations(LANGS, 2):
            n += 1
            a, b = (x, y) if rep % 2 == 0 else (y, x)
            classic.append(
                {
                    "id": f"c{n:02d}",
                    "a": {"text": f"Statement {n}a", "language": a},
                    "b": {"text": f"Statement {n}b", "language": b},
                }
            )
    rating = []
    n = 0
    for lang in LANGS:
        for direction in ("receive", "give"):
            for _ in range(3):
                n += 1
                rating.append(
                    {
                        "id": f"r{n:02d}",
                        "text": f"Rating {n}",
                        "language": lang,
                        "direction": direction,
                    }
                )
    return {"classic": classic, "rating": rating}


def prompt(i: int, deck: str = "playful", **extra: Any) -> dict[str, Any]:
    p: dict[str, Any] = {
        "id": f"{deck}-question-{i}",
        "deck": deck,
        "text": f"What would you say to question {i} of {deck}?",
        "follow_up": f"And what comes after question {i}?",
    }
    p.update(extra)
    return p


def make_prompts(root: Path, per_deck: int = 3, decks: list[str] | None = None) -> Path:
    """Write `root/prompts/<deck>.yaml` with `per_deck` prompts in each deck."""
    folder = root / "prompts"
    folder.mkdir(parents=True, exist_ok=True)
    for deck in decks or DECKS:
        items = [prompt(i, deck) for i in range(per_deck)]
        (folder / f"{deck}.yaml").write_text(dump(items), encoding="utf-8")
    return folder


def make_content(root: Path, n_gestures: int = 10, prompts_per_deck: int = 0) -> Path:
    """Write a complete valid content folder under `root` and return it (with
    `prompts_per_deck` prompts in each deck, none by default)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "gestures").mkdir(exist_ok=True)
    langs = [
        {
            "id": lid,
            "name": NAMES[lid],
            "short": f"Short line for {lid}.",
            "about": f"About {lid}.\n",
        }
        for lid in LANGS
    ]
    (root / "languages.yaml").write_text(dump(langs), encoding="utf-8")
    (root / "gestures" / "main.yaml").write_text(
        dump([gesture(i) for i in range(n_gestures)]), encoding="utf-8"
    )
    faq = [
        {
            "id": "what-is-it",
            "question": "What is it?",
            "answer": "Small acts.",
            "related": ["idea-0", "start-here"],
        }
    ]
    (root / "faq.yaml").write_text(dump(faq), encoding="utf-8")
    guides = [
        {
            "id": "start-here",
            "title": "Start here",
            "summary": "A first guide.",
            "body": "## Hello\n\nText.\n",
            "related": ["idea-1"],
        }
    ]
    (root / "guides.yaml").write_text(dump(guides), encoding="utf-8")
    (root / "quiz.yaml").write_text(dump(quiz()), encoding="utf-8")
    if prompts_per_deck:
        make_prompts(root, prompts_per_deck)
    return root
