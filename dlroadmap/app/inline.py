"""Roadmap text to Rich Text: styled from the markdown's emphasis, never parsed as markup."""

from rich.style import Style
from rich.text import Text

from dlroadmap.common.printable import printable
from dlroadmap.roadmap.model import Inline, Span

_CODE = Style(bold=True)


def _style(span: Span) -> Style:
    style = Style(
        bold=span.bold or None,
        italic=span.italic or None,
        strike=span.strike or None,
        underline=bool(span.link) or None,
    )
    return style + _CODE if span.code else style


def inline_text(spans: Inline) -> Text:
    """The spans as Text; `append` takes the characters literally, so `[bold]` stays `[bold]`."""
    text = Text(no_wrap=True, end="")
    for span in spans:
        text.append(printable(span.text), _style(span))
    return text
