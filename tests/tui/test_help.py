"""Help: opens with ? and F1, and lists every key from the bindings themselves."""

from __future__ import annotations

import re

import pytest
from textual.binding import Binding
from textual.widgets import Static

from micromance_tui.tui.dialogs.confirm import ConfirmDialog
from micromance_tui.tui.dialogs.tried import TriedDialog
from micromance_tui.tui.screen_table import SCREENS, screen_class
from micromance_tui.tui.screens.faq import FaqScreen
from micromance_tui.tui.screens.gesture import GestureScreen
from micromance_tui.tui.screens.help import HelpScreen, key_text
from tests.tui.conftest import AppFactory


def _groups(screen: HelpScreen) -> dict[str, str]:
    """Heading -> the text of that group, as shown."""
    texts = [str(w.content) for w in screen.query(".help-group").results(Static)]
    return {text.splitlines()[0]: text for text in texts}


def _shows(section: str, binding: Binding) -> bool:
    """Whether a line of this section gives the binding's key and what it does; a row may
    carry several keys (`⌫ ←`, `1/2`) or a range of digits (`1-5`)."""
    key = key_text(binding)
    what = binding.group.description if binding.group else binding.description
    for line in section.splitlines()[1:]:
        keys, described = re.split(r"\s{2,}", line.strip(), maxsplit=1)
        if described != what:
            continue
        if key in (keys, binding.key_display) or key in keys.split() or key in keys.split("/"):
            return True
        found = re.fullmatch(r"(\d)[-–](\d)", keys)
        if found and key.isdigit() and int(found[1]) <= int(key) <= int(found[2]):
            return True
    return False


async def _help_groups(make_app: AppFactory) -> dict[str, str]:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        return _groups(app.screen)


async def test_question_mark_and_f1_open_help(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.current_mode == "help"
        await pilot.press("f")
        await pilot.pause()
        assert app.current_mode == "faq"
        await pilot.press("f1")
        await pilot.pause()
        assert app.current_mode == "help"
        assert isinstance(app.screen, HelpScreen)


async def test_help_lists_the_keys_of_every_screen(make_app: AppFactory) -> None:
    groups = await _help_groups(make_app)
    anywhere = groups["Anywhere"]
    for key, what in [
        ("ctrl+q", "Quit"),
        ("ctrl+p", "Command palette"),
        ("? F1", "Help"),
        ("t", "Today"),
        ("tab", "Focus Next"),
    ]:
        assert re.search(rf"^  {re.escape(key)}  +{what}", anywhere, re.M), key
    sections: list[tuple[str, type]] = [
        ("An idea on its own screen", GestureScreen),
        ("Marking an idea as tried", TriedDialog),
        ("A yes-or-no question", ConfirmDialog),
    ]
    for mode, (title, key, _module, _name) in SCREENS.items():
        heading = f"{title} ({'?' if key == 'question_mark' else key})"
        assert heading in groups
        sections.append((heading, screen_class(mode)))
    for heading, cls in sections:
        # A screen's keys are its own and those of its parts (the quiz's views).
        declared = [
            b
            for part in (cls, *getattr(cls, "KEY_PARTS", ()))
            for b in part.__dict__.get("BINDINGS", ())
        ]
        own = [b if isinstance(b, Binding) else Binding(*b) for b in declared]
        assert own, f"{cls.__name__} has no bindings of its own"
        for binding in own:
            assert _shows(groups[heading], binding), f"{cls.__name__}: {binding} not in help"


async def test_a_new_binding_shows_up_by_itself(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    added = Binding("z", "noop", "Zebra crossing")
    monkeypatch.setattr(FaqScreen, "BINDINGS", [*FaqScreen.BINDINGS, added])
    groups = await _help_groups(make_app)
    assert _shows(groups["FAQ (f)"], added)
    assert not _shows(groups["Guides (g)"], added)


async def test_find_a_key(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        await pilot.press("slash", *"quit")
        await pilot.pause()
        text = screen.shown_text()
        assert "ctrl+q" in text
        assert "Done it" not in text
        assert app.current_mode == "help"  # typing q did not open the quiz
        await pilot.press("escape")
        assert "Done it" in screen.shown_text()


async def test_a_heading_opens_its_screen(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        faq_group = next(
            w
            for w in screen.query(".help-group")
            if "FAQ (f)" in str(w.content)  # type: ignore[attr-defined]
        )
        faq_group.scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click(faq_group, offset=(1, 0))
        await pilot.pause()
        assert app.current_mode == "faq"


@pytest.mark.parametrize("width", [80, 130])
async def test_no_group_is_cut_off(make_app: AppFactory, width: int) -> None:
    app = make_app()
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        for group in app.screen.query(".help-group").results(Static):
            lines = len(str(group.content).splitlines())
            assert group.content_region.height >= lines, group.id
