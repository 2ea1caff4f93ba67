"""Which state file holds a roadmap's progress: found by what it holds, not by name."""

from __future__ import annotations

from pathlib import Path

from dlroadmap.common.printable import path_text
from dlroadmap.errors import StateError
from dlroadmap.progress import recovery
from dlroadmap.progress.cache import StateCache
from dlroadmap.progress.set_aside import is_set_aside
from dlroadmap.progress.state import State
from dlroadmap.roadmap.ids import slugify
from dlroadmap.roadmap.model import Roadmap

# A state file whose saved items mostly still exist in the roadmap belongs to it,
# even after the markdown moved or was edited.
SAME_ROADMAP_OVERLAP = 0.5


def read_state(path: Path) -> State:
    return StateCache().read(path)


def _belongs(state: State, roadmap_ids: set[str], source: Path, roadmap: Roadmap) -> bool:
    if state.source == path_text(source):
        return True
    if not state.items:
        return True
    shared = sum(1 for key in state.items if key in roadmap_ids)
    if shared / len(state.items) >= SAME_ROADMAP_OVERLAP:
        return True
    # Ids change with the id rules ("C++" was "c" before symbols were spelled out):
    # the items' texts tell too.
    texts = {node.text for node in roadmap.items()}
    shared = sum(1 for item in state.items.values() if item.text in texts)
    return shared / len(state.items) >= SAME_ROADMAP_OVERLAP


def find_state(
    roadmap: Roadmap, source: Path, folder: Path, files: StateCache | None = None
) -> tuple[Path, State | None]:
    """The state file of this roadmap, and what it holds (None: not there yet).

    Found by what it holds, not where the markdown lives. Files are named after
    the roadmap's title; a different roadmap with the same title gets the next free
    name, so two roadmaps never share progress. A roadmap with no title is named
    after its file: renamed, it is found among the others by its items.
    """
    files = files or StateCache()
    # Named by the slug rule files were first named by: "C++" spelled out would lose them.
    stem = slugify(roadmap.text, max_length=40, spell_symbols=False) or "roadmap"
    ids = {node.id for node in roadmap.items()}
    candidate = folder / f"{stem}.toml"
    number = 1
    while candidate.exists():
        state = files.read(candidate)
        if _belongs(state, ids, source, roadmap):
            return candidate, state
        number += 1
        candidate = folder / f"{stem}-{number}.toml"
    return _found_elsewhere(folder, roadmap, ids, source, files) or (candidate, None)


def _found_elsewhere(
    folder: Path, roadmap: Roadmap, ids: set[str], source: Path, files: StateCache
) -> tuple[Path, State] | None:
    """A state file under another name that holds this roadmap's items."""
    for path in sorted(folder.glob("*.toml")):
        if is_set_aside(path) or recovery.is_recovery_file(path):
            continue
        try:
            state = files.read(path)
        except StateError:
            continue  # another roadmap's problem, reported when that one is opened
        if state.items and _belongs(state, ids, source, roadmap):
            return path, state
    return None


def state_path_for(roadmap: Roadmap, source: Path, folder: Path) -> Path:
    return find_state(roadmap, source, folder)[0]
