"""This session's own changes, kept so that setting one back takes it back as if never made.

An undo (`u`, or a status or note set back by hand) is no study: the store takes the
changes out of the day's activity and gives the item its fields back, the revisit
card that marking it done made included. Only a chain of this session's own changes
is taken back: once another session changed the field, setting it is a change like
any other.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Literal, NamedTuple

from dlroadmap.progress.activity import Action, Activity, DayActivity, unrecord
from dlroadmap.progress.state import ItemState
from dlroadmap.roadmap.model import Status

Field = Literal["status", "note"]


class Step(NamedTuple):
    """One change of one field, and what it takes to take it back."""

    before: str  # the field's value before: a status's value, or a note
    after: str
    item: ItemState | None  # the whole item before
    day: date
    action: Action
    # The change was the one that named the item in its day's list (see activity.listed).
    listed_it: bool


class SessionChanges:
    """The steps of this session, per item and field, oldest first."""

    def __init__(self) -> None:
        self._steps: dict[tuple[str, Field], list[Step]] = {}

    def add(self, node_id: str, field: Field, step: Step) -> None:
        self._steps.setdefault((node_id, field), []).append(step)

    def take_back(self, node_id: str, field: Field, current: str, value: str) -> list[Step]:
        """The latest steps that took the field from `value` to `current`, now forgotten.

        Empty when this session's own changes do not lead there.
        """
        steps = self._steps.get((node_id, field), [])
        for start in range(len(steps) - 1, -1, -1):
            if steps[start].after != current:
                return []
            current = steps[start].before
            if current == value:
                taken, steps[start:] = steps[start:], []
                return taken
        return []


def activity_without(
    activity: Mapping[str, DayActivity], node_id: str, taken: list[Step]
) -> Activity:
    """The activity as if the steps taken back had never been recorded."""
    result = dict(activity)
    for step in reversed(taken):
        result = unrecord(result, step.day, step.action, node_id, unlist=step.listed_it)
    return result


def restored(entry: ItemState, taken: list[Step], field: Field, value: str) -> ItemState:
    """The item with `field` as it was before the first step taken back."""
    before = taken[0].item or ItemState(text=entry.text)
    if field == "note":
        return replace(entry, note=value, note_changed=before.note_changed)
    # The status itself stays written down, as any status the user set.
    return replace(
        entry,
        status=Status(value),
        status_changed=before.status_changed,
        revisit=before.revisit,
    )
