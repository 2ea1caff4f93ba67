"""Every note, as the Notes view lists it: its topic, where that sits, the note itself.
Plain data, made from the model and the notes (no Textual)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal, NamedTuple

from dlroadmap.app.detail_views import UNMATCHED_LABEL
from dlroadmap.roadmap.model import Node, Roadmap

# What the Notes view was closed for, and on which note.
NotesChoice = tuple[Literal["jump", "attach", "delete"], str]


class NoteEntry(NamedTuple):
    node_id: str
    where: tuple[str, ...]  # the headings above its topic
    title: str
    note: str
    unmatched: bool  # its topic left the markdown


def note_entries(
    roadmap: Roadmap, notes: Iterable[tuple[str, str]], unmatched: Mapping[str, Node]
) -> list[NoteEntry]:
    """The notes of the roadmap's topics in roadmap order, then those whose topic left it."""
    by_id = dict(notes)
    entries = [
        NoteEntry(
            node.id,
            tuple(a.text for a in roadmap.ancestors(node.id)),
            node.text,
            by_id[node.id],
            False,
        )
        for node in roadmap.walk()
        if by_id.get(node.id)
    ]
    entries += [
        NoteEntry(key, (UNMATCHED_LABEL,), node.text, by_id[key], True)
        for key, node in unmatched.items()
        if by_id.get(key)
    ]
    return entries


def attached(topic_note: str, orphan_note: str) -> str:
    """A topic's note with an unmatched note attached to it, after a blank line."""
    return f"{topic_note.rstrip()}\n\n{orphan_note}" if topic_note.strip() else orphan_note
