"""WCAG contrast between two colours, as (red, green, blue) in 0-255: pure arithmetic, so
that a widget can make a theme colour readable where the theme leaves it too faint."""

from __future__ import annotations

from functools import cache

RGB = tuple[int, int, int]

# WCAG AA for text (1.4.3): a status mark is drawn as text, so it is held to it too.
READABLE = 4.5


def luminance(color: RGB) -> float:
    """WCAG relative luminance."""

    def channel(value: int) -> float:
        share = value / 255
        return share / 12.92 if share <= 0.03928 else ((share + 0.055) / 1.055) ** 2.4

    red, green, blue = color
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(one: RGB, other: RGB) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# Asked for on every line drawn, of a handful of colour pairs: each worked out once.
@cache
def readable(color: RGB, background: RGB, *, wanted: float = READABLE) -> RGB:
    """`color`, or the least step of it toward black or white (whichever stands out from
    `background`) that reaches `wanted` contrast: its hue kept as far as it can be."""
    if contrast(color, background) >= wanted:
        return color
    target = (0, 0, 0) if luminance(background) > 0.18 else (255, 255, 255)
    for step in range(1, 21):
        share = step / 20
        red, green, blue = (round(c + (t - c) * share) for c, t in zip(color, target, strict=True))
        if contrast((red, green, blue), background) >= wanted:
            return (red, green, blue)
    return target
