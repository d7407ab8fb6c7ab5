"""A journal that refuses a write (a full disk, a broken file): the screen says why in one
error notification, no screen is told the journal changed, and the app keeps running. The
same write, once the journal accepts it, tells every screen."""

from __future__ import annotations

from typing import Any

import pytest

from micromance_tui.core.journal import JournalWriteError
from micromance_tui.tui.journal_call import try_journal
from micromance_tui.tui.screens.ask import AskScreen
from tests.tui.conftest import AppFactory


def _record(app: Any, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, dict[str, Any]]]:
    said: list[tuple[str, dict[str, Any]]] = []
    monkeypatch.setattr(app, "notify", lambda message, **kw: said.append((message, kw)))
    return said


async def test_a_refused_write_is_said_once_and_not_announced(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    real = app.journal.toggle_prompt_favourite

    def disk_full(prompt_id: str) -> bool:
        raise JournalWriteError(app.journal.path, "No space left on device")

    monkeypatch.setattr(app.journal, "toggle_prompt_favourite", disk_full)
    async with app.run_test(size=(80, 24)) as pilot:
        said = _record(app, monkeypatch)
        changes: list[str] = []
        app.journal_changed.subscribe(app, changes.append)
        await pilot.press("k")
        await pilot.pause()
        await pilot.press("s")  # keep this question as a favourite
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)  # still running, on the same screen
        errors = [(message, kw) for message, kw in said if kw.get("severity") == "error"]
        assert len(errors) == 1
        assert "No space left on device" in errors[0][0]
        assert errors[0][1].get("title") == "Not saved"
        assert changes == []
        assert [kw.get("severity") for _, kw in said] == ["error"]  # no "Kept in ..." either

        monkeypatch.setattr(app.journal, "toggle_prompt_favourite", real)
        await pilot.press("s")
        await pilot.pause()
        assert changes == ["prompt-favourites"]
        assert len(app.journal.prompt_favourites()) == 1
        assert any("Kept in your favourite questions" in message for message, _ in said)


async def test_try_journal_returns_the_result_or_none(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        said = _record(app, monkeypatch)
        changes: list[str] = []
        app.journal_changed.subscribe(app, changes.append)

        def refuse() -> None:
            raise JournalWriteError(app.journal.path, "Read-only file system")

        assert try_journal(app, refuse, changed="settings") is None
        await pilot.pause()  # a signal reaches its subscribers through their message queues
        assert changes == [] and len(said) == 1
        # a write that returns nothing still reads as done; a read is not announced
        assert try_journal(app, lambda: app.journal.set_partner_name("Sam"), changed="partner")
        assert try_journal(app, app.journal.partner) == app.journal.partner()
        await pilot.pause()
        assert changes == ["partner"] and len(said) == 1


async def test_every_screen_hears_a_change_once(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Screens with an on_mount of their own (Partner, Quiz) and without are subscribed
    once each: one change, one refresh per screen."""
    app = make_app()
    heard: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        screens = [app.screen]
        for key in ("p", "q", "k"):
            await pilot.press(key)
            await pilot.pause()
            screens.append(app.screen)
        for screen in screens:
            name = type(screen).__name__
            monkeypatch.setattr(screen, "refresh_data", lambda name=name: heard.append(name))
        try_journal(app, lambda: app.journal.set_partner_name("Sam"), changed="partner")
        await pilot.pause()
    assert sorted(heard) == ["AskScreen", "PartnerScreen", "QuizScreen", "TodayScreen"]
