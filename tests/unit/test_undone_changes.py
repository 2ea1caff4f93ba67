"""A change taken back in the same session (`u`, or set back by hand) is no study.

It leaves the day's activity and the item as they were, so the streak, "studied
today", the day's lists and the revisit cards all agree that it never happened.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from dlroadmap.progress.locate import read_state
from dlroadmap.progress.store import Store
from dlroadmap.review.build import build_review
from dlroadmap.review.text import render
from dlroadmap.roadmap.model import Node, Roadmap, Status
from dlroadmap.roadmap.source import load_roadmap

ZONE = timezone(timedelta(hours=2))
T1 = datetime(2025, 3, 14, 9, 0, tzinfo=ZONE)
DAY = T1.date()


def at(minutes: int) -> datetime:
    return T1 + timedelta(minutes=minutes)


@pytest.fixture
def roadmap(seed_path: Path) -> Roadmap:
    return load_roadmap(seed_path)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "roadmaps"


def session(roadmap: Roadmap, seed_path: Path, folder: Path) -> Store:
    return Store.open(roadmap, seed_path, folder)


@pytest.fixture
def store(roadmap: Roadmap, seed_path: Path, folder: Path) -> Store:
    return session(roadmap, seed_path, folder)


def todo(roadmap: Roadmap, count: int) -> list[Node]:
    return [node for node in roadmap.items() if node.initial_status is Status.TODO][:count]


def test_done_then_undone_leaves_the_day_as_it_was(roadmap: Roadmap, store: Store) -> None:
    (node,) = todo(roadmap, 1)
    store.set_status(node, Status.DONE, when=at(0))
    store.set_status(node, Status.TODO, when=at(1))  # what `u` does
    state = read_state(store.path)
    day = state.activity.get(DAY.isoformat())
    assert day is None or (day.actions, day.done) == (0, ())
    item = state.items[node.id]
    assert item.status is Status.TODO
    assert item.revisit is None  # the card marking it done made went with it
    assert item.status_changed is None
    review = build_review(roadmap, state, store.status, DAY, tz=ZONE)
    assert (review.streak, review.studied_today, review.done_today) == (0, False, ())


def test_only_the_undone_change_is_taken_out(roadmap: Roadmap, store: Store) -> None:
    first, second = todo(roadmap, 2)
    store.set_status(first, Status.DONE, when=at(0))
    store.set_status(second, Status.DONE, when=at(1))
    store.set_status(first, Status.TODO, when=at(2))
    state = read_state(store.path)
    day = state.activity[DAY.isoformat()]
    assert (day.actions, day.done) == (1, (second.id,))
    assert state.items[first.id].revisit is None
    assert state.items[second.id].revisit is not None
    review = build_review(roadmap, state, store.status, DAY, tz=ZONE)
    assert (review.streak, review.studied_today) == (1, True)
    assert [line.node_id for line in review.done_today] == [second.id]


def test_an_undone_status_walk_is_taken_back_whole(roadmap: Roadmap, store: Store) -> None:
    """p x space, then u u u: each undo takes one change back, and the day ends empty."""
    (node,) = todo(roadmap, 1)
    for minute, status in enumerate((Status.IN_PROGRESS, Status.SKIPPED, Status.DONE)):
        store.set_status(node, status, when=at(minute))
    for minute, status in enumerate((Status.SKIPPED, Status.IN_PROGRESS, Status.TODO), 10):
        store.set_status(node, status, when=at(minute))
        remaining = read_state(store.path).activity[DAY.isoformat()]
        assert remaining.actions == 12 - minute
        assert remaining.done == ()
    assert read_state(store.path).items[node.id].revisit is None


def test_a_redo_counts_again(roadmap: Roadmap, store: Store) -> None:
    (node,) = todo(roadmap, 1)
    store.set_status(node, Status.DONE, when=at(0))
    store.set_status(node, Status.TODO, when=at(1))
    store.set_status(node, Status.DONE, when=at(2))
    state = read_state(store.path)
    day = state.activity[DAY.isoformat()]
    assert (day.actions, day.done) == (1, (node.id,))
    card = state.items[node.id].revisit
    assert card is not None and card["last_review"] == at(2).astimezone(UTC).isoformat()


def test_undoing_done_keeps_the_card_from_an_earlier_session(
    roadmap: Roadmap, seed_path: Path, folder: Path
) -> None:
    (node,) = todo(roadmap, 1)
    session(roadmap, seed_path, folder).set_status(node, Status.DONE, when=at(0))
    later = session(roadmap, seed_path, folder)
    later.set_status(node, Status.TODO, when=at(1))
    card = read_state(later.path).items[node.id].revisit
    assert card is not None
    today = session(roadmap, seed_path, folder)
    today.set_status(node, Status.DONE, when=at(2))
    today.set_status(node, Status.TODO, when=at(3))
    item = read_state(today.path).items[node.id]
    assert item.revisit == card
    assert item.status_changed == at(1)
    # The earlier sessions' changes stand: two actions, one of them marking it done.
    day = read_state(today.path).activity[DAY.isoformat()]
    assert (day.actions, day.done) == (2, (node.id,))


def test_a_note_typed_then_taken_back_is_no_note(roadmap: Roadmap, store: Store) -> None:
    (node,) = todo(roadmap, 1)
    store.set_note(node, "first", when=at(0))
    store.set_note(node, "first draft", when=at(1))  # saved at a pause in typing
    store.set_note(node, "", when=at(2))  # `u`: the whole stay in the editor
    state = read_state(store.path)
    day = state.activity.get(DAY.isoformat())
    assert day is None or (day.actions, day.notes) == (0, ())
    assert (state.items[node.id].note, state.items[node.id].note_changed) == ("", None)


def test_an_undo_survives_another_sessions_save(
    roadmap: Roadmap, seed_path: Path, folder: Path
) -> None:
    first, second = todo(roadmap, 2)
    ours = session(roadmap, seed_path, folder)
    ours.set_status(first, Status.DONE, when=at(0))
    theirs = session(roadmap, seed_path, folder)
    theirs.set_status(second, Status.DONE, when=at(1))
    ours.set_status(first, Status.TODO, when=at(2))  # merged with their save
    state = read_state(ours.path)
    day = state.activity[DAY.isoformat()]
    assert (day.actions, day.done) == (1, (second.id,))
    assert state.items[first.id].revisit is None
    assert state.items[second.id].status is Status.DONE


def test_a_change_from_another_session_is_not_taken_back(
    roadmap: Roadmap, seed_path: Path, folder: Path
) -> None:
    (node,) = todo(roadmap, 1)
    ours = session(roadmap, seed_path, folder)
    ours.set_status(node, Status.DONE, when=at(0))
    session(roadmap, seed_path, folder).set_status(node, Status.IN_PROGRESS, when=at(1))
    ours.refresh()
    ours.set_status(node, Status.TODO, when=at(2))  # a change of its own, not an undo
    assert read_state(ours.path).activity[DAY.isoformat()].actions == 3


def test_the_review_text_never_asks_to_study_on_a_day_already_counted(
    roadmap: Roadmap, store: Store
) -> None:
    """Started a topic, nothing done or noted: today already keeps the streak."""
    (node,) = todo(roadmap, 1)
    store.set_status(node, Status.IN_PROGRESS, when=at(0))
    review = build_review(roadmap, store.state, store.status, DAY, tz=ZONE)
    text = render(review, roadmap.text, width=80, color=False, ascii_only=False)
    assert review.studied_today and review.streak == 1
    assert "streak 1 day" in text
    assert "study today" not in text
