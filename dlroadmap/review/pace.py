"""Pace: topics done a week lately, and when the current phase and the roadmap end at it.

Pure: the day is passed in. A topic counts on the day it was last marked done (from the
activity's lists, else from its saved status change); topics done in the markdown
itself carry no date and count for no week. Until the roadmap has a week of history
the pace is not guessed: `per_week` is None and `reason` says why.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, timedelta, tzinfo
from typing import TYPE_CHECKING, NamedTuple

from dlroadmap.review.dates import local_date
from dlroadmap.roadmap.durations import TimeLeft, time_left
from dlroadmap.roadmap.model import Node, Roadmap, Status
from dlroadmap.roadmap.tally import StatusOf

if TYPE_CHECKING:
    from dlroadmap.progress.state import State

WINDOW_DAYS = 28  # the pace is taken over the last four weeks
MIN_HISTORY_DAYS = 7  # a week of history before any projection
# Further than this, a finish date says nothing the learner can plan by.
HORIZON_DAYS = 10 * 365


class Finish(NamedTuple):
    """What is left of a part of the roadmap, and the day it ends at a pace (None: never)."""

    node_id: str | None  # the phase; None for the whole roadmap
    title: str
    left: int
    day: date | None


class Goal(NamedTuple):
    per_week: int
    this_week: int  # topics done since Monday
    phase: Finish | None
    roadmap: Finish


class Pace(NamedTuple):
    per_week: float | None
    window_days: int  # the days the pace is taken over (fewer than four weeks early on)
    done_in_window: int
    history_days: int  # from the first day anything was recorded to today, both counted
    reason: str | None  # why there is no projection, when there is none
    phase: Finish | None  # the earliest phase not complete (see _current_phase)
    roadmap: Finish
    goal: Goal | None
    # The time the roadmap states for the topics left, where it states one.
    time_left: TimeLeft


def done_days(state: State, tz: tzinfo | None = None) -> dict[str, date]:
    """Each topic's last day marked done, as recorded (the item's status may have changed since)."""
    days: dict[str, date] = {}
    for node_id, saved in state.items.items():
        if saved.status is Status.DONE and saved.status_changed is not None:
            days[node_id] = local_date(saved.status_changed, tz)
    for key in sorted(state.activity):
        for node_id in state.activity[key].done:
            days[node_id] = max(date.fromisoformat(key), days.get(node_id, date.min))
    return days


def first_day(state: State, tz: tzinfo | None = None) -> date | None:
    """The first day this roadmap has anything recorded for."""
    found = [
        date.fromisoformat(key)
        for key, day in state.activity.items()
        if day.done or day.notes or day.revisited
    ]
    for saved in state.items.values():
        found += [
            local_date(when, tz) for when in (saved.status_changed, saved.note_changed) if when
        ]
    return min(found, default=None)


def _left(nodes: Iterable[Node], status_of: StatusOf) -> list[Node]:
    """The topics among `nodes` still to study (skipped ones are not)."""
    return [n for n in nodes if n.is_topic and status_of(n) in (Status.TODO, Status.IN_PROGRESS)]


def finish_day(left: int, per_week: float | None, today: date) -> date | None:
    """The day `left` topics are done at `per_week`; today when none are left."""
    if left == 0:
        return today
    if not per_week:
        return None
    days = math.ceil(left / per_week * 7)
    return today + timedelta(days=days) if days <= HORIZON_DAYS else None


def _current_phase(roadmap: Roadmap, status_of: StatusOf) -> Node | None:
    """The earliest phase not complete; None when all are, or when the earliest part not
    complete is a topic standing outside any phase (a roadmap with no headings)."""
    for phase in roadmap.phases:
        if _left(phase.walk(), status_of):
            return None if phase.trackable else phase
    return None


def build_pace(
    roadmap: Roadmap,
    state: State,
    status_of: StatusOf,
    today: date,
    *,
    tz: tzinfo | None = None,
    weekly_goal: int | None = None,
) -> Pace:
    """The pace on `today`, and the projection at it and at the weekly goal (if set)."""

    def still_done(node_id: str) -> bool:
        # A topic set back since does not count; one listed as done in a day's activity
        # with no status saved (a file written by hand or a script) is taken at its word.
        node = roadmap.get(node_id)
        if node is None or not node.is_topic:
            return False
        saved = state.items.get(node_id)
        return status_of(node) is Status.DONE or saved is None or saved.status is None

    done_on = {node_id: day for node_id, day in done_days(state, tz).items() if still_done(node_id)}
    first = first_day(state, tz)
    history = (today - first).days + 1 if first is not None and first <= today else 0
    window = min(WINDOW_DAYS, history)
    start = today - timedelta(days=window - 1)
    done_in_window = sum(1 for day in done_on.values() if start <= day <= today)
    per_week: float | None = None
    reason = None
    if history < MIN_HISTORY_DAYS:
        reason = _too_early(history)
    else:
        per_week = done_in_window * 7 / window
        if not done_in_window:
            since = "in the last four weeks" if window == WINDOW_DAYS else "yet"
            reason = f"nothing done {since}"
    phase = _current_phase(roadmap, status_of)
    # What is left is the same at any pace: counted once, projected at each rate.
    phase_left = len(_left(phase.walk(), status_of)) if phase else 0
    roadmap_left = _left(roadmap.walk(), status_of)

    def at(rate: float | None) -> tuple[Finish | None, Finish]:
        part = None
        if phase is not None:
            part = Finish(phase.id, phase.text, phase_left, finish_day(phase_left, rate, today))
        whole = len(roadmap_left)
        return part, Finish(None, roadmap.text, whole, finish_day(whole, rate, today))

    phase_finish, roadmap_finish = at(per_week)
    goal = None
    if weekly_goal:
        monday = today - timedelta(days=today.weekday())
        this_week = sum(1 for day in done_on.values() if monday <= day <= today)
        goal = Goal(weekly_goal, this_week, *at(weekly_goal))
    return Pace(
        per_week,
        window,
        done_in_window,
        history,
        reason,
        phase_finish,
        roadmap_finish,
        goal,
        time_left(roadmap_left),
    )


def _too_early(history: int) -> str:
    so_far = {0: "none", 1: "1 day"}.get(history, f"{history} days")
    return f"a week of history is needed ({so_far} so far)"
