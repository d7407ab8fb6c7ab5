"""The reaction row of "Mark as tried" and "Edit entry": laid out the same whichever
screens were opened before (no screen's stylesheet reaches a dialog), picked with 1-5,
starting on the saved value."""

from __future__ import annotations

from datetime import date

from textual.widgets import RadioButton

from micromance_tui.core.journal import Journal
from micromance_tui.tui.app import MicromanceApp
from micromance_tui.tui.dialogs.tried import TriedDialog
from micromance_tui.tui.screen_table import SCREENS
from micromance_tui.tui.widgets.reaction import ReactionSet
from tests.tui.conftest import AppFactory

HUG = "hug-after-long-day"


def _one_entry(journal: Journal) -> None:
    journal.add_tried(HUG, on=date(2026, 11, 20), note="long day", reaction=4)


def _assert_row_whole(dialog: TriedDialog) -> None:
    row = dialog.query_one("#reaction", ReactionSet)
    box = dialog.query_one("#dialog")
    assert row.size.width == box.content_size.width, "the reaction row is squeezed"
    for button in row.query(RadioButton):
        label = str(button.label)
        # "▐●▌ label": the mark, a space and the whole label, never "…".
        assert button.size.width >= len(label) + 2, f"{label!r} is cut: {button.size}"


async def _open_every_screen(app: MicromanceApp) -> None:
    for mode in SCREENS:
        await app.switch_mode(mode)


async def test_the_row_is_whole_after_the_journal_was_opened(make_app: AppFactory) -> None:
    app = make_app(setup=_one_entry)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.switch_mode("journal")
        await pilot.pause()
        app.mark_tried(HUG)  # "Mark as tried", over the Journal
        await pilot.pause()
        assert isinstance(app.screen, TriedDialog)
        _assert_row_whole(app.screen)
        app.screen.dismiss(None)
        await pilot.pause()
        await pilot.press("e")  # "Edit entry" on the highlighted entry
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TriedDialog)
        _assert_row_whole(dialog)
        # The cursor starts on the saved reaction, which is the one pressed.
        row = dialog.query_one("#reaction", ReactionSet)
        assert row.reaction == 4
        assert row.query_one("#r4").has_class("-selected")


async def test_no_screen_styles_the_dialog(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_every_screen(app)
        await app.switch_mode("today")
        await pilot.pause()
        app.mark_tried(HUG)
        await pilot.pause()
        assert isinstance(app.screen, TriedDialog)
        _assert_row_whole(app.screen)


async def test_keys_pick_the_reaction(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.mark_tried(HUG)
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TriedDialog)
        row = dialog.query_one("#reaction", ReactionSet)
        assert row.reaction is None
        await pilot.press("shift+tab")  # from the note, up to the reaction row
        assert row.has_focus
        await pilot.press("3")
        assert row.reaction == 3
        assert row.query_one("#r3").has_class("-selected")
        await pilot.press("0")
        assert row.reaction is None
        await pilot.press("5", "ctrl+s")
        await pilot.pause()
    assert [e.reaction for e in app.journal.tried()] == [5]
