"""What changed between two versions of the state files, told in a few words: the commit
messages ("3 done, 1 note on deep-learning-study-plan") and what a sync says it brought."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import PurePosixPath

from dlroadmap.progress.merge import CONFLICT_MARKER
from dlroadmap.progress.state import ItemState, State
from dlroadmap.roadmap.model import Status

# How each kind of change is counted, in the order it is told.
_WORDS = {
    "done": ("done", "done"),
    "in_progress": ("in progress", "in progress"),
    "skipped": ("skipped", "skipped"),
    "todo": ("back to to do", "back to to do"),
    "note": ("note", "notes"),
    "revisit": ("revisit", "revisits"),
}
_STATUS_KEYS = {
    Status.DONE: "done",
    Status.IN_PROGRESS: "in_progress",
    Status.SKIPPED: "skipped",
    Status.TODO: "todo",
}
_BOTH_KEPT = CONFLICT_MARKER.partition("{")[0]


@dataclass(frozen=True, slots=True)
class FileChange:
    """One state file as it was and as it is (None: not there)."""

    path: str
    old: State | None
    new: State | None

    @property
    def name(self) -> str:
        return PurePosixPath(self.path).stem


def counted(old: State | None, new: State | None) -> Counter[str]:
    """The changes from `old` to `new`, counted by kind."""
    counts: Counter[str] = Counter()
    before = old.items if old else {}
    for key, item in (new.items if new else {}).items():
        was = before.get(key) or ItemState(text=item.text)
        if item.status != was.status and item.status is not None:
            counts[_STATUS_KEYS[item.status]] += 1
        if item.note != was.note:
            counts["note"] += 1
        if item.revisit != was.revisit and item.status == was.status:
            counts["revisit"] += 1
    return counts


def told(counts: Counter[str]) -> str:
    """'3 done, 1 note' ('' when nothing changed)."""
    parts = []
    for key, (one, many) in _WORDS.items():
        if counts[key]:
            parts.append(f"{counts[key]} {one if counts[key] == 1 else many}")
    return ", ".join(parts)


def story(changes: list[FileChange]) -> str:
    """One line for all the files: '3 done, 1 note on deep-learning-study-plan'."""
    lines = []
    for change in changes:
        if change.new is None:
            lines.append(f"removed {change.name}")
            continue
        what = told(counted(change.old, change.new))
        if change.old is None:
            lines.append(f"started {change.name}" + (f" ({what})" if what else ""))
        elif what:
            lines.append(f"{what} on {change.name}")
    return "; ".join(lines)


def both_kept(changes: list[FileChange]) -> list[str]:
    """Topics whose note now holds two machines' texts, and did not before."""
    topics = []
    for change in changes:
        if change.new is None:
            continue
        before = change.old.items if change.old else {}
        for key, item in sorted(change.new.items.items()):
            was = before.get(key)
            if _BOTH_KEPT in item.note and (was is None or _BOTH_KEPT not in was.note):
                topics.append(f"{item.text or key} ({change.name})")
    return topics
