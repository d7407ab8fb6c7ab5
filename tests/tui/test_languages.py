"""Love languages: the five profiles, their idea counts, the partner's profile as a starting
point, and Browse filtered to a language."""

from __future__ import annotations

from typing import Any

from textual.widgets import Button, Markdown, OptionList, Static

from micromance_tui.core.journal import QuizResult, new_id
from micromance_tui.core.partner_words import PartnerWords
from micromance_tui.tui.screens.languages import LanguagesScreen, idea_counts, partner_line
from tests.tui.conftest import AppFactory, shipped_library

CLASSIC = {"words": 4, "service": 6, "gifts": 2, "time": 11, "touch": 7}


def _partner_quiz(journal: Any) -> None:
    journal.set_partner_name("Sam")
    journal.add_quiz_result(
        QuizResult(
            id=new_id(),
            who="partner",
            mode="classic",
            scores=dict(CLASSIC),
            receive={},
            give={},
            answers={},
            taken="2026-11-20T20:00:00",
        )
    )


def _text(screen: LanguagesScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


async def test_five_profiles_with_counts(make_app: AppFactory) -> None:
    library = shipped_library()
    counts = idea_counts(library)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LanguagesScreen)
        options = screen.query_one("#lang-list", OptionList).options
        assert [str(o.prompt) for o in options] == [
            f"{lang.name}\n{counts[lang.id][0]} ideas" for lang in library.languages
        ]
        await pilot.press("down", "down", "down")  # Quality time
        await screen.rendering
        assert screen.current == "time"
        assert _text(screen, "#lang-name") == "Quality time"
        about = library.language_by_id["time"].about.strip()
        assert screen.query_one("#lang-about", Markdown).source == about
        assert f"{counts['time'][0]} ideas" in str(screen.query_one("#lang-browse", Button).label)
        # No quiz profile yet: no line about the partner.
        assert not screen.query_one("#lang-partner", Static).display


async def test_o_opens_browse_filtered(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("down", "o")
        await pilot.pause()
        await pilot.pause()
        assert app.current_mode == "browse"
        assert app.screen.filters.language == "service"  # type: ignore[attr-defined]


async def test_enter_then_the_button_opens_browse(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("end", "enter")  # Physical touch; enter moves to its button
        screen = app.screen
        assert app.focused is screen.query_one("#lang-browse", Button)
        await pilot.click("#lang-browse")
        await pilot.pause()
        await pilot.pause()
        assert app.current_mode == "browse"
        assert app.screen.filters.language == "touch"  # type: ignore[attr-defined]


async def test_partner_profile_as_a_starting_point(make_app: AppFactory) -> None:
    app = make_app(setup=_partner_quiz)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LanguagesScreen)
        screen.select_item("time")
        line = _text(screen, "#lang-partner")
        assert screen.query_one("#lang-partner", Static).display
        assert "Sam's quiz put quality time at the top (11 of 12)" in line
        assert "not a label" in line
        screen.select_item("gifts")
        assert "lowest (2 of 12)" in _text(screen, "#lang-partner")
        screen.select_item("words")
        assert "in the middle" in _text(screen, "#lang-partner")
        await screen.rendering


def test_partner_line_phrasing() -> None:
    nameless = PartnerWords()
    even = dict.fromkeys(CLASSIC, 3.0)
    assert "same weight" in partner_line("words", "Words of affirmation", even, "classic", nameless)
    rating = {"words": 4.5, "service": 3.0, "gifts": 2.0, "time": 4.5, "touch": 3.5}
    top = partner_line("words", "Words of affirmation", rating, "rating", nameless)
    assert top.startswith("Your partner's quiz put words of affirmation at the top (4.5 out of 5)")
    middle = partner_line("touch", "Physical touch", rating, "rating", nameless)
    assert "your partner" in middle and middle.endswith("ways to reach them.")
    # the pronoun chosen for the partner carries into the sentence, verb and all
    low = partner_line("gifts", "Receiving gifts", rating, "rating", PartnerWords("Sam", "she"))
    assert low.startswith("Sam's quiz put receiving gifts lowest")
    assert low.endswith("so watch how she responds.")
    assert partner_line("words", "Words", {}, "classic", PartnerWords("Sam")) == ""
