"""The quiz screen: both modes by keyboard and by mouse, going back, leaving and resuming
across a restart, Compare, and today's idea following the partner's profile."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from textual.widgets import Button, Input, Label, Static

from micromance_tui.core.journal import Journal, JournalWriteError
from micromance_tui.core.models import LANGUAGE_IDS, ClassicItem
from micromance_tui.core.quiz import build_result
from micromance_tui.tui.dialogs.leave_quiz import LeaveQuizDialog
from micromance_tui.tui.dialogs.names import NamesDialog
from micromance_tui.tui.dialogs.tried import TriedDialog
from micromance_tui.tui.screens.browse import BrowseScreen
from micromance_tui.tui.screens.quiz import QuizScreen
from micromance_tui.tui.screens.quiz.common import Session
from micromance_tui.tui.screens.quiz.compare import CompareView
from micromance_tui.tui.screens.quiz.question import QuestionView
from micromance_tui.tui.screens.today import TodayScreen
from micromance_tui.tui.widgets.quiz_choice import QuizChoice
from tests.tui.conftest import NOW, AppFactory, screen_as, shipped_library

QUIZ = shipped_library().quiz


def choose(item: ClassicItem, *preferred: str) -> int:
    for lid in preferred:
        if item.a.language == lid:
            return 1
        if item.b.language == lid:
            return 2
    return 1


#: words whenever offered, else quality time, else side a
WORDS_TIME = [str(choose(item, "words", "time")) for item in QUIZ.classic]
WORDS_TIME_SCORES = {"words": 12, "service": 3, "gifts": 3, "time": 9, "touch": 3}


def rating_keys(receive_top: str, give_top: str) -> list[str]:
    """5 for one language received and one given, 2 for the rest."""
    keys = []
    for item in QUIZ.rating:
        top = receive_top if item.direction == "receive" else give_top
        keys.append("5" if item.language == top else "2")
    return keys


def names(journal: Journal) -> None:
    journal.update_settings(my_name="Alex", partner_name="Sam")


def text(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def question(screen: QuizScreen) -> QuestionView:
    return screen.query_one(QuestionView)


def session(screen: QuizScreen) -> Session:
    """The quiz being answered (there must be one)."""
    answering = question(screen).session
    assert answering is not None
    return answering


def compare(screen: QuizScreen) -> CompareView:
    return screen.query_one(CompareView)


async def open_quiz(pilot: Any) -> QuizScreen:
    await pilot.press("q")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, QuizScreen)
    return screen


async def test_full_classic_quiz_by_keyboard(make_app: AppFactory) -> None:
    app = make_app(setup=names)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_quiz(pilot)
        assert "● Alex (me)" in str(screen.query_one("#who-me", Button).label)
        await pilot.press("1")
        await pilot.pause()
        assert screen.view == "question"
        assert str(screen.query_one("#q-count", Label).render()) == "1 of 30"
        assert "Alex is answering" in text(screen, "#q-head")
        assert QUIZ.classic[0].a.text in text(screen, "#pick-1")
        await pilot.press(*WORDS_TIME[:15])
        await pilot.pause()
        assert str(screen.query_one("#q-count", Label).render()) == "16 of 30"
        await pilot.press(*WORDS_TIME[15:])
        await pilot.pause()
        assert screen.view == "results"
        result = app.journal.latest_quiz_result("me")
        assert result is not None and result.mode == "classic"
        assert result.scores == WORDS_TIME_SCORES
        assert result.answers == {
            i.id: int(k) for i, k in zip(QUIZ.classic, WORDS_TIME, strict=True)
        }
        assert result.taken == "2026-11-25T09:30:00"
        assert app.journal.quiz_progress() is None
        bars = text(screen, "#r-bars")
        assert "Words of affirmation" in bars and "12/12   40%" in bars
        assert " 9/12   30%" in bars and " 3/12   10%" in bars
        assert text(screen, "#r-ranking") == (
            "Primary: words of affirmation. Secondary: quality time."
        )
        assert "starting point for a conversation" in text(screen, "#r-note")
        assert "receiving only" in text(screen, "#r-note")
        assert "Alex's profile · classic · 25 Nov 2026" in text(screen, "#r-title")
        await pilot.press("escape")
        await pilot.pause()
        assert screen.view == "start"
        assert "Primary: words of affirmation" in text(screen, "#start-latest")


async def test_full_rating_quiz_for_the_partner(make_app: AppFactory) -> None:
    app = make_app(setup=names)
    changes: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.journal_changed.subscribe(app.screen, changes.append)
        screen = await open_quiz(pilot)
        await pilot.press("w", "2")
        await pilot.pause()
        assert "Sam is answering · rating" in text(screen, "#q-head")
        assert "How true is this for you?" in text(screen, "#q-prompt")
        assert QUIZ.rating[0].text in text(screen, "#q-statement")
        await pilot.press(*rating_keys("touch", "time"))
        await pilot.pause()
        assert screen.view == "results"
        result = app.journal.latest_quiz_result("partner")
        assert result is not None and result.mode == "rating"
        assert result.receive == {lid: 5.0 if lid == "touch" else 2.0 for lid in LANGUAGE_IDS}
        assert result.give == {lid: 5.0 if lid == "time" else 2.0 for lid in LANGUAGE_IDS}
        assert app.journal.latest_quiz_result("me") is None
        assert "quiz" in changes
        bars = text(screen, "#r-bars")
        assert "Feeling loved" in bars and "Showing love" in bars
        touch = next(line for line in bars.splitlines() if line.startswith("Physical touch"))
        assert "5.0" in touch and "2.0" in touch
        ranking = text(screen, "#r-ranking")
        assert "Feeling loved · Primary: physical touch." in ranking
        assert "Showing love · Primary: quality time." in ranking
        assert "giving as well as receiving" in text(screen, "#r-note")


async def test_going_back_changes_an_answer(make_app: AppFactory) -> None:
    app = make_app(setup=names)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_quiz(pilot)
        await pilot.press("1", "1", "1", "2")
        await pilot.pause()
        assert question(screen).session is not None and session(screen).position == 3
        await pilot.press("backspace")
        await pilot.pause()
        assert str(screen.query_one("#q-count", Label).render()) == "3 of 30"
        assert screen.query_one("#pick-2", QuizChoice).chosen
        assert not screen.query_one("#pick-1", QuizChoice).chosen
        await pilot.press("1")  # change c03 from b to a, and move on
        await pilot.pause()
        assert session(screen).answers["c03"] == 1 and session(screen).position == 3
        await pilot.press("left", "left")
        await pilot.pause()
        assert session(screen).position == 1
        await pilot.press("right")
        await pilot.pause()
        assert session(screen).position == 2
        progress = app.journal.quiz_progress()
        assert progress is not None and progress.position == 2
        assert progress.answers == {"c01": 1, "c02": 1, "c03": 1}
        await pilot.press("backspace", "backspace", "backspace")  # stops at the first
        await pilot.pause()
        assert session(screen).position == 0
        assert screen.query_one("#q-back", Button).disabled


async def test_leave_keep_and_resume_after_a_restart(make_app: AppFactory) -> None:
    first = make_app(setup=names)
    async with first.run_test(size=(80, 24)) as pilot:
        screen = await open_quiz(pilot)
        await pilot.press("w", "1", *WORDS_TIME[:10])
        await pilot.pause()
        # switching screens loses nothing: the quiz waits where it was
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert screen.view == "question" and question(screen).session is not None
        assert session(screen).position == 10
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(first.screen, LeaveQuizDialog)
        await pilot.press("k")
        await pilot.pause()
        assert screen.view == "start"
        resume = screen.query_one("#resume", Button)
        assert resume.display and "Resume (10 of 30): Sam, classic" in str(resume.label)
    second = make_app()
    async with second.run_test(size=(80, 24)) as pilot:
        screen = await open_quiz(pilot)
        assert "Resume (10 of 30)" in str(screen.query_one("#resume", Button).label)
        await pilot.press("r")
        await pilot.pause()
        assert screen.view == "question"
        assert str(screen.query_one("#q-count", Label).render()) == "11 of 30"
        assert "Sam is answering" in text(screen, "#q-head")
        await pilot.press(*WORDS_TIME[10:])
        await pilot.pause()
        assert screen.view == "results"
        result = second.journal.latest_quiz_result("partner")
        assert result is not None and result.scores == WORDS_TIME_SCORES
        assert second.journal.quiz_progress() is None
        assert not screen.query_one("#resume", Button).display


async def test_leave_and_discard(make_app: AppFactory) -> None:
    app = make_app(setup=names)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_quiz(pilot)
        await pilot.press("2", "5", "4")
        await pilot.pause()
        assert app.journal.quiz_progress() is not None
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")  # carry on answering
        await pilot.pause()
        assert screen.view == "question" and question(screen).session is not None
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert screen.view == "start"
        assert app.journal.quiz_progress() is None
        assert not screen.query_one("#resume", Button).display


async def test_starting_over_asks_before_discarding_kept_answers(make_app: AppFactory) -> None:
    app = make_app(setup=names)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_quiz(pilot)
        await pilot.press("1", "1", "2", "escape")
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        await pilot.press("2")  # a new rating quiz
        await pilot.pause()
        await pilot.press("n")  # keep the classic answers
        await pilot.pause()
        assert screen.view == "start"
        kept = app.journal.quiz_progress()
        assert kept is not None and kept.mode == "classic"
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert screen.view == "question" and question(screen).session is not None
        assert session(screen).mode == "rating" and session(screen).answers == {}


async def test_names_are_asked_for_the_first_time(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_quiz(pilot)
        assert "● You" in str(screen.query_one("#who-me", Button).label)
        await pilot.press("1")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NamesDialog)
        dialog.query_one("#my-name", Input).value = "Alex"
        dialog.query_one("#partner-name", Input).value = "S" * 41
        await pilot.pause()
        error = dialog.query_one("#partner-name-error", Label)
        assert error.display and "41 characters; at most 40" in str(error.render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog  # nothing invalid is saved
        assert app.journal.settings().partner_name == ""
        dialog.query_one("#partner-name", Input).value = "  Sam "
        await pilot.pause()
        assert not error.display
        await pilot.press("ctrl+s")
        await pilot.pause()
        settings = app.journal.settings()
        assert (settings.my_name, settings.partner_name) == ("Alex", "Sam")
        assert screen.view == "question"  # and the chosen quiz starts
        assert "Alex is answering · classic" in text(screen, "#q-head")


async def test_both_modes_by_mouse(make_app: AppFactory) -> None:
    app = make_app(setup=names)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_quiz(pilot)
        await pilot.click("#start-classic")
        await pilot.pause()
        assert screen.view == "question"
        for key in WORDS_TIME:
            await pilot.click(f"#pick-{key}")
        await pilot.pause()
        assert screen.view == "results"
        mine = app.journal.latest_quiz_result("me")
        assert mine is not None and mine.scores == WORDS_TIME_SCORES
        await pilot.click("#r-done")
        await pilot.pause()
        await pilot.click("#who-partner")
        await pilot.click("#start-rating")
        await pilot.pause()
        keys = rating_keys("gifts", "words")
        await pilot.click(f"#rate-{keys[0]}")
        await pilot.click(f"#rate-{keys[1]}")
        await pilot.click("#q-back")  # back to the second statement, by mouse too
        await pilot.pause()
        assert question(screen).session is not None and session(screen).position == 1
        await pilot.click(f"#rate-{keys[1]}")
        await pilot.click(f"#rate-{keys[2]}")
        await pilot.pause()
        assert session(screen).position == 3
        # The same click handler answers every statement: fill the middle directly (clicks
        # cost about a third of a second each), then finish with the mouse.
        for item, key in zip(QUIZ.rating[3:-1], keys[3:-1], strict=True):
            session(screen).answers[item.id] = int(key)
        session(screen).position = len(QUIZ.rating) - 1
        question(screen).show()
        await pilot.pause()
        assert str(screen.query_one("#q-count", Label).render()) == "30 of 30"
        await pilot.click(f"#rate-{keys[-1]}")
        await pilot.pause()
        assert screen.view == "results"
        theirs = app.journal.latest_quiz_result("partner")
        assert theirs is not None and theirs.receive["gifts"] == 5.0
        assert theirs.give["words"] == 5.0
        await pilot.click("#r-compare")
        await pilot.pause()
        assert screen.view == "compare"


def _two_profiles(journal: Journal) -> None:
    names(journal)
    quiz = shipped_library().quiz
    words = {i.id: choose(i, "words", "time") for i in quiz.classic}
    touch = {i.id: choose(i, "touch", "service") for i in quiz.classic}
    older = build_result(
        quiz, who="me", mode="classic", answers=touch, taken=datetime(2026, 3, 2, 20, 0)
    )
    journal.add_quiz_result(older)
    journal.add_quiz_result(
        build_result(
            quiz, who="me", mode="classic", answers=words, taken=datetime(2026, 11, 20, 20, 0)
        )
    )
    rating = {i.id: (5 if i.language == "touch" else 2) for i in quiz.rating}
    journal.add_quiz_result(
        build_result(
            quiz, who="partner", mode="rating", answers=rating, taken=datetime(2026, 11, 22, 8, 0)
        )
    )


async def test_compare_side_by_side_with_ideas_and_history(make_app: AppFactory) -> None:
    app = make_app(setup=_two_profiles)
    library = shipped_library()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_quiz(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert screen.view == "compare"
        bars = text(screen, "#c-bars")
        assert "Alex" in bars and "Sam" in bars
        assert "classic, 20 Nov" in bars and "rating, 22 Nov" in bars
        words = next(line for line in bars.splitlines() if line.startswith("Words"))
        # like with like: a classic count (out of 12) and a rating average (out of 5) are
        # both shown on the one 0-100% scale, and the scales are named
        assert "100%" in words and " 25%" in words and "/12" not in words and "2.0" not in words
        assert "counts picks out of 12" in bars and "averages answers from 1 to 5" in bars
        diff = text(screen, "#c-diff")
        assert diff.startswith("Where you differ most: words of affirmation")
        assert "(Alex 12 of 12 picks, Sam rated 2.0 of 5)" in diff
        assert "physical touch" in diff
        # Sam shows love most through touch (rated 5 in both directions); Alex feels words
        assert "Sam shows love most through physical touch; Alex feels it most" in diff
        # three ideas for each, from the other's top languages
        assert len(compare(screen).ideas) == 6
        assert {compare(screen).ideas[n].language for n in (1, 2, 3)} == {"touch"}
        assert {compare(screen).ideas[n].language for n in (4, 5, 6)} <= {"words", "time"}
        assert "Sam's top language: physical touch" in text(screen, "#c-ideas-me-from")
        history_me = text(screen, "#c-history-me")
        assert "20 Nov 2026 · classic · words (latest)" in history_me
        assert "2 Mar 2026 · classic · touch" in history_me
        assert "22 Nov 2026 · rating · touch (latest)" in text(screen, "#c-history-partner")
        # one key from marking an idea tried
        idea = compare(screen).ideas[2]
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, TriedDialog)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [e.gesture_id for e in app.journal.tried()] == [idea.id]
        assert compare(screen).ideas[2] == idea  # still listed, now marked
        assert "tried today" in text(screen, "#idea-2-text")
        assert library.gesture_by_id[idea.id].title in text(screen, "#idea-2-text")
        # and by mouse, once scrolled into view
        screen.query_one("#idea-5-tried", Button).scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click("#idea-5-tried")
        await pilot.pause()
        assert isinstance(app.screen, TriedDialog)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert screen.view == "start"


async def test_compare_with_one_result_says_who_is_missing(make_app: AppFactory) -> None:
    def only_me(journal: Journal) -> None:
        names(journal)
        words = {i.id: choose(i, "words", "time") for i in QUIZ.classic}
        journal.add_quiz_result(
            build_result(QUIZ, who="me", mode="classic", answers=words, taken=datetime(2026, 11, 1))
        )

    app = make_app(setup=only_me)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_quiz(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert text(screen, "#c-diff").startswith("Sam: no result yet.")
        assert sorted(compare(screen).ideas) == [4, 5, 6]
        assert "Once Sam has a result" in text(screen, "#c-ideas-me-from")
        assert "no result yet" in text(screen, "#c-bars")


async def test_compare_speaks_of_you_and_your_partner_without_names(make_app: AppFactory) -> None:
    from micromance_tui.tui.widgets.empty_state import EmptyState

    def only_partner(journal: Journal) -> None:  # no names kept: "you", "your partner"
        words = {i.id: choose(i, "words", "time") for i in QUIZ.classic}
        journal.add_quiz_result(
            build_result(
                QUIZ, who="partner", mode="classic", answers=words, taken=datetime(2026, 11, 1)
            )
        )

    app = make_app(setup=only_partner)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_quiz(pilot)
        await pilot.press("c")
        await pilot.pause()
        empty = screen.query_one("#compare-empty", EmptyState)
        assert empty.what.startswith("You have no result yet.")  # not "You has"
        assert "Once you have a result, ideas for your partner appear here." in text(
            screen, "#c-ideas-partner-from"
        )
        assert text(screen, "#c-ideas-me-from").startswith("From your partner's top")


async def test_todays_idea_and_browse_follow_the_partners_profile(make_app: AppFactory) -> None:
    app = make_app(setup=names)
    async with app.run_test(size=(80, 24)) as pilot:
        today = screen_as(app, TodayScreen)
        assert today.info is not None
        before = today.info.gesture
        assert before is not None
        top = next(lid for lid in LANGUAGE_IDS if lid != before.language)
        await pilot.press("b")
        await pilot.pause()
        browse = screen_as(app, BrowseScreen)
        assert browse.scores is None  # no profile yet: nothing to order by
        await open_quiz(pilot)
        await pilot.press("w", "2", *rating_keys(top, top))
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert app.screen is today
        after = today.info.gesture
        assert after is not None and after.id != before.id
        assert "Sam" in today.info.reason
        assert after.title in str(today.query_one("#idea").render())
        await pilot.press("b")
        await pilot.pause()
        assert screen_as(app, BrowseScreen) is browse
        assert browse.scores is not None and max(browse.scores, key=browse.scores.get) == top


async def test_a_result_that_cannot_be_saved_keeps_the_answers(
    make_app: AppFactory, monkeypatch: Any
) -> None:
    app = make_app(setup=names)
    real_add = app.journal.add_quiz_result

    def disk_full(result: Any) -> None:
        raise JournalWriteError(app.journal.path, "No space left on device")

    monkeypatch.setattr(app.journal, "add_quiz_result", disk_full)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_quiz(pilot)
        await pilot.press("1")
        await pilot.pause()
        assert question(screen).session is not None
        for item, key in zip(QUIZ.classic[:-1], WORDS_TIME[:-1], strict=True):
            session(screen).answers[item.id] = int(key)
        session(screen).position = 29
        question(screen).show()
        await pilot.press(WORDS_TIME[-1])
        await pilot.pause()
        assert screen.view == "results"  # the profile is still shown
        assert any("Result not saved" in (n.title or "") for n in app._notifications)
        assert app.journal.latest_quiz_result("me") is None
        kept = app.journal.quiz_progress()
        assert kept is not None and len(kept.answers) == 30
        # once the disk has room again, resuming and answering the last one saves it
        monkeypatch.setattr(app.journal, "add_quiz_result", real_add)
        await pilot.press("escape", "r")
        await pilot.pause()
        assert str(screen.query_one("#q-count", Label).render()) == "30 of 30"
        await pilot.press(WORDS_TIME[-1])
        await pilot.pause()
        saved = app.journal.latest_quiz_result("me")
        assert saved is not None and saved.scores == WORDS_TIME_SCORES


async def test_a_result_opens_browse_filtered_to_its_top_languages(
    make_app: AppFactory,
) -> None:
    from micromance_tui.core.quiz import top_languages
    from micromance_tui.tui.screens.browse import BrowseScreen
    from tests.tui.test_browse import settle

    quiz = shipped_library().quiz
    answers = {i.id: choose(i, "words", "time") for i in quiz.classic}
    result = build_result(quiz, who="me", mode="classic", answers=answers, taken=NOW)
    tops = top_languages(result)
    assert len(tops) >= 2  # words and time: the filter must hold more than one language
    app = make_app(setup=names)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_quiz(pilot)
        screen.show_result(result)
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        await pilot.pause()
        browse = app.screen
        assert isinstance(browse, BrowseScreen)
        assert sorted(browse.filters.languages) == sorted(tops)
        await settle(pilot, browse)
        shown = browse.results_list.items
        assert shown and all(set(g.languages) & set(tops) for g in shown)
        assert {g.language for g in shown} >= set(tops)


async def test_who_is_answering_reads_the_same_after_a_restart(make_app: AppFactory) -> None:
    def start_page(screen: QuizScreen) -> list[str]:
        ids = ("who-me", "who-partner", "resume")
        return [str(screen.query_one(f"#{i}", Button).label) for i in ids] + [
            text(screen, "#start-latest")
        ]

    app = make_app(setup=names)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_quiz(pilot)
        await pilot.press("w")  # the partner answers
        await pilot.pause()
        before = start_page(screen)
    assert "● Sam" in before[1]
    app = make_app()  # the same journal
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_quiz(pilot)
        assert start_page(screen) == before


async def test_names_with_markup_are_shown_as_typed(make_app: AppFactory) -> None:
    def odd_names(journal: Journal) -> None:
        _two_profiles(journal)
        journal.update_settings(my_name="[b]Al[/]", partner_name="Sam [/]")

    app = make_app(setup=odd_names)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_quiz(pilot)
        assert "[b]Al[/]" in str(screen.query_one("#who-me", Button).label)
        await pilot.press("c")
        await pilot.pause()
        assert screen.view == "compare"
        assert "Sam [/]" in text(screen, "#c-diff")
        assert "Once" not in text(screen, "#c-ideas-me-from")
        assert "From Sam [/]'s top language" in text(screen, "#c-ideas-me-from")


async def test_the_focused_compare_panel_is_lit(make_app: AppFactory) -> None:
    app = make_app(setup=_two_profiles)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_quiz(pilot)
        await pilot.press("c")
        await pilot.pause()
        side, ideas = screen.query_one("#c-side"), screen.query_one("#c-ideas-me")
        assert side.has_focus and side.border_title == "Side by side"
        assert str(ideas.border_title) == "Ideas for Alex"
        lit = side.styles.border_top
        assert ideas.styles.border_top != lit
        await pilot.press("tab")
        await pilot.pause()
        assert ideas.has_focus
        assert ideas.styles.border_top == lit and side.styles.border_top != lit
        await pilot.press("tab")  # on to its first Tried button: the panel stays lit
        await pilot.pause()
        assert screen.focused is screen.query_one("#idea-1-tried")
        assert ideas.styles.border_top == lit
