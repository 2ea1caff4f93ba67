"""State files set aside, kept whole: a broken one moved out of the way, the original
of one from an older schema copied before it is migrated."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from dlroadmap.common.files import write_atomically
from dlroadmap.errors import StateError
from dlroadmap.progress.lock import lock_of
from dlroadmap.progress.state import now

# Moving a broken file aside is asked for at a prompt, before the app: waiting for
# another session's save there freezes nothing.
MOVE_ASIDE_LOCK_SECONDS = 10.0


def keep_original(path: Path, schema: int) -> Path:
    """Copy a state file of an older schema before it is migrated; the copy's path."""
    backup = path.with_name(f"{path.stem}.schema-{schema}{path.suffix}")
    if not backup.exists():
        write_atomically(backup, path.read_text(encoding="utf-8"))
    return backup


# What a file set aside is called for: `NAME.WHY-YYYYMMDD-HHMMSS.toml`. A broken file;
# one taken off the shelf by the user.
BROKEN = "broken"
REMOVED = "removed"
_MARKS = (f".{BROKEN}-", f".{REMOVED}-", ".schema-")


def is_set_aside(path: Path) -> bool:
    """Whether `path` is a state file set aside (by any of the above), not one in use."""
    return any(mark in path.name for mark in _MARKS)


def move_aside(
    path: Path, found: bytes, when: datetime | None = None, why: str = BROKEN
) -> Path | None:
    """Rename the state file that was found holding `found` (and could not be used, or
    was taken off the shelf: `why`), keeping it whole; the new path. None when the file
    there now is not that one (moved aside by another session, or replaced by a fresh
    one since): nothing is moved."""
    from filelock import Timeout

    stamp = (when or now()).strftime("%Y%m%d-%H%M%S")
    try:
        # The lock every save takes: no session writes the file while it is compared and moved.
        with lock_of(path, MOVE_ASIDE_LOCK_SECONDS):
            try:
                if path.read_bytes() != found:
                    return None
            except FileNotFoundError:
                return None
            target = path.with_name(f"{path.stem}.{why}-{stamp}{path.suffix}")
            number = 1
            while target.exists() or target.is_symlink():  # never over one moved aside before
                number += 1
                target = path.with_name(f"{path.stem}.{why}-{stamp}-{number}{path.suffix}")
            os.replace(path, target)
    except Timeout:
        raise StateError(
            path, f"another dlroadmap session held its lock for {MOVE_ASIDE_LOCK_SECONDS:.0f} s."
        ) from None
    return target
