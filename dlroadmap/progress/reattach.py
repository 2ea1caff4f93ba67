"""Keeping saved progress with its item when the roadmap markdown changes.

An item's id is its place and text, and a saved item keeps its text and the texts
of its headings too: saved state whose id is gone, or whose id now names a topic
with other text or headings (siblings sharing an id base reordered: "C", "C++" and
"C#" all had the base "c" before symbols were spelled out; "📚 Review" and "🧪 Review"
still share "review"), is matched to an item that has none: first at its place
under the older id rules or without the status markers the parser reads now, then by
the same text (under the same headings first: the
item moved to another section or phase), then by nearly the same text (a light
rename). What matches nothing
stays saved, untouched, as unmatched; if its id now names another topic, under a
key of its own that names none.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import replace
from enum import Enum
from typing import NamedTuple

from dlroadmap.progress.activity import Activity, DayActivity
from dlroadmap.progress.state import ItemState
from dlroadmap.roadmap.ids import SEPARATOR, SiblingSlugs, join_id, slugify
from dlroadmap.roadmap.model import Node, Roadmap, plain

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


class Reattached(NamedTuple):
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


def _same_within(saved: tuple[str, ...] | None, within: tuple[str, ...]) -> bool:
    # None: saved by a release that did not record the headings; nothing against the id.
    if saved is None or saved == within:
        return True
    return len(saved) == len(within) and all(map(_same, saved, within))


class _Place(NamedTuple):
    """Where a topic is: its text, and the texts of its headings, outermost first."""

    text: str
    within: tuple[str, ...]


def _fits(item: ItemState, place: _Place) -> bool:
    """Is this saved state this topic's: its text, under the same headings?"""
    return _same(item.text, place.text) and _same_within(item.within, place.within)


def _places(siblings: list[Node], above: tuple[str, ...] = ()) -> Iterable[tuple[str, _Place]]:
    """Each item's id and place, in document order."""
    for node in siblings:
        text = plain(node.title)
        if node.trackable:
            yield node.id, _Place(text, above)
        if node.children:
            yield from _places(node.children, (*above, text))


def _within(roadmap: Roadmap, node_id: str) -> tuple[str, ...]:
    return tuple(heading.text for heading in roadmap.ancestors(node_id))


def placed(item: ItemState, node: Node, roadmap: Roadmap) -> ItemState:
    """The saved item with its topic's text and headings as the roadmap has them."""
    within = _within(roadmap, node.id)
    if item.text == node.text and item.within == within:
        return item
    return replace(item, text=node.text, within=within)


def _words(text: str) -> str:
    # What the rename match compares: the slug's words, so that "C++" and "C#"
    # (which a plain punctuation fold makes both "c") stay apart.
    return slugify(text, max_length=10_000).replace("-", " ")


def reattach(
    items: Mapping[str, ItemState], roadmap: Roadmap, known_texts: Collection[str] = ()
) -> list[Reattached]:
    """Where each saved item went whose id left the roadmap or now names another topic.

    One that went nowhere keeps its key, unless that key is now another topic's id:
    then it is set aside under a key of its own. `known_texts` are the topics of the
    version read before (on a live reload): a topic already there was not renamed from
    anything, so it takes no rename, however alike the names.
    """
    places = dict(_places(roadmap.phases))
    orphans = sorted(
        key
        for key, item in items.items()
        if (place := places.get(key)) is None or not _fits(item, place)
    )
    if not orphans:
        return []
    lost = set(orphans)
    free = {key: place for key, place in places.items() if key not in items or key in lost}
    found: list[Reattached] = []
    orphans = _renumbered(items, orphans, free, roadmap, found)
    orphans = _unmarked(items, orphans, free, found)
    orphans = _same_text(items, orphans, free, found)
    known = {_normal(text) for text in known_texts}
    new = {key: place for key, place in free.items() if _normal(place.text) not in known}
    if orphans and new:
        orphans = _renames(items, orphans, new, found)
    taken = set(items) | {moved.new_id for moved in found}
    for old in orphans:
        if old in places:
            aside = _unused(f"{old}{ASIDE}", taken)
            taken.add(aside)
            text = items[old].text
            found.append(Reattached(old, aside, text, text, Why.SET_ASIDE))
    return found


def followed(found: list[Reattached]) -> list[Reattached]:
    """The moves the learner is told of: topics followed, not ids renumbered or set aside."""
    return [moved for moved in found if moved.why is Why.FOLLOWED]


def _take(
    found: list[Reattached], free: dict[str, _Place], old: str, item: ItemState, new: str, why: Why
) -> None:
    found.append(
        Reattached(old, new, item.text, free.pop(new).text, why if old != new else Why.IN_PLACE)
    )


def _renumbered(
    items: Mapping[str, ItemState],
    orphans: list[str],
    free: dict[str, _Place],
    roadmap: Roadmap,
    found: list[Reattached],
) -> list[str]:
    """Take the orphans whose id is their topic's under the id rules before "+" and "#"
    were spelled out; the rest."""
    before = {old: node.id for node, old in _ids_before_spelling(roadmap.phases)}
    rest: list[str] = []
    for old in orphans:
        new = before.get(old)
        if new is not None and new in free and _fits(items[old], free[new]):
            _take(found, free, old, items[old], new, Why.RENUMBERED)
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


def _by_text(free: dict[str, _Place]) -> dict[str, list[str]]:
    """The free topics' ids by their text, in document order."""
    by_text: dict[str, list[str]] = {}
    for key, place in free.items():
        by_text.setdefault(_normal(place.text), []).append(key)
    return by_text


def _unmarked(
    items: Mapping[str, ItemState],
    orphans: list[str],
    free: dict[str, _Place],
    found: list[Reattached],
) -> list[str]:
    """Take the orphans whose topic is where it was, its text or its headings' now without
    the status markers the parser reads ("✅ Topic", "Topic (IN PROGRESS)"); the rest."""
    by_text = _by_text(free)
    rest: list[str] = []
    for old in orphans:
        item = items[old]
        text = _without_marker(item.text)
        within = item.within and tuple(map(_without_marker, item.within))
        if within is not None and (text, within) == (item.text, item.within):
            rest.append(old)  # no marker left it: a move or a rename, for the steps after
            continue
        same = by_text.get(_normal(text), [])
        new = next((key for key in same if _in_place(old, item, key, free[key])), None)
        if new is None:
            rest.append(old)
        else:
            same.remove(new)
            _take(found, free, old, item, new, Why.RENUMBERED)
    return rest


def _without_marker(text: str) -> str:
    # The parser's rule (and its patterns) loaded only for saved items whose topic is gone.
    from dlroadmap.roadmap.inline import without_status_marker

    return without_status_marker(text)


def _in_place(old: str, item: ItemState, new: str, place: _Place) -> bool:
    """Is the topic at `new` where the saved item was, allowing for markers dropped?"""
    if item.within is not None:
        within = tuple(_without_marker(text) for text in item.within)
        return _same_within(within, place.within)
    # Saved by a release that did not record the headings: its id is their path, each
    # slug holding the one of now (a marker only ever leaves a title).
    then, now = old.split(SEPARATOR), new.split(SEPARATOR)
    return len(then) == len(now) and all(a in b for a, b in zip(now, then, strict=True))


def _same_text(
    items: Mapping[str, ItemState],
    orphans: list[str],
    free: dict[str, _Place],
    found: list[Reattached],
) -> list[str]:
    """Take the orphans whose text a free topic has: under the same headings if one is
    (same-named sections reordered), else at its own id, else the first in the file."""
    by_text = _by_text(free)
    rest: list[str] = []
    for old in orphans:
        item = items[old]
        same = by_text.get(_normal(item.text))
        if not same:
            rest.append(old)
            continue
        homes = [
            key
            for key in same
            if item.within is not None and _same_within(item.within, free[key].within)
        ]
        new = homes[0] if homes else old if old in same else same[0]
        same.remove(new)
        _take(found, free, old, item, new, Why.FOLLOWED)
    return rest


def _renames(
    items: Mapping[str, ItemState],
    orphans: list[str],
    free: dict[str, _Place],
    found: list[Reattached],
) -> list[str]:
    """Take the orphans whose text a free topic has nearly (a light rename)."""
    # Imported here: only a roadmap edited under its notes pays for it.
    from rapidfuzz import fuzz, process

    choices = {key: _words(place.text) for key, place in free.items()}
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


def recording_headings(
    items: Mapping[str, ItemState], roadmap: Roadmap
) -> dict[str, ItemState] | None:
    """The items, each at its topic now saying its headings where it did not (a file of
    an older release), so that same-named sections reordered later cannot swap their
    topics' state; None when every item already says them, or none is in the roadmap."""
    if all(item.within is not None for item in items.values()):
        return None
    places = dict(_places(roadmap.phases))
    recorded = {
        key: replace(item, within=places[key].within)
        for key, item in items.items()
        if item.within is None and key in places
    }
    return {**items, **recorded} if recorded else None


def still_to_move(
    items: Mapping[str, ItemState], moves: Mapping[str, str], roadmap: Roadmap
) -> dict[str, str]:
    """The moves (found on an earlier version of `items`) that these items still need.

    A file saved since under the new ids holds each topic's own state at its id: an
    item that is its topic's (text and headings) stays, whatever moved away from it.
    """
    return {
        old: new
        for old, new in moves.items()
        if old in items
        and (
            (node := roadmap.get(old)) is None
            or not _fits(items[old], _Place(node.text, _within(roadmap, old)))
        )
    }


def apply(
    items: Mapping[str, ItemState], moves: Mapping[str, str], roadmap: Roadmap | None = None
) -> dict[str, ItemState]:
    """The items with each moved one under its new id, and, given the roadmap, its
    topic's text and headings there (else the next look would take it for moved again)."""
    moved = {key: value for key, value in items.items() if key not in moves}
    for old, new in moves.items():
        if old in items and new not in moved:
            node = roadmap.get(new) if roadmap is not None else None
            item = items[old]
            moved[new] = item if node is None or roadmap is None else placed(item, node, roadmap)
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
