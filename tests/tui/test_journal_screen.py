"""Journal: the entries (filters, search, edit, delete and undo, export), rhythm, balance."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from textual.widgets import Input, Label, OptionList, Select, Static, TabbedContent

from micromance_tui.core.journal import Journal, QuizResult
from micromance_tui.tui.dialogs.confirm import ConfirmDialog
from micromance_tui.tui.dialogs.export import ExportDialog
from micromance_tui.tui.dialogs.tried import TriedDialog
from micromance_tui.tui.screens.gesture import GestureScreen
from micromance_tui.tui.screens.journal import JournalScreen
from micromance_tui.tui.widgets.entry_list import EntryList
from micromance_tui.tui.widgets.field import Field
from micromance_tui.tui.widgets.rhythm import LanguageSpread
from micromance_tui.tui.widgets.rhythm_calendar import RhythmCalendar
from tests.tui.conftest import AppFactory

TODAY = date(2026, 11, 25)
# Shipped ideas, one per main language.
HUG = "hug-after-long-day"  # touch
MORNING = "good-morning-text"  # words


def _history(journal: Journal) -> None:
    journal.add_tried(HUG, on=TODAY - timedelta(days=2), note="long day, long hug", reaction=5)
    journal.add_tried(MORNING, on=TODAY - timedelta(days=4), note="sent before the train")
    journal.add_tried(HUG, on=TODAY - timedelta(days=100), note="after the move", reaction=4)
    journal.add_tried(MORNING, on=TODAY - timedelta(days=40), reaction=2)


async def _open(pilot: Any) -> tuple[JournalScreen, EntryList]:
    await pilot.press("j")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, JournalScreen)
    return screen, screen.query_one("#entries", EntryList)


def _notes(listing: EntryList) -> list[str]:
    return [e.note for e in listing.entries]


async def test_entries_newest_first_with_title_and_language(make_app: AppFactory) -> None:
    app = make_app(setup=_history)
    async with app.run_test(size=(80, 24)) as pilot:
        _, listing = await _open(pilot)
        assert [e.date for e in listing.entries] == sorted(
            (e.date for e in listing.entries), reverse=True
        )
        assert listing.row_count == 4
        lines = [listing.render_line(y).text for y in range(3)]
        assert lines[0].split()[:2] == ["Date", "Idea"]
        hug_title = app.library.gesture_by_id[HUG].title
        assert lines[1].startswith("2026-11-23 " + hug_title[:10])
        assert "Touch" in lines[1] and "loved it" in lines[1] and "long day" in lines[1]
        assert "4 entries" in str(app.screen.query_one("#count", Static).render())


async def test_filters_language_reaction_search_and_dates(make_app: AppFactory) -> None:
    app = make_app(setup=_history)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, listing = await _open(pilot)
        screen.query_one("#language", Select).value = "touch"
        await pilot.pause()
        assert {e.gesture_id for e in listing.entries} == {HUG}
        assert "2 of 4" in str(screen.query_one("#count", Static).render())
        screen.query_one("#reaction", Select).value = "4"
        await pilot.pause()
        assert _notes(listing) == ["after the move"]
        screen.clear_filters()
        await pilot.pause()
        assert listing.row_count == 4
        # Search the notes (case does not matter), typed from the keyboard.
        await pilot.press("slash", *"TRAIN")
        await pilot.pause()
        assert _notes(listing) == ["sent before the train"]
        screen.clear_filters()
        # Reaction not noted.
        screen.query_one("#reaction", Select).value = "none"
        await pilot.pause()
        assert _notes(listing) == ["sent before the train"]
        screen.clear_filters()
        await pilot.pause()
        # A date range, inclusive at both ends.
        screen.query_one("#since", Input).value = (TODAY - timedelta(days=40)).isoformat()
        screen.query_one("#until", Input).value = (TODAY - timedelta(days=4)).isoformat()
        await pilot.pause()
        assert _notes(listing) == ["sent before the train", ""]


async def test_bad_dates_show_a_message_and_are_not_applied(make_app: AppFactory) -> None:
    app = make_app(setup=_history)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, listing = await _open(pilot)
        error = screen.query_one("#filter-error", Label)
        assert not error.display
        screen.query_one("#since", Input).value = "2026-13-01"
        await pilot.pause()
        assert error.display and "'2026-13-01' is not a date" in str(error.render())
        assert listing.row_count == 4  # the bad bound is left out
        screen.query_one("#since", Input).value = "2026-11-20"
        screen.query_one("#until", Input).value = "2026-11-01"
        await pilot.pause()
        assert "after the last day" in str(error.render())
        assert listing.row_count == 4
        screen.query_one("#until", Input).value = "2026-11-30"
        await pilot.pause()
        assert not error.display
        assert listing.row_count == 2


async def test_edit_note_reaction_and_date(make_app: AppFactory) -> None:
    app = make_app(setup=_history)
    async with app.run_test(size=(80, 24)) as pilot:
        _, listing = await _open(pilot)
        await pilot.press("down")  # the good-morning text, 4 days ago
        entry = listing.current
        assert entry is not None and entry.gesture_id == MORNING
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TriedDialog)
        assert dialog.query_one("#note", Field).value == "sent before the train"
        dialog.query_one("#note", Field).value = "sent from the platform"
        dialog.query_one("#day", Field).value = "2026-11-20"
        await pilot.click("#r4")
        await pilot.click("#save")
        await pilot.pause()
        saved = app.journal.get_tried(entry.id)
        assert saved.note == "sent from the platform"
        assert saved.reaction == 4
        assert saved.date == date(2026, 11, 20)
        assert listing.current is not None and listing.current.id == entry.id
        assert "sent from the platform" in listing.render_line(1 + listing.cursor).text


async def test_edit_refuses_a_future_date(make_app: AppFactory) -> None:
    app = make_app(setup=_history)
    async with app.run_test(size=(80, 24)) as pilot:
        _, listing = await _open(pilot)
        entry = listing.current
        assert entry is not None
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TriedDialog)
        dialog.query_one("#day", Field).value = "2026-12-01"
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, TriedDialog)  # still open, with the message
        assert "future" in str(dialog.query_one("#day-error", Label).render())
        assert app.journal.get_tried(entry.id).date == entry.date


async def test_delete_asks_then_undo_restores(make_app: AppFactory) -> None:
    app = make_app(setup=_history)
    async with app.run_test(size=(80, 24)) as pilot:
        _, listing = await _open(pilot)
        first = listing.current
        assert first is not None
        # "No" keeps it.
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert len(app.journal.tried()) == 4
        # "Yes" deletes it.
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert first.id not in {e.id for e in app.journal.tried()}
        assert listing.row_count == 3
        # u brings it back, same id, same everything, and the cursor is on it.
        await pilot.press("u")
        await pilot.pause()
        assert app.journal.get_tried(first.id) == first
        assert listing.row_count == 4
        assert listing.current == first
        await pilot.press("u")  # nothing more to undo
        await pilot.pause()
        assert len(app.journal.tried()) == 4


async def test_undo_lasts_until_the_screen_is_left(make_app: AppFactory) -> None:
    app = make_app(setup=_history)
    async with app.run_test(size=(80, 24)) as pilot:
        _, listing = await _open(pilot)
        first = listing.current
        assert first is not None
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert first.id not in {e.id for e in app.journal.tried()}


async def test_export_json_and_csv(make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app(setup=_history)
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        # JSON: everything, in the import format.
        await pilot.press("x")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        target = tmp_path / "out.json"
        dialog.query_one("#path", Field).value = str(target)
        await pilot.pause()
        await pilot.click("#export")
        await pilot.pause()
        data = json.loads(target.read_text(encoding="utf-8"))
        assert data["format"] == "micromance-export"
        assert sorted(e["note"] for e in data["tried"]) == sorted(
            e.note for e in app.journal.tried()
        )
        # CSV: picking the format changes the extension.
        await pilot.press("x")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#path", Field).value == str(target)  # remembered
        await pilot.click("#csv")
        await pilot.pause()
        assert dialog.query_one("#path", Field).value == str(tmp_path / "out.csv")
        await pilot.click("#export")
        await pilot.pause()
        rows = list(csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text("utf-8"))))
        assert len(rows) == 4
        assert rows[0]["date"] == "2026-11-23" and rows[0]["gesture_id"] == HUG
        assert rows[0]["reaction_label"] == "loved it"
        assert rows[0]["language"] == "touch"


async def test_export_path_is_checked_and_overwrite_asks(
    make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app(setup=_history)
    tmp_path = tmp_path / "exports"
    tmp_path.mkdir()
    async with app.run_test(size=(80, 24)) as pilot:
        await _open(pilot)
        await pilot.press("x")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        path = dialog.query_one("#path", Field)
        error = dialog.query_one("#path-error", Label)
        for value, message in [
            (str(tmp_path / "missing" / "a.json"), "does not exist"),
            (str(tmp_path), "is a folder"),
            (str(tmp_path / "a.txt"), ".json or .csv"),
            ("", "Enter a file path"),
        ]:
            path.value = value
            await pilot.pause()
            assert message in str(error.render()), value
            await pilot.click("#export")
            await pilot.pause()
            assert app.screen is dialog  # nothing written, still asking
        assert list(tmp_path.iterdir()) == []
        # An existing file: asked first; "no" keeps it.
        existing = tmp_path / "old.csv"
        existing.write_text("keep me", encoding="utf-8")
        path.value = str(existing)
        await pilot.pause()
        assert not error.display
        assert "asked before" in str(dialog.query_one("#path-note", Label).render())
        await pilot.click("#export")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert existing.read_text(encoding="utf-8") == "keep me"
        await pilot.click("#export")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert existing.read_text(encoding="utf-8").startswith("date,time,gesture_id")


async def test_rhythm_calendar_run_and_worth_repeating(make_app: AppFactory) -> None:
    app = make_app(setup=_history)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, _ = await _open(pilot)
        await pilot.press("2")
        await pilot.pause()
        assert screen.query_one("#journal-tabs", TabbedContent).active == "tab-rhythm"
        calendar = screen.query_one("#calendar", RhythmCalendar)
        text = calendar.render().plain
        assert text.splitlines()[1].startswith("Mon ")
        assert "3+" in text
        assert "3 ideas tried" in str(screen.query_one("#calendar-total", Static).render())
        run = str(screen.query_one("#week-run", Static).render())
        assert run.startswith("2 weeks in a row")
        # The hug landed well 100 days ago but was tried again 2 days ago: nothing to list.
        repeat = screen.query_one("#repeat", OptionList)
        assert repeat.option_count == 1
        hint = repeat.get_option_at_index(0)
        assert hint.id is None and hint.disabled
        assert "60 days" in str(hint.prompt)
        # Edit and delete belong to the Entries tab: not offered here.
        await pilot.press("d")
        await pilot.pause()
        assert app.screen is screen
        assert len(app.journal.tried()) == 4


async def test_worth_repeating_opens_the_idea(make_app: AppFactory) -> None:
    def setup(journal: Journal) -> None:
        journal.add_tried(HUG, on=TODAY - timedelta(days=90), reaction=5)
        journal.add_tried(MORNING, on=TODAY - timedelta(days=90), reaction=3)
        journal.add_tried(MORNING, on=TODAY - timedelta(days=1))

    app = make_app(setup=setup)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, _ = await _open(pilot)
        await pilot.press("2")
        await pilot.pause()
        repeat = screen.query_one("#repeat", OptionList)
        assert [repeat.get_option_at_index(i).id for i in range(repeat.option_count)] == [HUG]
        assert "90 days ago" in str(repeat.get_option_at_index(0).prompt)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, GestureScreen)
        assert app.screen.gesture_id == HUG


async def test_balance_spreads_and_partner_profile(make_app: AppFactory) -> None:
    def setup(journal: Journal) -> None:
        _history(journal)
        journal.add_quiz_result(
            QuizResult(
                id="q1",
                who="partner",
                mode="classic",
                scores={"words": 9, "service": 6, "gifts": 3, "time": 7, "touch": 5},
                receive={},
                give={},
                answers={},
                taken=datetime(2026, 11, 1, 10, 0).isoformat(),
            )
        )

    app = make_app(setup=setup)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, _ = await _open(pilot)
        await pilot.press("3")
        await pilot.pause()
        last30 = str(screen.query_one("#spread-30", LanguageSpread).render())
        last90 = str(screen.query_one("#spread-90", LanguageSpread).render())
        # 30 days: the hug (touch) and the morning text (words); 90 days adds the 40-day one.
        assert last30.splitlines()[0].endswith(" 1") and last30.splitlines()[4].endswith(" 1")
        assert last90.splitlines()[0].endswith(" 2") and last90.splitlines()[4].endswith(" 1")
        profile = str(screen.query_one("#profile", Static).render())
        assert "Words" in profile and "9/12" in profile


async def test_journal_updates_when_an_idea_is_logged_elsewhere(make_app: AppFactory) -> None:
    app = make_app(setup=_history)
    async with app.run_test(size=(80, 24)) as pilot:
        _, listing = await _open(pilot)
        assert listing.row_count == 4
        app.journal.add_tried(MORNING, note="from the cli")
        app.journal_changed.publish("tried")
        await pilot.pause()
        assert listing.row_count == 5
        assert listing.entries[0].note == "from the cli"


async def test_empty_journal_says_how_to_start(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        _, listing = await _open(pilot)
        assert listing.row_count == 0
        assert "Nothing logged yet" in listing.render_line(1).text
        await pilot.press("d", "e")  # nothing to act on: no dialog, no crash
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)


async def test_mouse_click_selects_and_double_click_opens(make_app: AppFactory) -> None:
    from micromance_tui.tui.dialogs.entry_view import EntryViewDialog

    app = make_app(setup=_history)
    async with app.run_test(size=(80, 24)) as pilot:
        _, listing = await _open(pilot)
        await pilot.click("#entries", offset=(5, 3))  # row 0 is the header
        await pilot.pause()
        assert listing.cursor == 2
        await pilot.click("#entries", offset=(5, 2), times=2)
        await pilot.pause()
        assert isinstance(app.screen, EntryViewDialog)
        await pilot.click("#edit")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TriedDialog)
        assert dialog.query_one("#note", Field).value == listing.entries[1].note


async def test_twenty_thousand_entries_scroll_to_the_end(make_app: AppFactory) -> None:
    """Only the rows on screen are rendered: the last of 20,000 is a key press away."""

    def setup(journal: Journal) -> None:
        tried = [
            {
                "id": f"e{n}",
                "gesture": HUG,
                "date": (TODAY - timedelta(days=n // 10)).isoformat(),
                "note": f"entry {n}",
                "created": "2026-01-01T00:00:00",
            }
            for n in range(20_000)
        ]
        journal.import_data({"format": "micromance-export", "schema": 2, "tried": tried})

    app = make_app(setup=setup)
    async with app.run_test(size=(80, 24)) as pilot:
        _, listing = await _open(pilot)
        assert listing.row_count == 20_000
        await pilot.press("end")
        await pilot.pause()
        # Newest first; within one day the entry saved last comes first, so the very last
        # row is the first one saved on the oldest day.
        assert listing.current is not None and listing.current.note == "entry 19990"
        bottom = listing.scrollable_content_region.height - 1
        assert "entry 19990" in listing.render_line(bottom).text


async def test_an_idea_logged_on_today_is_there_when_coming_back(make_app: AppFactory) -> None:
    app = make_app(setup=_history)
    async with app.run_test(size=(80, 24)) as pilot:
        _, listing = await _open(pilot)
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("d")  # Done it: today's idea
        await pilot.pause()
        assert isinstance(app.screen, TriedDialog)
        app.screen.query_one("#note", Field).value = "logged from Today"
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert listing.row_count == 5
        assert listing.entries[0].note == "logged from Today"


async def test_enter_shows_the_whole_note_and_e_edits(make_app: AppFactory) -> None:
    from micromance_tui.tui.dialogs.entry_view import EntryViewDialog

    long_note = " ".join(f"word{n}" for n in range(60)) + " and the very end."

    def setup(journal: Journal) -> None:
        journal.add_tried(HUG, on=TODAY - timedelta(days=1), note=long_note, reaction=5)

    app = make_app(setup=setup)
    async with app.run_test(size=(80, 24)) as pilot:
        _, listing = await _open(pilot)
        assert "the very end" not in listing.render_line(1).text  # one line in the list
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, EntryViewDialog)
        assert str(view.query_one("#entry-note", Static).render()) == long_note
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, TriedDialog)
        assert app.screen.query_one("#note", Field).value == long_note


async def test_where_is_shown_prefilled_and_edited(make_app: AppFactory) -> None:
    from micromance_tui.tui.dialogs.entry_view import EntryViewDialog

    def setup(journal: Journal) -> None:
        journal.add_tried(HUG, on=TODAY - timedelta(days=1), where="at the station")
        journal.add_tried(MORNING, on=TODAY - timedelta(days=2))

    app = make_app(setup=setup)
    async with app.run_test(size=(120, 24)) as pilot:
        screen, listing = await _open(pilot)
        assert "@ at the station" in listing.render_line(1).text  # the row shows the place
        screen.query_one("#search", Input).value = "STATION"  # and the search finds it
        await pilot.pause()
        assert [e.gesture_id for e in listing.entries] == [HUG]
        screen.clear_filters()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen
        assert isinstance(view, EntryViewDialog)
        assert str(view.query_one("#entry-where", Static).render()) == "Where: at the station"
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TriedDialog)
        assert dialog.query_one("#where", Field).value == "at the station"
        dialog.query_one("#where", Field).value = "on the platform"
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
        entries = {e.gesture_id: e for e in app.journal.tried()}
        assert entries[HUG].where == "on the platform"
        # an entry without a place shows no "Where" line at all
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, EntryViewDialog)
        assert not app.screen.query("#entry-where")


async def test_the_rhythm_calendar_names_the_current_month(make_app: AppFactory) -> None:
    # Tuesday 1 December: the week's Monday is still in November
    app = make_app(setup=_history, now=datetime(2026, 12, 1, 9, 30))
    async with app.run_test(size=(80, 24)) as pilot:
        screen, _ = await _open(pilot)
        await pilot.press("2")
        await pilot.pause()
        months = screen.query_one("#calendar", RhythmCalendar).render().plain.splitlines()[0]
        assert "Dec" in months and "Nov" in months
