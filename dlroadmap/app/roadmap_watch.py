"""Watching the roadmap markdown, so an edit made in another window shows in the app."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

# Editors write in bursts (a temp file, a rename): one reload per burst.
DEBOUNCE_MS = 300


def watch_file(path: Path, changed: Callable[[], None], stop: threading.Event) -> None:
    """Call `changed` after each change to `path`, until `stop` is set (a worker thread).

    The folder is watched, not the file: editors replace a file by renaming another
    over it, which a watch on the file itself would not survive.
    """
    # Imported here, in the worker thread: start-up never waits for it.
    from watchfiles import watch

    target = path.resolve()
    for _changes in watch(
        target.parent,
        watch_filter=lambda _change, name: Path(name).resolve() == target,
        debounce=DEBOUNCE_MS,
        stop_event=stop,
        recursive=False,
    ):
        changed()
