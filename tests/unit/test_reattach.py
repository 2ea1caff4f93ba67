"""Saved progress follows its item when the markdown is edited: pure, no files."""

from __future__ import annotations

from dlroadmap.progress.reattach import Why, apply, placed, reattach
from dlroadmap.progress.state import ItemState
from dlroadmap.roadmap.model import Status
from dlroadmap.roadmap.parser import parse_roadmap

BEFORE = """# Plan
## Phase 1: Basics
### Topics
- Learning Rate Scheduling
- Batch Normalization
## Phase 2: More
### Topics
- Data Augmentation
"""


def ids_by_text(markdown: str) -> dict[str, str]:
    return {node.text: node.id for node in parse_roadmap(markdown, "x").items()}


def saved(markdown: str, *texts: str) -> dict[str, ItemState]:
    ids = ids_by_text(markdown)
    return {
        ids[text]: ItemState(text=text, status=Status.DONE, note=f"on {text}") for text in texts
    }


def test_nothing_moves_when_nothing_changed() -> None:
    assert reattach(saved(BEFORE, "Batch Normalization"), parse_roadmap(BEFORE, "x")) == []


def test_an_item_moved_to_another_phase_takes_its_state() -> None:
    after = BEFORE.replace("- Batch Normalization\n", "").replace(
        "- Data Augmentation\n", "- Data Augmentation\n- Batch Normalization\n"
    )
    items = saved(BEFORE, "Batch Normalization")
    moves = reattach(items, parse_roadmap(after, "x"))
    assert len(moves) == 1
    assert moves[0].new_id == ids_by_text(after)["Batch Normalization"]
    assert moves[0].new_id != moves[0].old_id
    assert not moves[0].renamed
    moved = apply(items, {m.old_id: m.new_id for m in moves})
    assert moved[moves[0].new_id].note == "on Batch Normalization"


def test_a_light_rename_is_reattached_and_said_to_be_one() -> None:
    after = BEFORE.replace("Learning Rate Scheduling", "Learning-rate schedules")
    moves = reattach(saved(BEFORE, "Learning Rate Scheduling"), parse_roadmap(after, "x"))
    assert [(m.new_text, m.renamed) for m in moves] == [("Learning-rate schedules", True)]


def test_a_different_topic_is_not_taken_for_a_rename() -> None:
    after = BEFORE.replace("Data Augmentation", "Data Annotation")
    assert reattach(saved(BEFORE, "Data Augmentation"), parse_roadmap(after, "x")) == []


def test_an_item_that_went_away_stays_saved() -> None:
    after = BEFORE.replace("- Batch Normalization\n", "")
    items = saved(BEFORE, "Batch Normalization")
    assert reattach(items, parse_roadmap(after, "x")) == []
    assert apply(items, {}) == items


def test_an_item_that_already_has_state_is_not_overwritten() -> None:
    after = BEFORE.replace("- Batch Normalization\n", "").replace(
        "- Data Augmentation\n", "- Data Augmentation\n- Batch Normalization\n"
    )
    items = {**saved(BEFORE, "Batch Normalization"), **saved(after, "Batch Normalization")}
    assert reattach(items, parse_roadmap(after, "x")) == []


SIBLINGS = """# Plan
## Topics
- Review
- Review!
- Templates
"""


def test_siblings_sharing_an_id_base_keep_their_own_state_when_reordered() -> None:
    items = saved(SIBLINGS, "Review", "Review!")
    assert sorted(items) == ["topics/review", "topics/review-2"]
    after = SIBLINGS.replace("- Review\n- Review!\n", "- Review!\n- Review\n")
    roadmap = parse_roadmap(after, "x")
    moves = reattach(items, roadmap)
    # Both moved, and the count says so.
    assert sorted((m.old_text, m.new_id) for m in moves) == [
        ("Review", "topics/review-2"),
        ("Review!", "topics/review"),
    ]
    moved = apply(items, {m.old_id: m.new_id for m in moves}, roadmap)
    assert {node.text: moved[node.id].note for node in roadmap.items() if node.id in moved} == {
        "Review": "on Review",
        "Review!": "on Review!",
    }


def test_state_whose_id_now_names_another_topic_is_set_aside_not_given_to_it() -> None:
    # Saved when "C++" came first under the old rules that gave it the id "c"; now only
    # "C" is there, with that id.
    items = {"topics/c": ItemState(text="C++", status=Status.DONE, note="on C++")}
    roadmap = parse_roadmap("# Plan\n## Topics\n- C\n", "x")
    moves = reattach(items, roadmap)
    assert [(m.old_id, m.why) for m in moves] == [("topics/c", Why.SET_ASIDE)]
    moved = apply(items, {m.old_id: m.new_id for m in moves}, roadmap)
    assert "topics/c" not in moved
    (aside,) = moved.values()
    assert aside.note == "on C++" and aside.text == "C++"
    assert roadmap.get(moves[0].new_id) is None


def test_a_symbol_that_names_a_language_is_no_light_rename() -> None:
    items = saved("# Plan\n## Topics\n- C++\n", "C++")
    assert reattach(items, parse_roadmap("# Plan\n## Topics\n- C#\n", "x")) == []


def test_text_saved_before_a_rename_in_place_is_brought_up_to_date_untold() -> None:
    # Releases before this one kept the old text of a renamed item under its new id.
    items = saved(BEFORE, "Batch Normalization")
    (key,) = items
    items[key] = ItemState(text="Batch normalisation.", status=Status.DONE, note="kept")
    roadmap = parse_roadmap(BEFORE, "x")
    moves = reattach(items, roadmap)
    assert [(m.old_id, m.new_id, m.why) for m in moves] == [(key, key, Why.IN_PLACE)]
    moved = apply(items, {m.old_id: m.new_id for m in moves}, roadmap)
    assert moved[key].text == "Batch Normalization" and moved[key].note == "kept"
    assert reattach(moved, roadmap) == []


def test_an_item_saved_without_its_text_keeps_its_id() -> None:
    (key,) = saved(BEFORE, "Batch Normalization")
    assert (
        reattach({key: ItemState(text="", note="hand-written")}, parse_roadmap(BEFORE, "x")) == []
    )


SECTIONS = """# Plan
## 📚 Review
- Basics
## 🧪 Review
- Basics
"""


def test_items_under_same_named_sections_keep_their_state_when_the_sections_swap() -> None:
    roadmap = parse_roadmap(SECTIONS, "x")
    first, second = roadmap.items()
    assert (first.id, second.id) == ("review/basics", "review-2/basics")
    items = {
        node.id: placed(ItemState(text="Basics", note=f"under {heading}"), node, roadmap)
        for node, heading in ((first, "📚 Review"), (second, "🧪 Review"))
    }
    swapped = parse_roadmap(SECTIONS.replace("📚", "X").replace("🧪", "📚").replace("X", "🧪"), "x")
    moves = reattach(items, swapped)
    assert len(moves) == 2
    moved = apply(items, {m.old_id: m.new_id for m in moves}, swapped)
    for node in swapped.items():
        (heading,) = (h.text for h in swapped.ancestors(node.id))
        assert moved[node.id].note == f"under {heading}"
    assert reattach(moved, swapped) == []


def test_a_topic_whose_written_status_left_its_title_keeps_its_state_quietly() -> None:
    # Saved when "**DONE**:" and "(IN PROGRESS)" were part of the titles (and ids).
    markdown = "# P\n## S\n- **DONE**: Course 1\n  - Week 1\n- Course 2 (IN PROGRESS)\n"
    items = {
        "s/done-course-1": ItemState(text="DONE: Course 1", note="a", within=("S",)),
        "s/done-course-1/week-1": ItemState(
            text="Week 1", note="b", within=("S", "DONE: Course 1")
        ),
        # A release that did not record the headings: its id is its path.
        "s/course-2-in-progress": ItemState(text="Course 2 (IN PROGRESS)", note="c"),
    }
    moves = reattach(items, parse_roadmap(markdown, "x"))
    assert {(m.old_id, m.new_id, m.why) for m in moves} == {
        ("s/done-course-1", "s/course-1", Why.RENUMBERED),
        ("s/done-course-1/week-1", "s/course-1/week-1", Why.RENUMBERED),
        ("s/course-2-in-progress", "s/course-2", Why.RENUMBERED),
    }
