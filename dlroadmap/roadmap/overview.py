"""The "Phases Overview" checklist: found among a roadmap's top-level sections and tied
to the phases its entries name."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from dlroadmap.roadmap.draft import Draft
from dlroadmap.roadmap.ids import slugify
from dlroadmap.roadmap.inline import text_of
from dlroadmap.roadmap.model import Inline
from dlroadmap.roadmap.syntax import names_overview

__all__ = ["find_overview"]

# Words too common to tie an overview entry to a phase.
_STOPWORDS = frozenset(
    {"a", "an", "and", "the", "of", "or", "to", "in", "on", "for", "with", "at", "by"}
    | {"phase", "part", "step", "stage", "module", "week", "day"}
)


D = TypeVar("D", bound=Draft)


def find_overview(top: Sequence[D]) -> tuple[int | None, list[D]]:
    """Where the 'Phases Overview' checklist is among top-level drafts, and its phases.

    It must be a heading mentioning "overview" that holds exactly one flat list and
    no sub-headings, and its entries must line up with the top-level sections after
    it: same count with at least half the pairs sharing words (order decides, so
    "Projects & Portfolio Building" may name "Final Projects & Portfolio"), or else
    every entry naming a later section in order.
    """
    for index, draft in enumerate(top):
        if not (
            draft.heading_level
            and names_overview(text_of(draft.title))
            and draft.lists == 1
            and not draft.subheadings
            and draft.children
            and not any(entry.children for entry in draft.children)
        ):
            continue
        sections = [later for later in top[index + 1 :] if later.heading_level]
        phases = _match_overview(draft.children, sections)
        if phases is not None:
            return index, phases
    return None, []


def _match_overview(entries: Sequence[Draft], sections: list[D]) -> list[D] | None:
    entry_keys = [_key(entry.title) for entry in entries]
    section_keys = [_key(section.title) for section in sections]
    if len(entries) == len(sections):
        hits = sum(_names(e, s) for e, s in zip(entry_keys, section_keys, strict=True))
        if 2 * hits >= len(entries):
            return sections
    matched: list[D] = []
    at = 0
    for entry_key in entry_keys:
        while at < len(sections) and not _names(entry_key, section_keys[at]):
            at += 1
        if at == len(sections):
            return None
        matched.append(sections[at])
        at += 1
    return matched


def _key(title: Inline) -> tuple[str, frozenset[str]]:
    slug = slugify(text_of(title), max_length=10_000)
    words = frozenset(w for w in slug.split("-") if w not in _STOPWORDS and not w.isdigit())
    return slug, words


def _names(entry: tuple[str, frozenset[str]], section: tuple[str, frozenset[str]]) -> bool:
    """Does an overview entry plausibly name this section?"""
    entry_slug, entry_words = entry
    section_slug, section_words = section
    if f"-{entry_slug}-" in f"-{section_slug}-":  # whole words: "ai" must not name "domain"
        return True
    return bool(entry_words) and 2 * len(entry_words & section_words) >= len(entry_words)
