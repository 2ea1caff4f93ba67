"""A code fence never closed: CommonMark reads the rest of the file as code, list items
and all. The parser does the same, and says so (naming the line), rather than leave the
learner with an empty tree and no word of why."""

from __future__ import annotations

import re

from dlroadmap.roadmap.inline import Token

__all__ = ["unclosed_fence_warnings"]

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})(.*)$")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\S", re.MULTILINE)
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+\S", re.MULTILINE)


def unclosed_fence_warnings(body: str, tokens: list[Token], first_line: int) -> list[str]:
    """What to tell of a fence left open at the end of the document when it hides list
    items or headings; `first_line` is the line number of the body's first line in the file."""
    blocks = [token for token in tokens if token["type"] != "blank_line"]
    if not blocks or blocks[-1]["type"] != "block_code" or blocks[-1].get("style") != "fenced":
        return []
    code = blocks[-1].get("raw", "")
    hidden = {"list item": len(_LIST_ITEM.findall(code)), "heading": len(_HEADING.findall(code))}
    opened = _unclosed_fence_line(body)
    if not any(hidden.values()) or opened is None:
        return []
    marker, line = opened
    what = " and ".join(_count(number, name) for name, number in hidden.items() if number)
    verb = "is" if sum(hidden.values()) == 1 else "are"
    return [
        f"Line {first_line + line}: a code fence ({marker}) is never closed; "
        f"the {what} after it {verb} read as code."
    ]


def _count(number: int, name: str) -> str:
    return f"{number} {name}" if number == 1 else f"{number} {name}s"


def _unclosed_fence_line(body: str) -> tuple[str, int] | None:
    """The marker and the 0-based line of a fence still open at the end, if any."""
    opened: tuple[str, int] | None = None
    for number, line in enumerate(body.splitlines()):
        match = _FENCE.match(line)
        if match is None:
            continue
        fence, rest = match.groups()
        if opened is None:
            if not (fence[0] == "`" and "`" in rest):  # "```a```" is a code span
                opened = (fence, number)
        elif fence[0] == opened[0][0] and len(fence) >= len(opened[0]) and not rest.strip():
            opened = None
    return opened
