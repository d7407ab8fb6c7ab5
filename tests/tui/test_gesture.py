"""One idea on its own screen: opened from the palette, marked tried from there."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from textual.content import Content
from textual.widgets import Markdown
from textual.widgets.markdown import MarkdownBlock

from micromance_tui.tui.commands import MicromanceCommands
from micromance_tui.tui.dialogs.tried import TriedDialog
from micromance_tui.tui.screens.gesture import GestureScreen
from tests.tui.conftest import AppFactory, search_palette, shipped_library


def _markdown_text(app: object) -> str:
    from textual.widgets import Markdown

    screen = app.screen  # type: ignore[attr-defined]
    return str(screen.query_one("#gesture-md", Markdown).source)


async def test_palette_finds_an_idea_by_fuzzy_name(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await search_palette(pilot, "hug after long")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GestureScreen)
        assert screen.gesture_id == "hug-after-long-day"
        assert "### How" in _markdown_text(app)


async def test_marking_tried_from_the_idea_updates_it(make_app: AppFactory) -> None:
    def setup(journal) -> None:  # type: ignore[no-untyped-def]
        journal.add_tried("hug-after-long-day", on=date(2026, 11, 1), reaction=4)

    app = make_app(setup=setup)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_gesture("hug-after-long-day")
        await pilot.pause()
        assert "Tried 1 time; last on Sun 01 Nov 2026, went well." in _markdown_text(app)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, TriedDialog)
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, GestureScreen)
        assert "Tried 2 times; last on Wed 25 Nov 2026." in _markdown_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.current_mode == "today" and len(app.screen_stack) == 1


@pytest.mark.parametrize(
    "title",
    ["Odd [/] title [b]bold", "*Not* _italic_, `code` or [a link](x) #1"],
)
async def test_an_idea_titled_like_markup_shows_its_title_as_written(
    make_app: AppFactory, title: str
) -> None:
    """Titles and summaries are plain text: neither markup nor Markdown in them is read."""
    library = shipped_library()
    base = library.gesture_by_id["hug-after-long-day"]
    odd = dataclasses.replace(base, id="odd-one", title=title, summary=f"About: {title}")
    library = dataclasses.replace(library, gestures=(*library.gestures, odd))
    app = make_app(library=library)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_gesture("odd-one")
        await pilot.pause()
        document = app.screen.query_one("#gesture-md", Markdown)
        assert str(document.query_one("MarkdownH2", MarkdownBlock).content) == title
        assert (
            str(document.query("MarkdownParagraph").first(MarkdownBlock).content)
            == f"About: {title}"
        )
        assert app.screen.title == title  # the title bar draws it as plain text


async def test_the_palette_shows_an_idea_titled_like_markup_as_written(
    make_app: AppFactory,
) -> None:
    """Textual reads a palette hit's text and help as markup: an idea from the user's own
    file titled "Odd [/] title [b]bold" is found and shown as written."""
    title = "Odd [/] title [b]bold"
    library = shipped_library()
    base = library.gesture_by_id["hug-after-long-day"]
    odd = dataclasses.replace(base, id="odd-one", title=title, summary="[b]Still[/b] plain")
    library = dataclasses.replace(library, gestures=(*library.gestures, odd))
    app = make_app(library=library)
    async with app.run_test(size=(80, 24)):
        provider = MicromanceCommands(app.screen)
        hits = [hit async for hit in provider.search("odd title bold")]
        assert hits, "the idea is found"
        prompt = hits[0].prompt
        assert isinstance(prompt, Content)
        assert Content.from_markup(prompt).plain == f"Idea: {title}"  # as the palette draws it
        assert Content.from_markup(hits[0].help or "").plain == "[b]Still[/b] plain"
