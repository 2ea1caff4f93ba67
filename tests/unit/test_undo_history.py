"""The undo/redo history on its own: what is undone, redone, forgotten and grouped."""

from __future__ import annotations

from dlroadmap.progress.history import Change, History


def test_history_undo_then_redo() -> None:
    history = History()
    history.push(Change("a", "status", "todo", "done"))
    history.push(Change("b", "note", "", "hello"))
    assert history.next_undo() == Change("b", "note", "", "hello")
    assert history.undone().node_id == "b"
    assert history.undone().node_id == "a"
    assert history.next_undo() is None
    assert history.redone().node_id == "a"
    assert history.next_redo() == Change("b", "note", "", "hello")


def test_a_new_change_forgets_what_was_undone() -> None:
    history = History()
    history.push(Change("a", "status", "todo", "done"))
    history.undone()
    history.push(Change("b", "status", "todo", "skipped"))
    assert history.next_redo() is None


def test_saves_while_typing_are_one_edit() -> None:
    history = History()
    history.push(Change("a", "note", "", "he", group=1))
    history.push(Change("a", "note", "he", "hello", group=1))
    history.push(Change("a", "note", "hello", "hello!", group=2))
    assert history.undone() == Change("a", "note", "hello", "hello!", group=2)
    assert history.undone() == Change("a", "note", "", "hello", group=1)
    # Typed and typed back in one stay: nothing to undo.
    history.push(Change("b", "note", "x", "xy", group=3))
    history.push(Change("b", "note", "xy", "x", group=3))
    assert history.next_undo() is None


def test_history_is_short() -> None:
    history = History(length=3)
    for number in range(5):
        history.push(Change(str(number), "status", "todo", "done"))
    assert len(history) == 3
    assert [history.undone().node_id for _ in range(3)] == ["4", "3", "2"]
