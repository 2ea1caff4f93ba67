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
from dataclasses import replace
from datetime import date, datetime
from datetime import time as clock
from pathlib import Path
from typing import Any, NamedTuple

from dlroadmap.common.content_cache import ContentCache, Malformed
from dlroadmap.common.files import Seen, open_file, signature
from dlroadmap.errors import StateError
from dlroadmap.progress.activity import DayActivity
from dlroadmap.progress.state import SCHEMA, ItemState, State, StateWriter, decode_state
from dlroadmap.roadmap.model import Status

# The modules whose code decides what reading a state file gives.
_STATE_CODE = (
    "dlroadmap.progress.state",
    "dlroadmap.progress.activity",
    "dlroadmap.roadmap.model",
    "dlroadmap.progress.revisit",
)


# A NamedTuple: defined at every start, at a fraction of a dataclass's cost.
class _Entry(NamedTuple):
    """A cached read: the state, and its tables as a writer made them."""

    state: State
    # Tables of `state` already written out; they share its items, so the writer
    # knows them as its own (it reuses the text of an item it holds the very object of).
    writer: StateWriter | None


# -- the entry as plain data ----------------------------------------------------------
# TOML values (notes' extra keys, revisit cards) are kept as they are, but for times,
# which become a (kind, ISO text) tuple: TOML gives no tuples, so a tuple is always one.

_TIMES: dict[str, Any] = {"datetime": datetime, "date": date, "time": clock}
_STATUSES = {status.value: status for status in Status}


def _plain(value: Any) -> Any:
    kind = type(value)
    if kind is dict:
        return {key: _plain(item) for key, item in value.items()}
    if kind is list:
        return [_plain(item) for item in value]
    if kind in (datetime, date, clock):
        return (kind.__name__, value.isoformat())
    return value


def _value(data: object) -> Any:
    # marshal makes no subclasses: isinstance is exact here (and a bool is an int).
    if data is None or isinstance(data, str | int | float):
        return data
    if isinstance(data, list):
        return [_value(item) for item in data]
    if isinstance(data, dict):
        return {_str(key): _value(item) for key, item in data.items()}
    if isinstance(data, tuple) and len(data) == 2:
        name, text = data
        return _TIMES[_str(name)].fromisoformat(_str(text))
    raise Malformed


def _str(data: object) -> str:
    if type(data) is not str:
        raise Malformed
    return data


_SCALARS = frozenset((str, int, float, bool, type(None)))


def _table(data: object) -> dict[str, Any]:
    if type(data) is not dict:
        raise Malformed
    # Most tables (a revisit card, extra keys) hold no nested values: taken as they are.
    for key, item in data.items():
        if type(key) is not str or type(item) not in _SCALARS:
            return {_str(key): _value(item) for key, item in data.items()}
    return data


def _moment(data: object) -> datetime | None:
    if data is None:
        return None
    if type(data) is not tuple or len(data) != 2 or data[0] != "datetime":
        raise Malformed
    return datetime.fromisoformat(_str(data[1]))


def _ids(data: object) -> tuple[str, ...]:
    if type(data) is not tuple:
        raise Malformed
    return tuple(_str(item) for item in data)


def _text(data: object) -> str | None:
    return None if data is None else _str(data)


def encode(entry: _Entry) -> tuple[object, ...]:
    state = entry.state
    written_items, written_days = entry.writer.tables() if entry.writer else ({}, {})
    items = []
    for key, item in state.items.items():
        written = written_items.get(key)
        items.append(
            (
                key,
                item.text,
                None if item.status is None else item.status.value,
                _plain(item.status_changed),
                item.note,
                _plain(item.note_changed),
                _plain(item.revisit),
                item.within,
                _plain(item.extra),
                written[1] if written and written[0] is item else None,
            )
        )
    days = []
    for key, day in state.activity.items():
        done = written_days.get(key)
        days.append(
            (
                key,
                day.actions,
                day.done,
                day.notes,
                day.revisited,
                _plain(day.extra),
                done[1] if done and done[0] is day else None,
            )
        )
    head = (state.title, state.source, state.schema, _plain(state.extra), state.brought_back)
    return (*head, items, days)


def decode(data: object) -> _Entry:
    """The entry `encode` made `data` from; Malformed (or another miss) if it is not."""
    if type(data) is not tuple or len(data) != 7:
        raise Malformed
    title, source, schema, extra, brought_back, item_rows, day_rows = data
    if type(schema) is not int or type(item_rows) is not list or type(day_rows) is not list:
        raise Malformed
    items: dict[str, ItemState] = {}
    written_items: dict[str, tuple[ItemState, str]] = {}
    for row in item_rows:
        if type(row) is not tuple or len(row) != 10:
            raise Malformed
        key, text, status, status_changed, note, note_changed, revisit, within, item_extra, toml = (
            row
        )
        # Checked inline, not call by call: this loop runs once per saved topic at start-up.
        if type(key) is not str or type(text) is not str or type(note) is not str:
            raise Malformed
        item = items[key] = ItemState(
            text,
            None if status is None else _STATUSES[status],  # not ours: a KeyError/TypeError
            None if status_changed is None else _moment(status_changed),
            note,
            None if note_changed is None else _moment(note_changed),
            None if revisit is None else _table(revisit),
            None if within is None else _ids(within),
            {} if item_extra == {} else _table(item_extra),
        )
        if toml is not None:
            written_items[key] = (item, _str(toml))
    activity: dict[str, DayActivity] = {}
    written_days: dict[str, tuple[DayActivity, str]] = {}
    for row in day_rows:
        if type(row) is not tuple or len(row) != 7:
            raise Malformed
        key, actions, done, notes, revisited, day_extra, toml = row
        if type(actions) is not int:
            raise Malformed
        key = _str(key)
        day = activity[key] = DayActivity(
            actions, _ids(done), _ids(notes), _ids(revisited), _table(day_extra)
        )
        if toml is not None:
            written_days[key] = (day, _str(toml))
    state = State(
        _str(title), _str(source), items, activity, _table(extra), schema, _ids(brought_back)
    )
    return _Entry(state, StateWriter.holding(written_items, written_days))


class StateCache:
    """Reads state files, through the cache in `folder` (None: always parses)."""

    def __init__(self, folder: Path | None = None) -> None:
        self._entries = ContentCache(folder, (*_STATE_CODE, __name__), encode, decode)
        # File contents this session parsed or wrote, and their states, for keep():
        # the last of each, as the next start finds one or the other.
        self._pending: dict[str, tuple[bytes, _Entry]] = {}
        # The entry the last read came from, if the cache had it: the state the store
        # opens with is the last one read (see locate.find_state), and its writer is here.
        self._last_hit: _Entry | None = None
        # The file last read, as it was read (see Store._unchanged).
        self._last_read: tuple[Path, Seen] | None = None

    def read(self, path: Path) -> State:
        try:
            # Refused if not a regular file, never waited on (a named pipe would be).
            with open_file(path) as handle:
                # The signature of the very file read: a save replacing it meanwhile shows.
                at = time.time_ns()
                info = os.fstat(handle.fileno())
                data = handle.read()
        except OSError as error:  # NotAFile too: "... (it is a named pipe (FIFO), not a file)."
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
