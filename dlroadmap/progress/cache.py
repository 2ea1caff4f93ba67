"""State files read back from a cache between runs: on a large roadmap, parsing the
TOML is most of a start-up (10,000 topics make a 2 MB file, 0.6 s of tomllib).

An entry is the State that parse_state gives for some file bytes, named by those
bytes (see content_cache.py), so a file changed in any way is read afresh. With it
comes the TOML text of each of its tables, as StateWriter made them: the first save
after a start then writes at once, with no tables to make first. Entries are made
off the start-up path: `keep()` runs in a worker after start and on exit, for the
file as this session last read or wrote it.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, replace
from pathlib import Path

from dlroadmap.common.content_cache import ContentCache
from dlroadmap.common.files import Seen, signature
from dlroadmap.errors import StateError
from dlroadmap.progress.state import SCHEMA, State, StateWriter, decode_state

# The modules whose code decides what reading a state file gives.
_STATE_CODE = (
    "dlroadmap.progress.state",
    "dlroadmap.progress.activity",
    "dlroadmap.roadmap.model",
    "dlroadmap.progress.revisit",
)


@dataclass(slots=True)
class _Entry:
    """A cached read: the state, and its tables as a writer made them."""

    state: State
    # Tables of `state` already written out; they share its items, so the writer
    # knows them as its own (it reuses the text of an item it holds the very object of).
    writer: StateWriter | None


class StateCache:
    """Reads state files, through the cache in `folder` (None: always parses)."""

    def __init__(self, folder: Path | None = None) -> None:
        self._entries = ContentCache(folder, _Entry, _STATE_CODE)
        # File contents this session parsed or wrote, and their states, for keep():
        # the last of each, as the next start finds one or the other.
        self._pending: dict[str, tuple[bytes, _Entry]] = {}
        # The entry the last read came from, if the cache had it: the state the store
        # opens with is the last one read (see store.find_state), and its writer is here.
        self._last_hit: _Entry | None = None
        # The file last read, as it was read (see Store._unchanged).
        self._last_read: tuple[Path, Seen] | None = None

    def read(self, path: Path) -> State:
        try:
            with path.open("rb") as handle:
                # The signature of the very file read: a save replacing it meanwhile shows.
                at = time.time_ns()
                info = os.fstat(handle.fileno())
                data = handle.read()
        except OSError as error:
            raise StateError(path, f"it cannot be read ({error.strerror or error}).") from None
        self._last_read = (path, Seen(signature(info), hash(data), at))
        if self._entries.folder is None:
            return decode_state(data, path)
        entry = self._last_hit = self._entries.get(self._entries.key(data))
        if entry is not None:
            return entry.state
        state = decode_state(data, path)
        self._pending["read"] = (data, _Entry(state.copy(), None))
        return state

    def seen(self, path: Path) -> Seen | None:
        """`path` as last read, if it was the file last read."""
        if self._last_read is not None and self._last_read[0] == path:
            return self._last_read[1]
        return None

    def writer_for(self, state: State) -> StateWriter:
        """A writer that already holds the tables of `state`, if the cache had them."""
        entry, self._last_hit = self._last_hit, None
        if entry is not None and entry.state is state and entry.writer is not None:
            return entry.writer
        return StateWriter()

    def wrote(self, data: bytes, state: State, writer: StateWriter) -> None:
        """`data` was just saved from `state` by `writer`; neither will change."""
        if self._entries.folder is not None:
            # Whatever schema the state was read with, the text was written with this one.
            entry = _Entry(replace(state, schema=SCHEMA), writer.snapshot())
            self._pending["wrote"] = (data, entry)

    def keep(self, writer: StateWriter | None = None) -> None:
        """Keep the contents seen, so the next start need not parse them.

        `writer` holds the tables of a state read (warmed up since): kept with it.
        """
        pending, self._pending = self._pending, {}
        for content, entry in pending.values():
            key = self._entries.key(content)
            if not self._entries.has(key):
                self._entries.put(key, _Entry(entry.state, entry.writer or writer))
