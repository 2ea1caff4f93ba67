"""Titles written back as markdown that the parser reads as the same title.

Each styled title has a few candidate renderings, best first; the parser is the judge of
which one reads back right (checked in batches for a whole export: a parse per title
would take seconds on a big roadmap).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from dlroadmap.roadmap.model import Inline, Node, Roadmap, Span, Status, plain
from dlroadmap.roadmap.syntax import ENTITY
from dlroadmap.roadmap.tally import StatusOf

__all__ = ["check_in_advance", "checking", "escape", "render", "render_struck", "unitalic"]

# Characters that are markup anywhere in a line of text.
_ALWAYS = frozenset("\\`*[]<")


@dataclass(slots=True)
class _Memo:
    """For one export: how the parser reads each rendering of a styled title, and the
    renderings of each title."""

    parsed: dict[str, Inline | None] = field(default_factory=dict)
    candidates: dict[Inline, list[str]] = field(default_factory=dict)


_memo: ContextVar[_Memo | None] = ContextVar("memo", default=None)


@contextmanager
def checking() -> Iterator[None]:
    """Within it, renderings are remembered with how the parser read them."""
    token = _memo.set(_Memo())
    try:
        yield
    finally:
        _memo.reset(token)


def unitalic(title: Inline) -> Inline:
    """The title without italics: a tagline is written in italics as a whole."""
    return tuple(
        Span(span.text, span.bold, False, span.code, span.strike, span.link) for span in title
    )


def render_struck(title: Inline) -> str:
    """The title struck through as a whole, as a skipped item is written."""
    if not any(span.strike for span in title):
        # Read back with every span struck, "~~…~~" vouches for what it wraps too.
        for whole in _struck_candidates(title):
            if _reparsed(whole) == _struck(title):
                return whole
        whole = f"~~{render(title)}~~"
        parsed = _reparsed(whole)
        if parsed is not None and plain(parsed) == plain(title):
            return whole
    return render(_struck(title))


def _struck_candidates(title: Inline) -> list[str]:
    return [f"~~{markdown}~~" for markdown in _candidates(title)]


def _struck(title: Inline) -> Inline:
    return tuple(
        Span(span.text, span.bold, span.italic, span.code, True, span.link) for span in title
    )


def render(title: Inline) -> str:
    """Spans back to markdown whose plain text, parsed again, is the title's."""
    if not title:
        return ""
    if _is_plain(title):
        return escape(title[0].text)
    text = plain(title)
    fallback: str | None = None
    for markdown in _candidates(title):
        parsed = _reparsed(markdown)
        if parsed == title:
            return markdown  # every span as it was
        if fallback is None and parsed is not None and plain(parsed) == text:
            fallback = markdown  # the text as it was, if not every style
    return fallback if fallback is not None else escape(text)


def _candidates(title: Inline) -> list[str]:
    """Ways to write the title, best first."""
    memo = _memo.get()
    if memo is not None and title in memo.candidates:
        return memo.candidates[title]
    if _is_plain(title):
        candidates = [escape(title[0].text)]
    else:
        # "_" for italics reads best, but cannot open or close inside a word; "*" can.
        italics = ("_", "*") if any(span.italic for span in title) else ("_",)
        candidates = [_render_styled(title, italic) for italic in italics]
    if memo is not None:
        memo.candidates[title] = candidates
    return candidates


def _is_plain(title: Inline) -> bool:
    return len(title) == 1 and title[0] == Span(title[0].text)


def _render_styled(title: Inline, italic: str) -> str:
    out: list[str] = []
    index = 0
    while index < len(title):
        link = title[index].link
        end = index
        while end < len(title) and title[end].link == link:
            end += 1
        inner = _styled_run(title[index:end], italic)
        out.append(inner if link is None else f"[{inner}]({_destination(link)})")
        index = end
    return "".join(out)


def _styled_run(spans: Inline, italic: str) -> str:
    """Spans sharing a link: emphasis opened and closed as their styles change."""
    out: list[str] = []
    open_marks: list[str] = []  # outermost first
    for span in spans:
        wanted = [
            mark
            for mark, on in (("~~", span.strike), ("**", span.bold), (italic, span.italic))
            if on
        ]
        keep = 0
        while keep < len(open_marks) and keep < len(wanted) and open_marks[keep] == wanted[keep]:
            keep += 1
        if keep < len(open_marks):
            _close(out, open_marks[keep:])
            del open_marks[keep:]
        text = span.text
        if wanted[keep:]:
            lead = text[: len(text) - len(text.lstrip())]
            out.append(lead)
            text = text[len(lead) :]
            out.extend(wanted[keep:])
            open_marks.extend(wanted[keep:])
        out.append(_code(text) if span.code else escape(text, boundary=True))
    _close(out, open_marks)
    return "".join(out)


def _close(out: list[str], marks: list[str]) -> None:
    """Close emphasis after trailing spaces were moved out (else it would not close)."""
    if not marks:
        return
    trail = ""
    while out and not out[-1].strip():
        trail = out.pop() + trail
    if out:
        last = out.pop()
        body = last.rstrip()
        trail = last[len(body) :] + trail
        out.append(body)
    out.extend(reversed(marks))
    out.append(trail)


def _code(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = text.startswith("`") or text.endswith("`")
    pad = pad or (text.startswith(" ") and text.endswith(" ") and bool(text.strip()))
    return f"{fence} {text} {fence}" if pad else f"{fence}{text}{fence}"


def _destination(url: str) -> str:
    out = []
    for char in url:
        if char in "\\()":
            out.append("\\" + char)
        elif char in " <>" or ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"%{ord(char):02X}")
        else:
            out.append(char)
    return "".join(out)


def escape(text: str, *, boundary: bool = False, extra: str = "") -> str:
    """Plain text as markdown that reads back as the same plain text.

    `boundary`: the text sits next to markup, so an underscore or tilde at either end
    is escaped too (inside a word, neither can open or close anything).
    """
    if not text:
        return text
    out: list[str] = []
    last = len(text) - 1
    for at, char in enumerate(text):
        if char in _ALWAYS or char in extra:
            out.append("\\" + char)
        elif char == "_" or char == "~":
            before = text[at - 1] if at > 0 else ""
            after = text[at + 1] if at < last else ""
            edge = boundary and (at == 0 or at == last)
            if char == "_":
                inside = before.isalnum() and after.isalnum()
            else:
                inside = before != "~" and after != "~"
            out.append(char if inside and not edge else "\\" + char)
        elif char == "&" and ENTITY.match(text, at):
            out.append("\\&")
        else:
            out.append(char)
    return "".join(out)


def _reparsed(markdown: str) -> Inline | None:
    """The title the parser reads from this markdown in a task list item, if it is one."""
    memo = _memo.get()
    if memo is not None and markdown in memo.parsed:
        return memo.parsed[markdown]
    (parsed,) = _parse_items([markdown]) or [None]
    if memo is not None:
        memo.parsed[markdown] = parsed
    return parsed


def check_in_advance(roadmap: Roadmap, status_of: StatusOf) -> None:
    """Parse the renderings of every styled title in batches: each one's best first."""
    memo = _memo.get()
    if memo is None:
        return
    checked = memo.parsed
    # (what it must read back as, its renderings best first)
    pending: list[tuple[Inline, list[str]]] = [
        (title, _candidates(title))
        for title in (*(entry.title for entry in roadmap.overview), roadmap.title)
        if not _is_plain(title)
    ]
    tagline = unitalic(roadmap.tagline)
    if tagline and not _is_plain(tagline):
        pending.append((tagline, _candidates(tagline)))
    for node in roadmap.walk():
        if status_of(node) is Status.SKIPPED and not any(span.strike for span in node.title):
            pending.append((_struck(node.title), _struck_candidates(node.title)))
        elif not _is_plain(node.title):
            pending.append((node.title, _candidates(node.title)))
    while pending:
        batch = list(dict.fromkeys(c[0] for _, c in pending if c[0] not in checked))
        parsed = _parse_items(batch)
        if parsed is None:
            return  # each is parsed on its own when needed
        checked.update(zip(batch, parsed, strict=True))
        pending = [(want, c[1:]) for want, c in pending if checked[c[0]] != want and c[1:]]


def _parse_items(markdowns: list[str]) -> list[Inline | None] | None:
    """Each markdown as the parser reads it in a task list item (None: not as one title)."""
    if not markdowns:
        return []
    from dlroadmap.roadmap.parser import (
        parse_roadmap,  # the parser is the judge of what the text says
    )

    # The word after each keeps a marker-like ending from being read as a marker here.
    document = "# t\n\n" + "".join(f"- [ ] {markdown} z\n" for markdown in markdowns)
    items = parse_roadmap(document, "t").phases
    if len(items) != len(markdowns):
        return None
    return [_without_z(item) for item in items]


def _without_z(item: Node) -> Inline | None:
    if item.children or not item.title:
        return None
    *rest, last = item.title
    if last.text == " z" or (last == Span(last.text) and last.text.endswith(" z")):
        trimmed = last.text[:-2]
        return (*rest, Span(trimmed)) if trimmed else tuple(rest)
    return None
