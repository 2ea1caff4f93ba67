"""What roadmap markdown means beyond plain CommonMark: the rules the parser reads by and
the exporter writes by, kept in one place so that the two cannot drift apart."""

from __future__ import annotations

import re

from dlroadmap.roadmap.ids import slugify
from dlroadmap.roadmap.model import Inline, Status

__all__ = [
    "DASHES",
    "ENTITY",
    "MAX_NESTING",
    "OVERVIEW_TITLE",
    "WRITTEN_MARKERS",
    "drops_colon",
    "find_inner_marker",
    "find_leading_marker",
    "find_status_marker",
    "find_trailing_check",
    "marker_status",
    "names_contents",
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

# A status leading an item: a check mark ("✅ Reviewed", "✔️ Week 1"), or DONE ("DONE
# Course", "**DONE**: Course", "Done: Course": a word "Done" needs its colon, as "Done
# right" is a title), or a box GitHub does not read as one: "[]", the common typo for an
# empty box, and "[ ]" or "[x]" with no space after; with what separates it from the title.
_LEADING_MARKER = re.compile(
    r"(?:([\u2705\u2714\u2611\u2713]\ufe0f?|\[\s?[xX]\s?\])|(DONE\b|[Dd]one\s*+:)|(\[\s?\]))"
    r"[\s:\u2013\u2014-]*+"
)
_LEADING_STARTS = frozenset("\u2705\u2714\u2611\u2713Dd[")
# A check mark ending an item: "Week 3 ✅".
_TRAILING_CHECK = re.compile(r"\s*+[\u2705\u2714\u2611\u2713]\ufe0f?\s*+$")
_CHECKS = frozenset("\u2705\u2714\u2611\u2713")
# In progress, anywhere in an item: "(IN PROGRESS)", "(7/7/19: in progress)", or 🚧.
_INNER_MARKER = re.compile(
    r"\s*+(?:\([^()]{0,40}?\bin[\s_-]*+progress\s*+\)|\U0001f6a7\ufe0f?)", re.IGNORECASE
)

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

# Headings of a table of contents, as slugs (any case, emoji or punctuation around).
_CONTENTS_TITLES = frozenset(
    {"contents", "content", "table-of-contents", "table-of-content", "toc", "index"}
    | {"contents-table", "list-of-contents", "inhalt", "inhaltsverzeichnis", "sommaire"}
    | {"tabla-de-contenidos", "contenido", "contenidos", "índice", "indice", "sumário"}
    | {"содержание", "оглавление", "目录", "目錄", "目次"}
)

# One trailing colon is dropped from a heading: "### 🎯 Goals:" is the section "🎯 Goals".
_COLONS = (":", "\uff1a")


def find_status_marker(text: str) -> re.Match[str] | None:
    """The status marker the text ends in, if any."""
    if not text.rstrip().lower().endswith(_MARKER_ENDINGS):
        return None  # cheap pre-check: almost no title carries a marker
    return _STATUS_MARKER.search(text)


def find_leading_marker(text: str) -> tuple[int, Status] | None:
    """How many characters a status marker leading the text takes, and its status."""
    if not text or text[0] not in _LEADING_STARTS:
        return None  # cheap pre-check, as above
    match = _LEADING_MARKER.match(text)
    if match is None or match.end() == len(text):
        return None  # a marker leads a title: "## DONE" alone is a section so named
    return match.end(), Status.TODO if match.group(3) else Status.DONE


def find_trailing_check(text: str) -> re.Match[str] | None:
    """A check mark ending the text ("Week 3 ✅"): done."""
    tail = text.rstrip().removesuffix("\ufe0f")
    if not tail or tail[-1] not in _CHECKS:
        return None  # cheap pre-check, as above
    return _TRAILING_CHECK.search(text)


def find_inner_marker(text: str) -> re.Match[str] | None:
    """An in-progress marker anywhere in the text: "(IN PROGRESS)", 🚧."""
    if "\U0001f6a7" not in text and "progress" not in text.lower():
        return None
    return _INNER_MARKER.search(text)


def marker_status(marker: re.Match[str]) -> Status:
    """The status a marker found by find_status_marker gives."""
    word = (marker.group(1) or marker.group(2)).lower()
    return _MARKED.get(word, Status.IN_PROGRESS)


def names_overview(title: str) -> bool:
    """Could a heading with this title be the phases overview?"""
    return _OVERVIEW_WORD in title.casefold()


def names_contents(title: str) -> bool:
    """Is a heading with this title the heading of a table of contents?"""
    return len(title) < 40 and slugify(title) in _CONTENTS_TITLES


def drops_colon(title: Inline) -> bool:
    """Does a heading with this title lose a trailing colon?"""
    return bool(title) and not title[-1].code and title[-1].text.endswith(_COLONS)
