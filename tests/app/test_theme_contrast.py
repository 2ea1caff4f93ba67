"""Every theme Textual ships is readable: each text drawn has a contrast ratio of at least
4.5:1 with its background (WCAG AA), dimmed text included."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from pprint import pformat

from rich.color import Color
from rich.segment import Segment
from textual.app import App
from textual.filter import dim_color
from textual.pilot import Pilot

from tests.apptools import make_demo_app, point_at

SIZE = (100, 30)
TO_DO = "Gradient Descent & Backpropagation"
WCAG_AA = 4.5
# How much of its colour a dimmed text keeps over its background, as Textual blends it
# where the terminal cannot dim (textual.filter.DimFilter).
DIM_FACTOR = 0.5


def luminance(color: Color) -> float:
    """WCAG relative luminance."""

    def channel(value: int) -> float:
        value_ = value / 255
        return value_ / 12.92 if value_ <= 0.03928 else ((value_ + 0.055) / 1.055) ** 2.4

    red, green, blue = color.get_truecolor()
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(one: Color, other: Color) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def is_text(character: str) -> bool:
    """A letter, digit, mark or symbol read as text; not a border, bar, or space."""
    if character.isspace():
        return False
    # Box drawing and block elements: borders, progress bars, the activity calendar.
    return not 0x2500 <= ord(character) <= 0x259F and unicodedata.category(character)[0] != "Z"


def drawn(app: App[object]) -> list[Segment]:
    """Every segment on the screen, as it is sent to the terminal."""
    # The compositor's full frame: what export_screenshot renders, before it becomes SVG.
    update = app.screen._compositor.render_full_update()
    return [segment for line in update.strips for strip in line for segment in strip]


def hard_to_read(app: App[object]) -> dict[str, float]:
    """Texts on screen under the contrast wanted, each with its ratio."""
    found: dict[str, float] = {}
    for text, style, _ in drawn(app):
        shown = "".join(c for c in text if is_text(c))
        if not shown or style is None:
            continue
        assert style.color is not None and style.bgcolor is not None, (text, style)
        foreground, background = style.color, style.bgcolor
        if style.dim:
            foreground = dim_color(background, foreground, DIM_FACTOR)
        ratio = contrast(foreground, background)
        if ratio < WCAG_AA:
            found[f"{shown} ({foreground.name} on {background.name})"] = round(ratio, 2)
    return found


def colour_themes(app: App[object]) -> list[str]:
    # ANSI themes draw in the terminal's own colours, which are the terminal's to choose.
    return sorted(name for name, theme in app.available_themes.items() if not theme.ansi)


async def check_every_theme(pilot: Pilot[None]) -> None:
    app = pilot.app
    found = {}
    for name in colour_themes(app):
        app.theme = name
        await pilot.pause()
        await pilot.pause()
        if problems := hard_to_read(app):
            found[name] = problems
    assert not found, pformat(found)


async def test_the_main_screen_is_readable_in_every_theme(tmp_path: Path) -> None:
    app = make_demo_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await check_every_theme(pilot)
        # A topic without a note, to do: "No notes yet", "○ to do".
        await point_at(pilot, TO_DO)
        await check_every_theme(pilot)


async def test_the_today_screen_is_readable_in_every_theme(tmp_path: Path) -> None:
    app = make_demo_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await check_every_theme(pilot)


async def test_to_do_is_muted_in_the_dark_theme(tmp_path: Path) -> None:
    app = make_demo_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "textual-dark"
        await point_at(pilot, TO_DO)
        segments = drawn(app)
        title = next(s for s in segments if s.text.strip() == TO_DO)
        to_do = next(s for s in segments if s.text.strip() == "to do")
        assert to_do.style.color != title.style.color
