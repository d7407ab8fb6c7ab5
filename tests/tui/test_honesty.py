"""Small honesty fixes: what the app says matches what is true."""

from __future__ import annotations

from micromance_tui.tui.dialogs.confirm import ConfirmDialog
from micromance_tui.tui.dialogs.tried import TriedDialog
from micromance_tui.tui.screens.today import TodayScreen
from tests.tui.conftest import NOW, AppFactory


async def test_marking_an_idea_done_today_twice_asks_first(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen) and screen.info and screen.info.gesture
        gid = screen.info.gesture.id
        app.journal.add_tried(gid, on=NOW.date())
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TriedDialog)
        assert "Already logged today" in str(dialog.query_one("#done-today").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert len(app.journal.tried_on(gid, NOW.date())) == 1
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert len(app.journal.tried_on(gid, NOW.date())) == 2
