"""The command palette (ctrl+p): every screen by name, the weekly check-in, and any idea,
FAQ question or guide by fuzzy name.

Textual reads a hit's text and help as markup; titles and summaries come from content and
the user's own files, so they are escaped (a title like "[/] hug" is shown as written)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from micromance_tui.tui.app_access import AppAccess
from micromance_tui.tui.screen_table import SCREENS

if TYPE_CHECKING:
    from micromance_tui.tui.app import MicromanceApp

#: at most this many idea hits per query, so a short query stays quick
MAX_GESTURE_HITS = 40


class MicromanceCommands(AppAccess, Provider):
    """Screens, ideas, FAQ questions and guides."""

    def _actions(self) -> list[tuple[str, str, Callable[[], object]]]:
        """Every screen, then what can be done from anywhere: shown before anything is typed."""
        app = self.mm
        entries: list[tuple[str, str, Callable[[], object]]] = []
        for mode, (title, key, _, _) in SCREENS.items():
            shown = "?" if key == "question_mark" else key
            entries.append(
                (title, f"Open the {title} screen (key {shown})", partial(app.action_show, mode))
            )
        apart = app.journal.settings().apart
        entries.append(
            (
                f"Apart mode: turn {'off' if apart else 'on'}",
                "While apart, today's idea is always one that works at a distance",
                app.toggle_apart,
            )
        )
        entries.append(
            (
                "How is today?",
                "An ordinary day, a hard day for them, a special day, apart, or a day off",
                partial(self._how_today, app),
            )
        )
        entries.append(
            (
                "Weekly check-in",
                "A guided check-in together, one step at a time (about 20 minutes)",
                app.open_checkin,
            )
        )
        return entries

    def _entries(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = self.mm
        entries = self._actions()
        entries.append(
            (
                "Together",
                "Your partner's machine: what you share, what came from them (key i)",
                app.action_together,
            )
        )
        for faq in app.library.faq:
            entries.append(
                (f"FAQ: {faq.question}", "Open this question", partial(app.open_faq, faq.id))
            )
        for guide in app.library.guides:
            entries.append(
                (f"Guide: {guide.title}", guide.summary, partial(app.open_guide, guide.id))
            )
        return entries

    @staticmethod
    async def _how_today(app: MicromanceApp) -> None:
        await app.action_show("today")
        app.ask_how_today()

    async def discover(self) -> Hits:
        """Shown before anything is typed: every screen, apart mode, how today is and the
        weekly check-in."""
        for title, help_text, callback in self._actions():
            yield DiscoveryHit(escape(title), callback, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        app = self.mm
        matcher = self.matcher(query)
        for title, help_text, callback in self._entries():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(escape(title)), callback, help=escape(help_text))
        found = 0
        for gesture in app.library.gestures:
            text = f"Idea: {gesture.title}"
            score = matcher.match(text)
            if score > 0:
                found += 1
                yield Hit(
                    score * 0.9,
                    matcher.highlight(escape(text)),
                    partial(app.open_gesture, gesture.id),
                    help=escape(gesture.summary),
                )
                if found >= MAX_GESTURE_HITS:
                    break
