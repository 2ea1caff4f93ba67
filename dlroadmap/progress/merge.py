"""Three-way merge of saved progress, for two sessions open on the same roadmap.

Each side's changes since the version both started from are kept: per item and
per field (status, note) the one that changed wins, the newer if both did; a
note rewritten on both sides keeps both texts, the other one under a marker line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TypeVar

from dlroadmap.progress.state import ItemState

Items = Mapping[str, ItemState]
T = TypeVar("T")

CONFLICT_MARKER = "──── also written in another session{when} ────"


@dataclass(frozen=True, slots=True)
class Merged:
    items: dict[str, ItemState]
    # Items whose note was rewritten on both sides and now holds both texts.
    conflicts: tuple[str, ...]


def _one_side(base: T | None, ours: T, theirs: T) -> T | None:
    """The value if at most one side changed it, else None."""
    if ours == theirs or theirs == base:
        return ours
    if ours == base:
        return theirs
    return None


def _later(a: datetime | None, b: datetime | None) -> bool:
    """Is `a` later than `b`? A missing time is the earliest of all."""
    if a is None:
        return False
    return b is None or a > b


def keep_both(ours: str, theirs: str, theirs_changed: datetime | None) -> str:
    """One note holding both texts, the other session's under a marker line."""
    when = f" ({theirs_changed:%Y-%m-%d %H:%M})" if theirs_changed else ""
    return f"{ours}\n\n{CONFLICT_MARKER.format(when=when)}\n{theirs}"


def merge_item(
    base: ItemState | None, ours: ItemState, theirs: ItemState
) -> tuple[ItemState, bool]:
    """One item merged, and whether its note now holds both sides' texts."""
    b_status = (base.status, base.status_changed) if base else None
    o_status = (ours.status, ours.status_changed)
    t_status = (theirs.status, theirs.status_changed)
    status = _one_side(b_status, o_status, t_status)
    if status is None:
        status = t_status if _later(theirs.status_changed, ours.status_changed) else o_status

    conflict = False
    b_note = (base.note, base.note_changed) if base else None
    o_note = (ours.note, ours.note_changed)
    t_note = (theirs.note, theirs.note_changed)
    note = _one_side(b_note, o_note, t_note)
    if note is None:
        newest = theirs.note_changed if _later(theirs.note_changed, ours.note_changed) else None
        if ours.note == theirs.note:
            note = (ours.note, newest or ours.note_changed)
        else:
            text = keep_both(ours.note, theirs.note, theirs.note_changed)
            note = (text, newest or ours.note_changed)
            conflict = True

    # In 1-tuples, so that "no card" is a value and None still means "both changed".
    card = _one_side((base.revisit,) if base else None, (ours.revisit,), (theirs.revisit,))
    if card is None:
        # Both rated it: the later review stands.
        mine = (ours.revisit or {}).get("last_review") or ""
        other = (theirs.revisit or {}).get("last_review") or ""
        card = (theirs.revisit,) if other > mine else (ours.revisit,)
    revisit = card[0]

    merged = replace(
        ours,
        revisit=revisit,
        status=status[0],
        status_changed=status[1],
        note=note[0],
        note_changed=note[1],
        extra={**theirs.extra, **ours.extra},
    )
    return merged, conflict


def merge(base: Items, ours: Items, theirs: Items) -> Merged:
    """Our items and theirs, both started from `base`. No item is ever dropped."""
    items: dict[str, ItemState] = {}
    conflicts: list[str] = []
    for key in sorted(ours.keys() | theirs.keys()):
        mine, other = ours.get(key), theirs.get(key)
        if mine is None or other is None:
            kept = mine or other
            assert kept is not None
            items[key] = kept
            continue
        items[key], conflict = merge_item(base.get(key), mine, other)
        if conflict:
            conflicts.append(key)
    return Merged(items, tuple(conflicts))
