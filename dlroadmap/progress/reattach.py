"""Keeping saved progress with its item when the roadmap markdown changes.

An item's id is its place and text, and a saved item keeps its text too: saved
state whose id is gone, or whose id now names a topic with other text (siblings
sharing an id base reordered: "C", "C++" and "C#" all had the base "c" before
symbols were spelled out), is matched to an item that has none: first at its place
under the older id rules, then by the same text (the item moved to another section
or phase), then by nearly the same text (a light rename). What matches nothing
stays saved, untouched, as unmatched; if its id now names another topic, under a
key of its own that names none.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import Enum

from dlroadmap.progress.activity import Activity, DayActivity
from dlroadmap.progress.state import ItemState
from dlroadmap.roadmap.ids import SiblingSlugs, join_id, slugify
from dlroadmap.roadmap.model import Node, Roadmap

# rapidfuzz's ratio (0-100) on the words of the slugs. 85 takes small edits
# ("Learning-rate schedules" ↔ "Learning Rate Scheduling": 89, "Optimizers" ↔
# "Optimisers": 90) and leaves different topics apart ("Data Augmentation" ↔
# "Data Annotation": 81, "C++" ↔ "C#": 44).
RENAME_THRESHOLD = 85

# Marks the key of saved state set aside: never part of an id (slugs are letters,
# digits and "-").
ASIDE = "#unmatched"


class Why(Enum):
    """Why saved state changed its key."""

    # The topic moved, or was lightly renamed: the user is told.
    FOLLOWED = "followed"
    # The topic is where it was; only its id changed with the id rules (a file
    # saved by an older release): nothing to tell.
    RENUMBERED = "renumbered"
    # Its id now names another topic and its own is nowhere: kept as unmatched.
    SET_ASIDE = "set aside"
    # Still at its id, its text saved before a light rename there (releases before
    # this one kept the old text): only the text is brought up to date, nothing moved.
    IN_PLACE = "in place"


@dataclass(frozen=True, slots=True)
class Reattached:
    """Saved state that followed its topic from `old_id` to `new_id`."""

    old_id: str
    new_id: str
    old_text: str
    new_text: str
    why: Why = Why.FOLLOWED

    @property
    def renamed(self) -> bool:
        return _normal(self.old_text) != _normal(self.new_text)


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def _same(saved: str, text: str) -> bool:
    # Compared for every saved item at every start: the exact test first is the quick one.
    # No saved text (a file edited by hand) says nothing against the id.
    return not saved or saved == text or _normal(saved) == _normal(text)


def _words(text: str) -> str:
    # What the rename match compares: the slug's words, so that "C++" and "C#"
    # (which a plain punctuation fold makes both "c") stay apart.
    return slugify(text, max_length=10_000).replace("-", " ")


def reattach(items: Mapping[str, ItemState], roadmap: Roadmap) -> list[Reattached]:
    """Where each saved item went whose id left the roadmap or now names another topic.

    One that went nowhere keeps its key, unless that key is now another topic's id:
    then it is set aside under a key of its own.
    """
    nodes = {node.id: node for node in roadmap.items()}
    orphans = sorted(
        key
        for key, item in items.items()
        if key not in nodes or not _same(item.text, nodes[key].text)
    )
    if not orphans:
        return []
    lost = set(orphans)
    free = {key: node for key, node in nodes.items() if key not in items or key in lost}
    found: list[Reattached] = []
    orphans = _renumbered(items, orphans, free, roadmap, found)
    orphans = _same_text(items, orphans, free, found)
    if orphans and free:
        orphans = _renames(items, orphans, free, found)
    taken = set(items) | {moved.new_id for moved in found}
    for old in orphans:
        if old in nodes:
            aside = _unused(f"{old}{ASIDE}", taken)
            taken.add(aside)
            text = items[old].text
            found.append(Reattached(old, aside, text, text, Why.SET_ASIDE))
    return found


def _take(
    found: list[Reattached], free: dict[str, Node], old: str, item: ItemState, new: str, why: Why
) -> None:
    found.append(
        Reattached(old, new, item.text, free.pop(new).text, why if old != new else Why.IN_PLACE)
    )


def _renumbered(
    items: Mapping[str, ItemState],
    orphans: list[str],
    free: dict[str, Node],
    roadmap: Roadmap,
    found: list[Reattached],
) -> list[str]:
    """Take the orphans whose id is their topic's under the id rules before "+" and "#"
    were spelled out; the rest."""
    before = {old: node for node, old in _ids_before_spelling(roadmap.phases)}
    rest: list[str] = []
    for old in orphans:
        node = before.get(old)
        if node is not None and node.id in free and _normal(node.text) == _normal(items[old].text):
            _take(found, free, old, items[old], node.id, Why.RENUMBERED)
        else:
            rest.append(old)
    return rest


def _ids_before_spelling(
    siblings: list[Node], parent_id: str | None = None
) -> Iterable[tuple[Node, str]]:
    slugs = SiblingSlugs()
    for node in siblings:
        node_id = join_id(parent_id, slugs.claim(slugify(node.text, spell_symbols=False)))
        if node.trackable:
            yield node, node_id
        yield from _ids_before_spelling(node.children, node_id)


def _same_text(
    items: Mapping[str, ItemState],
    orphans: list[str],
    free: dict[str, Node],
    found: list[Reattached],
) -> list[str]:
    """Take the orphans whose text a free topic has (the first such, in document order)."""
    by_text: dict[str, list[str]] = {}
    for key, node in free.items():
        by_text.setdefault(_normal(node.text), []).append(key)
    rest: list[str] = []
    for old in orphans:
        same = by_text.get(_normal(items[old].text))
        if same:
            _take(found, free, old, items[old], same.pop(0), Why.FOLLOWED)
        else:
            rest.append(old)
    return rest


def _renames(
    items: Mapping[str, ItemState],
    orphans: list[str],
    free: dict[str, Node],
    found: list[Reattached],
) -> list[str]:
    """Take the orphans whose text a free topic has nearly (a light rename)."""
    # Imported here: only a roadmap edited under its notes pays for it.
    from rapidfuzz import fuzz, process

    choices = {key: _words(node.text) for key, node in free.items()}
    rest: list[str] = []
    for old in orphans:
        match = process.extractOne(
            _words(items[old].text),
            choices,
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=RENAME_THRESHOLD,
        )
        if match is None:
            rest.append(old)
        else:
            new = match[2]
            del choices[new]
            _take(found, free, old, items[old], new, Why.FOLLOWED)
    return rest


def _unused(key: str, taken: set[str]) -> str:
    number = 1
    candidate = key
    while candidate in taken:
        number += 1
        candidate = f"{key}-{number}"
    return candidate


def still_to_move(
    items: Mapping[str, ItemState], moves: Mapping[str, str], roadmap: Roadmap
) -> dict[str, str]:
    """The moves (found on an earlier version of `items`) that these items still need.

    A file saved since under the new ids holds each topic's own state at its id: an
    item whose text is its topic's stays, whatever moved away from that id before.
    """
    return {
        old: new
        for old, new in moves.items()
        if old in items
        and ((node := roadmap.get(old)) is None or not _same(items[old].text, node.text))
    }


def apply(
    items: Mapping[str, ItemState], moves: Mapping[str, str], roadmap: Roadmap | None = None
) -> dict[str, ItemState]:
    """The items with each moved one under its new id, and, given the roadmap, its
    topic's text there (else the next look would take it for a rename again)."""
    moved = {key: value for key, value in items.items() if key not in moves}
    for old, new in moves.items():
        if old in items and new not in moved:
            node = roadmap.get(new) if roadmap is not None else None
            item = items[old]
            moved[new] = item if node is None else replace(item, text=node.text)
    return moved


def apply_to_activity(activity: Mapping[str, DayActivity], moves: Mapping[str, str]) -> Activity:
    """The days naming each moved item by its new id (the review lists them by id)."""

    def ids(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(moves.get(value, value) for value in values))

    moved = dict(activity)
    for day, entry in activity.items():
        # Only a day that names a moved item is replaced: the writer reuses the rest.
        if any(key in moves for key in (*entry.done, *entry.notes, *entry.revisited)):
            moved[day] = replace(
                entry, done=ids(entry.done), notes=ids(entry.notes), revisited=ids(entry.revisited)
            )
    return moved
