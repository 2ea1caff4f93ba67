"""What the user did each day: a count and the items, one compact entry per local date.

Kept small on purpose: a year of daily study is a few hundred entries of ids,
never a log that grows with every keystroke.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from dlroadmap.roadmap.model import by_fields


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

    __reduce__ = by_fields

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


def _union(*groups: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(node_id for group in groups for node_id in group))


def merge_activity(base: Activity, ours: Activity, theirs: Activity) -> Activity:
    """Both sessions' days: counts add up what each did since `base`, ids are united."""
    merged: Activity = {}
    for key in sorted(ours.keys() | theirs.keys()):
        start = base.get(key, DayActivity())
        mine, other = ours.get(key, start), theirs.get(key, start)
        merged[key] = DayActivity(
            actions=start.actions
            + max(0, mine.actions - start.actions)
            + max(0, other.actions - start.actions),
            done=_union(mine.done, other.done),
            notes=_union(mine.notes, other.notes),
            revisited=_union(mine.revisited, other.revisited),
            extra={**other.extra, **mine.extra},
        )
    return merged
