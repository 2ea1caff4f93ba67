"""Counting progress through a roadmap: pure functions over the model and a status lookup."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .model import Node, Roadmap, Status

StatusOf = Callable[[Node], Status]


@dataclass(frozen=True, slots=True)
class Tally:
    """Trackable items under a node. Skipped items count as neither done nor to do."""

    done: int = 0
    in_progress: int = 0
    todo: int = 0
    skipped: int = 0

    @property
    def total(self) -> int:
        return self.done + self.in_progress + self.todo

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done == self.total

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.done + other.done,
            self.in_progress + other.in_progress,
            self.todo + other.todo,
            self.skipped + other.skipped,
        )


_ONE = {
    Status.DONE: Tally(done=1),
    Status.IN_PROGRESS: Tally(in_progress=1),
    Status.TODO: Tally(todo=1),
    Status.SKIPPED: Tally(skipped=1),
}


def tally_items(items: Iterable[Node], status_of: StatusOf) -> Tally:
    total = Tally()
    for item in items:
        total += _ONE[status_of(item)]
    return total


def tally_roadmap(roadmap: Roadmap, status_of: StatusOf) -> Tally:
    return tally_items(roadmap.items(), status_of)


def percent(tally: Tally) -> int:
    return int(tally.fraction * 100)


def tally_groups(roadmap: Roadmap, status_of: StatusOf) -> dict[str, Tally]:
    """The tally below every node that has children, in one pass over the tree."""
    tallies: dict[str, Tally] = {}
    # Iterative post-order: roadmaps can nest deeper than Python's recursion limit.
    stack: list[tuple[Node, bool]] = [(phase, False) for phase in reversed(roadmap.phases)]
    while stack:
        node, children_done = stack.pop()
        if not node.children:
            continue
        if not children_done:
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.children))
            continue
        total = Tally()
        for child in node.children:
            if child.trackable:
                total += _ONE[status_of(child)]
            total += tallies.get(child.id, Tally())
        tallies[node.id] = total
    return tallies
