"""The roadmaps on the shelf: one per state file in the data folder, with its title,
progress, when it was last studied and where its markdown lives."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dlroadmap.errors import DlroadmapError
from dlroadmap.progress import recovery
from dlroadmap.progress.cache import StateCache
from dlroadmap.progress.set_aside import is_set_aside
from dlroadmap.progress.state import State
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.source import load_roadmap
from dlroadmap.roadmap.tally import Tally, tally_items
from dlroadmap.shelf.kept import url_of


@dataclass(frozen=True, slots=True)
class Entry:
    """One roadmap on the shelf, as its state file tells it."""

    state_path: Path
    title: str
    # The markdown's absolute path as last opened, and whether a file is still there.
    source: Path
    found: bool
    # The address a kept copy was fetched from (None: a file of the user's).
    url: str | None
    # Counted against the markdown (None: it is gone, or the state cannot be read).
    tally: Tally | None
    last_studied: date | None
    # Why the state file cannot be read (None: it can).
    problem: str | None = None
    # What the state file holds, as read (None: it cannot be read).
    state: State | None = field(default=None, compare=False, repr=False)


def state_files(folder: Path) -> list[Path]:
    """The state files in `folder`: not those set aside, nor recovery files."""
    if not folder.is_dir():
        return []
    return [
        path
        for path in sorted(folder.glob("*.toml"))
        if not is_set_aside(path) and not recovery.is_recovery_file(path)
    ]


def last_studied(state: State) -> date | None:
    days = [day for day, activity in state.activity.items() if activity.actions > 0]
    return date.fromisoformat(max(days)) if days else None


def _entry(
    path: Path, state_cache: Path | None, roadmap_cache: Path | None, counted: bool, keep: bool
) -> Entry:
    # One cache per file: it keeps the last file it read, for the next listing.
    files = StateCache(state_cache)
    entry = _read(path, files, roadmap_cache, counted)
    if keep:
        files.keep()
    return entry


def _read(path: Path, files: StateCache, roadmap_cache: Path | None, counted: bool) -> Entry:
    try:
        state = files.read(path)
    except DlroadmapError as error:
        return Entry(path, path.stem, Path(), False, None, None, None, error.problem)
    source = Path(state.source)
    found = bool(state.source) and source.is_file()
    studied = last_studied(state)
    title = state.title or source.stem
    tally = None
    if counted and found:
        try:
            roadmap = load_roadmap(source, cache=roadmap_cache)
        except DlroadmapError as error:
            return Entry(path, title, source, True, url_of(source), None, studied, error.problem)
        store = Store(path, roadmap, source, found=state, writable=False, files=files)
        tally = tally_items(roadmap.items(), store.status)
    return Entry(path, title, source, found, url_of(source), tally, studied, state=state)


def _recency(entry: Entry) -> tuple[date, float]:
    try:
        changed = os.stat(entry.state_path).st_mtime
    except OSError:
        changed = 0.0
    return entry.last_studied or date.min, changed


def read_shelf(
    folder: Path,
    *,
    state_cache: Path | None = None,
    roadmap_cache: Path | None = None,
    counted: bool = True,
    keep: bool = False,
) -> list[Entry]:
    """Every roadmap with saved progress, the most recently studied first.

    `counted`: parse each markdown (through the cache) to count its progress; without,
    only the state files are read (enough to find a roadmap by its title). `keep`: the
    state files parsed here are kept in the state cache, for the next listing.
    """
    entries = [
        _entry(path, state_cache, roadmap_cache, counted, keep) for path in state_files(folder)
    ]
    return sorted(entries, key=_recency, reverse=True)
