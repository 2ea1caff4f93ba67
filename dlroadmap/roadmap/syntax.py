"""What roadmap markdown means beyond plain CommonMark: the rules the parser reads by and
the exporter writes by, kept in one place so that the two cannot drift apart."""

from __future__ import annotations

import re

from dlroadmap.roadmap.model import Inline, Status

__all__ = [
    "DASHES",
    "ENTITY",
    "MAX_NESTING",
    "OVERVIEW_TITLE",
    "WRITTEN_MARKERS",
    "drops_colon",
    "find_status_marker",
    "marker_status",
    "names_overview",
]

# mistune's max_nested_level: it opens no list or block quote deeper than this, so a
# parsed roadmap is at most 6 heading levels and this many list levels deep.
MAX_NESTING = 20

# A dash just before a "(…)" marker belongs to the marker: "Topic - (skipped)".
DASHES = "-\u2013\u2014"

# A status at the very end of an item's plain text: "-> Done" / "→ Done", or
# "(done)", "(in progress)", "(skipped)", maybe after a dash ("- (skipped)"); written in
# emphasis or not, the plain text is the same. Possessive: long runs never backtrack.
_STATUS_MARKER = re.compile(
    rf"(?:(?:-++>|→)\s*+(done)|(?:[{DASHES}]\s*+)?\(\s*+(done|skipped|in[\s_-]*+progress)\s*+\))"
    r"\s*+$",
    re.IGNORECASE,
)
_MARKER_ENDINGS = ("done", "done)", "skipped)", "progress)")
_MARKED = {"done": Status.DONE, "skipped": Status.SKIPPED}

# How the exporter writes each status after a title; the parser reads each back.
WRITTEN_MARKERS = {
    Status.IN_PROGRESS: "_(in progress)_",
    Status.SKIPPED: "_(skipped)_",
    Status.DONE: "_(done)_",  # only on headings: a list item says it with [x]
}

# Character references need their ";" (CommonMark); html.unescape alone would also
# turn a bare "&copy" into "©".
ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

# The heading of the checklist that names the phases; any heading mentioning the word
# may be one.
OVERVIEW_TITLE = "Phases Overview"
_OVERVIEW_WORD = "overview"

# One trailing colon is dropped from a heading: "### 🎯 Goals:" is the section "🎯 Goals".
_COLONS = (":", "\uff1a")


def find_status_marker(text: str) -> re.Match[str] | None:
    """The status marker the text ends in, if any."""
    if not text.rstrip().lower().endswith(_MARKER_ENDINGS):
        return None  # cheap pre-check: almost no title carries a marker
    return _STATUS_MARKER.search(text)


def marker_status(marker: re.Match[str]) -> Status:
    """The status a marker found by find_status_marker gives."""
    word = (marker.group(1) or marker.group(2)).lower()
    return _MARKED.get(word, Status.IN_PROGRESS)


def names_overview(title: str) -> bool:
    """Could a heading with this title be the phases overview?"""
    return _OVERVIEW_WORD in title.casefold()


def drops_colon(title: Inline) -> bool:
    """Does a heading with this title lose a trailing colon?"""
    return bool(title) and not title[-1].code and title[-1].text.endswith(_COLONS)
