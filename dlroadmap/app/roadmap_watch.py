"""Watching the roadmap markdown, so an edit made in another window shows in the app."""

from __future__ import annotations

import os
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
# How often the file is looked at when its folder cannot be watched: one stat() a time.
POLL_SECONDS = 2.0


def watch_file(path: Path, changed: Callable[[], None], stop: threading.Event) -> None:
    """Call `changed` once watching has started, then after each change to `path`,
    until `stop` is set (a worker thread).

    The first call covers an edit made before watching started (since the roadmap
    was parsed, while the first frame was drawn): it raised no event here.
    The folder is watched, not the file: editors replace a file by renaming another
    over it, which a watch on the file itself would not survive.
    Whatever is or happens in the folder (a symlink loop, a name that is not UTF-8, the
    folder gone), watching goes on: where events cannot be had, the file is polled.
    Only what `changed` raises comes out of here.
    """
    if _follow_events(path, changed, stop) and not stop.is_set():
        _poll(path, changed, stop)


def _follow_events(path: Path, changed: Callable[[], None], stop: threading.Event) -> bool:
    """Call `changed` as the folder's events say, until `stop` is set (False) or events
    can no longer be had or trusted (True: poll instead)."""
    try:
        # Imported here, in the worker thread: start-up never waits for it.
        from watchfiles import watch

        target = path.resolve()
        folder = _identity(target.parent)
        events = watch(
            target.parent,
            # By name only: resolving every name would walk into a symlink loop. The
            # watch is not recursive, so each name is one in the folder.
            watch_filter=lambda _change, name: os.path.basename(name) == target.name,
            debounce=DEBOUNCE_MS,
            stop_event=stop,
            recursive=False,
            # The first yield, a change or this timeout, comes once the watch is set up.
            rust_timeout=LOOK_MS,
            yield_on_timeout=True,
        )
    except Exception:  # no events to be had here (watchfiles cannot take the name, say)
        return True
    looked = False
    try:
        while True:
            try:
                changes = next(events)
                # A folder removed (or renamed) takes its watch with it: the one at the
                # path now, if any, tells nothing.
                gone = _identity(target.parent) != folder
            except StopIteration:
                return False
            except Exception:  # the watch failed: polling needs none of it
                return True
            if gone:
                return True  # the polling's first look takes in what this change was
            if changes or not looked:
                looked = True
                changed()
    finally:
        events.close()


def _poll(path: Path, changed: Callable[[], None], stop: threading.Event) -> None:
    """Call `changed` now, then whenever what `path` names looks different, until `stop`."""
    seen = _look(path)
    changed()
    while not stop.wait(POLL_SECONDS):
        now = _look(path)
        if now != seen:
            seen = now
            changed()


def _look(path: Path) -> tuple[int, ...] | int | None:
    """What changes when the file is edited or replaced; why it cannot be looked at, else."""
    try:
        info = os.stat(path)
    except OSError as error:
        return error.errno
    return (info.st_dev, info.st_ino, info.st_mtime_ns, info.st_ctime_ns, info.st_size)


def _identity(folder: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(folder)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def reread(path: Path, shown: Roadmap, cache: Path | None = None) -> Roadmap | None:
    """The roadmap in `path` now, or None if it says what `shown` says.

    Compared by content, not by the file's time: a file saved unchanged, or changed
    and changed back, is no change.
    """
    roadmap = load_roadmap(path, cache)
    return None if same_content(roadmap, shown) else roadmap


def same_content(a: Roadmap, b: Roadmap) -> bool:
    """Whether two roadmaps have the same titles, overview, and nodes in the same places."""
    if (a.title, a.tagline, a.overview, a.warnings) != (b.title, b.tagline, b.overview, b.warnings):
        return False
    return all(_shape(x) == _shape(y) for x, y in zip_longest(a.walk(), b.walk()))


def _shape(node: Node | None) -> tuple[object, ...] | None:
    # With the walk's order, the number of children fixes where each node sits.
    if node is None:
        return None
    return (
        node.id,
        node.title,
        node.trackable,
        node.initial_status,
        len(node.children),
        node.aside,
        node.description,
        node.fields,
        node.resources,
    )
