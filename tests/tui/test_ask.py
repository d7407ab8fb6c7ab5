"""Ask: today's question, another, a deck, asked and favourite marks, the history; the weekly
check-in flow and its notes; Today's last-check-in line."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList, Select, TextArea

from micromance_tui.core import paths as paths_mod
from micromance_tui.core.ask import todays_prompt
from micromance_tui.core.checkin import STEPS
from micromance_tui.core.content import load_library
from micromance_tui.core.journal import Journal
from micromance_tui.core.models import Library
from micromance_tui.tui.dialogs.confirm import ConfirmDialog
from micromance_tui.tui.screens.ask import AskScreen, PromptCard
from micromance_tui.tui.screens.checkin import CheckInScreen
from micromance_tui.tui.screens.today import TodayScreen
from micromance_tui.tui.widgets.empty_state import EmptyState
from tests.contentkit import make_content
from tests.tui.conftest import NOW, AppFactory, search_palette, shipped_library


@pytest.fixture
def library(tmp_path: Path) -> Library:
    """The shipped content with 3 prompts in each of the seven decks."""
    content = make_content(tmp_path / "content", prompts_per_deck=3)
    paths = paths_mod.resolve(cache_dir=tmp_path / "cache", content_dir=content)
    test = load_library(paths, use_cache=False).library
    shipped = shipped_library()
    return Library(
        shipped.languages,
        shipped.gestures,
        shipped.faq,
        shipped.guides,
        shipped.quiz,
        prompts=test.prompts,
    )


async def open_ask(pilot: Pilot[Any]) -> AskScreen:
    await pilot.press("k")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, AskScreen)
    return screen


def card(screen: AskScreen) -> str:
    return screen.query_one("#prompt", PromptCard).plain


def history(screen: AskScreen) -> list[str]:
    """The history's lines, or the empty state's first words when there is nothing."""
    empty = screen.query_one("#history-empty", EmptyState)
    if empty.display:
        return [f"empty: {empty.border_title}, {empty.label} ({empty.key})"]
    listing = screen.query_one("#history", OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def test_ask_shows_todays_question_and_another(
    make_app: AppFactory, library: Library
) -> None:
    app = make_app(library=library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_ask(pilot)
        expected = todays_prompt(library, [], NOW.date())
        assert expected is not None and screen.current == expected
        assert expected.text in card(screen)
        assert f"Then: {expected.follow_up}" in card(screen)
        await pilot.press("n")
        assert screen.current is not None and screen.current != expected
        assert screen.current.text in card(screen)


async def test_mark_asked_shows_in_the_history_and_again_takes_it_back(
    make_app: AppFactory, library: Library
) -> None:
    app = make_app(library=library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_ask(pilot)
        prompt = screen.current
        assert prompt is not None
        await pilot.press("d")
        await pilot.pause()
        assert [e.prompt_id for e in app.journal.asked()] == [prompt.id]
        assert "✓ asked today" in card(screen)
        assert history(screen) == [f"Wed 25 Nov  {prompt.text}"]
        await pilot.press("d")
        await pilot.pause()
        assert app.journal.asked() == []
        assert "asked today" not in card(screen)
        assert history(screen) == ["empty: What you asked: nothing yet, Asked it (d)"]


async def test_favourite_and_the_favourites_list(make_app: AppFactory, library: Library) -> None:
    app = make_app(library=library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_ask(pilot)
        prompt = screen.current
        assert prompt is not None
        await pilot.press("s")
        await pilot.pause()
        assert app.journal.prompt_favourites() == {prompt.id}
        assert "♥" in card(screen)
        await pilot.press("v")
        await pilot.pause()
        assert history(screen) == [f"♥ {prompt.text}"]
        await pilot.press("n")  # move on, then pick the favourite from the list
        assert screen.current != prompt
        screen.query_one("#history", OptionList).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.current == prompt


async def test_a_deck_narrows_the_questions(make_app: AppFactory, library: Library) -> None:
    app = make_app(library=library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_ask(pilot)
        screen.query_one("#deck", Select).value = "repair"
        await pilot.pause()
        assert screen.deck == "repair"
        seen = set()
        for _ in range(4):
            assert screen.current is not None
            assert screen.current.deck == "repair"
            assert "Repair and reconnection" in card(screen)
            seen.add(screen.current.id)
            await pilot.press("n")
        assert len(seen) == 3  # all three repair questions, then round again
        assert str(screen.query_one("#deck-count").render()) == "3 questions"


async def test_no_prompts_says_so_and_keys_do_nothing(make_app: AppFactory) -> None:
    shipped = shipped_library()
    empty = Library(shipped.languages, shipped.gestures, shipped.faq, shipped.guides, shipped.quiz)
    app = make_app(library=empty)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_ask(pilot)
        assert card(screen).startswith("No questions here yet.")
        await pilot.press("d", "s", "n")
        await pilot.pause()
        assert app.journal.asked() == [] and app.journal.prompt_favourites() == set()


# --------------------------------------------------------------------------- check-in


async def open_checkin(pilot: Pilot[Any]) -> CheckInScreen:
    await open_ask(pilot)
    await pilot.press("c")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CheckInScreen)
    return screen


def visible_step(screen: CheckInScreen) -> str:
    (shown,) = [s.key for s in STEPS if screen.query_one(f"#step-{s.key}").display]
    return shown


async def test_checkin_one_step_at_a_time_keeps_the_notes(
    make_app: AppFactory, library: Library
) -> None:
    app = make_app(library=library)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_checkin(pilot)
        assert visible_step(screen) == "appreciations"
        screen.query_one("#note-appreciations", TextArea).text = "The soup on Tuesday."
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert visible_step(screen) == "went-well"
        await pilot.press("ctrl+n", "ctrl+n")
        await pilot.pause()
        assert visible_step(screen) == "wishes"
        screen.query_one("#note-wish-me", TextArea).text = "A walk on Saturday"
        screen.query_one("#note-wish-partner", TextArea).text = "An evening without phones"
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert visible_step(screen) == "was-hard"
        await pilot.press("ctrl+s")  # finish from any step
        await pilot.pause()
        assert not isinstance(app.screen, CheckInScreen)
        saved = app.journal.last_checkin()
        assert saved is not None
        assert saved.notes == {
            "appreciations": "The soup on Tuesday.",
            "wish-me": "A walk on Saturday",
            "wish-partner": "An evening without phones",
        }
        assert saved.date == NOW.date()
        await pilot.press("v", "v")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        listed = history(app.screen)
        assert listed[0].startswith("Wed 25 Nov")
        assert "You would like: A walk on Saturday" in listed[0]


async def test_the_timer_runs_past_20_minutes_and_never_blocks(
    make_app: AppFactory, library: Library
) -> None:
    app = make_app(library=library)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_checkin(pilot)
        timer = screen.query_one("#checkin-timer")
        assert "of about 20 minutes" in str(timer.render())
        screen.started_at -= 25 * 60
        await pilot.pause(1.1)
        assert str(timer.render()).startswith("25:0")
        assert "past the usual 20 minutes" in str(timer.render())
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert visible_step(screen) == "went-well"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.journal.last_checkin() is not None


async def test_leaving_with_notes_asks_first(make_app: AppFactory, library: Library) -> None:
    app = make_app(library=library)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_checkin(pilot)
        screen.query_one("#note-appreciations", TextArea).text = "Thank you for the tea."
        await pilot.press("escape")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#note-appreciations", TextArea).text == "Thank you for the tea."
        screen.query_one("#note-appreciations", TextArea).text = ""
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        assert app.journal.checkins() == []


async def test_a_bad_note_is_refused_under_its_field(
    make_app: AppFactory, library: Library
) -> None:
    app = make_app(library=library)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_checkin(pilot)
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n")
        screen.query_one("#note-went-well", TextArea).text = "fine\x07"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert visible_step(screen) == "went-well"
        error = str(screen.query_one("#error-went-well").render())
        assert error.startswith("The note has")
        assert app.journal.checkins() == []


async def test_the_checkin_opens_from_the_palette(make_app: AppFactory, library: Library) -> None:
    app = make_app(library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await search_palette(pilot, "weekly check")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)


# --------------------------------------------------------------------------- Today


def checkin_line(screen: TodayScreen) -> str:
    return str(screen.query_one("#last-checkin").render())


async def test_today_says_when_the_last_checkin_was(make_app: AppFactory) -> None:
    def setup(journal: Journal) -> None:
        from micromance_tui.core.clock import fixed_clock

        earlier = Journal.open(journal.path, clock=fixed_clock(datetime(2026, 11, 17, 20, 0)))
        earlier.add_checkin({"plan": "Pancakes on Sunday"})

    app = make_app(setup=setup)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        assert checkin_line(screen).startswith("Last check-in: 8 days ago")
        app.journal.add_checkin({"went-well": "Everything"})
        app.journal_changed.publish("checkin")
        await pilot.pause()
        assert checkin_line(screen).startswith("Last check-in: today")


async def test_today_without_a_checkin_says_where_to_find_one(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        assert checkin_line(screen) == "No weekly check-in yet (the weekly check-in: k, then c)"


async def test_markup_in_questions_and_notes_is_shown_as_text(
    make_app: AppFactory, library: Library
) -> None:
    odd = replace(library.prompts[0], text="What does [/] or [b]bold[/b] mean to you?")
    library = replace(library, prompts=(odd, *library.prompts[1:]))

    def setup(journal: Journal) -> None:
        journal.update_settings(my_name="[b]Al[/]", partner_name="Jo [/]")
        journal.add_asked(odd.id)
        journal.toggle_prompt_favourite(odd.id)
        journal.add_checkin({"plan": "Dinner at [red]eight[/red] [/]"})

    app = make_app(library=library, setup=setup)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_ask(pilot)
        assert history(screen) == [f"Wed 25 Nov  {odd.text}"]
        await pilot.press("v")
        await pilot.pause()
        assert history(screen) == [f"♥ {odd.text}"]
        screen.query_one("#history", OptionList).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert odd.text in card(screen)
        await pilot.press("v")
        await pilot.pause()
        assert "One plan: Dinner at [red]eight[/red] [/]" in history(screen)[0]
        await pilot.press("c")
        await pilot.pause()
        checkin = app.screen
        assert isinstance(checkin, CheckInScreen)
        labels = [str(label.render()) for label in checkin.query(".field-label")]
        assert "[b]Al[/]: one thing you would like" in labels
        assert "Jo [/]: one thing they would like" in labels


async def test_the_empty_palette_lists_every_screen_and_every_action(make_app: AppFactory) -> None:
    from micromance_tui.tui.commands import MicromanceCommands
    from micromance_tui.tui.screen_table import SCREENS

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        provider = MicromanceCommands(app.screen)
        found = [str(hit.prompt) async for hit in provider.discover()]
        assert found == [title for title, _, _, _ in SCREENS.values()] + [
            "Apart mode: turn on",
            "How is today?",
            "Weekly check-in",
        ]


async def test_the_checkin_links_to_its_guide_and_keeps_the_notes(
    make_app: AppFactory, library: Library
) -> None:
    from micromance_tui.core.models import Guide
    from micromance_tui.tui.screens.guides import GuidesScreen

    guide = Guide("the-weekly-check-in", "The weekly check-in", "Twenty minutes.", "Body.")
    others = tuple(g for g in library.guides if g.id != guide.id)
    library = replace(library, guides=(*others, guide))
    app = make_app(library=library)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_checkin(pilot)
        screen.query_one("#note-appreciations", TextArea).text = "The tea."
        await pilot.press("ctrl+g")
        await pilot.pause(0.3)
        guides = app.screen
        assert isinstance(guides, GuidesScreen) and guides.current == guide.id
        await pilot.press("k")  # back to Ask: the check-in is where it was
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#note-appreciations", TextArea).text == "The tea."


async def test_without_the_guide_there_is_no_link(make_app: AppFactory, library: Library) -> None:
    others = tuple(g for g in library.guides if g.id != "the-weekly-check-in")
    app = make_app(library=replace(library, guides=others))
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_checkin(pilot)
        assert not screen.query_one("#guide").display
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert app.screen is screen
