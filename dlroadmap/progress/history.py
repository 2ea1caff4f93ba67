"""This session's recent changes, to take back (`u`) and make again (`ctrl+r`).

Bookkeeping, and `step`, which applies an entry through what it is given: the app
hands it the store (app/edits.py), so an undo is saved, and merged with other
sessions, like any other change.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

from dlroadmap.common.glyphs import LABELS
from dlroadmap.progress.takeback import Field
from dlroadmap.roadmap.model import Status

# Enough to walk back a study session; old entries fall off the far end.
HISTORY_LENGTH = 50

Direction = Literal["undo", "redo"]


@dataclass(frozen=True, slots=True)
class Change:
    """One field of one item going from `before` to `after` (a status value or a note)."""

    node_id: str
    field: Field
    before: str
    after: str
    # Changes pushed with the same group (one stay in the notes editor, whose text is
    # saved every pause in typing) are undone as one.
    group: int | None = None


class History:
    """Undo and redo stacks; a new change forgets what was undone before it."""

    def __init__(self, length: int = HISTORY_LENGTH) -> None:
        self._done: deque[Change] = deque(maxlen=length)
        self._undone: deque[Change] = deque(maxlen=length)

    def push(self, change: Change) -> None:
        if change.before == change.after:
            return
        self._undone.clear()
        top = self._done[-1] if self._done else None
        if (
            top is not None
            and change.group is not None
            and top.group == change.group
            and (top.node_id, top.field) == (change.node_id, change.field)
        ):
            self._done.pop()
            merged = replace(top, after=change.after)
            if merged.before == merged.after:
                return  # typed, then typed back: nothing left to undo
            change = merged
        self._done.append(change)

    def next_undo(self) -> Change | None:
        """The change `u` would take back, left in place until `undone` or `drop`."""
        return self._done[-1] if self._done else None

    def next_redo(self) -> Change | None:
        return self._undone[-1] if self._undone else None

    def undone(self) -> Change:
        """The next undo was applied: it moves to the redo stack."""
        change = self._done.pop()
        self._undone.append(change)
        return change

    def redone(self) -> Change:
        """The next redo was applied: it is undoable again."""
        change = self._undone.pop()
        self._done.append(change)
        return change

    def drop_undo(self) -> Change:
        """Forget the next undo: it no longer applies (the item changed elsewhere since)."""
        return self._done.pop()

    def drop_redo(self) -> Change:
        return self._undone.pop()

    def __len__(self) -> int:
        return len(self._done)


Outcome = Literal["applied", "nothing", "gone", "changed"]


@dataclass(frozen=True, slots=True)
class Step:
    """What an undo or a redo did, for the screen to tell."""

    direction: Direction
    outcome: Outcome
    change: Change | None = None  # None when there was nothing to undo or redo
    # The rest of a change made of several, undone or redone with it (see Edits.set_notes).
    also: tuple[Change, ...] = ()

    @property
    def node_ids(self) -> list[str]:
        """The items it changed."""
        return [change.node_id for change in (self.change, *self.also) if change is not None]

    def message(self, title: str) -> str:
        """In words; `title` names the item the change is about."""
        verb = self.direction
        if self.outcome == "nothing" or self.change is None:
            return f"Nothing to {verb}."
        if self.outcome == "gone":
            return f"Cannot {verb}: that topic is gone."
        if self.outcome == "changed":
            return f"Cannot {verb}: “{title}” was changed since, in another session."
        change = self.change
        what = LABELS[Status(change.after)] if change.field == "status" else "note edit"
        return f"{'Undid' if verb == 'undo' else 'Redid'}: {what} on “{title}”"


def step(
    history: History,
    direction: Direction,
    current: Callable[[Change], str | None],
    write: Callable[[Change, str], None],
) -> Step:
    """Undo (or redo) the next change, if its item still holds what the change left.

    `current` reads the change's field as it is now (None: the item is gone) and
    `write` sets it. If another session changed the field since, writing over that
    blindly would lose their work: nothing is written and the entry is forgotten.
    What is written is not itself recorded in the history.
    """
    undo = direction == "undo"
    change = history.next_undo() if undo else history.next_redo()
    if change is None:
        return Step(direction, "nothing")
    expected, value = (change.after, change.before) if undo else (change.before, change.after)
    now = current(change)
    if now != expected:
        if undo:
            history.drop_undo()
        else:
            history.drop_redo()
        return Step(direction, "gone" if now is None else "changed", change)
    write(change, value)
    if undo:
        history.undone()
    else:
        history.redone()
    return Step(direction, "applied", change)
