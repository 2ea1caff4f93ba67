"""A title from mistune's inline AST: styled spans, with its status marker cut off.

Text is kept literally (no markup escaping); character references are decoded.
"""

from __future__ import annotations

from typing import Any

from dlroadmap.roadmap.model import Inline, Span, Status
from dlroadmap.roadmap.syntax import (
    ENTITY,
    drops_colon,
    find_inner_marker,
    find_leading_marker,
    find_status_marker,
    find_trailing_check,
    marker_status,
)

__all__ = [
    "Token",
    "drop_status_marker",
    "drop_trailing_colon",
    "inline_title",
    "text_of",
    "without_status_marker",
]

Token = dict[str, Any]

# bold, italic, code, strike, link
_Style = tuple[bool, bool, bool, bool, str | None]
_PLAIN: _Style = (False, False, False, False, None)


def inline_title(tokens: list[Token]) -> Inline:
    """Inline AST -> merged, stripped spans. Text is kept literally (no markup escaping)."""
    if len(tokens) == 1 and tokens[0]["type"] == "text":
        # Fast path: most titles are one plain text token.
        return _strip([Span(_unescape(tokens[0].get("raw", "")))])
    spans: list[Span] = []
    parts: list[str] = []  # text of the span being built, in `current` style
    current: _Style = _PLAIN
    stack: list[tuple[Token, _Style]] = [(token, _PLAIN) for token in reversed(tokens)]
    while stack:
        token, style = stack.pop()
        kind = token["type"]
        if kind == "text":
            text = _unescape(token.get("raw", ""))
        elif kind in ("softbreak", "linebreak"):
            text = " "
        elif kind == "codespan":
            text = token.get("raw", "")
            style = (style[0], style[1], True, style[3], style[4])
        elif kind == "inline_html":
            continue  # tags only; any text between them is its own text token
        elif "children" in token:
            bold, italic, code, strike, link = style
            if kind == "emphasis":
                style = (bold, True, code, strike, link)
            elif kind == "strong":
                style = (True, italic, code, strike, link)
            elif kind == "strikethrough":
                style = (bold, italic, code, True, link)
            elif kind == "link":
                style = (bold, italic, code, strike, token.get("attrs", {}).get("url") or link)
            # image: its children are the alt text, shown in the surrounding style
            stack.extend((child, style) for child in reversed(token["children"] or []))
            continue
        else:
            text = _unescape(token.get("raw") or "")
        if not text:
            continue
        if style != current:
            if parts:
                spans.append(Span("".join(parts), *current))
                parts = []
            current = style
        parts.append(text)
    if parts:
        spans.append(Span("".join(parts), *current))
    return _strip(spans)


def text_of(title: Inline) -> str:
    # model.plain, minus the generator overhead on the hot path of big files
    return title[0].text if len(title) == 1 else "".join([span.text for span in title])


def _unescape(text: str) -> str:
    if "&" not in text:
        return text
    import html  # here: its entity table is a cost at every start, and "&" is rare

    return ENTITY.sub(lambda match: html.unescape(match.group()), text)


def _strip(spans: list[Span]) -> Inline:
    """Strip whitespace at both ends of the whole title, dropping spans left empty."""
    while spans and not spans[0].text.strip():
        spans.pop(0)
    while spans and not spans[-1].text.strip():
        spans.pop()
    if not spans:
        return ()
    first = spans[0]
    spans[0] = _withtext_of(first, first.text.lstrip())
    last = spans[-1]
    spans[-1] = _withtext_of(last, last.text.rstrip())
    return tuple(spans)


def _withtext_of(span: Span, text: str) -> Span:
    if text == span.text:
        return span
    return Span(text, span.bold, span.italic, span.code, span.strike, span.link)


def _truncate(spans: Inline, length: int) -> Inline:
    """The first `length` characters of the title, span styles kept."""
    return _cut(spans, length, len(text_of(spans)))


def _cut(spans: Inline, start: int, end: int) -> Inline:
    """The title without the characters from `start` to `end`, span styles kept."""
    out: list[Span] = []
    at = 0
    for span in spans:
        size = len(span.text)
        if at + size <= start or at >= end:
            out.append(span)
        else:
            text = span.text[: max(start - at, 0)] + span.text[max(end - at, 0) :]
            if text:
                out.append(_withtext_of(span, text))
        at += size
    return _strip(out)


def drop_status_marker(title: Inline) -> tuple[Inline, Status | None]:
    """The title without its status markers, and the status they give.

    Trailing markers first: repeated ones ("Topic (done) -> Done") all go, so no title is
    left ending in one, and the last gives the status. Failing those, a marker leading the
    title ("✅ Topic", "**DONE**: Topic", the typo "[] Topic") or a check mark ending it
    ("Topic ✅"), or an in-progress one
    anywhere in it ("Topic (IN PROGRESS) notes", "🚧 Topic"). A skipped title struck
    through as a whole ("~~Topic~~ (skipped)") loses the strike.
    """
    # The marker may straddle spans ("_Text_ -> Done", "-> **Done**"), so match the
    # plain text and cut the spans at the same offset.
    status: Status | None = None
    while True:
        match = find_status_marker(text_of(title))
        if match is None:
            break
        status = status or marker_status(match)
        title = _truncate(title, match.start())
    leading = find_leading_marker(text_of(title))
    if leading is not None:
        length, written = leading
        title, status = _cut(title, 0, length), status or written
    check = find_trailing_check(text_of(title))
    if check is not None and check.start() > 0:
        title, status = _truncate(title, check.start()), status or Status.DONE
    inner = find_inner_marker(text_of(title))
    if inner is not None:
        title, status = _cut(title, inner.start(), inner.end()), status or Status.IN_PROGRESS
    if status is Status.SKIPPED and title and all(span.strike for span in title):
        title = tuple(
            Span(span.text, span.bold, span.italic, span.code, False, span.link) for span in title
        )
    return title, status


def without_status_marker(text: str) -> str:
    """Plain text as a title of this parser: without the status markers it is read for."""
    return text_of(drop_status_marker((Span(text),))[0])


def drop_trailing_colon(title: Inline) -> Inline:
    if not drops_colon(title):
        return title
    return _truncate(title, len(text_of(title)) - 1)
