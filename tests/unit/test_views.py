"""The pure parts behind the main screen: what the filter finds, what the detail pane shows."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from dlroadmap.app.detail_views import GroupView, ItemView, view_of
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.filtering import matching_items, normalise
from dlroadmap.roadmap.model import Node, Status
from dlroadmap.roadmap.parser import parse_roadmap
from dlroadmap.roadmap.tally import tally_groups

PLAN = """# Plan

## Phase 1: Basics

### Topics

- Attention is all you need
- Backprop by hand
  - Chain rule

## Phase 2: More

- Transformers in practice
"""
WHEN = datetime(2025, 5, 1, 9, 0, tzinfo=timezone(timedelta(hours=2)))


def make(tmp_path: Path) -> Store:
    source = tmp_path / "plan.md"
    source.write_text(PLAN, encoding="utf-8")
    return Store.open(parse_roadmap(PLAN, "plan"), source, tmp_path / "state")


def item(store: Store, text: str) -> Node:
    return next(node for node in store.roadmap.items() if node.text == text)


def test_the_filter_finds_titles_and_notes_case_blind_in_roadmap_order(tmp_path: Path) -> None:
    store = make(tmp_path)
    store.set_note(item(store, "Transformers in practice"), "see ATTENTION maps", WHEN)
    found = matching_items(store.roadmap.items(), store.notes(), normalise("  Attention "))
    texts = [store.roadmap.get(node_id).text for node_id in found]  # type: ignore[union-attr]
    assert texts == ["Attention is all you need", "Transformers in practice"]
    assert matching_items(store.roadmap.items(), store.notes(), normalise("chain")) == [
        item(store, "Chain rule").id
    ]
    assert matching_items(store.roadmap.items(), store.notes(), normalise("nowhere")) == []


def test_an_items_view_says_where_it_sits_and_what_was_done(tmp_path: Path) -> None:
    store = make(tmp_path)
    backprop = item(store, "Backprop by hand")
    store.set_status(backprop, Status.IN_PROGRESS, WHEN)
    store.set_note(backprop, "use tiny numbers", WHEN)
    view = view_of(backprop, store.roadmap, store, tally_groups(store.roadmap, store.status))
    assert isinstance(view, ItemView)
    assert view.where == ("Phase 1: Basics", "Topics")
    assert (view.status, view.note, view.status_changed) == (
        Status.IN_PROGRESS,
        "use tiny numbers",
        WHEN,
    )
    assert [child.title[0].text for child in view.children] == ["Chain rule"]


def test_a_phase_view_counts_what_is_below_it(tmp_path: Path) -> None:
    store = make(tmp_path)
    store.set_status(item(store, "Chain rule"), Status.DONE, WHEN)
    store.set_status(item(store, "Attention is all you need"), Status.SKIPPED, WHEN)
    phase = store.roadmap.phases[0]
    view = view_of(phase, store.roadmap, store, tally_groups(store.roadmap, store.status))
    assert isinstance(view, GroupView)
    assert (view.tally.done, view.tally.todo, view.tally.skipped) == (1, 1, 1)
    section = view.children[0]
    assert [line.status for line in section.children] == [Status.SKIPPED, Status.TODO]


def test_the_whole_roadmap_and_an_unmatched_note_have_views_too(tmp_path: Path) -> None:
    store = make(tmp_path)
    tallies = tally_groups(store.roadmap, store.status)
    whole = view_of(None, store.roadmap, store, tallies)
    assert isinstance(whole, GroupView) and whole.tally.total == 4
    assert [line.title[0].text for line in whole.children] == ["Phase 1: Basics", "Phase 2: More"]
    lost = view_of(item(store, "Chain rule"), store.roadmap, store, tallies, unmatched=True)
    assert lost.where == ("Unmatched notes: no longer in the roadmap",)
