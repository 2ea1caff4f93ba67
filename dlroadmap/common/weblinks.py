"""Which links are followed (opened, made clickable): web pages and mail addresses only.

A link in a roadmap is text from someone else's file: a `file:`, `javascript:` or
custom-scheme link is shown, never followed, and so is one with a character that
could end the terminal's hyperlink sequence early (a control character, a space).
"""

from __future__ import annotations

from dlroadmap.common.printable import printable

SCHEMES = ("http", "https", "mailto")


def openable(url: str) -> bool:
    scheme, colon, rest = url.partition(":")
    return (
        bool(colon and rest)
        and scheme.lower() in SCHEMES
        and printable(url) == url
        and not any(char.isspace() for char in url)
    )
