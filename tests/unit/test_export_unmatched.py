"""Notes whose topic left the markdown are in the exports too, and change nothing else."""

from __future__ import annotations

from datetime import UTC, datetime

from dlroadmap.export.data import to_json
from dlroadmap.export.markdown import to_markdown
from dlroadmap.progress.state import ItemState
from dlroadmap.roadmap.model import Status
from dlroadmap.roadmap.parser import parse_roadmap
from tests.unit.test_export import HOSTILE_NOTE

PLAN = "# Plan\n\n## Phase\n\n- Kept topic\n"


def test_markdown_ends_with_the_unmatched_notes_and_reads_back_as_the_same_topics() -> None:
    roadmap = parse_roadmap(PLAN, "plan")
    text = to_markdown(
        roadmap,
        lambda node: Status.DONE,
        lambda node: "",
        [("Gone topic", "what I learnt"), ("Hostile", HOSTILE_NOTE)],
    )
    assert "Gone topic" in text
    assert "what I learnt" in text
    assert "html" in text
    again = parse_roadmap(text, "plan")
    assert [(n.text, n.initial_status) for n in again.items()] == [("Kept topic", Status.DONE)]


def test_json_lists_the_unmatched_notes() -> None:
    roadmap = parse_roadmap(PLAN, "plan")
    when = datetime(2025, 1, 2, tzinfo=UTC)
    saved = ItemState(text="Gone topic", note="what I learnt", note_changed=when)
    data = to_json(roadmap, lambda node: Status.TODO, lambda key: None, [("gone-id", saved)])
    assert data["unmatched"] == [
        {
            "id": "gone-id",
            "title": "Gone topic",
            "note": "what I learnt",
            "note_changed": when.isoformat(),
        }
    ]
