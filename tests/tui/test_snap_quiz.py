"""Snapshots of the quiz at 80x24: the start page, a question of each mode, results of each
mode, and Compare."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Any

from micromance_tui.core.journal import Journal
from micromance_tui.core.models import ClassicItem, RatingItem
from micromance_tui.core.quiz import build_result
from micromance_tui.tui.screens.quiz import QuizScreen
from micromance_tui.tui.screens.quiz.question import QuestionView
from tests.tui.conftest import AppFactory, shipped_library

QUIZ = shipped_library().quiz
SIZE = (80, 24)


def names(journal: Journal) -> None:
    journal.update_settings(my_name="Alex", partner_name="Sam")


def classic_answer(index: int) -> int:
    """Words whenever offered, else quality time, else side a."""
    item = QUIZ.classic[index]
    for lid in ("words", "time"):
        if lid in (item.a.language, item.b.language):
            return 1 if item.a.language == lid else 2
    return 1


def rating_answer(index: int) -> int:
    item = QUIZ.rating[index]
    if item.direction == "receive":
        return {"touch": 5, "time": 4, "words": 4}.get(item.language, 2)
    return {"service": 5, "touch": 3}.get(item.language, 2)


def finish(keys: list[str], answer: Callable[[int], int]) -> Callable[[Any], Awaitable[None]]:
    """Press ``keys`` to start a quiz, fill all but the last answer, then press the last."""

    async def run_before(pilot: Any) -> None:
        await pilot.press(*keys)
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, QuizScreen)
        question = screen.query_one(QuestionView)
        session = question.session
        assert session is not None
        items: Sequence[ClassicItem | RatingItem] = question.items(session.mode)
        for index, item in enumerate(items[:-1]):
            session.answers[item.id] = answer(index)
        session.position = len(items) - 1
        question.show()
        await pilot.press(str(answer(len(items) - 1)))
        await pilot.pause()

    return run_before


def test_quiz_start(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(setup=names), press=["q"], terminal_size=SIZE)


def test_quiz_classic_question(snap_compare: Any, make_app: AppFactory) -> None:
    # three answered, then back to the third: its earlier answer is marked
    app = make_app(setup=names)
    assert snap_compare(app, press=["q", "1", "1", "2", "2", "backspace"], terminal_size=SIZE)


def test_quiz_rating_question(snap_compare: Any, make_app: AppFactory) -> None:
    app = make_app(setup=names)
    assert snap_compare(app, press=["q", "w", "2", "4"], terminal_size=SIZE)


def test_quiz_classic_results(snap_compare: Any, make_app: AppFactory) -> None:
    app = make_app(setup=names)
    assert snap_compare(app, run_before=finish(["q", "1"], classic_answer), terminal_size=SIZE)


def test_quiz_rating_results(snap_compare: Any, make_app: AppFactory) -> None:
    app = make_app(setup=names)
    run_before = finish(["q", "w", "2"], rating_answer)
    assert snap_compare(app, run_before=run_before, terminal_size=SIZE)


def _two_profiles(journal: Journal) -> None:
    names(journal)
    classic = {item.id: classic_answer(i) for i, item in enumerate(QUIZ.classic)}
    rating = {item.id: rating_answer(i) for i, item in enumerate(QUIZ.rating)}
    journal.add_quiz_result(
        build_result(
            QUIZ, who="me", mode="classic", answers=classic, taken=datetime(2026, 11, 20, 20)
        )
    )
    journal.add_quiz_result(
        build_result(
            QUIZ, who="partner", mode="rating", answers=rating, taken=datetime(2026, 11, 22, 8)
        )
    )


def test_quiz_compare(snap_compare: Any, make_app: AppFactory) -> None:
    app = make_app(setup=_two_profiles)
    assert snap_compare(app, press=["q", "c"], terminal_size=SIZE)
