"""The lock on a state file (`NAME.toml.lock` beside it, private) that every writer of
it takes: a save only for a moment, moving a broken file aside while it compares and
moves. filelock is imported only when a lock is made: reading (and `review`) never
loads it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from dlroadmap.common.files import make_private_folder
from dlroadmap.errors import StateError

if TYPE_CHECKING:
    from filelock import FileLock

# Another session holds the lock only for the moment of a save. A key never waits for
# it longer than this: a change it cannot save yet stays pending, saved on a later try.
LOCK_WAIT = 0.1


class SaveWaiting(StateError):
    """Another session holds the lock: the change is pending, saved on a later try."""

    def __str__(self) -> str:
        return (
            "Saving is waiting for another dlroadmap session (it holds the lock on "
            f"{self.path}); your changes are kept and saved as soon as it lets go."
        )


def lock_of(path: Path, timeout: float) -> FileLock:
    """The lock on the state file at `path`."""
    from filelock import FileLock

    return FileLock(f"{path}.lock", timeout=timeout, mode=0o600)


class SaveLock:
    """The lock a store takes for each save, made on the first."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._lock: FileLock | None = None

    @contextmanager
    def taken(self) -> Iterator[None]:
        """Held for the block; SaveWaiting when another session holds it past LOCK_WAIT."""
        from filelock import Timeout

        if self._lock is None:
            # Made here, private, before the lock file would make it with open modes.
            make_private_folder(self._path.parent)
            self._lock = lock_of(self._path, LOCK_WAIT)
        try:
            self._lock.acquire(timeout=LOCK_WAIT)
        except Timeout:
            raise SaveWaiting(self._path, "its lock is held by another session.") from None
        try:
            yield
        finally:
            self._lock.release()
