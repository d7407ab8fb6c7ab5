"""What the quiz's views share: the answers being given, how to call the two of you, and
the messages a view sends the screen to move on to another view."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from textual.containers import Vertical
from textual.message import Message

from micromance_tui.core.journal import JournalError, QuizProgress
from micromance_tui.core.models import LANGUAGE_NAMES, ClassicItem, RatingItem
from micromance_tui.core.partner_words import PartnerWords
from micromance_tui.core.quiz import CLASSIC
from micromance_tui.core.rhythm import LANGUAGE_SHORT
from micromance_tui.tui.journal_call import try_journal

if TYPE_CHECKING:
    from micromance_tui.tui.app import MicromanceApp


def short(language_id: str) -> str:
    """'words', 'service' ...: a language's one-word name."""
    return LANGUAGE_SHORT.get(language_id, language_id).lower()


@dataclass(slots=True)
class Session:
    """The quiz being answered."""

    who: str
    mode: str
    started: str
    answers: dict[str, int] = field(default_factory=dict)
    position: int = 0


class OpenCompare(Message):
    """Show the two of you side by side."""


class CloseView(Message):
    """Go back from results or Compare to where they were opened from."""


class QuizView(Vertical):
    """One of the quiz's views: it draws itself and owns its keys; moving to another view
    is the screen's, asked for with a message."""

    @property
    def mm(self) -> MicromanceApp:
        return cast("MicromanceApp", self.app)

    def entered(self) -> None:
        """Just shown: put the focus and the scroll where this view starts."""

    @property
    def names(self) -> dict[str, str]:
        """How to call "me" and "partner": the names from settings, or plain words."""
        try:
            settings = self.mm.journal.settings()
        except JournalError:
            return {"me": "You", "partner": PartnerWords().fill("{Who}")}
        return {"me": settings.my_name or "You", "partner": PartnerWords.of(settings).fill("{Who}")}

    def said(self, who: str, *, start: bool = False) -> str:
        """``who`` in a sentence: the name kept in settings as typed, else "you" or "your
        partner" ("You", "Your partner" when ``start``-ing the sentence)."""
        try:
            settings = self.mm.journal.settings()
            name = settings.my_name if who == "me" else settings.partner_name
        except JournalError:
            name = ""
        if name.strip():
            return name.strip()
        words = "you" if who == "me" else "your partner"
        return words.capitalize() if start else words

    def verb(self, who: str, one: str, you: str) -> str:
        """The verb after ``said(who)``: ``verb(who, "has", "have")`` is "has" for Sam or
        your partner, "have" for you."""
        return you if self.said(who) == "you" else one

    def possessive(self, who: str) -> str:
        """ "your", "Alex's" or "your partner's"."""
        said = self.said(who)
        return "your" if said == "you" else f"{said}'s"

    @property
    def partner_words(self) -> PartnerWords:
        """The partner's name and pronoun, for the sentences that speak of them."""
        return PartnerWords.read(self.mm.journal)

    def language_names(self) -> dict[str, str]:
        return {lid: self.mm.library.language_name(lid) for lid in LANGUAGE_NAMES}

    def items(self, mode: str) -> tuple[ClassicItem, ...] | tuple[RatingItem, ...]:
        quiz = self.mm.library.quiz
        return quiz.classic if mode == CLASSIC else quiz.rating

    def progress(self) -> QuizProgress | None:
        """The answers kept from a quiz left midway, if any."""
        try:
            return self.mm.journal.quiz_progress()
        except JournalError:
            return None

    def save_progress(self, session: Session | None) -> bool:
        """Keep the answers so far (None: there are none to keep any more)."""
        progress = (
            None
            if session is None
            else QuizProgress(
                who=session.who,
                mode=session.mode,
                answers=dict(session.answers),
                position=session.position,
                started=session.started,
            )
        )
        saved = try_journal(
            self.mm,
            lambda: self.mm.journal.save_quiz_progress(progress),
            title="Progress not saved",
        )
        return saved is not None
