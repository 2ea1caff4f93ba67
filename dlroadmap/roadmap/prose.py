"""What a topic says beyond its title: the prose under a heading-topic, or the
paragraphs of a list item after its first, opening paragraphs only, bounded.

A heading with only text under it is a topic of its own ("### Programming" and two
paragraphs on why and how). Its description is its first paragraphs, in order, until
about _ENOUGH characters are said (at most _MAX_PARAGRAPHS); a longer text is cut at
a word, after _MAX_CHARS, with an ellipsis. A paragraph that is a picture alone says
nothing in words and is left out (a linked picture, a book's cover, gives its alt text
and link). Links are kept, so the topic's URLs include them. A list item's further
paragraphs (a blank line, then indented text) describe it the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

from dlroadmap.roadmap.inline import Token, inline_title, text_of
from dlroadmap.roadmap.model import Inline, Span
from dlroadmap.roadmap.spans import cut

__all__ = ["MAX_PARAGRAPHS", "describe", "item_prose"]

MAX_PARAGRAPHS = 3
_ENOUGH = 280
_MAX_CHARS = 600
_ELLIPSIS = Span("\u2026")
_BETWEEN = Span(" ")
_PARAGRAPHS = frozenset({"paragraph", "block_text"})


def describe(paragraphs: Sequence[Token]) -> Inline:
    """The description the paragraphs under a heading-topic give."""
    spans: list[Span] = []
    for paragraph in paragraphs:
        if len(text_of(tuple(spans))) >= _ENOUGH:
            break
        children = paragraph.get("children") or []
        if all(
            child["type"] in ("image", "softbreak", "linebreak") or _blank(child)
            for child in children
        ):
            continue
        text = inline_title(children)
        if text:
            spans.extend((_BETWEEN, *text) if spans else text)
    description = tuple(spans)
    full = text_of(description)
    if len(full) <= _MAX_CHARS:
        return description
    cut_at = full.rfind(" ", 0, _MAX_CHARS)
    return (*cut(description, 0, cut_at if cut_at > 0 else _MAX_CHARS), _ELLIPSIS)


def item_prose(blocks: list[Token]) -> Inline:
    """A list item's description: its paragraphs after the first, which titles it."""
    paragraphs = [block for block in blocks if block["type"] in _PARAGRAPHS]
    return describe(paragraphs[1 : 1 + MAX_PARAGRAPHS]) if len(paragraphs) > 1 else ()


def _blank(token: Token) -> bool:
    return token["type"] == "text" and not (token.get("raw") or "").strip()
