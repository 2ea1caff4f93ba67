"""A roadmap with its progress and notes as JSON-ready data (plain text titles)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from dlroadmap.progress.state import ItemState
from dlroadmap.roadmap.model import Inline, Node, Roadmap, Status, plain
from dlroadmap.roadmap.tally import StatusOf, phase_complete, tally_items

__all__ = ["to_json"]

ItemStateOf = Callable[[str], "ItemState | None"]


def to_json(
    roadmap: Roadmap,
    status_of: StatusOf,
    item_state_of: ItemStateOf,
    unmatched: Sequence[tuple[str, ItemState]] = (),
) -> dict[str, Any]:
    """The roadmap with progress and notes as JSON-ready data (plain text titles), and the
    saved items with a note whose topic left the markdown (`unmatched`, by id)."""
    phases: list[dict[str, Any]] = []
    stack: list[tuple[Node, list[dict[str, Any]]]] = [
        (phase, phases) for phase in reversed(roadmap.phases)
    ]
    while stack:
        node, siblings = stack.pop()
        entry = _json_node(node, status_of(node), item_state_of(node.id))
        siblings.append(entry)
        stack.extend((child, entry["children"]) for child in reversed(node.children))
    tally = tally_items(roadmap.items(), status_of)
    return {
        "title": roadmap.text,
        "tagline": plain(roadmap.tagline),
        "totals": {
            "done": tally.done,
            "in_progress": tally.in_progress,
            "todo": tally.todo,
            "skipped": tally.skipped,
        },
        "overview": [
            {
                "title": plain(entry.title),
                "phase_id": entry.phase_id,
                "done": phase_complete(roadmap, entry.phase_id, status_of),
            }
            for entry in roadmap.overview
        ],
        "phases": phases,
        "unmatched": [
            {
                "id": key,
                "title": saved.text,
                "note": saved.note,
                "note_changed": _when(saved.note_changed),
            }
            for key, saved in unmatched
        ],
    }


def _json_node(node: Node, status: Status, saved: ItemState | None) -> dict[str, Any]:
    """A node's entry: an item (what is counted), a group, or a part set aside (with why)."""
    entry: dict[str, Any] = {
        "id": node.id,
        "title": node.text,
        "kind": "aside" if node.aside else "item" if node.is_topic else "group",
    }
    if node.aside:
        entry["reason"] = node.aside
    entry |= {
        "status": status.value,
        "status_changed": _when(saved.status_changed if saved else None),
        "note": saved.note if saved else "",
        "note_changed": _when(saved.note_changed if saved else None),
        "urls": list(node.urls),
    }
    if node.description:
        entry["description"] = plain(node.description)
    if node.fields:
        entry["fields"] = {name: plain(value) for name, value in node.fields}
    if node.resources:
        entry["resources"] = [
            {"kind": "resource", "title": plain(resource), "urls": _urls(resource)}
            for resource in node.resources
        ]
    entry["children"] = []
    return entry


def _urls(spans: Inline) -> list[str]:
    return list(dict.fromkeys(span.link for span in spans if span.link))


def _when(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None
