"""What the app does with the shelf, as plain calls: list it, open a roadmap from it,
take one off it, point one at where its markdown went. No Textual here."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from dlroadmap.errors import RoadmapError, StateError
from dlroadmap.locations import roadmap_cache_dir, state_cache_dir, state_dir
from dlroadmap.progress.set_aside import REMOVED, move_aside
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Roadmap
from dlroadmap.roadmap.source import load_roadmap
from dlroadmap.shelf.recent import remember_opened

if TYPE_CHECKING:
    from dlroadmap.shelf.entries import Entry


# A NamedTuple: defined at every start, at a fraction of a frozen dataclass's cost.
class ShelfAccess(NamedTuple):
    """The shelf in the user's data folder (the folders are given in tests)."""

    folder: Path
    state_cache: Path | None = None
    roadmap_cache: Path | None = None

    @classmethod
    def of_user(cls) -> ShelfAccess:
        return cls(state_dir(), state_cache_dir(), roadmap_cache_dir())

    def entries(self) -> list[Entry]:
        from dlroadmap.shelf.entries import read_shelf  # the Roadmaps screen, when opened

        return read_shelf(
            self.folder, state_cache=self.state_cache, roadmap_cache=self.roadmap_cache, keep=True
        )

    def open(self, source: Path) -> tuple[Roadmap, Store]:
        """The roadmap in `source` and its store, remembered as the one opened last."""
        roadmap = load_roadmap(source, cache=self.roadmap_cache)
        store = Store.open(roadmap, source, self.folder, cache=self.state_cache)
        remember_opened(source)
        return roadmap, store

    def remove(self, entry: Entry) -> Path:
        """Take `entry` off the shelf: its state file moved aside, whole; the new path."""
        try:
            found = entry.state_path.read_bytes()
        except OSError as error:
            raise StateError(entry.state_path, f"it cannot be read ({error.strerror}).") from None
        moved = move_aside(entry.state_path, found, why=REMOVED)
        if moved is None:
            raise StateError(
                entry.state_path, "it changed meanwhile (another session?); nothing was moved."
            )
        return moved

    def relocate(self, entry: Entry, source: Path) -> None:
        """Record that the markdown of `entry` now lives at `source`."""
        roadmap = load_roadmap(source, cache=self.roadmap_cache)
        store = Store.open(roadmap, source, self.folder, cache=self.state_cache)
        if store.path.resolve() != entry.state_path.resolve():
            raise RoadmapError(
                source,
                f"it is not the roadmap of {entry.state_path.name} (too few of its topics "
                "are there). Choose the file that holds that roadmap now.",
            )
        store.save()  # writes the new place down
