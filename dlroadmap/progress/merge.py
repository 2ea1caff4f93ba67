"""Three-way merge of saved progress, for two sessions open on the same roadmap.

Each side's changes since the version both started from are kept: per item and
per field (status, note) the one that changed wins, the newer if both did. A note
changed on both sides is merged word by word against that version: edits to
different places both apply; where both rewrote the same words, both texts are
kept once, the other one under a marker line. Merging again what was merged adds
nothing, so two sessions editing one note converge instead of doubling it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TypeVar

from dlroadmap.progress.state import ItemState, State

Items = Mapping[str, ItemState]
T = TypeVar("T")

CONFLICT_MARKER = "──── also written in another session{when} ────"


@dataclass(frozen=True, slots=True)
class Merged:
    items: dict[str, ItemState]
    # Items whose note had the same words rewritten on both sides and holds both texts.
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
    """One text holding both, the other session's under a marker line."""
    when = f" ({theirs_changed:%Y-%m-%d %H:%M})" if theirs_changed else ""
    return f"{ours}\n\n{CONFLICT_MARKER.format(when=when)}\n{theirs}"


# A word with the white space before it: joined, such tokens are the text again. They
# are compared by the word alone, so a word typed before or after another is an
# insertion, not a change to it, and white space never lines up unrelated words.
_WORDS = re.compile(r"\s*\S+|\s+")

# A change to the base: the tokens base[start:end] became `tokens`.
_Hunk = tuple[int, int, list[str]]


def _hunks(base: Sequence[str], side: Sequence[str]) -> list[_Hunk]:
    from difflib import SequenceMatcher  # imported here: merging is rare

    def words(tokens: Sequence[str]) -> list[str]:
        return [token.lstrip() or token for token in tokens]

    matcher = SequenceMatcher(None, words(base), words(side), autojunk=False)
    return [
        (b1, b2, list(side[s1:s2]))
        for tag, b1, b2, s1, s2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def _apply(base: Sequence[str], start: int, end: int, hunks: list[_Hunk]) -> list[str]:
    """base[start:end] with the side's hunks (all within it) applied."""
    words: list[str] = []
    at = start
    for b1, b2, new in hunks:
        words += [*base[at:b1], *new]
        at = b2
    return words + list(base[at:end])


def _both(ours: str, theirs: str, when: datetime | None) -> tuple[str, bool]:
    """One region rewritten on both sides: the one holding the other, else both, marked."""
    if theirs.strip() in ours:
        return ours, False
    if ours.strip() in theirs:
        return theirs, False
    return keep_both(ours, theirs.lstrip(), when), True


def _joined(tokens: list[str]) -> str:
    """Tokens as one text. Every token but a text's first starts with its space; that first
    one, placed after another word by the merge, gets one (else "from" + "the" run on)."""
    text = ""
    for token in tokens:
        if text and not text[-1].isspace() and not token[:1].isspace():
            text += " "
        text += token
    return text


def merge_text(
    base: str, ours: str, theirs: str, theirs_changed: datetime | None = None
) -> tuple[str, bool]:
    """A text changed on both sides since `base`, merged; and whether both sides rewrote
    the same words (then both are kept, theirs under a marker line)."""
    if theirs in (base, ours) or theirs in ours:
        return ours, False
    if ours == base or ours in theirs:
        return theirs, False
    old = _WORDS.findall(base)
    hunks = sorted(
        [(*hunk, True) for hunk in _hunks(old, _WORDS.findall(ours))]
        + [(*hunk, False) for hunk in _hunks(old, _WORDS.findall(theirs))],
        key=lambda hunk: (hunk[0], hunk[1]),
    )
    merged: list[str] = []
    conflicted = False
    at = 0
    index = 0
    while index < len(hunks):
        # Hunks that touch the same words or each other go together, as in diff3: an
        # insertion right after a rewritten word belongs to it.
        start, end = hunks[index][0], hunks[index][1]
        group = [hunks[index]]
        index += 1
        while index < len(hunks) and (hunks[index][0] <= end):
            end = max(end, hunks[index][1])
            group.append(hunks[index])
            index += 1
        merged += old[at:start]
        at = end
        mine = [(b1, b2, new) for b1, b2, new, side in group if side]
        other = [(b1, b2, new) for b1, b2, new, side in group if not side]
        if not other:
            merged += _apply(old, start, end, mine)
        elif not mine:
            merged += _apply(old, start, end, other)
        else:
            region, conflict = _both(
                _joined(_apply(old, start, end, mine)),
                _joined(_apply(old, start, end, other)),
                theirs_changed,
            )
            merged.append(region)
            conflicted = conflicted or conflict
    text = _joined(merged + old[at:])
    # A first word deleted leaves the second's leading space, which neither side has.
    if not (ours[:1].isspace() or theirs[:1].isspace()):
        text = text.lstrip()
    return text, conflicted


def merge_item(
    base: ItemState | None, ours: ItemState, theirs: ItemState
) -> tuple[ItemState, bool]:
    """One item merged, and whether its note now holds both sides' texts of some words."""
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
        text, conflict = merge_text(
            base.note if base else "", ours.note, theirs.note, theirs.note_changed
        )
        note = (text, newest or ours.note_changed)

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


def merge_brought_back(base: State, ours: State, theirs: State) -> tuple[str, ...]:
    """The sections brought back into the plan: what either side brought back since
    `base` is in, what either set aside again is out."""
    kept = set(base.brought_back) & set(ours.brought_back) & set(theirs.brought_back)
    added = (set(ours.brought_back) | set(theirs.brought_back)) - set(base.brought_back)
    return tuple(sorted(kept | added))
