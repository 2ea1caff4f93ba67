"""Lines of styled terminal text: widths in cells, cutting to a width, ANSI colours.

Widths count East Asian wide characters as two columns and combining marks as none.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from dlroadmap.common.glyphs import glyphs
from dlroadmap.roadmap.model import Status

__all__ = [
    "BOLD",
    "DIM",
    "GREEN",
    "LABEL_WIDTH",
    "YELLOW",
    "Line",
    "Look",
    "Part",
    "Segment",
    "blank_label",
    "cell_width",
    "char_width",
    "clip",
    "label_cell",
    "labelled",
    "muted_row",
    "pad",
    "paint",
    "spread",
    "truncate",
]

# SGR parameters; a segment with no style is written bare.
BOLD, DIM, GREEN, YELLOW = "1", "2", "32", "33"

LABEL_WIDTH = 12  # "This week" and room to breathe

Segment = tuple[str, str]  # text, SGR parameters ("" for none)
Line = list[Segment]
Part = tuple[str, str, str]  # joiner before it, text, SGR parameters


# -- widths ----------------------------------------------------------------------


def char_width(char: str) -> int:
    """Columns a terminal gives one character: 2 for East Asian wide, 0 for marks."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cell_width(text: str) -> int:
    return sum(char_width(char) for char in text)


def _take(text: str, cells: int) -> str:
    """The longest start of `text` that fits in `cells` columns."""
    used = 0
    for index, char in enumerate(text):
        used += char_width(char)
        if used > cells:
            return text[:index]
    return text


def truncate(text: str, cells: int, ellipsis: str = "…") -> str:
    """`text` cut to `cells` columns, ending in `ellipsis` when it was cut."""
    if cell_width(text) <= cells:
        return text
    if cell_width(ellipsis) > cells:
        return _take(text, cells)
    return _take(text, cells - cell_width(ellipsis)) + ellipsis


def pad(text: str, cells: int) -> str:
    return text + " " * max(0, cells - cell_width(text))


# -- the look ------------------------------------------------------------------


class Look(NamedTuple):
    width: int
    ascii_only: bool

    @property
    def ellipsis(self) -> str:
        return "..." if self.ascii_only else "…"

    @property
    def sep(self) -> str:
        return ", " if self.ascii_only else " · "

    @property
    def arrow(self) -> str:
        return " > " if self.ascii_only else " › "

    def glyph(self, status: Status) -> str:
        return glyphs(self.ascii_only)[status]

    def cut(self, text: str, cells: int) -> str:
        return truncate(text, max(0, cells), self.ellipsis)


def line_width(line: Line) -> int:
    return sum(cell_width(text) for text, _ in line)


def clip(line: Line, look: Look) -> Line:
    """The line cut to the width, without trailing blanks or empty segments."""
    out: Line = []
    room = look.width
    if line_width(line) > room:
        ellipsis = look.ellipsis if cell_width(look.ellipsis) <= room else ""
        room -= cell_width(ellipsis)
        for text, style in line:
            if cell_width(text) <= room:
                out.append((text, style))
                room -= cell_width(text)
                continue
            out.append((_take(text, room) + ellipsis, style))
            break
    else:
        out = list(line)
    while out and not out[-1][0].rstrip():
        out.pop()
    if out:
        out[-1] = (out[-1][0].rstrip(), out[-1][1])
    return [(text, style) for text, style in out if text]


def paint(line: Line, color: bool) -> str:
    return "".join(
        f"\x1b[{style}m{text}\x1b[0m" if color and style else text for text, style in line
    )


def spread(left: Line, right: list[Segment], joiner: str, look: Look) -> Line:
    """`left` at the start and, flush with the end, as many of the `right` parts (first
    ones first) as fit beside it, joined by `joiner`."""
    for count in range(len(right), 0, -1):
        shown: Line = []
        for part in right[:count]:
            shown += [(joiner, ""), part] if shown else [part]
        used = line_width(left + shown)
        if used + 2 <= look.width:
            return [*left, (" " * (look.width - used), ""), *shown]
    return left


# -- labelled rows ---------------------------------------------------------------


def label_cell(text: str) -> Line:
    """A row's bold label in the left column."""
    return [(" ", ""), (pad(text, LABEL_WIDTH), BOLD)]


def blank_label() -> Line:
    return [(" " * (LABEL_WIDTH + 1), "")]


def muted_row(label: str, text: str) -> Line:
    return [*label_cell(label), (text, DIM)]


def labelled(label: str, parts: list[Part], look: Look) -> list[Line]:
    """`parts` after the label, each after its joiner on one row while they fit, then on
    rows below it (a part that starts a row drops its joiner). A part wider than a row
    is itself broken between its words."""
    room = look.width - LABEL_WIDTH - 1
    lines: list[Line] = [label_cell(label)]
    used = 0
    for joiner, text, style in _fitted(parts, room):
        if used and used + cell_width(joiner + text) > room:
            lines.append(blank_label())
            used = 0
        if used:
            lines[-1].append((joiner, ""))
            used += cell_width(joiner)
        lines[-1].append((text, style))
        used += cell_width(text)
    return lines


def _fitted(parts: list[Part], room: int) -> list[Part]:
    fitted: list[Part] = []
    for joiner, text, style in parts:
        if cell_width(text) <= room or " " not in text:
            fitted.append((joiner, text, style))
            continue
        first, *rest = text.split(" ")
        fitted += [(joiner, first, style), *((" ", word, style) for word in rest)]
    return fitted
