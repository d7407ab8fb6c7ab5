"""A card drawn as one widget, with clickable action labels: Today's idea and Ask's question.

Its colours come from component classes read from the live stylesheet on every render
(never kept: a style read before the theme is applied would draw text in the background's
colour). The click is read from each label's meta, not Textual's `@click` markup, which
would repaint each label in the theme's link colour, unreadable on some themes.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual.content import Content
from textual.style import Style
from textual.widget import Widget

#: (label, the screen's action, "action" for the main one or "button")
Action = tuple[str, str, str]


class ActionCard(Widget):
    """A card whose render joins lines of text and rows of action labels."""

    COMPONENT_CLASSES = {"card--muted", "card--action", "card--button"}

    def muted(self) -> Style:
        return Style.from_rich_style(self.get_component_rich_style("card--muted"))

    def action_row(self, actions: Iterable[Action]) -> Content:
        """Clickable labels in their component's colours; a click runs the screen's action."""
        return Content("  ").join(
            Content.styled(
                label, Style.from_rich_style(self.get_component_rich_style(f"card--{kind}"))
            ).stylize(Style.from_meta({"card-action": action}))
            for label, action, kind in actions
        )

    async def on_click(self, event: events.Click) -> None:
        action = event.style.meta.get("card-action")
        if action:
            await self.screen.run_action(action)
