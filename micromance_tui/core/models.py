"""Typed objects for the shipped content: love languages, gestures, conversation prompts,
FAQ, guides and quiz."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from micromance_tui.core.record import record

LANGUAGE_IDS: tuple[str, ...] = ("words", "service", "gifts", "time", "touch")
LANGUAGE_NAMES: dict[str, str] = {
    "words": "Words of affirmation",
    "service": "Acts of service",
    "gifts": "Receiving gifts",
    "time": "Quality time",
    "touch": "Physical touch",
}
EFFORTS: tuple[str, ...] = ("tiny", "small", "medium", "large")
EFFORT_HINTS: dict[str, str] = {
    "tiny": "under 2 minutes",
    "small": "under 15 minutes",
    "medium": "under an hour",
    "large": "an hour or more",
}
COSTS: tuple[str, ...] = ("free", "low", "medium")
MOMENTS: tuple[str, ...] = (
    "morning",
    "daytime",
    "evening",
    "bedtime",
    "weekend",
    "after-hard-day",
    "apart",
    "apart-only",
    "tough-times",
    "special-day",
)
#: Seasons of life an idea is written for (content contract: docs/content.md). An idea with a
#: situation is always findable in Browse, and is today's idea only on such a day.
SITUATIONS: tuple[str, ...] = (
    "repair",
    "chronic-illness",
    "new-parents",
    "grief",
    "shift-work",
    "big-change",
    "deadlines",
)
#: What each situation means, as Browse shows it and search finds it.
SITUATION_NAMES: dict[str, str] = {
    "repair": "After a fight or a hurt",
    "chronic-illness": "Chronic illness or disability",
    "new-parents": "New parents",
    "grief": "Grief and loss",
    "shift-work": "Shift work or long hours",
    "big-change": "Moving or a big change",
    "deadlines": "Exams or deadlines",
}
#: The same, in a word or two, for narrow lists (Browse's filter).
SITUATION_SHORT: dict[str, str] = {
    "repair": "After a fight",
    "chronic-illness": "Illness",
    "new-parents": "New parents",
    "grief": "Grief",
    "shift-work": "Shift work",
    "big-change": "Big change",
    "deadlines": "Deadlines",
}
#: The tag that marks a gesture as a date idea (Browse has a filter for it).
DATE_IDEA_TAG = "date-idea"
#: Decks of conversation prompts, in the order the Ask screen lists them; a prompts file is
#: named after its deck (content/prompts/<deck>.yaml).
PROMPT_DECKS: tuple[str, ...] = (
    "love-maps",
    "dreams",
    "appreciation",
    "check-in",
    "repair",
    "playful",
    "needs",
)
DECK_NAMES: dict[str, str] = {
    "love-maps": "Getting to know you now",
    "dreams": "Dreams and plans",
    "appreciation": "Appreciation",
    "check-in": "The weekly check-in",
    "repair": "Repair and reconnection",
    "playful": "Light and playful",
    "needs": "Asking for what you need",
}
DIRECTIONS: tuple[str, ...] = ("receive", "give")


@record
class LoveLanguage:
    """One of the five love languages, as languages.yaml describes it."""

    id: str
    name: str
    short: str
    about: str


@record
class Gesture:
    """One small idea: what to do, how, why, and which love languages it speaks."""

    id: str
    title: str
    summary: str
    how: str
    why: str
    languages: tuple[str, ...]
    effort: str
    cost: str
    moments: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    variations: tuple[str, ...] = ()
    source: str = ""
    situations: tuple[str, ...] = ()

    @property
    def language(self) -> str:
        """The main love language: the first one listed."""
        return self.languages[0]


@record
class Prompt:
    """One open question to ask each other, from a deck, with an optional follow-up."""

    id: str
    deck: str
    text: str
    follow_up: str = ""
    source: str = ""

    @property
    def deck_name(self) -> str:
        return DECK_NAMES.get(self.deck, self.deck)


@record
class FaqEntry:
    """A question and its answer (Markdown), with ids of related gestures or guides."""

    id: str
    question: str
    answer: str
    related: tuple[str, ...] = ()


@record
class Guide:
    """A short guide (Markdown body) with ids of related gestures or guides."""

    id: str
    title: str
    summary: str
    body: str
    related: tuple[str, ...] = ()


@record
class QuizSide:
    """One of the two statements of a forced-choice item, and its language."""

    text: str
    language: str


@record
class ClassicItem:
    """A forced-choice quiz item: pick the statement that fits you better."""

    id: str
    a: QuizSide
    b: QuizSide


@record
class RatingItem:
    """A rating-scale quiz item: one statement about giving or receiving, rated 1-5."""

    id: str
    text: str
    language: str
    direction: str


@record
class Quiz:
    """Both forms of the love-language quiz."""

    classic: tuple[ClassicItem, ...] = ()
    rating: tuple[RatingItem, ...] = ()


@dataclass(slots=True)
class Library:
    """Everything the app shows, validated, with lookups by id."""

    languages: tuple[LoveLanguage, ...]
    gestures: tuple[Gesture, ...]
    faq: tuple[FaqEntry, ...]
    guides: tuple[Guide, ...]
    quiz: Quiz
    prompts: tuple[Prompt, ...] = ()
    gesture_by_id: dict[str, Gesture] = field(init=False, repr=False)
    guide_by_id: dict[str, Guide] = field(init=False, repr=False)
    faq_by_id: dict[str, FaqEntry] = field(init=False, repr=False)
    language_by_id: dict[str, LoveLanguage] = field(init=False, repr=False)
    prompt_by_id: dict[str, Prompt] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.gesture_by_id = {g.id: g for g in self.gestures}
        self.guide_by_id = {g.id: g for g in self.guides}
        self.faq_by_id = {f.id: f for f in self.faq}
        self.language_by_id = {lang.id: lang for lang in self.languages}
        self.prompt_by_id = {p.id: p for p in self.prompts}

    def language_name(self, language_id: str) -> str:
        found = self.language_by_id.get(language_id)
        return found.name if found else LANGUAGE_NAMES.get(language_id, language_id)

    def counts(self) -> dict[str, int]:
        return {
            "languages": len(self.languages),
            "gestures": len(self.gestures),
            "faq": len(self.faq),
            "guides": len(self.guides),
            "quiz classic": len(self.quiz.classic),
            "quiz rating": len(self.quiz.rating),
            "prompts": len(self.prompts),
        }

    def counts_by_deck(self) -> dict[str, int]:
        """Prompts per deck: every known deck (0 when empty), then any others found."""
        counts = dict.fromkeys(PROMPT_DECKS, 0)
        for prompt in self.prompts:
            counts[prompt.deck] = counts.get(prompt.deck, 0) + 1
        return counts

    def counts_by_language(self) -> dict[str, int]:
        counts = dict.fromkeys(LANGUAGE_IDS, 0)
        for gesture in self.gestures:
            counts[gesture.language] = counts.get(gesture.language, 0) + 1
        return counts

    # Serialisation for the start-up cache: plain JSON-ready structures.
    def to_json(self) -> dict[str, Any]:
        return {
            "languages": [[x.id, x.name, x.short, x.about] for x in self.languages],
            "gestures": [
                [
                    g.id,
                    g.title,
                    g.summary,
                    g.how,
                    g.why,
                    list(g.languages),
                    g.effort,
                    g.cost,
                    list(g.moments),
                    list(g.tags),
                    list(g.variations),
                    g.source,
                    list(g.situations),
                ]
                for g in self.gestures
            ],
            "faq": [[f.id, f.question, f.answer, list(f.related)] for f in self.faq],
            "guides": [[g.id, g.title, g.summary, g.body, list(g.related)] for g in self.guides],
            "classic": [
                [c.id, c.a.text, c.a.language, c.b.text, c.b.language] for c in self.quiz.classic
            ],
            "rating": [[r.id, r.text, r.language, r.direction] for r in self.quiz.rating],
            "prompts": [[p.id, p.deck, p.text, p.follow_up, p.source] for p in self.prompts],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Library:
        return cls(
            languages=tuple(LoveLanguage(*row) for row in data["languages"]),
            gestures=tuple(
                Gesture(
                    id=row[0],
                    title=row[1],
                    summary=row[2],
                    how=row[3],
                    why=row[4],
                    languages=tuple(row[5]),
                    effort=row[6],
                    cost=row[7],
                    moments=tuple(row[8]),
                    tags=tuple(row[9]),
                    variations=tuple(row[10]),
                    source=row[11],
                    situations=tuple(row[12]),
                )
                for row in data["gestures"]
            ),
            faq=tuple(FaqEntry(r[0], r[1], r[2], tuple(r[3])) for r in data["faq"]),
            guides=tuple(Guide(r[0], r[1], r[2], r[3], tuple(r[4])) for r in data["guides"]),
            quiz=Quiz(
                classic=tuple(
                    ClassicItem(r[0], QuizSide(r[1], r[2]), QuizSide(r[3], r[4]))
                    for r in data["classic"]
                ),
                rating=tuple(RatingItem(*r) for r in data["rating"]),
            ),
            prompts=tuple(Prompt(*r) for r in data["prompts"]),
        )
