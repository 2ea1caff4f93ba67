"""Watching the roadmap markdown, so an edit made in another window shows in the app."""

from __future__ import annotations

import threading
from collections.abc import Callable
from itertools import zip_longest
from pathlib import Path

from dlroadmap.roadmap.model import Node, Roadmap
from dlroadmap.roadmap.source import load_roadmap

# Editors write in bursts (a temp file, a rename): one reload per burst.
DEBOUNCE_MS = 300
# How soon after watching starts the file is looked at once, and how often the
# watcher wakes while nothing changes (a few microseconds of Python each time).
LOOK_MS = 500


def watch_file(path: Path, changed: Callable[[], None], stop: threading.Event) -> None:
    """Call `changed` once watching has started, then after each change to `path`,
    until `stop` is set (a worker thread).

    The first call covers an edit made before watching started (since the roadmap
    was parsed, while the first frame was drawn): it raised no event here.
    The folder is watched, not the file: editors replace a file by renaming another
    over it, which a watch on the file itself would not survive.
    """
    # Imported here, in the worker thread: start-up never waits for it.
    from watchfiles import watch

    target = path.resolve()
    looked = False
    for changes in watch(
        target.parent,
        watch_filter=lambda _change, name: Path(name).resolve() == target,
        debounce=DEBOUNCE_MS,
        stop_event=stop,
        recursive=False,
        # The first yield, a change or this timeout, comes once the watch is set up.
        rust_timeout=LOOK_MS,
        yield_on_timeout=True,
    ):
        if changes or not looked:
            looked = True
            changed()


def reread(path: Path, shown: Roadmap, cache: Path | None = None) -> Roadmap | None:
    """The roadmap in `path` now, or None if it says what `shown` says.

    Compared by content, not by the file's time: a file saved unchanged, or changed
    and changed back, is no change.
    """
    roadmap = load_roadmap(path, cache)
    return None if same_content(roadmap, shown) else roadmap


def same_content(a: Roadmap, b: Roadmap) -> bool:
    """Whether two roadmaps have the same titles, overview, and nodes in the same places."""
    if (a.title, a.tagline, a.overview) != (b.title, b.tagline, b.overview):
        return False
    return all(_shape(x) == _shape(y) for x, y in zip_longest(a.walk(), b.walk()))


def _shape(node: Node | None) -> tuple[object, ...] | None:
    # With the walk's order, the number of children fixes where each node sits.
    if node is None:
        return None
    return (node.id, node.title, node.trackable, node.initial_status, len(node.children))
