"""Making text from a roadmap, a note or a file name safe to put on a terminal.

Control characters (escape sequences among them) and bidi overrides are shown
as visible symbols, so nothing in a user's file can drive the terminal.
"""

from __future__ import annotations

import os

_TABLE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
_TABLE[0x7F] = "\u2421"
_TABLE.update({code: "\ufffd" for code in range(0x80, 0xA0)})
# Bidi embeddings, overrides and isolates can reorder what follows them on screen.
_TABLE.update({code: "\ufffd" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})
_TABLE[ord("\t")] = " "
# An emoji variation selector makes terminals draw two cells where width tables
# count one, which shears borders; the plain symbol keeps the layout true.
_TABLE[0xFE0F] = ""

_LINE_TABLE = dict(_TABLE)
_LINE_TABLE[ord("\n")] = "\n"
_LINE_TABLE[ord("\t")] = "\t"


def printable(text: str) -> str:
    """One line of text with every control character made visible."""
    return text.translate(_TABLE)


def printable_lines(text: str) -> str:
    """Like printable(), but line breaks stay line breaks."""
    return text.translate(_LINE_TABLE)


def path_text(path: os.PathLike[str] | str) -> str:
    """A path as text that any output can encode: bytes of a name that are not UTF-8
    (which Python keeps as lone surrogates, encodable nowhere) become `\\xe9`."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def printable_path(path: os.PathLike[str] | str) -> str:
    """A path as it can be shown anywhere: as path_text(), with control characters made
    visible too."""
    return printable(path_text(path))
