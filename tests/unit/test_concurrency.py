"""Two sessions on one roadmap: no change is ever lost, none goes unseen."""

from __future__ import annotations

import os
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from dlroadmap.progress import cache as state_cache_module
from dlroadmap.progress import store as store_module
from dlroadmap.progress.locate import read_state
from dlroadmap.progress.state import State
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Node, Roadmap, Status
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap


def open_store(folder: Path) -> Store:
    path = bundled_roadmap_path()
    return Store.open(load_roadmap(path), path, folder)


def items(roadmap: Roadmap) -> list[Node]:
    return list(roadmap.items())


def test_two_sessions_keep_each_others_changes(tmp_path: Path) -> None:
    first, second = open_store(tmp_path), open_store(tmp_path)
    one, two = items(first.roadmap)[:2]
    first.set_status(one, Status.DONE)
    first.set_note(one, "first's note")
    second.set_status(two, Status.IN_PROGRESS)
    second.set_note(two, "second's note")
    on_disk = read_state(first.path).items
    assert on_disk[one.id].status == Status.DONE
    assert on_disk[one.id].note == "first's note"
    assert on_disk[two.id].status == Status.IN_PROGRESS
    assert on_disk[two.id].note == "second's note"


def test_the_other_session_sees_a_change_without_a_restart(tmp_path: Path) -> None:
    first, second = open_store(tmp_path), open_store(tmp_path)
    one = items(first.roadmap)[0]
    assert first.refresh() == []
    second.set_note(one, "written elsewhere")
    assert first.refresh() == [one.id]
    assert first.note(one) == "written elsewhere"
    assert first.refresh() == []


def test_a_note_edited_in_both_sessions_keeps_both_texts(tmp_path: Path) -> None:
    first, second = open_store(tmp_path), open_store(tmp_path)
    one = items(first.roadmap)[0]
    first.set_note(one, "from the laptop")
    second.set_note(one, "from the server")
    note = read_state(first.path).items[one.id].note
    assert "from the laptop" in note
    assert "from the server" in note
    assert second.conflicts == (one.id,)
    first.refresh()
    assert first.note(one) == note


def write_in_place_looking_unchanged(path: Path, old: str, new: str) -> None:
    """What a second session's save can look like to the first: other bytes of the same
    length under the same inode and modification time (file systems stamp times by the
    clock tick, and a replaced file's inode is soon reused)."""
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert len(new) == len(old) and text.count(old) == 1
    with path.open("r+", encoding="utf-8") as handle:
        handle.write(text.replace(old, new))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns, after.st_size) == (
        before.st_ino,
        before.st_mtime_ns,
        before.st_size,
    )


def test_a_save_that_looks_like_the_file_seen_is_still_merged(tmp_path: Path) -> None:
    first = open_store(tmp_path)
    one, two = items(first.roadmap)[:2]
    first.set_note(one, "note AAAA")
    # Another session rewrites the note within the same clock tick.
    write_in_place_looking_unchanged(first.path, "note AAAA", "note BBBB")
    first.set_note(two, "mine")
    on_disk = read_state(first.path).items
    assert on_disk[two.id].note == "mine"
    assert on_disk[one.id].note == "note BBBB"


def test_a_change_that_looks_like_the_file_seen_is_still_shown(tmp_path: Path) -> None:
    first = open_store(tmp_path)
    one = items(first.roadmap)[0]
    first.set_note(one, "note AAAA")
    write_in_place_looking_unchanged(first.path, "note AAAA", "note BBBB")
    assert first.refresh() == [one.id]
    assert first.note(one) == "note BBBB"


def test_a_change_that_looks_like_the_file_read_at_opening_is_still_shown(
    tmp_path: Path,
) -> None:
    writer = open_store(tmp_path)
    one = items(writer.roadmap)[0]
    writer.set_note(one, "note AAAA")
    reader = open_store(tmp_path)  # reads the file a moment after it was written
    write_in_place_looking_unchanged(reader.path, "note AAAA", "note BBBB")
    assert reader.refresh() == [one.id]
    assert reader.note(one) == "note BBBB"


def saving_meanwhile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Store, Node]:
    """Another session and the item it will save "saved meanwhile" into; signatures are
    trusted at once, so only what a store really read can tell it the file changed."""
    monkeypatch.setattr(store_module, "RACY_NS", -(10**18))
    other = open_store(tmp_path)
    return other, items(other.roadmap)[0]


def assert_shown_meanwhile(late: Store, one: Node) -> None:
    assert late.refresh() == [one.id]
    assert late.note(one) == "saved meanwhile"


def test_a_save_landing_while_the_file_is_being_read_is_not_missed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # However long reading takes (a large file, a slow machine), what was read is
    # what the store compares with later.
    other, one = saving_meanwhile(tmp_path, monkeypatch)
    other.set_note(one, "before")
    decode = state_cache_module.decode_state

    def decode_while_another_saves(data: bytes, path: Path) -> State:
        state = decode(data, path)
        if b"before" in data:
            other.set_note(one, "saved meanwhile")
        return state

    monkeypatch.setattr(state_cache_module, "decode_state", decode_while_another_saves)
    late = open_store(tmp_path)
    assert late.note(one) == "before"
    assert_shown_meanwhile(late, one)


def test_once_checked_well_after_its_save_the_file_is_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "RACY_NS", 100_000_000)
    store = open_store(tmp_path)
    store.set_note(items(store.roadmap)[0], "mine")
    # 200 ms pass, on the store's clock (nothing else here looks at it).
    clock = time.time_ns
    monkeypatch.setattr(
        store_module, "time", SimpleNamespace(time_ns=lambda: clock() + 200_000_000)
    )
    reads: list[Path] = []
    read_bytes, parse = Path.read_bytes, state_cache_module.StateCache.read

    def counting(path: Path) -> bytes:
        reads.append(path)
        return read_bytes(path)

    def counting_parse(files: state_cache_module.StateCache, path: Path) -> State:
        reads.append(path)
        return parse(files, path)

    monkeypatch.setattr(Path, "read_bytes", counting)
    monkeypatch.setattr(state_cache_module.StateCache, "read", counting_parse)
    assert store.refresh() == []
    assert reads == [store.path]  # seen within 100 ms of its write: the bytes decide
    assert store.refresh() == []
    assert store.refresh() == []
    assert reads == [store.path]  # then the signature alone


def test_a_file_saved_while_a_session_finds_none_is_read_by_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The other session's first save lands between "no file yet" and the store
    # remembering the file: it must not be taken for read, however old it looks.
    other, one = saving_meanwhile(tmp_path, monkeypatch)
    path = other.path
    exists = Path.exists
    landed: list[bool] = []

    def save_meanwhile(self: Path) -> bool:
        if self == path and not landed:
            landed.append(True)
            other.set_note(one, "saved meanwhile")
            return False
        return exists(self)

    monkeypatch.setattr(Path, "exists", save_meanwhile)
    roadmap = other.roadmap
    late = store_module.Store(path, roadmap, bundled_roadmap_path().resolve())
    monkeypatch.setattr(Path, "exists", exists)
    assert landed and late.note(one) == ""
    assert_shown_meanwhile(late, one)
