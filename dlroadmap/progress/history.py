"""This session's recent changes, to take back (`u`) and make again (`ctrl+r`).

Pure bookkeeping: the screen applies an entry through the store, so an undo is
saved, and merged with other sessions, like any other change.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, replace
from typing import Literal

# Enough to walk back a study session; old entries fall off the far end.
HISTORY_LENGTH = 50

Field = Literal["status", "note"]


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
