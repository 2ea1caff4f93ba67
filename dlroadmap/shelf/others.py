"""The other roadmaps under `dlroadmap review`: each studied in the last four weeks in
one line, and the days studied on any of them, which the streak counts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from dlroadmap.common.printable import printable
from dlroadmap.errors import DlroadmapError
from dlroadmap.progress.activity import Activity, DayActivity
from dlroadmap.progress.state import State
from dlroadmap.progress.store import Store
from dlroadmap.review.build import build_review
from dlroadmap.review.lines import DIM, Line, Look, clip, paint
from dlroadmap.roadmap.model import plain
from dlroadmap.roadmap.source import load_roadmap
from dlroadmap.roadmap.tally import Tally
from dlroadmap.shelf.entries import Entry

# A roadmap studied within this many days is listed under the review.
RECENT_DAYS = 28


@dataclass(frozen=True, slots=True)
class Other:
    title: str
    tally: Tally
    now: tuple[str, ...]  # the topics in progress, oldest first, as plain text
    due: int  # topics due for a revisit today
    last_studied: date | None


@dataclass(frozen=True, slots=True)
class Shelved:
    """The other roadmaps to list, and the activity of every other one on the shelf."""

    others: tuple[Other, ...]
    activity: tuple[Activity, ...]


def _store(entry: Entry, folder: Path, state_cache: Path | None, cache: Path | None) -> Store:
    roadmap = load_roadmap(entry.source, cache=cache)
    return Store.open(roadmap, entry.source, folder, writable=False, cache=state_cache)


def shelved(
    entries: Sequence[Entry],
    current: Path,
    today: date,
    *,
    folder: Path,
    state_cache: Path | None = None,
    roadmap_cache: Path | None = None,
) -> Shelved:
    """The roadmaps of `entries` other than the one whose state file is `current`."""
    others: list[Other] = []
    activity: list[Activity] = []
    since = today - timedelta(days=RECENT_DAYS - 1)
    for entry in entries:
        if entry.state_path.resolve() == current.resolve() or not entry.found:
            continue
        try:
            store = _store(entry, folder, state_cache, roadmap_cache)
        except DlroadmapError:
            continue  # its own trouble, told when it is opened
        activity.append(store.state.activity)
        if entry.last_studied is None or entry.last_studied < since:
            continue
        review = build_review(store.roadmap, store.state, store.status, today)
        others.append(
            Other(
                entry.title,
                review.tally,
                tuple(plain(line.title) for line in review.now),
                len(review.revisit) + review.revisit_waiting,
                entry.last_studied,
            )
        )
    return Shelved(tuple(others), tuple(activity))


def with_activity_of(state: State, others: Iterable[Activity]) -> State:
    """A copy of `state` whose days count the actions on the other roadmaps too (their
    items' lists stay theirs): a day studied on any roadmap keeps the streak."""
    combined = state.copy()
    for activity in others:
        for key, day in activity.items():
            mine = combined.activity.get(key, DayActivity())
            combined.activity[key] = DayActivity(
                mine.actions + day.actions, mine.done, mine.notes, mine.revisited, mine.extra
            )
    return combined


def other_lines(others: Sequence[Other], *, width: int, color: bool, ascii_only: bool) -> str:
    """The block printed under the review (empty when there are none)."""
    if not others:
        return ""
    look = Look(max(1, width), ascii_only)
    lines: list[Line] = [[(" ", ""), ("Other roadmaps studied in the last four weeks", DIM)]]
    for other in others:
        parts = [f"{other.tally.done}/{other.tally.total} done"]
        if other.now:
            parts.append("now: " + ", ".join(printable(text) for text in other.now))
        if other.due:
            parts.append(f"{other.due} to revisit")
        title = printable(other.title)
        lines.append([(" ", ""), (title, ""), (look.sep + look.sep.join(parts), "")])
    return "\n".join(paint(clip(line, look), color) for line in lines)


def others_json(others: Sequence[Other]) -> list[dict[str, Any]]:
    return [
        {
            "title": other.title,
            "done": other.tally.done,
            "total": other.tally.total,
            "now": list(other.now),
            "revisits_due": other.due,
            "last_studied": None if other.last_studied is None else other.last_studied.isoformat(),
        }
        for other in others
    ]
