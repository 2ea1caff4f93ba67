"""Keeping saved progress with its item when the roadmap markdown changes.

An item's id is its place and text. When the markdown is edited, saved state
whose id is gone is matched to an item that has none: first by the same text
(the item moved to another section or phase), then by nearly the same text (a
light rename). What matches nothing stays saved, untouched, as unmatched.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from dlroadmap.progress.state import ItemState
from dlroadmap.roadmap.model import Roadmap

# rapidfuzz's ratio (0-100) on case- and punctuation-folded text. 85 takes small
# edits ("Learning-rate schedules" ↔ "Learning Rate Scheduling": 89, "Optimizers" ↔
# "Optimisers": 97) and leaves different topics apart ("Data Augmentation" ↔
# "Data Annotation": 81).
RENAME_THRESHOLD = 85


@dataclass(frozen=True, slots=True)
class Reattached:
    """Saved state that followed its topic from `old_id` to `new_id`."""

    old_id: str
    new_id: str
    old_text: str
    new_text: str

    @property
    def renamed(self) -> bool:
        return _normal(self.old_text) != _normal(self.new_text)


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def reattach(items: Mapping[str, ItemState], roadmap: Roadmap) -> list[Reattached]:
    """Where each saved item whose id left the roadmap has gone, if anywhere."""
    nodes = {node.id: node for node in roadmap.items()}
    orphans = sorted(key for key in items if key not in nodes)
    if not orphans:
        return []
    free = {key: node for key, node in nodes.items() if key not in items}
    by_text: dict[str, list[str]] = {}
    for key, node in free.items():
        by_text.setdefault(_normal(node.text), []).append(key)

    found: list[Reattached] = []
    unmatched: list[str] = []
    for old in orphans:
        same = by_text.get(_normal(items[old].text))
        if same:
            new = same.pop(0)
            del free[new]
            found.append(Reattached(old, new, items[old].text, nodes[new].text))
        else:
            unmatched.append(old)
    if unmatched and free:
        found.extend(_renames(items, unmatched, {key: node.text for key, node in free.items()}))
    return found


def _renames(
    items: Mapping[str, ItemState], orphans: list[str], free: dict[str, str]
) -> list[Reattached]:
    # Imported here: only a roadmap edited under its notes pays for it.
    from rapidfuzz import fuzz, process, utils

    found = []
    for old in orphans:
        match = process.extractOne(
            items[old].text,
            free,
            scorer=fuzz.ratio,
            processor=utils.default_process,
            score_cutoff=RENAME_THRESHOLD,
        )
        if match is not None:
            text, _score, new = match
            del free[new]
            found.append(Reattached(old, new, items[old].text, text))
    return found


def apply(items: Mapping[str, ItemState], moves: Mapping[str, str]) -> dict[str, ItemState]:
    """The items with each moved one under its new id (and the roadmap's text for it)."""
    moved = {key: value for key, value in items.items() if key not in moves}
    for old, new in moves.items():
        if old in items and new not in moved:
            moved[new] = items[old]
    return moved
