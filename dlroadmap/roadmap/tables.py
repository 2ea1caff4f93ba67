"""Tables that stand in for a list: each row a study item, its other cells its fields.

A curriculum often lists its courses in a table (`Courses | Duration | Effort`), one
row per course. Such a table is read as items when it has

- at least two body rows (rows with every cell empty do not count), or one where the
  document has a longer table of items under the same header (see ItemTables);
- a *title column*: the first column in which at least three rows in four name
  something, i.e. hold two letters or more (numbers, dates, symbols, emoji and
  pictures name nothing, so a `#` or a date column before the names is passed), and
  three names in four differ (a `Level` column saying "Beginner" row after row is a
  category, not the names);
- a header over that column, unless no column has one (an empty corner over the
  names heads a comparison grid);

and it is none of these, which are data and passed over:

- a two-column legend: its first column is symbols (`⭐ | essential`) or its headers
  read as key and value (`Symbol | Meaning`, `Key | Value`, `Term | Definition`);
- a grid of marks: two columns or more after the names hold nothing but short marks
  (`✓`, `✗`, `Y`, `-`) comparing the rows;
- a summary of this same document: the names link to its own headings (`#anchors`),
  which are the items already.

Each row is titled by its title-column cell (its link kept), or, where that cell is
empty, by the first cell of the row that names something; a row naming nothing is not
an item. The other non-empty cells become the item's fields, named by their headers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from dlroadmap.roadmap.inline import Token, inline_title
from dlroadmap.roadmap.model import Inline

__all__ = ["ItemTables", "TableRow"]

Parent = TypeVar("Parent")

_MIN_ROWS = 2
_NAMED_SHARE = 0.75  # of the rows, for a column to be the names
_MIN_NAME_LETTERS = 2
_MAX_MARK_LENGTH = 2
_MIN_MARK_COLUMNS = 2

# Header words of the two columns of a legend or a glossary.
_KEY_HEADERS = frozenset(
    {"key", "keys", "symbol", "symbols", "icon", "icons", "emoji", "sign", "legend", "mark"}
    | {"abbreviation", "acronym", "term", "terms", "property", "attribute", "parameter"}
    | {"option", "setting", "field", "variable", "shortcut"}
)
_VALUE_HEADERS = frozenset({"value", "values", "meaning", "means", "definition", "stands for"})
_NOT_LETTERS = re.compile(r"[\W\d_]+")


@dataclass(frozen=True, slots=True)
class TableRow:
    """A row read as an item: its title and its other cells by column name."""

    title: Inline
    fields: tuple[tuple[str, Inline], ...]
    description: Inline = ()  # none: as a paragraph item's, for one shape


@dataclass(frozen=True, slots=True)
class _Cell:
    inline: Inline
    text: str  # the words, pictures left out
    links: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.inline)

    @property
    def names(self) -> bool:
        return len(_NOT_LETTERS.sub("", self.text)) >= _MIN_NAME_LETTERS

    @property
    def is_mark(self) -> bool:
        """A short mark that compares rather than says (✓, ✗, Y, -): not a number, no link."""
        text = self.text
        return (
            bool(text)
            and len(text) <= _MAX_MARK_LENGTH
            and not any(char.isdigit() for char in text)
            and not self.links
        )

    @property
    def is_symbols(self) -> bool:
        """Text without a letter or a digit: emoji, arrows, stars."""
        return bool(self.text) and not any(char.isalnum() for char in self.text)


@dataclass(slots=True)
class ItemTables(Generic[Parent]):
    """The tables of one document read as items, in document order.

    A table of one row is too little to tell a list from data by itself; it is read
    as an item where the document has a longer table of items under the same header
    (`Courses`): a curriculum with a single course in one of its sections.
    """

    _headers: set[str] = field(default_factory=set)
    _lone: list[tuple[Parent, int, str, TableRow]] = field(default_factory=list)

    def read(self, parent: Parent, at: int, table: Token) -> list[TableRow]:
        """The rows of a table under `parent` as items (see the module).

        at: where among parent's children the table sits, for lone_rows().
        """
        header, rows = _read(table)
        if len(rows) >= _MIN_ROWS:
            self._headers.add(header)
            return rows
        if rows and header:
            self._lone.append((parent, at, header, rows[0]))
        return []

    def lone_rows(self) -> list[tuple[Parent, int, TableRow]]:
        """One-row tables to read as items after all, last first (for inserting at `at`)."""
        return [
            (parent, at, row)
            for parent, at, header, row in reversed(self._lone)
            if header in self._headers
        ]


def _read(table: Token) -> tuple[str, list[TableRow]]:
    """The title column's header and the rows as items; no rows when the table is data."""
    head, body = _sections(table)
    headers = [_cell(token) for token in head]
    rows = [cells for cells in ([_cell(token) for token in row] for row in body) if any(cells)]
    if not rows or not headers:
        return "", []
    column = _title_column(rows)
    if column is None or _is_data(headers, rows, column):
        return "", []
    names = [_header_name(header) for header in headers]
    items: list[TableRow] = []
    for row in rows:
        at = column if row[column].inline else _first_naming(row)
        if at is None:
            continue
        fields = tuple(
            (names[index], cell.inline)
            for index, cell in enumerate(row)
            if index != at and cell.inline
        )
        items.append(TableRow(row[at].inline, fields))
    return names[column].casefold(), items


def _sections(table: Token) -> tuple[list[Token], list[list[Token]]]:
    head: list[Token] = []
    body: list[list[Token]] = []
    for part in table.get("children") or []:
        if part["type"] == "table_head":
            head = part.get("children") or []
        elif part["type"] == "table_body":
            body = [row.get("children") or [] for row in part.get("children") or []]
    return head, body


def _cell(token: Token) -> _Cell:
    children = token.get("children") or []
    words: list[str] = []
    links: list[str] = []
    stack = list(reversed(children))
    while stack:
        part = stack.pop()
        kind = part["type"]
        if kind == "image":
            continue
        if kind == "link":
            links.append(part.get("attrs", {}).get("url") or "")
        if kind in ("text", "codespan"):
            words.append(part.get("raw") or "")
        stack.extend(reversed(part.get("children") or []))
    return _Cell(inline_title(children), "".join(words).strip(), tuple(links))


def _header_name(header: _Cell) -> str:
    return "".join(span.text for span in header.inline)


def _title_column(rows: list[list[_Cell]]) -> int | None:
    for column in range(len(rows[0])):
        names = [row[column].text.casefold() for row in rows if row[column].names]
        # Names, and different ones: a column repeating a few words is a category.
        if len(names) >= _NAMED_SHARE * len(rows) and len(set(names)) >= _NAMED_SHARE * len(names):
            return column
    return None


def _first_naming(row: list[_Cell]) -> int | None:
    return next((index for index, cell in enumerate(row) if cell.names), None)


def _is_data(headers: list[_Cell], rows: list[list[_Cell]], column: int) -> bool:
    return (
        _is_corner(headers, column)
        or _is_legend(headers, rows)
        or _is_mark_grid(rows, column)
        or _is_summary(rows, column)
    )


def _is_corner(headers: list[_Cell], column: int) -> bool:
    """No header over the names while other columns have one: a comparison grid."""
    return not headers[column].inline and any(header.inline for header in headers)


def _is_legend(headers: list[_Cell], rows: list[list[_Cell]]) -> bool:
    if len(headers) != 2:
        return False
    key, value = (_NOT_LETTERS.sub(" ", h.text).strip().casefold() for h in headers)
    if key in _KEY_HEADERS or value in _VALUE_HEADERS:
        return True
    filled = [row[0] for row in rows if row[0].text]
    return bool(filled) and all(cell.is_symbols for cell in filled)


def _is_mark_grid(rows: list[list[_Cell]], column: int) -> bool:
    marks = 0
    for other in range(column + 1, len(rows[0])):
        filled = [row[other] for row in rows if row[other].inline]
        if filled and all(cell.is_mark for cell in filled):
            marks += 1
    return marks >= _MIN_MARK_COLUMNS


def _is_summary(rows: list[list[_Cell]], column: int) -> bool:
    """Do the names link to headings of this same document?"""
    linked = [row[column].links for row in rows if row[column].links]
    return 2 * len(linked) >= len(rows) and all(
        url.startswith("#") for links in linked for url in links
    )
