"""Saved progress follows its item when the markdown is edited: pure, no files."""

from __future__ import annotations

from dlroadmap.progress.reattach import apply, reattach
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
