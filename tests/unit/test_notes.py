"""Saving notes for the main screen (`app.notes.Notes`), driven directly, with no terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

import pytest

from dlroadmap.app.external_editor import EditorError
from dlroadmap.app.notes import Notes, Notice
from dlroadmap.progress.history import History
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Node, Roadmap, Status
from dlroadmap.roadmap.source import load_roadmap

PLAN = """# Plan
## Phase 1: Basics
- Tensors
- Autograd
"""


UseEditor = Callable[[str], None]


class Told(list[Notice]):
    def messages(self) -> list[str]:
        return [notice.message for notice in self]


def open_store(tmp_path: Path) -> tuple[Roadmap, Path, Path]:
    path = tmp_path / "plan.md"
    path.write_text(PLAN, encoding="utf-8")
    return load_roadmap(path), path, tmp_path / "state"


def setup(tmp_path: Path) -> tuple[Notes, Store, Told]:
    roadmap, path, folder = open_store(tmp_path)
    store = Store.open(roadmap, path, folder)
    told = Told()
    return Notes(store, roadmap.get, told.append), store, told


def other_session(tmp_path: Path) -> Store:
    roadmap, path, folder = open_store(tmp_path)
    return Store.open(roadmap, path, folder)


def item(store: Store, text: str) -> Node:
    return next(node for node in store.roadmap.items() if node.text == text)


def test_a_note_is_saved_and_its_change_returned(tmp_path: Path) -> None:
    notes, store, told = setup(tmp_path)
    tensors = item(store, "Tensors")
    notes.begin_edit()
    change = notes.save(tensors.id, "rank and shape", base="")
    assert change is not None
    assert (change.node_id, change.field, change.before, change.after) == (
        tensors.id,
        "note",
        "",
        "rank and shape",
    )
    assert other_session(tmp_path).note(tensors) == "rank and shape"
    assert told == []


def test_saves_within_one_edit_undo_as_one(tmp_path: Path) -> None:
    notes, store, _told = setup(tmp_path)
    tensors = item(store, "Tensors")
    history = History()
    notes.begin_edit()
    for base, text in (("", "ra"), ("ra", "rank")):
        change = notes.save(tensors.id, text, base)
        assert change is not None
        history.push(change)
    notes.begin_edit()
    change = notes.save(tensors.id, "rank!", "rank")
    assert change is not None
    history.push(change)
    assert history.undone().before == "rank"
    assert history.undone().before == ""


def test_a_note_written_meanwhile_elsewhere_keeps_both_and_is_told(tmp_path: Path) -> None:
    notes, store, told = setup(tmp_path)
    tensors = item(store, "Tensors")
    other = other_session(tmp_path)
    other.set_note(item(other, "Tensors"), "from session two")
    store.refresh()
    change = notes.save(tensors.id, "from session one", base="")
    assert change is not None
    saved = other_session(tmp_path).note(tensors)
    assert "from session one" in saved
    assert "from session two" in saved
    assert change.after == saved
    assert [notice.severity for notice in told] == ["warning"]
    assert "“Tensors” was written in two sessions at once" in told[0].message


def test_a_note_for_an_item_that_is_gone_is_not_saved(tmp_path: Path) -> None:
    notes, _store, told = setup(tmp_path)
    assert notes.save("phase-1-basics/no-such-topic", "lost?", "") is None
    assert told == []


def test_a_failed_save_is_told_and_kept_for_the_next(tmp_path: Path) -> None:
    notes, store, told = setup(tmp_path)
    tensors, autograd = item(store, "Tensors"), item(store, "Autograd")
    notes.write(lambda: store.set_status(tensors, Status.DONE))
    good = store.path.read_bytes()
    store.path.write_text("this is [not TOML", encoding="utf-8")
    assert notes.write(lambda: store.set_status(autograd, Status.DONE)) is True
    assert [notice.severity for notice in told] == ["error"]
    assert told[0].message.startswith("Not saved yet:")
    assert "saved with the next one" in told[0].message
    store.path.write_bytes(good)
    notes.write(lambda: store.set_note(tensors, "later"))
    assert other_session(tmp_path).status(autograd) is Status.DONE


def editor_script(tmp_path: Path, body: str) -> Path:
    """An editor that runs `body` (Python) with the note's file as `path`."""
    script = tmp_path / "editor"
    script.write_text(
        f"#!{sys.executable}\nimport sys\nfrom pathlib import Path\n"
        f"path = Path(sys.argv[1])\n{body}\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script


@pytest.fixture
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> UseEditor:
    """Sets $EDITOR to a script running the Python given."""
    monkeypatch.delenv("VISUAL", raising=False)

    def use(body: str) -> None:
        monkeypatch.setenv("EDITOR", str(editor_script(tmp_path, body)))

    return use


def test_the_external_editor_s_text_is_saved_as_one_edit(tmp_path: Path, editor: UseEditor) -> None:
    editor("path.write_text(path.read_text() + 'and more\\n')")
    notes, store, told = setup(tmp_path)
    tensors = item(store, "Tensors")
    notes.save(tensors.id, "first", "")
    caught_up: list[bool] = []
    change = notes.edit_externally(tensors, nullcontext, lambda: caught_up.append(True))
    assert change is not None
    assert (change.before, change.after) == ("first", "first\nand more")
    assert other_session(tmp_path).note(tensors) == "first\nand more"
    assert caught_up == [True]
    assert told == []


def test_an_editor_left_without_a_change_is_told(tmp_path: Path, editor: UseEditor) -> None:
    editor("pass")
    notes, store, told = setup(tmp_path)
    tensors = item(store, "Tensors")
    assert notes.edit_externally(tensors, nullcontext, lambda: None) is None
    assert told.messages() == ["No change to the note of “Tensors”."]


def test_a_missing_editor_is_told_and_nothing_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(tmp_path / "no-such-editor"))
    notes, store, told = setup(tmp_path)
    suspended: list[bool] = []

    @contextmanager
    def suspend() -> Iterator[None]:
        suspended.append(True)
        yield

    assert notes.edit_externally(item(store, "Tensors"), suspend, lambda: None) is None
    assert suspended == []  # found missing before the terminal was handed over
    assert [(notice.title, notice.severity) for notice in told] == [("Note not edited", "error")]
    assert "cannot be found" in told[0].message


def test_a_terminal_that_cannot_be_handed_over_keeps_the_note(
    tmp_path: Path, editor: UseEditor
) -> None:
    editor("path.write_text('never')")
    notes, store, told = setup(tmp_path)
    tensors = item(store, "Tensors")
    notes.save(tensors.id, "kept", "")

    @contextmanager
    def cannot_suspend() -> Iterator[None]:
        raise EditorError("This terminal cannot hand the screen to another program.")
        yield

    assert notes.edit_externally(tensors, cannot_suspend, lambda: None) is None
    assert told.messages() == ["This terminal cannot hand the screen to another program."]
    assert other_session(tmp_path).note(tensors) == "kept"


def test_a_note_saved_elsewhere_while_the_editor_was_open_is_kept(
    tmp_path: Path, editor: UseEditor
) -> None:
    editor("path.write_text('from the editor\\n')")
    notes, store, told = setup(tmp_path)
    tensors = item(store, "Tensors")

    def meanwhile() -> None:
        other = other_session(tmp_path)
        other.set_note(item(other, "Tensors"), "from session two")
        store.refresh()

    change = notes.edit_externally(tensors, nullcontext, meanwhile)
    assert change is not None
    saved = other_session(tmp_path).note(tensors)
    assert "from the editor" in saved
    assert "from session two" in saved
    assert any("two sessions at once" in message for message in told.messages())
