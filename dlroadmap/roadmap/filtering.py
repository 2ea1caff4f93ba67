"""Which items a filter text finds: in their titles or in their notes, case-blind."""

from __future__ import annotations

from collections.abc import Iterable

from dlroadmap.roadmap.model import Roadmap


def normalise(text: str) -> str:
    """The query as matched: what a filter line holds, without case or outer spaces."""
    return text.strip().casefold()


def matching_items(roadmap: Roadmap, notes: Iterable[tuple[str, str]], query: str) -> list[str]:
    """Ids of the items whose title or note holds `query` (normalised), in roadmap order."""
    by_id = dict(notes)
    return [
        item.id
        for item in roadmap.items()
        if query in item.text.casefold() or query in by_id.get(item.id, "").casefold()
    ]
