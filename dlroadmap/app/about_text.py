"""What the roadmap says about a node, as the detail pane shows it: its description, its
fields on one line (`Duration 13 weeks · Effort 8-10 hours/week`), its resources and its
links, these as terminal hyperlinks (OSC 8) where the terminal draws them.

All of it is text from the file: appended literally (never markup) and made printable.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from dlroadmap.app.detail_views import About, Link
from dlroadmap.app.inline import inline_text, link_style
from dlroadmap.common.printable import printable

_HEADING = Style(bold=True)


def about_text(about: About, muted: Style) -> Text:
    """The node's description, fields, resources and links; empty if it has none."""
    parts: list[Text] = []
    if about.description:
        parts.append(_wrapped(inline_text(about.description, hyperlinks=True)))
    if about.fields:
        line = Text()
        for index, (name, value) in enumerate(about.fields):
            if index:
                line.append(" · ", muted)
            line.append(printable(name), muted)
            line.append(" ")
            line.append_text(inline_text(value, hyperlinks=True))
        parts.append(_wrapped(line))
    if about.resources:
        listed = _heading("Resources")
        for resource in about.resources:
            listed.append("\n• ")
            listed.append_text(inline_text(resource, hyperlinks=True))
        parts.append(listed)
    if about.links:
        parts.append(links_text(about.links, muted))
    return Text("\n\n").join(parts)


def links_text(links: tuple[Link, ...], muted: Style) -> Text:
    """Numbered, as `o` offers them: the text linked, and under it where it goes."""
    text = _heading("Links")
    for number, link in enumerate(links, 1):
        url = printable(link.url)
        text.append(f"\n{number} ")
        shown = printable(link.text)
        if shown and shown != url:
            text.append(shown, link_style(link.url) + Style(underline=True))
            text.append("\n  ")
        text.append(url, link_style(link.url) + muted)
    return text


def _heading(words: str) -> Text:
    # Appended, not Text(words, style): that style would be the whole text's.
    text = Text()
    text.append(words, _HEADING)
    return text


def _wrapped(text: Text) -> Text:
    text.no_wrap = False
    return text
