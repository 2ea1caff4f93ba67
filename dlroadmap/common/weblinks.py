"""Which links are followed (opened, made clickable): web pages and mail addresses only.

A link in a roadmap is text from someone else's file: a `file:`, `javascript:` or
custom-scheme link is shown, never followed, and so is one with a character that
could end the terminal's hyperlink sequence early (a control character, a space).
"""

from __future__ import annotations

from urllib.parse import quote, urljoin, urlsplit

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


def relative(url: str) -> bool:
    """A link to a file beside the markdown (`./week1/`, `notes.md`): no scheme, not
    an anchor in the same document, not a path from a site's root."""
    return bool(url) and not url.startswith(("#", "/")) and not urlsplit(url).scheme


def absolute(url: str, base: str | None) -> str:
    """`url` as followed from the page at `base` (None: no page, left as it is); spaces
    and other characters a link cannot hold are escaped."""
    if base is None or not relative(url):
        return url
    return quote(urljoin(base, url), safe=":/?#[]@!$&'()*+,;=%~")
