"""How the app words the partner: their name or "your partner", and the pronoun chosen
(core/partner_words.py), verbs agreeing with it."""

from __future__ import annotations

import pytest

from micromance_tui.core.partner_words import PartnerWords
from micromance_tui.core.suggest import mood_label

SENTENCE = "{Who} said {they} {are} tired; ask {them} how {their} day went, it was {theirs}."


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (
            PartnerWords(),
            "Your partner said they are tired; ask them how their day went, it was theirs.",
        ),
        (
            PartnerWords("Sam", "she"),
            "Sam said she is tired; ask her how her day went, it was hers.",
        ),
        (PartnerWords("Sam", "he"), "Sam said he is tired; ask him how his day went, it was his."),
    ],
)
def test_a_sentence_follows_the_name_and_the_pronoun(words: PartnerWords, expected: str) -> None:
    assert words.fill(SENTENCE) == expected


def test_verbs_agree_and_capitals_follow() -> None:
    assert PartnerWords("", "they").fill("{They} like{s} it; {they} {have} {were}") == (
        "They like it; they have were"
    )
    assert PartnerWords("", "she").fill("{They} like{s} it; {they} {have} {were}") == (
        "She likes it; she has was"
    )
    assert (
        PartnerWords("").fill("{whose} turn, {Whose} turn")
        == "your partner's turn, Your partner's turn"
    )


def test_a_name_is_kept_as_typed_even_with_braces() -> None:
    assert PartnerWords("Jo {they}", "he").fill("{Who} and {them}") == "Jo {they} and him"


def test_an_unknown_pronoun_reads_as_they() -> None:
    assert PartnerWords("Sam", "xe").fill("{they} {are}") == "they are"


def test_a_hard_day_is_worded_for_them() -> None:
    assert mood_label("hard-day") == "a hard day for them"
    assert mood_label("hard-day", PartnerWords("Sam", "he")) == "a hard day for him"
    assert mood_label("special", PartnerWords("Sam", "he")) == "a special day"
