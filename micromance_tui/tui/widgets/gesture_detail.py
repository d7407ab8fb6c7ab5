"""One idea in full: how, why, variations and related ideas, as Markdown."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Markdown, Static

from micromance_tui.core.journal import REACTIONS, TriedEntry
from micromance_tui.core.models import EFFORT_HINTS, SITUATION_NAMES, Gesture, Library
from micromance_tui.core.plural import plural
from micromance_tui.tui.app_access import AppAccess
from micromance_tui.tui.plain import md_escape
from micromance_tui.tui.widgets.related import RelatedLinks


def gesture_markdown(gesture: Gesture, library: Library, history: Sequence[TriedEntry]) -> str:
    """The idea as Markdown; `history` is its journal entries, newest first. Only `how` is
    Markdown; every other field is plain text, escaped so it shows as written."""
    names = [md_escape(library.language_name(lid)) for lid in gesture.languages]
    lines = [
        f"## {md_escape(gesture.title)}",
        "",
        f"*{md_escape(gesture.summary)}*",
        "",
        f"**{' · '.join(names)}** · {gesture.effort} ({EFFORT_HINTS[gesture.effort]}) · "
        f"{gesture.cost}" + (f" · {', '.join(gesture.moments)}" if gesture.moments else ""),
        "",
        "### How",
        "",
        gesture.how.strip(),
        "",
        "### Why it lands",
        "",
        md_escape(gesture.why.strip()),
    ]
    if gesture.variations:
        lines += ["", "### Variations", ""] + [f"- {md_escape(v)}" for v in gesture.variations]
    entries = history
    if entries:
        last = entries[0]
        landed = f", {REACTIONS[last.reaction]}" if last.reaction else ""
        lines += [
            "",
            "### In your journal",
            "",
            f"Tried {plural(len(entries), 'time')}; last on {last.date:%a %d %b %Y}{landed}.",
        ]
    if gesture.situations:
        kinds = ", ".join(SITUATION_NAMES.get(s, s).lower() for s in gesture.situations)
        lines += ["", f"Written for: {kinds}."]
    if gesture.tags:
        lines += ["", "Tags: " + md_escape(", ".join(gesture.tags))]
    lines += ["", f"`micromance tried {gesture.id}`"]
    return "\n".join(lines)


def related_gestures(gesture: Gesture, library: Library, limit: int = 4) -> list[Gesture]:
    """Ideas that share this one's main language and a tag or moment, best matches first."""
    scored: list[tuple[int, str, Gesture]] = []
    for other in library.gestures:
        if other.id == gesture.id:
            continue
        score = 3 * len(set(other.tags) & set(gesture.tags))
        score += len(set(other.moments) & set(gesture.moments))
        score += 2 if other.language == gesture.language else 0
        if score >= 3:
            scored.append((-score, other.title, other))
    return [g for _, _, g in sorted(scored)[:limit]]


class GestureDetail(AppAccess, VerticalScroll):
    """Shows one gesture; call show(gesture_id)."""

    DEFAULT_CSS = """
    GestureDetail { padding: 0 1; }
    /* The idea's title is a heading, not a link: no link colour, no underline. */
    GestureDetail MarkdownH2 { color: $text; text-style: bold; }
    GestureDetail #related-title { margin-top: 1; color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        # Worked out once, not on every show: the journal is re-read only after it changes.
        self._history: dict[str, list[TriedEntry]] | None = None
        self._related: dict[str, list[Gesture]] = {}
        self._shown: str | None = None

    def on_mount(self) -> None:
        self.mm.journal_changed.subscribe(self, self._forget_history)

    def _forget_history(self, _what: str) -> None:
        self._history = None
        if self._shown is not None:
            self.show(self._shown)

    def _history_of(self, gesture_id: str) -> list[TriedEntry]:
        if self._history is None:
            self._history = {}
            for entry in self.mm.journal.tried():
                self._history.setdefault(entry.gesture_id, []).append(entry)
        return self._history.get(gesture_id, [])

    def compose(self) -> ComposeResult:
        yield Markdown("", id="gesture-md")
        yield Static("", id="related-title")
        yield RelatedLinks(id="related-links")

    def show(self, gesture_id: str | None) -> None:
        app = self.mm
        md = self.query_one("#gesture-md", Markdown)
        links = self.query_one("#related-links", RelatedLinks)
        self._shown = gesture_id
        heading = self.query_one("#related-title", Static)
        if gesture_id is None or gesture_id not in app.library.gesture_by_id:
            md.update("*Nothing matches. Clear the search or loosen a filter.*")
            heading.update("")
            links.show(())
            return
        gesture = app.library.gesture_by_id[gesture_id]
        md.update(gesture_markdown(gesture, app.library, self._history_of(gesture.id)))
        if gesture.id not in self._related:
            self._related[gesture.id] = related_gestures(gesture, app.library)
        related = self._related[gesture.id]
        # An option list, not markup links: tab reaches it, enter opens, and a title is
        # drawn as it is written ("[b]" in a title is text, not markup).
        heading.update("Related ideas (enter opens)" if related else "")
        links.show(g.id for g in related)
        self.scroll_home(animate=False)
