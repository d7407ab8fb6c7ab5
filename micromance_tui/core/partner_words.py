"""How the app speaks about the partner: their name, or "your partner" when none is kept,
and the pronoun chosen in the welcome or on the Partner screen (they, she or he).

Every sentence the app writes about the partner is worded here, through
:meth:`PartnerWords.fill`, so a new name or pronoun reaches all of them at once. The
shipped ideas themselves are written with singular "they" and are shown as written."""

from __future__ import annotations

from typing import Protocol

from micromance_tui.core.record import record

#: how each pronoun is offered (the welcome, the Partner screen)
PRONOUN_LABELS: dict[str, str] = {
    "they": "They / them",
    "she": "She / her",
    "he": "He / him",
}
#: per pronoun: they, them, their, theirs, are, have, were, and a present-tense verb's ending
_FORMS: dict[str, tuple[str, str, str, str, str, str, str, str]] = {
    "they": ("they", "them", "their", "theirs", "are", "have", "were", ""),
    "she": ("she", "her", "her", "hers", "is", "has", "was", "s"),
    "he": ("he", "him", "his", "his", "is", "has", "was", "s"),
}


class _NamedSettings(Protocol):
    @property
    def partner_name(self) -> str: ...

    @property
    def pronoun(self) -> str: ...


class _Settled(Protocol):
    def settings(self) -> _NamedSettings: ...


@record
class PartnerWords:
    """The partner's name and pronoun, and the words made from them."""

    name: str = ""
    pronoun: str = "they"

    @classmethod
    def of(cls, settings: _NamedSettings) -> PartnerWords:
        """From the journal's settings (its ``partner_name`` and ``pronoun``)."""
        return cls(settings.partner_name.strip(), settings.pronoun)

    @classmethod
    def read(cls, journal: _Settled) -> PartnerWords:
        """From a journal's settings; "your partner" and "they" when they cannot be read
        (the screen that reads the journal says what is wrong with it, not a sentence)."""
        from micromance_tui.core.journal import JournalError

        try:
            return cls.of(journal.settings())
        except JournalError:
            return cls()

    @property
    def who(self) -> str:
        """``Sam``, or ``your partner`` while no name is kept."""
        return self.name or "your partner"

    @property
    def whose(self) -> str:
        """``Sam's`` or ``your partner's``."""
        return f"{self.who}'s"

    def fill(self, sentence: str) -> str:
        """A sentence about the partner with its words filled in. Fields: ``{who}``,
        ``{whose}``, ``{they}``, ``{them}``, ``{their}``, ``{theirs}``, each with a
        capitalised twin (``{Who}``, ``{They}``...), and the verb forms that follow the
        pronoun: ``{are}``, ``{have}``, ``{were}``, and ``{s}`` for a present-tense
        ending ("{they} like{s}" reads "they like" or "she likes")."""
        they, them, their, theirs, are, have, were, s = _FORMS.get(self.pronoun, _FORMS["they"])
        words = {
            "who": self.who,
            "whose": self.whose,
            "they": they,
            "them": them,
            "their": their,
            "theirs": theirs,
        }
        capitals = {key.capitalize(): value[:1].upper() + value[1:] for key, value in words.items()}
        # Only the sentence is parsed: a name holding braces is kept as it was typed.
        return sentence.format(**words, **capitals, are=are, have=have, were=were, s=s)
