"""Together in the app: the partner's file read after the first frame, the "from Sam" card on
Today, the title-bar status, and the Together screen (react, appreciate, what is shared)."""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Checkbox, Header, Input, Label, OptionList, Select, Static
from textual.worker import WorkerCancelled

from micromance_tui.cli import main
from micromance_tui.core import paths as paths_mod
from micromance_tui.core.clock import fixed_clock
from micromance_tui.core.journal import Journal
from micromance_tui.core.together.session import Together
from micromance_tui.tui.app import MicromanceApp
from micromance_tui.tui.dialogs.entry_view import EntryViewDialog
from micromance_tui.tui.dialogs.pairing import PairingDialog
from micromance_tui.tui.screens.journal import JournalScreen
from micromance_tui.tui.screens.together import TogetherScreen
from micromance_tui.tui.widgets.entry_list import EntryList
from micromance_tui.tui.widgets.from_partner import FromPartnerCard
from tests.tui.conftest import NOW, shipped_library

GESTURE = "welcome-home-note"


class Pair:
    def __init__(self, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.root = root
        self.capsys = capsys
        self.shared = root / "shared"
        self.code = ""  # the pairing code, once paired

    def cli(self, who: str, *args: str) -> str:
        code = main(["--data-dir", str(self.root / who), *args])
        out, err = self.capsys.readouterr()
        assert code == 0, err
        return out

    def session(self, who: str) -> Together:
        session = Together.load(self.root / who / "together.json", self.root / who / "tg")
        assert session is not None
        return session

    def app(self, who: str = "alex", *, welcome: bool = False) -> MicromanceApp:
        paths = paths_mod.resolve(data_dir=self.root / who)
        clock = fixed_clock(NOW)
        journal = Journal.open(paths.journal_file, clock=clock)
        return MicromanceApp(
            shipped_library(),
            journal,
            clock=clock,
            paths=paths,
            cursor_blink=False,
            welcome=welcome,
        )


@pytest.fixture
def pair(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Pair:
    monkeypatch.setenv("MICROMANCE_NOW", NOW.isoformat())
    p = Pair(tmp_path, capsys)
    out = p.cli("alex", "together", "init", str(p.shared), "--name", "Alex", "--json")
    p.code = json.loads(out)["code"]
    p.cli("sam", "together", "join", str(p.shared), p.code, "--name", "Sam")
    return p


async def _workers_done(app: MicromanceApp) -> None:
    """Wait for the app's workers. A read replaced by a newer one (the reads are exclusive)
    ends cancelled, which is how it should end, not an error."""
    for _ in range(50):
        running = [w for w in app.workers if not w.is_finished]
        if not running:
            return
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete(running)


async def _settle(app: MicromanceApp, pilot: Pilot[int]) -> None:
    """Let the first read (scheduled after the first frame) and any later one finish."""
    for _ in range(100):  # up to 5 s: the first read waits FIRST_READ_AFTER past the frame
        await pilot.pause(0.05)
        await _workers_done(app)
        if app.together is not None or app.paths is None or not app.paths.together_file.exists():
            break
    await pilot.pause()


async def test_from_sam_card_and_title_status_after_the_first_frame(pair: Pair) -> None:
    pair.cli("sam", "tried", GESTURE)
    pair.cli("sam", "appreciate", "You [b]fixed[/] the bike light")
    app = pair.app()
    async with app.run_test(size=(80, 30)) as pilot:
        await _settle(app, pilot)
        card = app.screen.query_one(FromPartnerCard)
        assert card.display
        text = str(card.render())
        assert "♡ Sam: You [b]fixed[/] the bike light, Wed 25 Nov" in text  # shown as text
        assert "▸ Sam: A welcome-home note" in text  # what 1-5 answer
        assert card.border_title == "From Sam"
        header = app.screen.query_one(Header).query_one("HeaderTitle", Static)
        assert str(header.render()) == "Today  ·  Sam: just now"


async def test_a_date_sam_added_comes_up_on_alexs_today(pair: Pair) -> None:
    from datetime import date

    from micromance_tui.tui.screens.today import Glance

    app = pair.app()
    async with app.run_test(size=(80, 30)) as pilot:
        await _settle(app, pilot)
        assert "Our first date" not in str(app.screen.query_one(Glance).render())
        journal = Journal.open(pair.root / "sam" / "journal.json")  # Sam adds it meanwhile
        journal.add_date("anniversary", "Our first date", date(2019, 11, 28))
        journal.close()
        pair.cli("sam", "together", "sync")
        app.refresh_together()  # as the app does every minute
        await _settle(app, pilot)
        glance = str(app.screen.query_one(Glance).render())
        assert "♥ Our first date is in 3 days (from Sam) (Sat 28 Nov)" in glance


async def test_the_welcome_after_pairing_in_the_shell_knows_both_names(pair: Pair) -> None:
    from micromance_tui.tui.dialogs.welcome import WelcomeDialog

    pair.cli("alex", "together", "sync")  # Alex's side has read Sam's file: Sam's name
    app = pair.app(welcome=True)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, WelcomeDialog)
        assert dialog.query_one("#my-name", Input).value == "Alex"
        assert dialog.query_one("#partner-name", Input).value == "Sam"
        await pilot.click("#next-step")  # kept as they are
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    settings = Journal.open(pair.root / "alex" / "journal.json").settings()
    assert (settings.my_name, settings.partner_name) == ("Alex", "Sam")


async def test_a_long_appreciation_on_the_card_is_cut_with_an_ellipsis(pair: Pair) -> None:
    long = "You stayed up to help me finish the slides and then " + "made tea " * 12
    pair.cli("sam", "appreciate", long)
    app = pair.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(app, pilot)
        [line, *_] = str(app.screen.query_one(FromPartnerCard).render()).splitlines()
        # the cut is shown, not passed off as the whole line
        assert line.startswith("♡ Sam: You stayed up to help me finish the slides")
        assert "…, Wed 25 Nov" in line


async def test_no_card_and_no_status_when_not_paired(tmp_path: Path) -> None:
    paths = paths_mod.resolve(data_dir=tmp_path / "solo")
    clock = fixed_clock(NOW)
    app = MicromanceApp(
        shipped_library(),
        Journal.open(paths.journal_file, clock=clock),
        clock=clock,
        paths=paths,
        cursor_blink=False,
        welcome=False,
    )
    async with app.run_test(size=(80, 30)) as pilot:
        await _settle(app, pilot)
        assert not app.screen.query_one(FromPartnerCard).display
        assert app.together_line == ""
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, TogetherScreen)
        assert "micromance together init" in str(app.screen.query_one("#together-status").render())


async def _wait_for(pilot: Pilot[int], check: Callable[[], bool]) -> None:
    for _ in range(100):  # deriving the key takes a moment, in a thread
        await pilot.pause(0.05)
        if check():
            return
    raise AssertionError("timed out")


async def test_start_a_pairing_in_the_app_shows_the_code_once_and_it_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MICROMANCE_NOW", NOW.isoformat())
    p = Pair(tmp_path, capsys)
    app = p.app()
    async with app.run_test(size=(80, 30)) as pilot:
        await _settle(app, pilot)
        await pilot.press("i", "s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PairingDialog)
        dialog.query_one("#name", Input).value = "Alex"
        dialog.query_one("#folder", Input).value = ""
        await pilot.press("ctrl+s")
        error = dialog.query_one("#pairing-error", Label)
        await _wait_for(pilot, lambda: bool(error.display))
        assert str(error.render()) == "give the folder you both sync, or a git URL"
        dialog.query_one("#folder", Input).value = str(p.shared)
        await pilot.press("ctrl+s")
        shown = dialog.query_one("#pairing-code", Static)
        await _wait_for(pilot, lambda: bool(shown.display))
        code = re.search(r"(?:[0-9A-Z]{5}-){4}[0-9A-Z]{5}", str(shown.render()))
        assert code is not None
        await pilot.press("enter")
        await _settle(app, pilot)
        assert isinstance(app.screen, TogetherScreen)
        assert app.together is not None and app.together.my_name == "Alex"
        assert not app.screen.query_one("#pairing-buttons").display
    p.cli("sam", "together", "join", str(p.shared), code.group(), "--name", "Sam")
    assert p.session("sam").status().partner is not None  # Alex's file was written


async def test_joining_in_the_app_with_the_partners_name_says_it_is_their_machine(
    pair: Pair,
) -> None:
    app = pair.app("sam2")  # Sam types Alex's name by mistake: Alex's second machine
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("i", "c")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PairingDialog)
        dialog.query_one("#folder", Input).value = str(pair.shared)
        dialog.query_one("#code", Input).value = pair.code
        dialog.query_one("#name", Input).value = "Alex"
        await pilot.press("ctrl+s")
        await _wait_for(pilot, lambda: isinstance(app.screen, TogetherScreen))
        await pilot.pause()
        toasts = " ".join(" ".join(str(t.render()).split()) for t in app.screen.query("Toast"))
        assert "Joined as another machine of Alex" in toasts


async def test_join_in_the_app_says_what_is_wrong_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MICROMANCE_NOW", NOW.isoformat())
    p = Pair(tmp_path, capsys)
    code = json.loads(p.cli("alex", "together", "init", str(p.shared), "--json"))["code"]
    p.cli("alex", "appreciate", "hello from Alex")
    app = p.app("sam")
    async with app.run_test(size=(80, 30)) as pilot:
        await _settle(app, pilot)
        await pilot.press("i", "c")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PairingDialog)
        error = dialog.query_one("#pairing-error", Label)
        for folder, typed, name, message in [
            (str(p.shared), code, "S" * 41, "Your name: use up to 40 plain characters."),
            (str(p.shared), "K7QM2", "Sam", "the pairing code has 5 letters and digits"),
            (str(tmp_path / "nowhere"), code, "Sam", "is not a folder (is it synced"),
            (str(p.shared), "0" * 25, "Sam", "that pairing code does not match"),
        ]:
            dialog.query_one("#folder", Input).value = folder
            dialog.query_one("#code", Input).value = typed
            dialog.query_one("#name", Input).value = name
            await pilot.press("ctrl+s")
            await _wait_for(pilot, lambda m=message: m in str(error.render()))  # type: ignore[misc]
            assert "\n" not in str(error.render())
            assert not (p.root / "sam" / "together.json").exists()
        dialog.query_one("#code", Input).value = code.lower().replace("-", " ")
        await pilot.press("ctrl+s")
        await _settle(app, pilot)
        await _wait_for(pilot, lambda: isinstance(app.screen, TogetherScreen))
        await _settle(app, pilot)
        inbox = app.screen.query_one("#together-inbox", OptionList)
        assert "hello from Alex" in str(inbox.get_option_at_index(0).prompt)


async def test_a_long_pairing_error_wraps_inside_the_dialog_at_80x24(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MICROMANCE_NOW", NOW.isoformat())
    p = Pair(tmp_path, capsys)
    p.cli("alex", "together", "init", str(p.shared), "--json")
    app = p.app("sam")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("i", "c")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PairingDialog)
        dialog.query_one("#folder", Input).value = str(p.shared)
        dialog.query_one("#code", Input).value = "0" * 25
        await pilot.press("ctrl+s")
        error = dialog.query_one("#pairing-error", Label)
        await _wait_for(pilot, lambda: "check it for typos" in str(error.render()))
        await pilot.pause()
        box = dialog.query_one("#pairing-dialog").content_region
        # the whole sentence is on screen: wrapped within the dialog, not cut at its edge
        assert error.region.right <= box.right and error.region.height >= 2


async def test_react_from_the_together_screen_reaches_the_partner(pair: Pair) -> None:
    pair.cli("sam", "tried", GESTURE)
    app = pair.app()
    async with app.run_test(size=(80, 30)) as pilot:
        await _settle(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TogetherScreen)
        inbox = screen.query_one("#together-inbox", OptionList)
        assert "Sam did this for you on 2026-11-25" in str(inbox.get_option_at_index(0).prompt)
        await pilot.press("5")
        await _settle(app, pilot)
        assert "(you: loved it)" in str(inbox.get_option_at_index(0).prompt)
    sam = pair.session("sam")
    sam.exchange(None, None, NOW)
    assert list(sam.reactions_to_me().values()) == [5]


async def test_how_did_it_land_is_one_key_on_today(pair: Pair) -> None:
    """1-5 on Today answer the idea the "from Sam" card points at (the newest not yet
    answered); with the card focused, down points at the next one."""
    pair.cli("sam", "tried", "hug-after-long-day", "--date", "2026-11-24")
    pair.cli("sam", "tried", GESTURE)
    app = pair.app()
    async with app.run_test(size=(80, 30)) as pilot:
        await _settle(app, pilot)
        card = app.screen.query_one(FromPartnerCard)
        lines = str(card.render()).splitlines()
        assert lines[0].startswith("▸ Sam: A welcome-home note")  # the newest
        assert lines[-1].startswith("▸ 1-5: how did it land?")
        await pilot.press("4")
        await _settle(app, pilot)
        lines = str(card.render()).splitlines()
        assert lines[0].endswith("Wed 25 Nov  (went well)")
        card.focus()
        await pilot.press("down", "2")
        await _settle(app, pilot)
        lines = str(card.render()).splitlines()
        assert lines[1] == "▸ Sam: A long hug after a long day, Tue 24 Nov  (so-so)"
    sam = pair.session("sam")
    sam.exchange(None, None, NOW)
    assert sorted(sam.reactions_to_me().values()) == [2, 4]


async def test_reaction_keys_are_not_offered_for_an_appreciation_alone(pair: Pair) -> None:
    pair.cli("sam", "appreciate", "You made the morning easy")
    app = pair.app()
    async with app.run_test(size=(80, 30)) as pilot:
        await _settle(app, pilot)
        card = app.screen.query_one(FromPartnerCard)
        assert card.display and "how did" not in str(card.render())
        assert app.screen.check_action("react", (5,)) is False
        await pilot.press("5")
        await _settle(app, pilot)
    assert pair.session("alex").state["mine"] == {}


async def test_worth_repeating_in_the_journal_uses_the_partners_own_reactions(pair: Pair) -> None:
    """Alex guessed "fine" for the note and "loved it" for the hug; Sam says the note was
    loved and the hug fell flat. The Journal lists the note, with both, and not the hug."""
    long_ago = "2026-08-27"  # 90 days before NOW
    pair.cli("alex", "tried", GESTURE, "--reaction", "3", "--date", long_ago)
    pair.cli("alex", "tried", "hug-after-long-day", "--reaction", "5", "--date", long_ago)
    for event in json.loads(pair.cli("sam", "inbox", "--json")):
        reaction = "5" if event["gesture"] == GESTURE else "1"
        pair.cli("sam", "react", event["id"][:8], reaction)
    app = pair.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(app, pilot)
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        repeat = app.screen.query_one("#repeat", OptionList)
        assert [repeat.get_option_at_index(i).id for i in range(repeat.option_count)] == [GESTURE]
        shown = str(repeat.get_option_at_index(0).prompt)
        assert "Sam: loved it (you guessed: fine), last tried 90 days ago" in shown
        # and the entry itself says both
        [note] = [e for e in app.journal.tried() if e.gesture_id == GESTURE]
        journal_screen = app.screen
        assert isinstance(journal_screen, JournalScreen)
        journal_screen.select_item(f"entry:{note.id}")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EntryViewDialog)
        said = [str(w.render()) for w in app.screen.query(Static)]
        assert "Thu 27 Aug 2026 · how it landed: 3: fine (your guess) · Sam: 5: loved it" in said


async def test_the_journal_list_shows_how_it_landed_for_the_partner(pair: Pair) -> None:
    """Alex guessed "fine" and "loved it"; Sam answered "loved it" and "fell flat". The list
    shows Sam's answers, marked with a heart, and the reaction filter goes by them."""
    pair.cli("alex", "tried", GESTURE, "--reaction", "3", "--date", "2026-11-20")
    pair.cli("alex", "tried", "hug-after-long-day", "--reaction", "5", "--date", "2026-11-21")
    for event in json.loads(pair.cli("sam", "inbox", "--json")):
        pair.cli("sam", "react", event["id"][:8], "5" if event["gesture"] == GESTURE else "1")
    app = pair.app()
    async with app.run_test(size=(120, 30)) as pilot:
        await _settle(app, pilot)
        await pilot.press("j")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        listing = screen.query_one("#entries", EntryList)
        rows = [listing.render_line(y).text for y in (1, 2)]
        assert "♥fell flat" in rows[0] and "♥loved it" in rows[1]  # newest first: the hug
        title = str(screen.query_one("#entries-box").border_title)
        assert title.endswith("♥ = Sam's own answer")
        screen.query_one("#reaction", Select).value = "5"
        await pilot.pause()
        assert [e.gesture_id for e in listing.entries] == [GESTURE]  # Sam loved it
        # Sam changes their mind while Alex is on another screen: the filter follows
        await pilot.press("t")
        events = pair.session("sam").partner_events()  # what Alex shared, as Sam has it
        [event] = [e for e in events if e.get("gesture") == GESTURE]
        pair.cli("sam", "react", event["id"][:8], "1")
        app.refresh_together()
        await _settle(app, pilot)
        await pilot.press("j")
        await pilot.pause()
        assert listing.entries == []  # no longer "loved it" by Sam


async def test_send_an_appreciation_and_change_what_is_shared(pair: Pair) -> None:
    app = pair.app()
    async with app.run_test(size=(80, 30)) as pilot:
        await _settle(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        screen = app.screen
        field = screen.query_one("#appreciation", Input)
        field.focus()
        field.value = "Thank you for the soup"
        await pilot.press("enter")
        await _settle(app, pilot)
        assert field.value == ""
        sent = str(screen.query_one("#sent", Static).render())
        assert sent == "You, 2026-11-25: Thank you for the soup"  # kept on this side too
        notes = screen.query_one("#share-notes", Checkbox)
        assert notes.value is False
        notes.value = True
        await _settle(app, pilot)
    assert pair.session("alex").share["notes"] is True
    [sent_to_sam] = json.loads(pair.cli("sam", "inbox", "--json"))  # what Sam's side reads
    assert sent_to_sam["text"] == "Thank you for the soup"


async def test_a_focused_share_switch_still_shows_what_it_shares(pair: Pair) -> None:
    app = pair.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        box = app.screen.query_one("#share-tried", Checkbox)
        box.focus()
        await pilot.pause()
        # its label is on its one line, not squeezed out by a focus border
        assert box.content_region.height == 1
        assert box.content_region.width >= len(str(box.label))


async def test_a_hostile_partner_file_is_a_line_on_the_screen_not_a_crash(pair: Pair) -> None:
    for n in range(8):  # a tall inbox, far down the screen at 80x24
        pair.cli("sam", "appreciate", f"thanks, number {n}")
    pair.cli("sam", "appreciate", "before")
    sam_file = pair.shared / f"{pair.session('sam').state['member']}.mmt"
    app = pair.app()
    async with app.run_test(size=(80, 30)) as pilot:
        await _settle(app, pilot)
        sam_file.write_bytes(b"\x1b[2J" + bytes(range(256)) * 40)
        app.refresh_together()
        await _settle(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        status = str(app.screen.query_one("#together-status").render())
        assert "not a micromance Together file; ignored" in status
        assert "\x1b" not in status
        inbox = app.screen.query_one("#together-inbox", OptionList)
        shown = [str(inbox.get_option_at_index(i).prompt) for i in range(inbox.option_count)]
        assert any("before" in line for line in shown)  # what was read before stays
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one(FromPartnerCard).display  # Today still shows it
        # the title bar, on every screen, does not claim all is well
        header = app.screen.query_one(Header).query_one("HeaderTitle", Static)
        assert str(header.render()) == "Today  ·  Sam: just now, 1 problem (i)"
    small = pair.app()
    async with small.run_test(size=(80, 24)) as pilot:
        await _settle(small, pilot)
        await pilot.press("i")  # as the title bar says: the problem is on top, in view
        await pilot.pause()
        on_top = str(small.screen.query_one("#together-status", Static).render())
        assert "not a micromance Together file" in on_top
        assert small.screen.query_one("#together-body").scroll_offset.y == 0
        assert small.screen.query_one("#together-inbox").has_focus


async def test_partner_and_compare_use_what_the_partner_shared_marked_as_theirs(
    pair: Pair,
) -> None:
    from datetime import date as day

    from micromance_tui.core.journal import QuizResult

    pair.cli("sam", "together", "about", "Coffee", "oat flat white")
    sam_journal = Journal.open(pair.root / "sam" / "journal.json")
    sam_journal.add_date("birthday", "Sam's birthday", day(1991, 12, 1))
    sam_journal.add_quiz_result(
        QuizResult("q1", "me", "classic", {"time": 12, "words": 2}, {}, {}, {}, "2026-11-20T10:00")
    )
    sam_journal.close()
    pair.cli("sam", "together", "sync")
    app = pair.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _settle(app, pilot)
        await pilot.press("p")
        await pilot.pause()
        things = app.screen.query_one("#things", OptionList)
        prompts = [str(things.get_option_at_index(i).prompt) for i in range(things.option_count)]
        assert "Coffee: oat flat white  (Sam's own)" in prompts
        dates = app.screen.query_one("#dates", OptionList)
        shown = str(dates.get_option_at_index(dates.option_count - 1).prompt)
        assert shown.startswith("Sam's birthday · 1 Dec, every year · in 6 days")
        assert shown.endswith("(from Sam)")
        await pilot.press("q")
        await pilot.pause()
        # the quiz's start page has their result too, not "no results yet"
        assert app.screen.query_one("#start-latest").display
        latest = str(app.screen.query_one("#start-latest", Static).render())
        assert "Sam (theirs): classic, 20 Nov 2026" in latest
        await pilot.press("c")
        await pilot.pause()
        bars = str(app.screen.query_one("#c-bars").render())
        # the head says whose result it is, by the name they paired with, uncut
        assert "Sam (theirs)" in bars.splitlines()[0]
        # Sam's own result, taken on Sam's machine: 12 of 12 picks for quality time
        assert "Quality time          —                   ████████████ 100%" in bars


async def test_sync_key_pulls_from_a_git_remote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil
    import subprocess

    if shutil.which("git") is None:
        pytest.skip("needs git")
    monkeypatch.setenv("MICROMANCE_NOW", NOW.isoformat())
    bare = tmp_path / "remote.git"
    subprocess.run(["git", "init", "--bare", "--quiet", str(bare)], check=True)
    p = Pair(tmp_path, capsys)
    url = f"file://{bare}"
    code = json.loads(p.cli("alex", "together", "init", url, "--name", "Alex", "--json"))["code"]
    p.cli("sam", "together", "join", url, code, "--name", "Sam")
    p.cli("sam", "appreciate", "pushed from Sam's laptop")
    p.cli("sam", "together", "sync")
    app = p.app()
    async with app.run_test(size=(80, 30), notifications=True) as pilot:
        await _settle(app, pilot)
        assert not app.screen.query_one(FromPartnerCard).display  # not pulled yet
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("ctrl+r")
        await _settle(app, pilot)
        inbox = app.screen.query_one("#together-inbox", OptionList)
        assert "pushed from Sam's laptop" in str(inbox.get_option_at_index(0).prompt)
        field = app.screen.query_one("#appreciation", Input)
        field.focus()
        field.value = "thanks"
        await pilot.press("enter")
        await pilot.pause()
        # with git it waits in the clone: the note says so instead of "Sent"
        toasts = " ".join(" ".join(str(t.render()).split()) for t in app.screen.query("Toast"))
        assert "Ready for Sam (it goes with the next sync: ctrl+r on Together)" in toasts


async def test_answer_the_daily_question_on_the_together_screen(pair: Pair) -> None:
    pair.cli("sam", "question", "--answer", "Sam's answer")
    app = pair.app()
    async with app.run_test(size=(80, 40)) as pilot:
        await _settle(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        question = app.screen.query_one("#question")
        shown = str(question.render())
        assert "Sam has answered: answer to see theirs." in shown
        assert "Sam's answer" not in shown
        field = app.screen.query_one("#answer", Input)
        field.focus()
        field.value = "Alex's answer"
        await pilot.press("enter")
        await _settle(app, pilot)
        shown = str(question.render())
        assert "You: Alex's answer" in shown and "Sam: Sam's answer" in shown


STARTUP = """
import asyncio, sys
from pathlib import Path
from micromance_tui.core import paths as paths_mod
from micromance_tui.core.clock import fixed_clock
from micromance_tui.core.content import load_library
from micromance_tui.core.journal import Journal
from micromance_tui.tui.app import MicromanceApp
from micromance_tui.tui.dialogs.entry_view import EntryViewDialog
from micromance_tui.tui.dialogs.pairing import PairingDialog
from micromance_tui.tui.screens.journal import JournalScreen
from datetime import datetime

seen = []
original = MicromanceApp.refresh_together.__wrapped__  # the function under @work

def recording(self, pull=False):
    seen.append(any(m.startswith("cryptography") for m in sys.modules))
    return original(self, pull)

MicromanceApp.refresh_together = lambda self, pull=False: self.run_worker(
    lambda: recording(self, pull), thread=True, group="together"
)

async def main():
    paths = paths_mod.resolve(data_dir=Path(sys.argv[1]))
    clock = fixed_clock(datetime(2026, 11, 25, 9, 30))
    app = MicromanceApp(load_library(paths).library, Journal.open(paths.journal_file, clock=clock),
                        clock=clock, paths=paths, cursor_blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if app.together is not None:
                break
    after = any(m.startswith("cryptography") for m in sys.modules)
    print("AT-FIRST-READ:", seen[0], "AFTER:", after)

asyncio.run(main())
"""


def test_the_crypto_library_is_imported_only_after_the_first_frame(pair: Pair) -> None:
    import os
    import subprocess
    import sys

    pair.cli("sam", "appreciate", "new since Alex last looked")
    repo = Path(__file__).resolve().parents[2]
    proc = subprocess.run(
        [sys.executable, "-c", STARTUP, str(pair.root / "alex")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(repo)},
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().splitlines()[-1] == "AT-FIRST-READ: False AFTER: True"


async def test_a_partner_named_like_markup_is_shown_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MICROMANCE_NOW", NOW.isoformat())
    pair = Pair(tmp_path, capsys)
    out = pair.cli("alex", "together", "init", str(pair.shared), "--name", "Alex", "--json")
    odd = "S[/]m [b]"
    pair.cli("sam", "together", "join", str(pair.shared), json.loads(out)["code"], "--name", odd)
    pair.cli("sam", "tried", GESTURE)
    app = pair.app()
    async with app.run_test(size=(80, 30)) as pilot:
        await _settle(app, pilot)
        card = app.screen.query_one(FromPartnerCard)
        # border_title reads back as markup: the text drawn is what that markup shows
        assert Content.from_markup(card.border_title or "").plain == f"From {odd}"
        await pilot.press("i")
        await pilot.pause()
        heading = app.screen.query_one("#inbox-heading", Label)
        assert str(heading.render()) == f"From {odd}"
