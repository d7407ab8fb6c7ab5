"""Small honesty fixes: what the app says matches what is true."""

from __future__ import annotations

from datetime import timedelta

from textual.geometry import Region

from micromance_tui.core.journal import Journal
from micromance_tui.tui.app import MicromanceApp
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


def _toasts(app: MicromanceApp) -> list[str]:
    """The text of every notification on screen, line by line as drawn."""
    shown = []
    for toast in app.screen.query("Toast"):
        lines = toast.render_lines(Region(0, 0, *toast.outer_size))
        shown.append("\n".join(strip.text.rstrip() for strip in lines))
    return shown


def _flat(toast: str) -> str:
    return " ".join(toast.replace("▌", " ").split())


async def test_undo_takes_the_stale_undo_notice_away(make_app: AppFactory) -> None:
    def setup(journal: Journal) -> None:
        journal.add_tried("hug-after-long-day", on=NOW.date() - timedelta(days=2))

    app = make_app(setup=setup)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("d", "y")
        await pilot.pause()
        assert any("Press u to undo" in _flat(t) for t in _toasts(app))
        await pilot.press("u")
        await pilot.pause()
        shown = [_flat(t) for t in _toasts(app)]
        assert any("Restored" in t for t in shown)
        assert not any("Press u to undo" in t for t in shown)


async def test_a_path_in_a_notification_wraps_between_folders(make_app: AppFactory) -> None:
    folders = ["micromance-backups-for-the-winter", "exported-journals", "journal-2026.json"]
    path = "/tmp/" + "/".join(folders)
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.notify(f"12 entries written to {path}")
        for _ in range(20):  # until the toast is laid out and drawn
            await pilot.pause(0.05)
            toasts = _toasts(app)
            if toasts and "json" in toasts[0]:
                break
        (shown,) = toasts
        for name in folders:
            assert any(name in line for line in shown.splitlines()), shown
