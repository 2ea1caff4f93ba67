"""A roadmap's progress opened for a command: read only for `review` and `export`; for the
app, at a terminal, an unusable state file may be moved aside (nothing is deleted)."""

from __future__ import annotations

import sys
from pathlib import Path

from dlroadmap.command import EXIT_USAGE
from dlroadmap.common.printable import printable_path
from dlroadmap.errors import StateError
from dlroadmap.locations import state_cache_dir, state_dir
from dlroadmap.progress.set_aside import move_aside
from dlroadmap.progress.state import decode_state
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Roadmap

__all__ = ["open_store", "read_only_store"]


def read_only_store(roadmap: Roadmap, source: Path) -> Store:
    return Store.open(roadmap, source, state_dir(), writable=False, cache=state_cache_dir())


def open_store(roadmap: Roadmap, source: Path) -> Store:
    """The roadmap's store; at a terminal, an unusable state file may be moved aside."""
    try:
        return Store.open(roadmap, source, state_dir(), cache=state_cache_dir())
    except StateError as error:
        if not (sys.stdin.isatty() and sys.stdout.isatty() and error.path.is_file()):
            raise
        try:
            # What is moved aside, if the user says so: this file, and only while it holds this.
            found = error.path.read_bytes()
            decode_state(found, error.path)
        except StateError:
            pass  # unusable, as it was found: the user may move it aside
        except OSError:
            raise error from None
        else:
            raise error  # it reads well: the trouble is elsewhere (a lock held), not in it
        print(f"dlroadmap: {error}", file=sys.stderr)
        try:
            answer = input("Move that file aside (nothing is deleted) and start afresh? [y/N] ")
        except EOFError:
            answer = ""
        if answer.strip().casefold() not in ("y", "yes"):
            raise SystemExit(EXIT_USAGE) from None
        moved = move_aside(error.path, found)
        if moved is None:
            print(
                "dlroadmap: that file was moved or replaced meanwhile (by another session?); "
                "nothing was moved.",
                file=sys.stderr,
            )
        else:
            print(f"dlroadmap: moved it to {printable_path(moved)}", file=sys.stderr)
        return Store.open(roadmap, source, state_dir(), cache=state_cache_dir())
