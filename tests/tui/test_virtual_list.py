"""VirtualList, the base of GestureList and EntryList, on a list of words: two lines a row
under a one-line header, so the row and header arithmetic is exercised on its own."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from rich.segment import Segment
from textual import on
from textual.app import App, ComposeResult
from textual.strip import Strip
from textual.widgets import Static

from micromance_tui.tui.widgets.virtual_list import VirtualList


class Words(VirtualList[str]):
    ROW_HEIGHT = 2
    HEADER_LINES = 1

    class Highlighted(VirtualList.Highlighted):
        pass

    class Selected(VirtualList.Selected):
        pass

    def __init__(self) -> None:
        super().__init__(empty_text="no words", id="words")
        self.rendered: list[tuple[str, int, bool, bool]] = []
        self.shouting = False

    def row_key(self, item: str) -> Hashable:
        return self.shouting

    def render_header(self, y: int, width: int) -> Strip:
        return Strip([Segment("WORDS".ljust(width))], width)

    def render_empty(self, width: int) -> Strip:
        return Strip([Segment(self.empty_text.ljust(width))], width)

    def render_row(self, item: str, part: int, width: int, cursor: bool, hover: bool) -> Strip:
        self.rendered.append((item, part, cursor, hover))
        text = (item.upper() if self.shouting else item) if part == 0 else f"  ({len(item)})"
        mark = ">" if cursor else "~" if hover else " "
        return Strip([Segment((mark + text).ljust(width))], width)


class WordsApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[tuple[str, Any, Any]] = []

    def compose(self) -> ComposeResult:
        yield Words()
        yield Static("elsewhere", id="other")

    @on(VirtualList.Highlighted)
    @on(VirtualList.Selected)
    def _record(self, event: VirtualList.Highlighted | VirtualList.Selected) -> None:
        self.messages.append((type(event).__name__, event.item, event.control))


def words(n: int) -> list[str]:
    return [f"word{i}" for i in range(n)]


def lines(widget: Words) -> list[str]:
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


async def start(pilot: Any, items: Sequence[str], cursor: int = 0) -> Words:
    widget: Words = pilot.app.query_one(Words)
    widget.focus()
    widget.set_items(items, cursor)
    await pilot.pause()
    return widget


async def test_only_the_rows_on_screen_are_rendered() -> None:
    app = WordsApp()
    async with app.run_test(size=(40, 12)) as pilot:  # the list is 11 lines: 1 + 5 rows
        widget = await start(pilot, words(10_000))
        assert widget.virtual_size.height == 1 + 2 * 10_000
        assert lines(widget)[:4] == ["WORDS", ">word0", ">  (5)", " word1"]
        assert {item for item, *_ in widget.rendered} <= {f"word{i}" for i in range(6)}
        assert app.messages[-1] == ("Highlighted", "word0", widget)


async def test_keys_move_the_cursor_and_keep_it_in_view() -> None:
    app = WordsApp()
    async with app.run_test(size=(40, 12)) as pilot:
        widget = await start(pilot, words(100))
        await pilot.press("down", "down")
        assert widget.cursor == 2 and widget.highlighted == "word2"
        await pilot.press("pagedown")  # (11 - 1 header) // 2 = 5 rows a page
        assert widget.cursor == 7
        assert widget.scroll_offset.y == 2 * 7 + 2 - 10  # the cursor row ends the view
        assert lines(widget)[0] == "WORDS" and lines(widget)[-2] == ">word7"
        await pilot.press("end")
        assert widget.cursor == 99 and lines(widget)[-2] == ">word99"
        await pilot.press("pageup", "home")
        assert widget.cursor == 0 and widget.scroll_offset.y == 0
        moves = [item for kind, item, _ in app.messages if kind == "Highlighted"]
        assert moves == ["word0", "word1", "word2", "word7", "word99", "word94", "word0"]
        await pilot.press("up")  # already at the top: nothing is posted
        assert len(app.messages) == len(moves)


async def test_a_key_brings_back_a_cursor_scrolled_out_of_view() -> None:
    app = WordsApp()
    async with app.run_test(size=(40, 12)) as pilot:
        widget = await start(pilot, words(100))
        widget.scroll_to(y=80, animate=False, immediate=True)
        await pilot.pause()
        await pilot.press("home")
        assert widget.scroll_offset.y == 0


async def test_set_items_centres_the_cursor_or_just_shows_it() -> None:
    app = WordsApp()
    async with app.run_test(size=(40, 12)) as pilot:
        widget = await start(pilot, words(100), cursor=50)
        assert ">word50" in lines(widget)[4:7]  # the middle of the 10 lines under the header
        widget.set_items(words(3))  # shorter than the view: scrolled back to the top
        await pilot.pause()
        assert widget.scroll_offset.y == 0 and lines(widget)[1] == ">word0"
        widget.set_items(words(100), 60, center=False)  # from no scrollbar to one
        await pilot.pause()
        assert lines(widget)[-2] == ">word60"


async def test_enter_clicks_and_double_clicks_select() -> None:
    app = WordsApp()
    async with app.run_test(size=(40, 12)) as pilot:
        widget = await start(pilot, words(20))
        await pilot.press("enter")
        assert app.messages[-1] == ("Selected", "word0", widget)
        await pilot.click(Words, offset=(3, 0))  # the header
        await pilot.click(Words, offset=(3, 4))  # the second line of row 1
        await pilot.pause()
        assert widget.cursor == 1 and app.messages[-1][:2] == ("Highlighted", "word1")
        await pilot.click(Words, offset=(3, 3))  # row 1 again
        await pilot.pause()
        assert app.messages[-1][:2] == ("Selected", "word1")
        await pilot.click(Words, offset=(3, 5), times=2)
        await pilot.pause()
        assert app.messages[-2:] == [
            ("Highlighted", "word2", widget),
            ("Selected", "word2", widget),
        ]
        widget.open_on_click = True
        await pilot.click(Words, offset=(3, 7))
        await pilot.pause()
        assert app.messages[-1][:2] == ("Selected", "word3")


async def test_a_click_on_the_cursor_row_can_be_just_a_click() -> None:
    class Quiet(Words):
        CLICK_AGAIN_SELECTS = False

    class QuietApp(WordsApp):
        def compose(self) -> ComposeResult:
            yield Quiet()

    app = QuietApp()
    async with app.run_test(size=(40, 12)) as pilot:
        widget = await start(pilot, words(20))
        await pilot.click(Words, offset=(3, 1))
        await pilot.pause()
        assert widget.cursor == 0 and [kind for kind, *_ in app.messages] == ["Highlighted"]


async def test_hover_and_focus_repaint_the_rows() -> None:
    app = WordsApp()
    async with app.run_test(size=(40, 12)) as pilot:
        widget = await start(pilot, words(20))
        await pilot.hover(Words, offset=(3, 3))
        await pilot.pause()
        assert (widget.hover, lines(widget)[3]) == (1, "~word1")
        await pilot.hover("#other")
        await pilot.pause()
        assert (widget.hover, lines(widget)[3]) == (None, " word1")


async def test_rows_are_cached_on_what_they_show() -> None:
    app = WordsApp()
    async with app.run_test(size=(40, 12)) as pilot:
        widget = await start(pilot, words(20))
        widget.rendered.clear()
        assert widget.render_line(1).text.startswith(">word0")
        assert widget.rendered == []  # painted once already
        widget.shouting = True  # row_key changes: the rows are drawn again
        assert widget.render_line(1).text.startswith(">WORD0")
        assert widget.rendered == [("word0", 0, True, False)]


async def test_an_empty_list_says_so() -> None:
    app = WordsApp()
    async with app.run_test(size=(40, 12)) as pilot:
        widget = await start(pilot, [])
        assert lines(widget)[:3] == ["WORDS", "no words", ""]
        assert widget.highlighted is None and widget.row_count == 0
        await pilot.press("down", "enter")
        assert app.messages == [("Highlighted", None, widget)]


async def test_setting_the_cursor_clamps_scrolls_and_says_so() -> None:
    """`cursor` is a reactive: any value is clamped to the list, the row comes into view and
    Highlighted names it; setting it to where it is says nothing."""
    app = WordsApp()
    async with app.run_test(size=(30, 9)) as pilot:
        widget = await start(pilot, words(50))
        app.messages.clear()
        widget.cursor = 999
        await pilot.pause()
        assert widget.cursor == 49
        assert widget.highlighted == "word49"
        assert ">word49" in lines(widget)
        assert app.messages == [("Highlighted", "word49", widget)]
        widget.cursor = -5
        await pilot.pause()
        assert widget.cursor == 0 and ">word0" in lines(widget)
        app.messages.clear()
        widget.cursor = 0
        await pilot.pause()
        assert app.messages == []
