"""Pipe tables read as GitHub reads them, as a mistune plugin.

mistune's own table plugin ends a table at the first row that lacks its closing pipe
and turns a row with more or fewer cells than the header into plain text; GitHub
shows both as rows (a short row padded with empty cells, a long one cut). Roadmaps
are written for GitHub, so a table of fifty courses whose rows end without a pipe
must not stop after its header. The tokens made are those of mistune's plugin
(`table` > `table_head` / `table_body` > `table_row` > `table_cell`), so nothing else
needs to know which plugin read the table.
"""

from __future__ import annotations

import re
from re import Match
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mistune import BlockParser, BlockState, Markdown

__all__ = ["gfm_tables"]

# A header row: any line with a pipe (the line after it decides whether it is one).
# The same pattern as mistune's tables without outer pipes, so which lines are tried
# as tables, and where paragraphs break, stays as it was.
_HEADER = r"^ {0,3}\S[^\n]*\|[^\n]*(?:\n|$)"
_DELIMITER_CELL = re.compile(r"^:?-+:?$")
# Lines that start another block end the table's body, as a blank line does.
_BLOCK_START = re.compile(
    r" {0,3}(?:#{1,6}(?:[ \t]|$)|>|```|~~~|<[A-Za-z/!?]|[-+*][ \t]|\d{1,9}[.)][ \t]"
    r"|(?:[-*_][ \t]*){3,}$)"
)


def gfm_tables(md: Markdown) -> None:
    """The plugin: pipe tables with or without outer pipes, rows of any length."""
    md.block.register("table", _HEADER, _parse_table, before="paragraph")


def _parse_table(block: BlockParser, match: Match[str], state: BlockState) -> int | None:
    header = _cells(match.group(0))
    at = match.end()
    delimiter = state.get_line(at)
    aligns = _aligns(_cells(delimiter))
    if aligns is None or len(aligns) != len(header):
        return None  # not a table: mistune reads the line as text
    at += len(delimiter)
    head = {"type": "table_head", "children": _row_cells(header, aligns, head=True)}
    rows: list[dict[str, Any]] = []
    while at < state.cursor_max:
        line = state.get_line(at)
        if not line.strip() or _BLOCK_START.match(line):
            break
        cells = _cells(line)[: len(aligns)]
        cells += [""] * (len(aligns) - len(cells))
        rows.append({"type": "table_row", "children": _row_cells(cells, aligns, head=False)})
        at += len(line)
    body = {"type": "table_body", "children": rows}
    state.append_token({"type": "table", "children": [head, body]})
    return at


def _row_cells(cells: list[str], aligns: list[str | None], *, head: bool) -> list[dict[str, Any]]:
    # "text" is read by mistune's inline parser into the cell's children.
    return [
        {"type": "table_cell", "text": text, "attrs": {"align": align, "head": head}}
        for text, align in zip(cells, aligns, strict=True)
    ]


def _cells(line: str) -> list[str]:
    """A row's cells: split at pipes not escaped, one outer pipe at each end dropped."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not _escaped(text, len(text) - 1):
        text = text[:-1]
    cells: list[str] = []
    start = 0
    for at, char in enumerate(text):
        if char == "|" and not _escaped(text, at):
            cells.append(text[start:at].strip())
            start = at + 1
    cells.append(text[start:].strip())
    return cells


def _escaped(text: str, at: int) -> bool:
    start = at
    while start and text[start - 1] == "\\":
        start -= 1
    return (at - start) % 2 == 1


def _aligns(cells: list[str]) -> list[str | None] | None:
    """Each column's alignment, from a delimiter row; None if the row is not one."""
    aligns: list[str | None] = []
    for cell in cells:
        if not _DELIMITER_CELL.match(cell):
            return None
        left, right = cell.startswith(":"), cell.endswith(":")
        aligns.append(
            "center" if left and right else "left" if left else "right" if right else None
        )
    return aligns
