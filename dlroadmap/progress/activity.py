"""What the user did each day: a count and the items, one compact entry per local date.

Kept small on purpose: a year of daily study is a few hundred entries of ids,
never a log that grows with every keystroke.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any


class Action(StrEnum):
    DONE = "done"  # an item marked done
    STATUS = "status"  # any other status change
    NOTE = "notes"  # a note written or edited
    REVISIT = "revisited"  # a done topic revisited and rated


@dataclass(frozen=True, slots=True)
class DayActivity:
    """One day's activity: how many actions, and which items were done, noted, revisited."""

    actions: int = 0
    done: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    revisited: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_toml(self) -> dict[str, Any]:
        table: dict[str, Any] = {"actions": self.actions}
        for key in ("done", "notes", "revisited"):
            if ids := getattr(self, key):
                table[key] = list(ids)
        table.update(self.extra)
        return table


Activity = dict[str, DayActivity]


def _add(ids: tuple[str, ...], node_id: str) -> tuple[str, ...]:
    return ids if node_id in ids else (*ids, node_id)


def _ids(entry: DayActivity, action: Action) -> tuple[str, ...]:
    """The day's list naming the items of this kind of action (other status changes: none)."""
    lists = {Action.DONE: entry.done, Action.NOTE: entry.notes, Action.REVISIT: entry.revisited}
    return lists.get(action, ())


def listed(activity: Mapping[str, DayActivity], day: date, action: Action, node_id: str) -> bool:
    """Whether `day` already names the item for this kind of action."""
    return node_id in _ids(activity.get(day.isoformat(), DayActivity()), action)


def record(
    activity: Mapping[str, DayActivity], day: date, action: Action, node_id: str
) -> Activity:
    """The activity with one more action on `day`."""
    key = day.isoformat()
    today = activity.get(key, DayActivity())
    updated = DayActivity(
        actions=today.actions + 1,
        done=_add(today.done, node_id) if action is Action.DONE else today.done,
        notes=_add(today.notes, node_id) if action is Action.NOTE else today.notes,
        revisited=_add(today.revisited, node_id) if action is Action.REVISIT else today.revisited,
        extra=today.extra,
    )
    return {**activity, key: updated}


def unrecord(
    activity: Mapping[str, DayActivity],
    day: date,
    action: Action,
    node_id: str,
    *,
    unlist: bool,
) -> Activity:
    """The activity as if one action on `day` had never been: `record` taken back.

    `unlist`: that action was the one that named the item in its day's list (see
    `listed`), so the item leaves the list with it. The day stays, if only with no
    actions: a merge then reads the missing count as taken back, not as unknown.
    """
    key = day.isoformat()
    entry = activity.get(key, DayActivity())

    def kept(ids: tuple[str, ...], kind: Action) -> tuple[str, ...]:
        return tuple(i for i in ids if i != node_id) if unlist and action is kind else ids

    updated = DayActivity(
        actions=max(0, entry.actions - 1),
        done=kept(entry.done, Action.DONE),
        notes=kept(entry.notes, Action.NOTE),
        revisited=kept(entry.revisited, Action.REVISIT),
        extra=entry.extra,
    )
    return {**activity, key: updated}


def _three_way(
    base: tuple[str, ...], mine: tuple[str, ...], other: tuple[str, ...]
) -> tuple[str, ...]:
    """Both sides' ids, less those either side took out since `base` (an undo)."""
    gone = set(base) - (set(mine) & set(other))
    return tuple(i for i in dict.fromkeys((*mine, *other)) if i not in gone)


def merge_activity(base: Activity, ours: Activity, theirs: Activity) -> Activity:
    """Both sessions' days: each side's changes since `base` are kept, counts and ids alike."""
    merged: Activity = {}
    for key in sorted(ours.keys() | theirs.keys()):
        start = base.get(key, DayActivity())
        mine, other = ours.get(key, start), theirs.get(key, start)
        merged[key] = DayActivity(
            actions=max(0, mine.actions + other.actions - start.actions),
            done=_three_way(start.done, mine.done, other.done),
            notes=_three_way(start.notes, mine.notes, other.notes),
            revisited=_three_way(start.revisited, mine.revisited, other.revisited),
            extra={**other.extra, **mine.extra},
        )
    return merged
