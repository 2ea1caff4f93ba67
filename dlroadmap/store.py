"""Progress and notes for one roadmap, kept in a TOML file.

The file is the user's: human-readable, keys in a stable order, notes as
multi-line strings, written atomically so a crash never leaves half a file.
"""

from __future__ import annotations

import os
import re
import tempfile
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import tomli_w

from .errors import StateError
from .model import Node, Roadmap, Status

SCHEMA = 1
# A state file whose saved items mostly still exist in the roadmap belongs to it,
# even after the markdown moved or was edited.
SAME_ROADMAP_OVERLAP = 0.5


def now() -> datetime:
    """Local time, to the second: what a person reads back in the file."""
    return datetime.now().astimezone().replace(microsecond=0)


@dataclass(slots=True)
class ItemState:
    text: str
    status: Status | None = None
    status_changed: datetime | None = None
    note: str = ""
    note_changed: datetime | None = None

    def to_toml(self) -> dict[str, Any]:
        table: dict[str, Any] = {"text": self.text}
        if self.status is not None:
            table["status"] = self.status.value
        if self.status_changed is not None:
            table["status_changed"] = self.status_changed
        if self.note:
            table["note"] = self.note
        if self.note_changed is not None:
            table["note_changed"] = self.note_changed
        return table


@dataclass(slots=True)
class State:
    title: str
    source: str
    items: dict[str, ItemState] = field(default_factory=dict)

    def to_toml(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "roadmap": {"title": self.title, "source": self.source},
            "items": {key: self.items[key].to_toml() for key in sorted(self.items)},
        }


def _expect(value: Any, kind: type | tuple[type, ...], path: Path, where: str) -> Any:
    if not isinstance(value, kind):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise StateError(path, f"{where} should be a {names}, not {value!r}.")
    return value


def _optional_time(table: dict[str, Any], key: str, path: Path, where: str) -> datetime | None:
    if key not in table:
        return None
    return _expect(table[key], datetime, path, f"{where}.{key}")


def parse_state(text: str, path: Path) -> State:
    """The state in `text`; unknown keys are tolerated, wrong types are not."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise StateError(path, f"it is not valid TOML ({error}).") from None
    schema = data.get("schema", SCHEMA)
    if not isinstance(schema, int) or schema < 1:
        raise StateError(path, f"its schema should be a positive whole number, not {schema!r}.")
    if schema > SCHEMA:
        raise StateError(
            path,
            f"it was written by a newer dlroadmap (schema {schema}; this one reads {SCHEMA}). "
            "Upgrade dlroadmap to use it.",
        )
    roadmap = _expect(data.get("roadmap", {}), dict, path, "[roadmap]")
    title = _expect(roadmap.get("title", ""), str, path, "roadmap.title")
    source = _expect(roadmap.get("source", ""), str, path, "roadmap.source")
    items: dict[str, ItemState] = {}
    for key, raw in _expect(data.get("items", {}), dict, path, "[items]").items():
        where = f'items."{key}"'
        table = _expect(raw, dict, path, where)
        status_text = _expect(table.get("status", ""), str, path, f"{where}.status")
        try:
            status = Status(status_text) if status_text else None
        except ValueError:
            allowed = ", ".join(s.value for s in Status)
            raise StateError(
                path, f"{where}.status is {status_text!r}; it should be one of {allowed}."
            ) from None
        items[key] = ItemState(
            text=_expect(table.get("text", ""), str, path, f"{where}.text"),
            status=status,
            status_changed=_optional_time(table, "status_changed", path, where),
            note=_expect(table.get("note", ""), str, path, f"{where}.note"),
            note_changed=_optional_time(table, "note_changed", path, where),
        )
    return State(title=title, source=source, items=items)


def read_state(path: Path) -> State:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise StateError(path, f"it cannot be read ({error.strerror or error}).") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise StateError(path, "it is not UTF-8 text.") from None
    return parse_state(text, path)


def _make_private_folder(folder: Path) -> None:
    """`mkdir -p`, but every folder it creates is 0700, as the XDG spec asks."""
    if folder.is_dir():
        return
    _make_private_folder(folder.parent)
    folder.mkdir(mode=0o700, exist_ok=True)


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` so that readers see the old file or the new, never a mix."""
    _make_private_folder(path.parent)
    # mkstemp makes an unpredictable name with mode 0600 and never follows a planted link.
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(text.encode("utf-8"))
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40].strip("-") or "roadmap"


def _belongs(state: State, roadmap_ids: set[str], source: Path) -> bool:
    if state.source == str(source):
        return True
    if not state.items:
        return True
    shared = sum(1 for key in state.items if key in roadmap_ids)
    return shared / len(state.items) >= SAME_ROADMAP_OVERLAP


def state_path_for(roadmap: Roadmap, source: Path, folder: Path) -> Path:
    """The state file of this roadmap: found by what it holds, not where the markdown lives.

    Files are named after the roadmap's title; a different roadmap with the same
    title gets the next free name, so two roadmaps never share progress.
    """
    stem = _slug(roadmap.text)
    ids = {node.id for node in roadmap.items()}
    candidate = folder / f"{stem}.toml"
    number = 1
    while candidate.exists():
        if _belongs(read_state(candidate), ids, source):
            return candidate
        number += 1
        candidate = folder / f"{stem}-{number}.toml"
    return candidate


class Store:
    """The one writer of a roadmap's state file."""

    def __init__(self, path: Path, roadmap: Roadmap, source: Path) -> None:
        self.path = path
        self.roadmap = roadmap
        if path.exists():
            self.state = read_state(path)
            self.state.source = str(source)
        else:
            self.state = State(title=roadmap.text, source=str(source))

    @classmethod
    def open(cls, roadmap: Roadmap, source: Path, folder: Path) -> Store:
        source = source.resolve()
        return cls(state_path_for(roadmap, source, folder), roadmap, source)

    def item(self, node_id: str) -> ItemState | None:
        return self.state.items.get(node_id)

    def status(self, node: Node) -> Status:
        saved = self.state.items.get(node.id)
        if saved is not None and saved.status is not None:
            return saved.status
        return node.initial_status

    def note(self, node: Node) -> str:
        saved = self.state.items.get(node.id)
        return saved.note if saved else ""

    def _entry(self, node: Node) -> ItemState:
        entry = self.state.items.get(node.id)
        if entry is None:
            entry = self.state.items[node.id] = ItemState(text=node.text)
        entry.text = node.text
        return entry

    def set_status(self, node: Node, status: Status, when: datetime | None = None) -> bool:
        """Record and save a status change; False when nothing changed."""
        if self.status(node) == status:
            return False
        entry = self._entry(node)
        entry.status = status
        entry.status_changed = when or now()
        self.save()
        return True

    def set_note(self, node: Node, note: str, when: datetime | None = None) -> bool:
        """Record and save a note; False when it is unchanged."""
        if self.note(node) == note:
            return False
        entry = self._entry(node)
        entry.note = note
        entry.note_changed = when or now()
        self.save()
        return True

    def notes(self) -> Iterable[tuple[str, str]]:
        return ((key, item.note) for key, item in self.state.items.items() if item.note)

    def save(self) -> None:
        write_atomically(self.path, dump_state(self.state))


def dump_state(state: State) -> str:
    # Multi-line strings read best, but tomli-w writes a CR LF in them as LF; a note
    # holding a CR is kept byte for byte by falling back to escaped strings.
    has_cr = any("\r" in item.note or "\r" in item.text for item in state.items.values())
    return tomli_w.dumps(state.to_toml(), multiline_strings=not has_cr)
