"""One idea in full: how, why, variations and related ideas, as Markdown."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Markdown, Static

from micromance_tui.core.journal import REACTIONS, Journal
from micromance_tui.core.models import EFFORT_HINTS, Gesture, Library


def gesture_markdown(gesture: Gesture, library: Library, journal: Journal, today: date) -> str:
    names = [library.language_name(lid) for lid in gesture.languages]
    lines = [
        f"## {gesture.title}",
        "",
        f"*{gesture.summary}*",
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
        gesture.why.strip(),
    ]
    if gesture.variations:
        lines += ["", "### Variations", ""] + [f"- {v}" for v in gesture.variations]
    entries = [e for e in journal.tried() if e.gesture_id == gesture.id]
    if entries:
        last = entries[0]
        landed = f", {REACTIONS[last.reaction]}" if last.reaction else ""
        lines += [
            "",
            "### In your journal",
            "",
            f"Tried {len(entries)} time{'s' if len(entries) != 1 else ''}; "
            f"last on {last.date:%a %d %b %Y}{landed}.",
        ]
    if gesture.tags:
        lines += ["", "Tags: " + ", ".join(gesture.tags)]
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


class GestureDetail(VerticalScroll):
    """Shows one gesture; call show(gesture_id)."""

    DEFAULT_CSS = """
    GestureDetail { padding: 0 1; }
    GestureDetail #related-title { margin-top: 1; color: $text-muted; }
    GestureDetail .related { color: $accent; }
    """

    def compose(self) -> ComposeResult:
        yield Markdown("", id="gesture-md")
        yield Static("", id="related-title")
        yield Static("", id="related-links", markup=True)

    def show(self, gesture_id: str | None) -> None:
        from micromance_tui.tui.app import MicromanceApp

        app = self.app
        assert isinstance(app, MicromanceApp)
        md = self.query_one("#gesture-md", Markdown)
        links = self.query_one("#related-links", Static)
        heading = self.query_one("#related-title", Static)
        if gesture_id is None or gesture_id not in app.library.gesture_by_id:
            md.update("*Nothing matches. Clear the search or loosen a filter.*")
            heading.update("")
            links.update("")
            return
        gesture = app.library.gesture_by_id[gesture_id]
        md.update(gesture_markdown(gesture, app.library, app.journal, app.today))
        related = related_gestures(gesture, app.library)
        heading.update("Related ideas (click to open)" if related else "")
        links.update(
            "\n".join(f"[@click=app.open_gesture('{g.id}')]→ {g.title}[/]" for g in related)
        )
        self.scroll_home(animate=False)
