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
from dlroadmap.progress import revisit
from dlroadmap.progress.activity import Activity, DayActivity
from dlroadmap.progress.state import State
from dlroadmap.progress.store import Store
from dlroadmap.review.dates import local_date
from dlroadmap.review.lines import DIM, Line, Look, clip, paint
from dlroadmap.roadmap.model import Status, plain
from dlroadmap.roadmap.source import load_roadmap
from dlroadmap.roadmap.tally import Tally, tally_items
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


def _other(entry: Entry, state: State, today: date, cache: Path | None) -> Other | None:
    """The line of a roadmap studied lately: its progress, what is in progress (oldest
    first), how many topics are due for a revisit."""
    try:
        roadmap = load_roadmap(entry.source, cache=cache)
    except DlroadmapError:
        return None  # its own trouble, told when it is opened
    # Read only: the saved items seen where their topics are now, nothing written.
    store = Store(entry.state_path, roadmap, entry.source, found=state, writable=False)
    items = list(roadmap.items())
    started: list[tuple[float, int, str]] = []
    due = 0
    for order, node in enumerate(items):
        status = store.status(node)
        saved = store.item(node.id)
        if status is Status.IN_PROGRESS:
            changed = saved.status_changed if saved else None
            started.append((changed.timestamp() if changed else 0.0, order, plain(node.title)))
        elif status is Status.DONE and saved is not None and saved.revisit is not None:
            due += local_date(revisit.due(saved.revisit)) <= today
    now = tuple(text for _when, _order, text in sorted(started))
    return Other(entry.title, tally_items(items, store.status), now, due, entry.last_studied)


def shelved(
    entries: Sequence[Entry],
    current: Path,
    today: date,
    *,
    roadmap_cache: Path | None = None,
) -> Shelved:
    """The roadmaps of `entries` other than the one whose state file is `current`."""
    others: list[Other] = []
    activity: list[Activity] = []
    since = today - timedelta(days=RECENT_DAYS - 1)
    for entry in entries:
        state = entry.state
        if state is None or entry.state_path.resolve() == current.resolve():
            continue
        activity.append(state.activity)
        if entry.found and entry.last_studied is not None and entry.last_studied >= since:
            other = _other(entry, state, today, roadmap_cache)
            if other is not None:
                others.append(other)
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
