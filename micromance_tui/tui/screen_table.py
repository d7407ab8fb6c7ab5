"""The table of top-level screens. One table drives the app's modes and keys, the command
palette, the nav bar and Help; it sits below all of them, so none has to import the app."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

#: mode id -> (title, key, module in tui/screens, class). The app imports each screen's
#: module only when the screen is first shown.
SCREENS: dict[str, tuple[str, str, str, str]] = {
    "today": ("Today", "t", "today", "TodayScreen"),
    "browse": ("Browse", "b", "browse", "BrowseScreen"),
    "ask": ("Ask", "k", "ask", "AskScreen"),
    "faq": ("FAQ", "f", "faq", "FaqScreen"),
    "guides": ("Guides", "g", "guides", "GuidesScreen"),
    "languages": ("Love languages", "l", "languages", "LanguagesScreen"),
    "quiz": ("Quiz", "q", "quiz", "QuizScreen"),
    "journal": ("Journal", "j", "journal", "JournalScreen"),
    "partner": ("Partner", "p", "partner", "PartnerScreen"),
    "help": ("Help", "question_mark", "help", "HelpScreen"),
}


def screen_class(mode: str) -> type[Screen[None]]:
    """The screen class of a mode, its module imported on first use (start-up imports only
    Today's). Every mode in the table has one: a missing module is an error, never hidden."""
    _title, _key, module, name = SCREENS[mode]
    cls: type[Screen[None]] = getattr(import_module(f"micromance_tui.tui.screens.{module}"), name)
    return cls
