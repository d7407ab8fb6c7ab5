"""Every theme, made legible: the one place where the app's colours are checked.

Textual's themes give some text colours (headings in `$primary`, key hints, a highlighted
row's text on `$primary`, muted text at 60%) that fall under WCAG's contrast minimums in
some themes: orange on light grey at 1.3:1 in textual-light, for one. `legible()` takes the
theme's CSS variables and moves each text colour towards black or white, and each cursor
background away from its text, just until the pair reads at 4.5:1 (WCAG AA for body text).
Colours that already pass are left as the theme made them. Themes drawn in the terminal's
own ANSI palette cannot be measured and are returned unchanged.
"""

from __future__ import annotations

from textual.color import Color, ColorParseError

#: WCAG AA for body text, plus a little room for rounding and blending.
BODY = 4.5
_TARGET = BODY + 0.15

#: Text colours drawn on the screen's own backgrounds (background, surface, panel).
_TEXT_ON_BACKGROUNDS = (
    "foreground",
    "text-primary",
    "text-secondary",
    "text-accent",
    "text-warning",
    "text-error",
    "text-success",
    "markdown-h1-color",
    "markdown-h2-color",
    "markdown-h3-color",
    "markdown-h4-color",
    "markdown-h5-color",
    "markdown-h6-color",
    "foreground-muted",
)
#: Text drawn over the translucent highlights, as Textual's widgets draw it.
_TEXT_OVER_HIGHLIGHTS = (
    "foreground",
    "block-cursor-blurred-foreground",
    "input-selection-foreground",
)
_TEXT_ON_HIGHLIGHT = {
    "block-cursor-blurred-foreground": "block-cursor-blurred-background",
    "input-selection-foreground": "input-selection-background",
}
_FOOTER_TEXT = ("footer-key-foreground", "footer-description-foreground", "footer-foreground")


def luminance(colour: Color) -> float:
    def channel(value: int) -> float:
        s = value / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def contrast(a: Color, b: Color) -> float:
    """The WCAG contrast ratio of two opaque colours, 1 to 21."""
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def _parse(value: str | None) -> Color | None:
    """A colour from a theme variable: '#RRGGBB', '#RRGGBBAA' or '#RRGGBB 30%'; None for
    'auto' colours and the terminal's own ('ansi_...')."""
    if not value or value.startswith("auto") or value.startswith("ansi"):
        return None
    colour, _, percent = value.partition(" ")
    try:
        parsed = Color.parse(colour)
        return parsed.multiply_alpha(float(percent.rstrip("%")) / 100) if percent else parsed
    except (ColorParseError, ValueError):
        return None


def _auto_alpha(value: str | None) -> float | None:
    """0.87 for 'auto 87%', 1.0 for 'auto'; None when the value is not an auto colour."""
    if not value or not value.startswith("auto"):
        return None
    rest = value[4:].strip().rstrip("%")
    try:
        return float(rest) / 100 if rest else 1.0
    except ValueError:
        return None


def _on(background: Color, foreground: Color) -> Color:
    """What the eye sees: a (maybe translucent) foreground over an opaque background."""
    return (background + foreground).with_alpha(1.0)


def readable_on(colour: Color, backgrounds: list[Color]) -> Color:
    """`colour`, moved towards black or white just enough to read on every background."""
    target = Color(255, 255, 255) if luminance(backgrounds[0]) < 0.18 else Color(0, 0, 0)
    for step in range(21):
        candidate = colour.blend(target, step / 20).with_alpha(1.0)
        if all(contrast(candidate, bg) >= _TARGET for bg in backgrounds):
            return candidate
    return target


def _muted_alpha(start: float, backgrounds: list[Color]) -> float:
    """The smallest alpha, from `start`, at which 'auto' text reads on every background."""
    alpha = start
    while alpha < 1.0:
        if all(contrast(_on(bg, bg.get_contrast_text(alpha)), bg) >= _TARGET for bg in backgrounds):
            break
        alpha = min(alpha + 0.05, 1.0)
    return alpha


def _cursor_background(background: Color, text_alphas: list[float]) -> Color:
    """A cursor background on which 'auto' text at each alpha reads at 4.5:1: darkened
    under white text, lightened under black, by small steps."""
    colour = background
    for _ in range(40):
        if all(
            contrast(_on(colour, colour.get_contrast_text(a)), colour) >= _TARGET
            for a in text_alphas
        ):
            return colour
        white_text = colour.get_contrast_text(1.0).r > 128
        colour = colour.darken(0.03) if white_text else colour.lighten(0.03)
    return colour


def _quiet_highlight(highlight: Color, grounds: list[Color], texts: list[Color]) -> Color:
    """A translucent highlight, darkened on a dark theme (lightened on a light one), then
    made fainter, until every text colour reads on it over every ground."""

    def reads(colour: Color) -> bool:
        return all(
            contrast(text, _on(ground, colour)) >= _TARGET for ground in grounds for text in texts
        )

    dark = luminance(grounds[0]) < 0.18
    colour = highlight
    for _ in range(20):
        if reads(colour):
            return colour
        colour = colour.darken(0.04) if dark else colour.lighten(0.04)
    while colour.a > 0.1 and not reads(colour):
        colour = colour.with_alpha(colour.a - 0.05)
    return colour


def legible(variables: dict[str, str]) -> dict[str, str]:
    """The theme's CSS variables with every text colour readable (see the module's note)."""
    base = _parse(variables.get("background"))
    if base is None:
        return variables  # an ANSI theme: the terminal decides the colours
    fixed = dict(variables)
    backgrounds = [base]
    for name in ("surface", "panel"):
        colour = _parse(variables.get(name))
        if colour is not None:
            backgrounds.append(_on(base, colour))
    surface = backgrounds[1] if len(backgrounds) > 1 else base
    boost = _parse(variables.get("boost"))
    grounds = backgrounds + ([_on(surface, boost)] if boost is not None else [])
    # Translucent highlights (an unfocused list's cursor, selected text in a field) are
    # drawn under the plain text colour, over whichever ground is below them: the text
    # colours must read there too.
    highlights = {
        name: colour
        for name in ("block-cursor-blurred-background", "input-selection-background")
        if (colour := _parse(variables.get(name))) is not None
    }
    lit = {name: [_on(ground, colour) for ground in grounds] for name, colour in highlights.items()}
    for name in _TEXT_ON_BACKGROUNDS:
        colour = _parse(variables.get(name))
        if colour is not None:
            on = backgrounds + (
                [c for cs in lit.values() for c in cs] if name == "foreground" else []
            )
            fixed[name] = readable_on(_on(base, colour), on).hex
    for text_name, ground_name in _TEXT_ON_HIGHLIGHT.items():
        colour = _parse(variables.get(text_name))
        if colour is not None and ground_name in lit:
            fixed[text_name] = readable_on(_on(base, colour), lit[ground_name]).hex
    # Only when no text colour can read on a highlight is the highlight itself changed.
    texts = [
        colour
        for colour in (_parse(fixed.get(name)) for name in _TEXT_OVER_HIGHLIGHTS)
        if colour is not None
    ]
    for name, highlight in highlights.items():
        fixed[name] = _quiet_highlight(highlight, grounds, texts).hex
    footer = _parse(variables.get("footer-background"))
    if footer is not None:
        footer = _on(base, footer)
        for name in _FOOTER_TEXT:
            colour = _parse(variables.get(name))
            if colour is not None:
                fixed[name] = readable_on(_on(footer, colour), [footer]).hex
    muted = _auto_alpha(variables.get("text-muted"))
    if muted is not None:
        muted = _muted_alpha(muted, backgrounds)
        fixed["text-muted"] = f"auto {round(muted * 100)}%"
    cursor = _parse(variables.get("block-cursor-background"))
    if cursor is not None:
        cursor = _on(base, cursor)
        text = variables.get("block-cursor-foreground")
        alpha = _auto_alpha(text)
        solid = _parse(text)
        if alpha is not None:
            cursor = _cursor_background(cursor, [alpha, muted or alpha])
            # Resolved here, so text drawn in the cursor's colours off an option list
            # (Today's "Done it") reads the same as a highlighted row.
            fixed["block-cursor-foreground"] = _on(cursor, cursor.get_contrast_text(alpha)).hex
        elif solid is not None and contrast(solid, cursor) < _TARGET:
            solid = readable_on(solid, [cursor])
            fixed["block-cursor-foreground"] = solid.hex
        fixed["block-cursor-background"] = cursor.hex
    return fixed
