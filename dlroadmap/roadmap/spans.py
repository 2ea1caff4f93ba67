"""Cutting styled text by character offsets, styles and links kept."""

from __future__ import annotations

from dlroadmap.roadmap.model import Inline, Span

__all__ = ["cut"]


def cut(spans: Inline, start: int, end: int) -> Inline:
    """The characters start..end of the spans' plain text, stripped of blanks at both ends."""
    out: list[Span] = []
    at = 0
    for span in spans:
        following = at + len(span.text)
        low, high = max(start, at), min(end, following)
        if low < high:
            text = span.text[low - at : high - at]
            out.append(_with_text(span, text))
        at = following
    while out and not out[0].text.strip():
        out.pop(0)
    while out and not out[-1].text.strip():
        out.pop()
    if out:
        out[0] = _with_text(out[0], out[0].text.lstrip())
        out[-1] = _with_text(out[-1], out[-1].text.rstrip())
    return tuple(out)


def _with_text(span: Span, text: str) -> Span:
    return Span(text, span.bold, span.italic, span.code, span.strike, span.link)
