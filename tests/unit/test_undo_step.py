"""Applying an undo or a redo (`history.step`), on a dictionary standing in for the store."""

from __future__ import annotations

from dlroadmap.progress.history import Batch, Change, History, step


class Fields:
    """Items' fields as `step` sees them through the store: read, and written."""

    def __init__(self, values: dict[tuple[str, str], str]) -> None:
        self.values = values
        self.writes: list[tuple[str, str, str]] = []
        self.batches: list[list[tuple[str, str, str]]] = []  # each call: one save

    def current(self, change: Change) -> str | None:
        return self.values.get((change.node_id, change.field))

    def write(self, changes: list[tuple[Change, str]]) -> None:
        self.batches.append([(change.node_id, change.field, value) for change, value in changes])
        for change, value in changes:
            self.writes.append((change.node_id, change.field, value))
            self.values[change.node_id, change.field] = value


def test_undo_puts_the_field_back_and_redo_makes_it_again() -> None:
    history = History()
    history.push(Change("a", "status", "todo", "done"))
    fields = Fields({("a", "status"): "done"})
    undone = step(history, "undo", fields.current, fields.write)
    assert undone.outcome == "applied"
    assert fields.values["a", "status"] == "todo"
    assert undone.message("Tensors") == "Undid: done on “Tensors”"
    redone = step(history, "redo", fields.current, fields.write)
    assert redone.outcome == "applied"
    assert fields.values["a", "status"] == "done"
    assert redone.message("Tensors") == "Redid: done on “Tensors”"
    assert step(history, "redo", fields.current, fields.write).message("") == "Nothing to redo."


def test_a_note_edit_is_named_as_one() -> None:
    history = History()
    history.push(Change("a", "note", "", "chain rule"))
    fields = Fields({("a", "note"): "chain rule"})
    undone = step(history, "undo", fields.current, fields.write)
    assert fields.values["a", "note"] == ""
    assert undone.message("Autograd") == "Undid: note edit on “Autograd”"


def test_nothing_to_undo_writes_nothing() -> None:
    fields = Fields({})
    done = step(History(), "undo", fields.current, fields.write)
    assert (done.outcome, done.change) == ("nothing", None)
    assert done.message("") == "Nothing to undo."
    assert fields.writes == []


def test_a_field_changed_elsewhere_since_is_left_alone_and_the_entry_forgotten() -> None:
    history = History()
    history.push(Change("a", "status", "todo", "in_progress"))
    history.push(Change("b", "status", "todo", "done"))
    # Another session set b to skipped after this one marked it done.
    fields = Fields({("a", "status"): "in_progress", ("b", "status"): "skipped"})
    refused = step(history, "undo", fields.current, fields.write)
    assert refused.outcome == "changed"
    assert refused.message("Optimizers") == (
        "Cannot undo: “Optimizers” was changed since, in another session."
    )
    assert fields.writes == []
    assert fields.values["b", "status"] == "skipped"
    # The next `u` goes on to the change before it.
    assert step(history, "undo", fields.current, fields.write).change == Change(
        "a", "status", "todo", "in_progress"
    )
    assert fields.writes == [("a", "status", "todo")]


def test_an_item_gone_from_the_roadmap_is_skipped_over() -> None:
    history = History()
    history.push(Change("gone", "note", "", "hello"))
    fields = Fields({})
    refused = step(history, "undo", fields.current, fields.write)
    assert refused.outcome == "gone"
    assert refused.message("") == "Cannot undo: that topic is gone."
    assert history.next_undo() is None
    assert history.next_redo() is None


def test_a_redo_whose_field_moved_on_is_forgotten() -> None:
    history = History()
    history.push(Change("a", "status", "todo", "done"))
    fields = Fields({("a", "status"): "done"})
    step(history, "undo", fields.current, fields.write)
    fields.values["a", "status"] = "skipped"  # another session, meanwhile
    refused = step(history, "redo", fields.current, fields.write)
    assert refused.outcome == "changed"
    assert fields.values["a", "status"] == "skipped"
    assert history.next_redo() is None


def test_a_batch_is_undone_and_redone_as_one_write() -> None:
    history = History()
    history.push(Change("x", "status", "todo", "done"))
    history.push(
        Batch(
            "phase",
            (
                Change("a", "status", "todo", "skipped"),
                Change("b", "status", "in_progress", "skipped"),
            ),
        )
    )
    fields = Fields(
        {("a", "status"): "skipped", ("b", "status"): "skipped", ("x", "status"): "done"}
    )
    undone = step(history, "undo", fields.current, fields.write)
    assert fields.batches == [[("a", "status", "todo"), ("b", "status", "in_progress")]]
    assert undone.node_ids == ["a", "b"]
    assert undone.message("Phase 1") == "Undid: skipped on 2 topics in “Phase 1”"
    redone = step(history, "redo", fields.current, fields.write)
    assert redone.message("Phase 1") == "Redid: skipped on 2 topics in “Phase 1”"
    assert (fields.values["a", "status"], fields.values["b", "status"]) == ("skipped", "skipped")
    # The one change before the batch is next, untouched.
    step(history, "undo", fields.current, fields.write)
    assert step(history, "undo", fields.current, fields.write).change == Change(
        "x", "status", "todo", "done"
    )


def test_a_batch_leaves_the_topics_changed_elsewhere_since_and_says_so() -> None:
    history = History()
    history.push(
        Batch(
            "phase",
            (Change("a", "status", "todo", "skipped"), Change("b", "status", "todo", "skipped")),
        )
    )
    fields = Fields({("a", "status"): "skipped", ("b", "status"): "done"})  # b: another session
    undone = step(history, "undo", fields.current, fields.write)
    assert undone.outcome == "applied" and undone.left == 1
    assert fields.values == {("a", "status"): "todo", ("b", "status"): "done"}
    assert undone.message("P") == (
        "Undid: skipped on 1 topic in “P”; 1 changed since elsewhere left as they are"
    )
    # Redone, only what was undone is made again.
    assert step(history, "redo", fields.current, fields.write).node_ids == ["a"]


def test_a_batch_whose_every_topic_changed_since_is_forgotten() -> None:
    history = History()
    history.push(Batch("phase", (Change("a", "status", "todo", "skipped"),)))
    fields = Fields({("a", "status"): "done"})
    refused = step(history, "undo", fields.current, fields.write)
    assert refused.outcome == "changed" and fields.writes == []
    assert history.next_undo() is None
