"""The table of top-level screens. One table drives the app's modes and keys, the command
palette, the nav bar and Help; it sits below all of them, so none has to import the app."""

from __future__ import annotations

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
