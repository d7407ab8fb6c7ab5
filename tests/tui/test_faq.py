"""FAQ: pick a question and read its answer; follow a related link to an idea or a guide."""

from __future__ import annotations

from textual.widgets import Markdown, OptionList

from micromance_tui.tui.screens.faq import FaqScreen
from micromance_tui.tui.screens.gesture import GestureScreen
from micromance_tui.tui.screens.guides import GuidesScreen
from micromance_tui.tui.widgets.related import RelatedLinks
from tests.tui.conftest import AppFactory, shipped_library


def _answer(screen: FaqScreen) -> str:
    return screen.query_one("#reader-md", Markdown).source


async def test_pick_a_question_and_read_the_answer(make_app: AppFactory) -> None:
    faq = shipped_library().faq
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FaqScreen)
        await screen.rendering
        assert faq[0].question in _answer(screen)
        await pilot.press("down", "down")
        await screen.rendering
        assert screen.current == faq[2].id
        assert faq[2].answer.strip()[:60] in _answer(screen)
        # enter moves to the answer; escape goes back to the questions
        await pilot.press("enter")
        assert app.focused is screen.query_one("#reader-pane")
        await pilot.press("n")  # the next question, from the answer pane
        assert screen.current == faq[3].id
        await pilot.press("escape")
        assert app.focused is screen.query_one("#reader-list", OptionList)


async def test_click_a_question(make_app: AppFactory) -> None:
    faq = shipped_library().faq
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        await pilot.pause()
        # The list has a border: row 1 inside it is the second question.
        await pilot.click("#reader-list", offset=(4, 2))
        await pilot.pause()
        assert app.screen.current == faq[1].id  # type: ignore[attr-defined]


async def test_related_link_opens_an_idea(make_app: AppFactory) -> None:
    library = shipped_library()
    entry = next(f for f in library.faq if any(r in library.gesture_by_id for r in f.related))
    gesture_id = next(r for r in entry.related if r in library.gesture_by_id)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_faq(entry.id)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FaqScreen)
        assert screen.current == entry.id
        await pilot.press("r")
        related = screen.query_one("#reader-related", RelatedLinks)
        assert app.focused is related
        related.highlighted = related.get_option_index(gesture_id)
        await pilot.press("enter")
        await pilot.pause()
        gesture = app.screen
        assert isinstance(gesture, GestureScreen)
        assert gesture.gesture_id == gesture_id
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_click_a_related_guide(make_app: AppFactory) -> None:
    library = shipped_library()
    entry = next(f for f in library.faq if f.related and f.related[0] in library.guide_by_id)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_faq(entry.id)
        await pilot.pause()
        await pilot.press("r")  # scrolls the links into view
        await pilot.pause()
        await pilot.click("#reader-related", offset=(3, 0))
        await pilot.pause()
        await pilot.pause()
        assert app.current_mode == "guides"
        assert isinstance(app.screen, GuidesScreen)
        assert app.screen.current == entry.related[0]


async def test_unknown_question_id_is_a_message(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FaqScreen)
        before = screen.current
        screen.select_item("no-such-question")
        await pilot.pause()
        assert screen.current == before
        assert any("no-such-question" in str(n.message) for n in app._notifications)


async def test_select_before_the_screen_is_mounted(make_app: AppFactory) -> None:
    # The app may ask for a question while the screen is still being built.
    faq = shipped_library().faq
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = FaqScreen()
        screen.select_item(faq[4].id)
        await app.push_screen(screen)
        await pilot.pause()
        assert screen.current == faq[4].id
        highlighted = screen.query_one("#reader-list", OptionList).highlighted_option
        assert highlighted is not None and highlighted.id == faq[4].id
