"""This session's edits (`app.edits.Edits`): notes saved, merged and edited in $EDITOR,
statuses, undo; driven directly, with no terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

import pytest

from dlroadmap.app.edits import Edits, Notice
from dlroadmap.app.external_editor import EditorError
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


def setup(tmp_path: Path) -> tuple[Edits, Store, Told]:
    roadmap, path, folder = open_store(tmp_path)
    store = Store.open(roadmap, path, folder)
    told = Told()
    return Edits(store, roadmap.get, told.append), store, told


def other_session(tmp_path: Path) -> Store:
    roadmap, path, folder = open_store(tmp_path)
    return Store.open(roadmap, path, folder)


def item(store: Store, text: str) -> Node:
    return next(node for node in store.roadmap.items() if node.text == text)


def test_a_note_is_saved_and_can_be_undone(tmp_path: Path) -> None:
    edits, store, told = setup(tmp_path)
    tensors = item(store, "Tensors")
    edits.begin_edit()
    assert edits.save_note(tensors.id, "rank and shape", base="") == "rank and shape"
    assert other_session(tmp_path).note(tensors) == "rank and shape"
    edits.undo("undo", lambda: None)
    assert other_session(tmp_path).note(tensors) == ""
    assert told.messages() == ["Undid: note edit on “Tensors”"]


def test_saves_within_one_stay_in_the_editor_undo_as_one(tmp_path: Path) -> None:
    edits, store, _told = setup(tmp_path)
    tensors = item(store, "Tensors")
    edits.begin_edit()
    edits.save_note(tensors.id, "ra", "")
    edits.save_note(tensors.id, "rank", "ra")
    edits.begin_edit()
    edits.save_note(tensors.id, "rank!", "rank")
    edits.undo("undo", lambda: None)
    assert store.note(tensors) == "rank"
    edits.undo("undo", lambda: None)
    assert store.note(tensors) == ""


def test_a_status_change_is_undone_and_redone(tmp_path: Path) -> None:
    edits, store, told = setup(tmp_path)
    tensors = item(store, "Tensors")
    assert edits.set_status(tensors, Status.DONE) is True
    assert edits.set_status(tensors, Status.DONE) is False  # no change: nothing to undo
    edits.undo("undo", lambda: None)
    assert other_session(tmp_path).status(tensors) is Status.TODO
    edits.undo("redo", lambda: None)
    assert other_session(tmp_path).status(tensors) is Status.DONE
    edits.undo("redo", lambda: None)
    assert told.messages() == [
        "Undid: done on “Tensors”",
        "Redid: done on “Tensors”",
        "Nothing to redo.",
    ]


def test_an_undo_never_writes_over_another_session_s_change(tmp_path: Path) -> None:
    edits, store, told = setup(tmp_path)
    tensors = item(store, "Tensors")
    edits.set_status(tensors, Status.DONE)
    other = other_session(tmp_path)
    other.set_status(item(other, "Tensors"), Status.SKIPPED)

    def catch_up() -> None:  # as the screen does, before an undo
        edits.catch_up()

    done = edits.undo("undo", catch_up)
    assert done.outcome == "changed"
    assert other_session(tmp_path).status(tensors) is Status.SKIPPED
    assert told[-1].severity == "warning"
    assert "was changed since, in another session" in told[-1].message


def test_a_note_written_meanwhile_elsewhere_keeps_both_and_is_told(tmp_path: Path) -> None:
    edits, store, told = setup(tmp_path)
    tensors = item(store, "Tensors")
    other = other_session(tmp_path)
    other.set_note(item(other, "Tensors"), "from session two")
    assert edits.catch_up() == [tensors.id]
    saved = edits.save_note(tensors.id, "from session one", base="")
    assert saved is not None
    assert "from session one" in saved
    assert "from session two" in saved
    assert other_session(tmp_path).note(tensors) == saved
    assert [notice.severity for notice in told] == ["warning"]
    assert "“Tensors” was written in two sessions at once" in told[0].message


def test_a_note_for_an_item_that_is_gone_is_not_saved(tmp_path: Path) -> None:
    edits, _store, told = setup(tmp_path)
    assert edits.save_note("phase-1-basics/no-such-topic", "lost?", "") is None
    assert told == []


def test_a_broken_state_file_is_told_once_while_catching_up(tmp_path: Path) -> None:
    edits, store, told = setup(tmp_path)
    edits.set_status(item(store, "Tensors"), Status.DONE)
    store.path.write_text("this is [not TOML", encoding="utf-8")
    assert edits.catch_up() == []
    assert edits.catch_up() == []
    assert [notice.severity for notice in told] == ["error"]
    assert "not valid TOML" in told[0].message


def test_a_failed_save_is_told_and_kept_for_the_next(tmp_path: Path) -> None:
    edits, store, told = setup(tmp_path)
    tensors, autograd = item(store, "Tensors"), item(store, "Autograd")
    edits.set_status(tensors, Status.DONE)
    good = store.path.read_bytes()
    store.path.write_text("this is [not TOML", encoding="utf-8")
    assert edits.set_status(autograd, Status.DONE) is True
    assert [notice.severity for notice in told] == ["error"]
    assert told[0].message.startswith("Not saved yet:")
    assert "saved with the next one" in told[0].message
    store.path.write_bytes(good)
    edits.set_status(tensors, Status.IN_PROGRESS)
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
    edits, store, told = setup(tmp_path)
    tensors = item(store, "Tensors")
    edits.save_note(tensors.id, "first", "")
    caught_up: list[bool] = []
    assert edits.edit_externally(tensors, nullcontext, lambda: caught_up.append(True))
    assert other_session(tmp_path).note(tensors) == "first\nand more"
    assert caught_up == [True]
    edits.undo("undo", lambda: None)
    assert store.note(tensors) == "first"
    assert told.messages() == ["Undid: note edit on “Tensors”"]


def test_an_editor_left_without_a_change_is_told(tmp_path: Path, editor: UseEditor) -> None:
    editor("pass")
    edits, store, told = setup(tmp_path)
    tensors = item(store, "Tensors")
    assert edits.edit_externally(tensors, nullcontext, lambda: None) is False
    assert told.messages() == ["No change to the note of “Tensors”."]


def test_a_missing_editor_is_told_and_nothing_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(tmp_path / "no-such-editor"))
    edits, store, told = setup(tmp_path)
    suspended: list[bool] = []

    @contextmanager
    def suspend() -> Iterator[None]:
        suspended.append(True)
        yield

    assert edits.edit_externally(item(store, "Tensors"), suspend, lambda: None) is False
    assert suspended == []  # found missing before the terminal was handed over
    assert [(notice.title, notice.severity) for notice in told] == [("Note not edited", "error")]
    assert "cannot be found" in told[0].message


def test_a_terminal_that_cannot_be_handed_over_keeps_the_note(
    tmp_path: Path, editor: UseEditor
) -> None:
    editor("path.write_text('never')")
    edits, store, told = setup(tmp_path)
    tensors = item(store, "Tensors")
    edits.save_note(tensors.id, "kept", "")

    @contextmanager
    def cannot_suspend() -> Iterator[None]:
        raise EditorError("This terminal cannot hand the screen to another program.")
        yield

    assert edits.edit_externally(tensors, cannot_suspend, lambda: None) is False
    assert told.messages() == ["This terminal cannot hand the screen to another program."]
    assert other_session(tmp_path).note(tensors) == "kept"


def test_a_note_saved_elsewhere_while_the_editor_was_open_is_kept(
    tmp_path: Path, editor: UseEditor
) -> None:
    editor("path.write_text('from the editor\\n')")
    edits, store, told = setup(tmp_path)
    tensors = item(store, "Tensors")

    def meanwhile() -> None:
        other = other_session(tmp_path)
        other.set_note(item(other, "Tensors"), "from session two")
        store.refresh()

    assert edits.edit_externally(tensors, nullcontext, meanwhile)
    saved = other_session(tmp_path).note(tensors)
    assert "from the editor" in saved
    assert "from session two" in saved
    assert any("two sessions at once" in message for message in told.messages())


def test_two_sessions_typing_in_one_note_for_eight_rounds_converge(tmp_path: Path) -> None:
    """Issue 12: each round both type a few words, save, and take in the other's save.
    The note once doubled each round (27,285 characters and 399 markers after 8)."""
    from dlroadmap.progress.merge import CONFLICT_MARKER

    roadmap, path, folder = open_store(tmp_path)
    stores = [Store.open(roadmap, path, folder) for _ in range(2)]
    sessions = [Edits(store, store.roadmap.get, Told().append) for store in stores]
    node = item(stores[0], "Tensors")
    # Each editor's text and the saved note it builds on, as the notes editor keeps them.
    editors = [["", ""], ["", ""]]
    typed: list[str] = []
    for round in range(8):
        for number, (edits, editor) in enumerate(zip(sessions, editors, strict=True)):
            words = [f"s{number}r{round}a", f"s{number}r{round}b"]
            typed += words
            editor[0] = " ".join([editor[0], *words]).strip()
            saved = edits.save_note(node.id, editor[0], base=editor[1])
            assert saved is not None
            editor[:] = [saved, saved]
        for store, edits, editor in zip(stores, sessions, editors, strict=True):
            if node.id in edits.catch_up():
                editor[:] = [store.note(node)] * 2
    note = stores[0].note(node)
    assert stores[1].note(node) == note
    assert note.count(CONFLICT_MARKER.split("{")[0]) <= 8
    for word in typed:
        assert note.split().count(word) == 1
    marker_lines = note.count(CONFLICT_MARKER.split("{")[0]) * (len(CONFLICT_MARKER) + 24)
    assert len(note) <= sum(len(word) + 1 for word in typed) + marker_lines


def test_a_sections_statuses_are_one_write_and_one_undo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dlroadmap.progress import store as store_module

    edits, store, told = setup(tmp_path)
    tensors, autograd = item(store, "Tensors"), item(store, "Autograd")
    edits.set_status(tensors, Status.DONE)
    phase = store.roadmap.phases[0]
    writes: list[Path] = []
    write = store_module.write_atomically

    def counted(path: Path, data: bytes) -> None:
        writes.append(path)
        write(path, data)

    monkeypatch.setattr(store_module, "write_atomically", counted)
    changed = edits.set_statuses(phase, [(tensors, Status.TODO), (autograd, Status.SKIPPED)])
    assert changed == [tensors.id, autograd.id]
    assert len(writes) == 1
    again = other_session(tmp_path)
    assert (again.status(tensors), again.status(autograd)) == (Status.TODO, Status.SKIPPED)
    done = edits.undo("undo", lambda: None)
    assert len(writes) == 2
    assert done.node_ids == [tensors.id, autograd.id]
    assert told.messages()[-1] == "Undid: to do on 2 topics in “Phase 1: Basics”"
    again = other_session(tmp_path)
    assert (again.status(tensors), again.status(autograd)) == (Status.DONE, Status.TODO)
