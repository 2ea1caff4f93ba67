"""Three-way merge of two sessions' progress: pure, no files."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from dlroadmap.progress.merge import CONFLICT_MARKER, merge, merge_text
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
        # A note someone wrote is never lost: the result holds every word each side
        # added to the common version (edits to different words are both applied).
        for side in (ours, theirs):
            if key in side and (key not in base or side[key].note != base[key].note):
                before = set(base[key].note.split()) if key in base else set()
                for word in set(side[key].note.split()) - before:
                    assert word in result.note


@given(base=tables, ours=tables)
def test_merging_with_an_unchanged_file_keeps_ours(base, ours) -> None:
    assert merge(base, ours, base).items == {**base, **ours}


MARKER = CONFLICT_MARKER.format(when="")


def markers(text: str) -> int:
    return text.count(CONFLICT_MARKER.split("{")[0])


def test_edits_to_different_words_both_apply() -> None:
    base = "shapes broadcast; views share storage"
    ours = "shapes broadcast left; views share storage"
    theirs = "shapes broadcast; views share storage until cloned"
    assert merge_text(base, ours, theirs) == (
        "shapes broadcast left; views share storage until cloned",
        False,
    )


def test_a_side_holding_the_others_text_is_kept_alone() -> None:
    assert merge_text("a", "a b c", "a b") == ("a b c", False)
    assert merge_text("a", "a b", "x a b y") == ("x a b y", False)


def test_a_merged_note_merged_again_is_not_wrapped_again() -> None:
    merged, conflict = merge_text("start", "start mine", "start yours")
    assert conflict and markers(merged) == 1
    # The other session took the merge in and typed on; ours merges it again.
    again, _ = merge_text("start mine", merged, merged + " more")
    assert again == merged + " more"
    assert markers(again) == 1


# One editor's change in a round: where in the note (a fraction of its words) and how.
edits = st.tuples(st.sampled_from(["append", "insert", "replace"]), st.floats(0, 1))


def edited(text: str, edit: tuple[str, float], word: str) -> str:
    """The text with `word` typed in; marker lines are left whole, as a user would."""
    kind, where = edit
    if kind == "append":
        return f"{text} {word}"
    lines = text.split("\n")
    free = [number for number, line in enumerate(lines) if line and not markers(line)]
    line = free[min(int(where * len(free)), len(free) - 1)]
    words = lines[line].split(" ")
    at = min(int(where * len(words)), len(words) - 1)
    kept = words[at:] if kind == "insert" else words[at + 1 :]
    lines[line] = " ".join([*words[:at], word, *kept])
    return "\n".join(lines)


@given(rounds=st.lists(st.tuples(edits, edits), min_size=1, max_size=8))
def test_two_editors_over_rounds_converge(rounds: list[tuple[tuple[str, float], ...]]) -> None:
    note, conflicts = "start here", 0
    written: list[str] = []
    for number, (mine, yours) in enumerate(rounds):
        ours, theirs = edited(note, mine, f"o{number}"), edited(note, yours, f"t{number}")
        merged, conflict = merge_text(note, ours, theirs)
        # Whichever side merges, the same text comes out but for which side is first.
        assert markers(merge_text(note, theirs, ours)[0]) == markers(merged)
        conflicts += conflict
        assert markers(merged) == conflicts  # at most one marker per conflict, none nested
        note = merged
        written += [f"o{number}", f"t{number}"]
        # No text is kept twice: each word written is there once, or replaced since.
        assert all(len(re.findall(rf"(?<!\S){w}(?!\S)", note)) <= 1 for w in written)
        assert f"o{number}" in note and f"t{number}" in note
    bound = len("start here") + sum(len(word) + 1 for word in written)
    assert len(note) <= bound + conflicts * (len(MARKER) + 3)


def test_a_word_put_first_on_one_side_keeps_its_space_from_the_next() -> None:
    # The base's first word has no space before it; a side that put a word before it
    # must still read as words, not "fromthe".
    merged, _ = merge_text("the note back then", "as handed over", "from the editor\n")
    assert "from the editor" in merged
    merged, conflicted = merge_text("the note", "from the note", "the note too")
    assert (merged, conflicted) == ("from the note too", False)
