"""Three-way merge of two sessions' progress: pure, no files."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from dlroadmap.progress.merge import CONFLICT_MARKER, merge
from dlroadmap.progress.state import ItemState
from dlroadmap.roadmap.model import Status

T0 = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
T1 = datetime(2026, 1, 1, 10, 0, tzinfo=UTC)
T2 = datetime(2026, 1, 1, 11, 0, tzinfo=UTC)


def item(text: str = "Topic", **fields: object) -> ItemState:
    return ItemState(text=text, **fields)  # type: ignore[arg-type]


def test_each_side_keeps_its_own_new_items() -> None:
    ours = {"a": item(status=Status.DONE, status_changed=T1)}
    theirs = {"b": item(note="theirs", note_changed=T1)}
    merged = merge({}, ours, theirs)
    assert merged.items == {**ours, **theirs}
    assert merged.conflicts == ()


def test_a_field_changed_on_one_side_only_is_taken() -> None:
    base = {"a": item(status=Status.TODO, status_changed=T0, note="old", note_changed=T0)}
    ours = {"a": item(status=Status.DONE, status_changed=T1, note="old", note_changed=T0)}
    theirs = {"a": item(status=Status.TODO, status_changed=T0, note="new", note_changed=T2)}
    merged = merge(base, ours, theirs).items["a"]
    assert (merged.status, merged.status_changed) == (Status.DONE, T1)
    assert (merged.note, merged.note_changed) == ("new", T2)


def test_status_changed_on_both_sides_newest_wins() -> None:
    base = {"a": item()}
    ours = {"a": item(status=Status.DONE, status_changed=T2)}
    theirs = {"a": item(status=Status.SKIPPED, status_changed=T1)}
    assert merge(base, ours, theirs).items["a"].status == Status.DONE
    assert merge(base, theirs, ours).items["a"].status == Status.DONE


def test_note_rewritten_on_both_sides_keeps_both_texts() -> None:
    base = {"a": item(note="start", note_changed=T0)}
    ours = {"a": item(note="mine", note_changed=T1)}
    theirs = {"a": item(note="yours", note_changed=T2)}
    merged = merge(base, ours, theirs)
    note = merged.items["a"].note
    assert note.startswith("mine")
    assert note.endswith("yours")
    assert CONFLICT_MARKER.split("{")[0] in note
    assert merged.conflicts == ("a",)
    assert merged.items["a"].note_changed == T2


def test_same_new_note_on_both_sides_is_no_conflict() -> None:
    base = {"a": item(note="", note_changed=None)}
    ours = {"a": item(note="same", note_changed=T1)}
    theirs = {"a": item(note="same", note_changed=T2)}
    merged = merge(base, ours, theirs)
    assert merged.items["a"].note == "same"
    assert merged.conflicts == ()


statuses = st.none() | st.sampled_from(list(Status))
times = st.none() | st.sampled_from([T0, T1, T2])
items = st.builds(
    ItemState,
    text=st.just("Topic"),
    status=statuses,
    status_changed=times,
    note=st.text(max_size=20),
    note_changed=times,
)
tables = st.dictionaries(st.sampled_from(["a", "b", "c"]), items, max_size=3)


@given(base=tables, ours=tables, theirs=tables)
def test_merge_never_drops_an_item_and_keeps_every_note_text(base, ours, theirs) -> None:
    merged = merge(base, ours, theirs).items
    assert merged.keys() == ours.keys() | theirs.keys()
    for key, result in merged.items():
        # A note someone wrote is never lost: the result holds the text each side had,
        # unless that side had left the note as it was in the common version.
        for side in (ours, theirs):
            if key in side and (key not in base or side[key].note != base[key].note):
                assert side[key].note in result.note


@given(base=tables, ours=tables)
def test_merging_with_an_unchanged_file_keeps_ours(base, ours) -> None:
    assert merge(base, ours, base).items == {**base, **ours}
