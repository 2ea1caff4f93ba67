"""Recovery files (progress/recovery.py): what a session could not save, merged back in
at the next start without losing what was saved meanwhile."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from dlroadmap.progress import recovery
from dlroadmap.progress import store as store_module
from dlroadmap.progress.locate import read_state
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Node, Status
from dlroadmap.roadmap.source import load_roadmap

PLAN = """# Plan
## Phase 1: Basics
- Tensors
- Autograd
"""


def open_store(tmp_path: Path) -> Store:
    path = tmp_path / "plan.md"
    if not path.exists():
        path.write_text(PLAN, encoding="utf-8")
    return Store.open(load_roadmap(path), path, tmp_path / "state")


def topic(store: Store, text: str) -> Node:
    return next(node for node in store.roadmap.items() if node.text == text)


def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    def full(path: Path, text: str | bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module, "write_atomically", full)


def test_what_was_saved_meanwhile_and_what_was_kept_are_both_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_store(tmp_path).set_note(topic(open_store(tmp_path), "Tensors"), "first words")
    stuck, other = open_store(tmp_path), open_store(tmp_path)
    tensors, autograd = topic(stuck, "Tensors"), topic(stuck, "Autograd")
    with monkeypatch.context() as patch:
        full_disk(patch)
        with pytest.raises(OSError):
            stuck.set_note(tensors, "first words, kept in the recovery file")
        with pytest.raises(OSError):
            stuck.set_status(autograd, Status.DONE)
        assert stuck.pending
        kept = stuck.keep_unsaved()
    # Only the unsaved items are in it; the state file has not changed.
    assert set(recovery.read_recovery(kept).items) == {tensors.id, autograd.id}
    other.set_note(topic(other, "Tensors"), "first words, then another session's")

    again = open_store(tmp_path)
    assert again.recovered == (kept,)
    note = again.note(topic(again, "Tensors"))
    assert "kept in the recovery file" in note
    assert "then another session's" in note
    assert again.status(topic(again, "Autograd")) is Status.DONE
    assert not kept.exists()
    assert read_state(again.path).items[autograd.id].status is Status.DONE


def test_a_recovery_file_stays_until_what_it_holds_is_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(tmp_path)
    full_disk(monkeypatch)
    with pytest.raises(OSError):
        store.set_note(topic(store, "Tensors"), "not lost")
    kept = store.keep_unsaved()
    # The disk is still full: merged in memory, pending, not saved.
    assert open_store(tmp_path).pending
    assert kept.exists()
    monkeypatch.undo()
    store = open_store(tmp_path)
    assert store.note(topic(store, "Tensors")) == "not lost"
    assert not kept.exists()


def test_the_lost_paragraph_names_each_topic_and_holds_each_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(tmp_path)
    full_disk(monkeypatch)
    with pytest.raises(OSError):
        store.set_note(topic(store, "Tensors"), "line one\n\x1b]52;c;aGk=\x07line two")
    text = recovery.lost_paragraph(store.path, store.unsaved_items(), "No space left")
    assert "- Tensors" in text
    assert "    line one" in text
    assert "line two" in text
    assert "\x1b" not in text  # shown, never sent to the terminal as a command
