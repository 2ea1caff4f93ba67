"""This session's recent changes, to take back (`u`) and make again (`ctrl+r`).

Bookkeeping, and `step`, which applies an entry through what it is given: the app
hands it the store (app/edits.py), so an undo is saved, and merged with other
sessions, like any other change. An entry is one change, or a batch: the statuses of
every topic of a section, set by one key, undone and redone as one (and saved at once).
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


@dataclass(frozen=True, slots=True)
class Batch:
    """The statuses of a section's topics changed by one key: one entry to undo."""

    node_id: str  # the section's: the cursor goes there, the message names it
    changes: tuple[Change, ...]


Entry = Change | Batch


def changes_of(entry: Entry) -> tuple[Change, ...]:
    return entry.changes if isinstance(entry, Batch) else (entry,)


class History:
    """Undo and redo stacks; a new change forgets what was undone before it."""

    def __init__(self, length: int = HISTORY_LENGTH) -> None:
        self._done: deque[Entry] = deque(maxlen=length)
        self._undone: deque[Entry] = deque(maxlen=length)

    def push(self, change: Entry) -> None:
        if isinstance(change, Batch):
            if change.changes:
                self._undone.clear()
                self._done.append(change)
            return
        if change.before == change.after:
            return
        self._undone.clear()
        top = self._done[-1] if self._done else None
        if (
            isinstance(top, Change)
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

    def next_undo(self) -> Entry | None:
        """The change `u` would take back, left in place until `undone` or `drop`."""
        return self._done[-1] if self._done else None

    def next_redo(self) -> Entry | None:
        return self._undone[-1] if self._undone else None

    def undone(self, applied: Entry | None = None) -> Entry:
        """The next undo was applied: it moves to the redo stack (as `applied`, the part
        of a batch that could be applied)."""
        change = self._done.pop()
        self._undone.append(applied or change)
        return change

    def redone(self, applied: Entry | None = None) -> Entry:
        """The next redo was applied: it is undoable again."""
        change = self._undone.pop()
        self._done.append(applied or change)
        return change

    def drop_undo(self) -> Entry:
        """Forget the next undo: it no longer applies (the item changed elsewhere since)."""
        return self._done.pop()

    def drop_redo(self) -> Entry:
        return self._undone.pop()

    def __len__(self) -> int:
        return len(self._done)


Outcome = Literal["applied", "nothing", "gone", "changed"]


@dataclass(frozen=True, slots=True)
class Step:
    """What an undo or a redo did, for the screen to tell."""

    direction: Direction
    outcome: Outcome
    change: Entry | None = None  # None when there was nothing to undo or redo
    # Of a batch: the topics left as they were (changed since elsewhere, or gone).
    left: int = 0

    @property
    def node_ids(self) -> list[str]:
        """The items this step wrote."""
        if self.outcome != "applied" or self.change is None:
            return []
        return [change.node_id for change in changes_of(self.change)]

    def message(self, title: str) -> str:
        """In words; `title` names the item (or a batch's section) the change is about."""
        verb = self.direction
        if self.outcome == "nothing" or self.change is None:
            return f"Nothing to {verb}."
        if self.outcome == "gone":
            return f"Cannot {verb}: that topic is gone."
        if self.outcome == "changed":
            what = "its topics were" if isinstance(self.change, Batch) else f"“{title}” was"
            return f"Cannot {verb}: {what} changed since, in another session."
        first = changes_of(self.change)[0]
        what = LABELS[Status(first.after)] if first.field == "status" else "note edit"
        done = "Undid" if verb == "undo" else "Redid"
        if not isinstance(self.change, Batch):
            return f"{done}: {what} on “{title}”"
        count = len(self.change.changes)
        # A section's statuses are named by the section; notes moved as one, by count.
        where = f" in “{title}”" if first.field == "status" else ""
        left = f"; {self.left} changed since elsewhere left as they are" if self.left else ""
        return f"{done}: {what} on {count} topic{'s' * (count != 1)}{where}{left}"


def step(
    history: History,
    direction: Direction,
    current: Callable[[Change], str | None],
    write: Callable[[list[tuple[Change, str]]], None],
) -> Step:
    """Undo (or redo) the next entry, where its items still hold what it left.

    `current` reads a change's field as it is now (None: the item is gone) and `write`
    sets fields, all in one save. If another session changed a field since, writing
    over that blindly would lose their work: that change is not written (an entry none
    of whose changes can be is forgotten). What is written is not itself recorded in
    the history.
    """
    undo = direction == "undo"
    entry = history.next_undo() if undo else history.next_redo()
    if entry is None:
        return Step(direction, "nothing")
    writes: list[tuple[Change, str]] = []
    gone = True
    for change in changes_of(entry):
        expected, value = (change.after, change.before) if undo else (change.before, change.after)
        now = current(change)
        gone = gone and now is None
        if now == expected:
            writes.append((change, value))
    if not writes:
        if undo:
            history.drop_undo()
        else:
            history.drop_redo()
        return Step(direction, "gone" if gone else "changed", entry)
    applied = entry
    if isinstance(entry, Batch) and len(writes) < len(entry.changes):
        applied = Batch(entry.node_id, tuple(change for change, _ in writes))
    write(writes)
    if undo:
        history.undone(applied)
    else:
        history.redone(applied)
    return Step(direction, "applied", applied, left=len(changes_of(entry)) - len(writes))
