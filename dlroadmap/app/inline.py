"""Roadmap text to Rich Text: styled from the markdown's emphasis, never parsed as markup."""

from rich.style import Style
from rich.text import Text

from dlroadmap.common.printable import printable
from dlroadmap.common.weblinks import openable
from dlroadmap.roadmap.model import Inline, Span

_CODE = Style(bold=True)


def _style(span: Span, hyperlinks: bool) -> Style:
    style = Style(
        bold=span.bold or None,
        italic=span.italic or None,
        strike=span.strike or None,
        underline=bool(span.link) or None,
    )
    if hyperlinks and span.link:
        style += link_style(span.link)
    return style + _CODE if span.code else style


def link_style(url: str) -> Style:
    """A terminal hyperlink (OSC 8) to `url` if it is one to follow, else no style."""
    return Style(link=url) if openable(url) else Style()


def inline_text(spans: Inline, *, hyperlinks: bool = False) -> Text:
    """The spans as Text; `append` takes the characters literally, so `[bold]` stays `[bold]`.

    `hyperlinks`: a linked span is a link the terminal can follow (where it draws them).
    """
    text = Text(no_wrap=True, end="")
    for span in spans:
        text.append(printable(span.text), _style(span, hyperlinks))
    return text
