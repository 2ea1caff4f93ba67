"""Which items a filter text finds (in their titles or in their notes, case-blind), and
which topics a status view shows."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from enum import StrEnum

from dlroadmap.roadmap.model import Node, Roadmap, Status


class Show(StrEnum):
    """Which topics the tree shows, by status; the value is kept in config.toml."""

    ALL = "all"
    NOT_DONE = "not_done"  # done and skipped hidden
    IN_PROGRESS = "in_progress"
    TODO = "todo"

    @property
    def label(self) -> str:
        """How the tree's title says it (nothing for all)."""
        return _LABELS[self]

    def shows(self, status: Status) -> bool:
        statuses = _SHOWN.get(self)
        return statuses is None or status in statuses

    def next(self) -> Show:
        members = list(Show)
        return members[(members.index(self) + 1) % len(members)]


_LABELS = {
    Show.ALL: "",
    Show.NOT_DONE: "not done",
    Show.IN_PROGRESS: "in progress",
    Show.TODO: "to do",
}
_SHOWN: dict[Show, frozenset[Status]] = {
    Show.NOT_DONE: frozenset({Status.TODO, Status.IN_PROGRESS}),
    Show.IN_PROGRESS: frozenset({Status.IN_PROGRESS}),
    Show.TODO: frozenset({Status.TODO}),
}


def normalise(text: str) -> str:
    """The query as matched: what a filter line holds, without case or outer spaces."""
    return text.strip().casefold()


def matching_items(
    items: Iterable[Node], notes: Iterable[tuple[str, str]], query: str
) -> list[str]:
    """Ids of the items whose title or note holds `query` (normalised), in their order."""
    by_id = dict(notes)
    return [
        item.id
        for item in items
        if query in item.text.casefold() or query in by_id.get(item.id, "").casefold()
    ]


def shown_nodes(
    roadmap: Roadmap, status_of: Callable[[Node], Status], show: Show
) -> set[str] | None:
    """Ids of the topics `show` lets through and of every node above one (None: all).

    Climbing from each shown topic stops at a node already kept: a large roadmap is
    shown again at each key that changes a status while a view is on.
    """
    statuses = _SHOWN.get(show)
    if statuses is None:
        return None
    keep: set[str] = set()
    parent_of = roadmap.parent
    for item in roadmap.items():
        if status_of(item) in statuses:
            node: Node | None = item
            while node is not None and node.id not in keep:
                keep.add(node.id)
                node = parent_of(node.id)
    return keep


def with_ancestors(roadmap: Roadmap, ids: Collection[str]) -> set[str]:
    """`ids` and every heading or topic above them: what a tree needs to show them."""
    keep: set[str] = set()
    for node_id in ids:
        keep.add(node_id)
        keep.update(ancestor.id for ancestor in roadmap.ancestors(node_id))
    return keep
