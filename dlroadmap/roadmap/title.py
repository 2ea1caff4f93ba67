"""The roadmap's title, and heading text without its badges.

In order: the front matter's `title:`; a heading (`<h1>`..`<h3>`) in an HTML banner
before the first markdown heading; the first H1 that is not a table of contents (failing
an H1, a first heading shallower than every other); the `alt` text of a banner's picture
that is not a badge; the file name, by the caller.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from dlroadmap.roadmap.inline import Token, inline_title, text_of
from dlroadmap.roadmap.model import Inline, Span
from dlroadmap.roadmap.syntax import ENTITY, names_contents

__all__ = ["banner_titles", "heading_title", "title_index"]

_BANNER_HEADING = re.compile(r"<h([1-3])\b[^>]*>(.*?)</h\1\s*>", re.IGNORECASE | re.DOTALL)
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_SRC = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"\s+")
_DOUBLE_SPACE = re.compile(r" {2,}")

# Where badges are served from: their pictures are not a roadmap's title or text.
BADGE_HOSTS = (
    *("shields.io", "badgen.net", "badge.fury.io", "travis-ci.", "circleci.com"),
    *("codecov.io", "awesome.re/badge", "/badge", "badge.svg", "/workflows/"),
    *("forthebadge.com", "img.badgesize"),
)


def is_badge(url: str) -> bool:
    """Is a picture at this address a badge (a shield, a build status)?"""
    lowered = url.lower()
    return any(host in lowered for host in BADGE_HOSTS)


def title_index(tokens: list[Token]) -> int | None:
    """The heading that titles the document: the first H1 that is not a table of
    contents; failing that, a first heading shallower than every other one."""
    headings = [
        (index, token["attrs"]["level"])
        for index, token in enumerate(tokens)
        if token["type"] == "heading" and not names_contents(text_of(heading_title(token)))
    ]
    for index, level in headings:
        if level == 1:
            return index
    if headings:
        first_index, first_level = headings[0]
        if all(level > first_level for _, level in headings[1:]):
            return first_index
    return None


def banner_titles(tokens: list[Token]) -> tuple[str, str]:
    """The heading and the first picture's alt text of the HTML before the first markdown
    heading; "" for what it does not hold."""
    heading = alt = ""
    for token in tokens:
        if token["type"] == "heading":
            break
        if token["type"] != "block_html":
            continue
        raw = token.get("raw", "")
        if not heading and (match := _BANNER_HEADING.search(raw)):
            heading = _html_text(match.group(2))
        if not alt:
            alt = next(_picture_alts(raw), "")
    return heading, alt


def _picture_alts(raw: str) -> Iterator[str]:
    for tag in _IMG.findall(raw):
        alt, src = _ALT.search(tag), _SRC.search(tag)
        if alt and not (src and is_badge(src.group(1) or src.group(2) or "")):
            text = _html_text(alt.group(1) or alt.group(2) or "")
            if text:
                yield text


def _html_text(html: str) -> str:
    text = _TAG.sub(" ", html)
    if "&" in text:
        import html as entities  # as in inline.py: rare, and its table costs at start

        text = ENTITY.sub(lambda match: entities.unescape(match.group()), text)
    return _SPACES.sub(" ", text).strip()


def heading_title(heading: Token) -> Inline:
    """A heading's text without its pictures ("Awesome CS Courses [![Awesome](badge)]"
    is "Awesome CS Courses"); a heading that is nothing but pictures keeps their alt text."""
    children = heading.get("children") or []
    title = inline_title(_without_pictures(children))
    if not title:
        return inline_title(children)
    if any("  " in span.text for span in title):  # where a picture sat between words
        title = tuple(
            Span(_DOUBLE_SPACE.sub(" ", s.text), s.bold, s.italic, s.code, s.strike, s.link)
            for s in title
        )
    return title


def _without_pictures(tokens: list[Token]) -> list[Token]:
    """The inline tokens without images, and without links that hold only images."""
    kept: list[Token] = []
    for token in tokens:
        if token["type"] == "image":
            continue
        children = token.get("children")
        if children:
            inner = _without_pictures(children)
            if not inner and token["type"] == "link":
                continue
            token = {**token, "children": inner}
        kept.append(token)
    return kept
