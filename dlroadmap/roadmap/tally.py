"""Counting progress through a roadmap: pure functions over the model and a status lookup."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from dlroadmap.roadmap.model import Node, Roadmap, Status

StatusOf = Callable[[Node], Status]


class Tally(NamedTuple):
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


def tally_items(items: Iterable[Node], status_of: StatusOf) -> Tally:
    return _of(items, {}, status_of)


def phase_complete(roadmap: Roadmap, phase_id: str | None, status_of: StatusOf) -> bool:
    """Is every item of the phase done (what an overview entry's tick says)?"""
    phase = roadmap.get(phase_id) if phase_id else None
    return phase is not None and tally_items(phase.walk(), status_of).complete


def percent(tally: Tally) -> int:
    return int(tally.fraction * 100)


def tally_groups(roadmap: Roadmap, status_of: StatusOf) -> dict[str, Tally]:
    """The tally below every node that has children, in one pass over the tree."""
    tallies: dict[str, Tally] = {}
    # Post-order: a node's tally is made from its children's, counted first.
    stack: list[tuple[Node, bool]] = [(phase, False) for phase in reversed(roadmap.phases)]
    while stack:
        node, children_done = stack.pop()
        if not node.children:
            continue
        if not children_done:
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.children))
            continue
        tallies[node.id] = _below(node, tallies, status_of)
    return tallies


def _of(nodes: Iterable[Node], tallies: dict[str, Tally], status_of: StatusOf) -> Tally:
    """The nodes' own statuses (those that are items) and the tallies below them."""
    # Plain counters, one Tally at the end: a roadmap of 10,000 topics is counted at
    # every start, and a Tally per node was most of that.
    done = in_progress = todo = skipped = 0
    for node in nodes:
        if node.is_topic:
            status = status_of(node)
            if status is Status.TODO:
                todo += 1
            elif status is Status.DONE:
                done += 1
            elif status is Status.IN_PROGRESS:
                in_progress += 1
            else:
                skipped += 1
        below = tallies.get(node.id)
        if below is not None:
            done += below.done
            in_progress += below.in_progress
            todo += below.todo
            skipped += below.skipped
    return Tally(done, in_progress, todo, skipped)


def _below(node: Node, tallies: dict[str, Tally], status_of: StatusOf) -> Tally:
    return _of(node.children, tallies, status_of)


def retally(
    roadmap: Roadmap, tallies: dict[str, Tally], changed: Iterable[str], status_of: StatusOf
) -> dict[str, Tally]:
    """The tallies after the statuses of `changed` changed: only their ancestors recounted."""
    updated = dict(tallies)
    for node_id in changed:
        for ancestor in reversed(roadmap.ancestors(node_id)):
            updated[ancestor.id] = _below(ancestor, updated, status_of)
    return updated


def overall(roadmap: Roadmap, tallies: dict[str, Tally], status_of: StatusOf) -> Tally:
    """The whole roadmap's tally, from the phases' (no walk over every item)."""
    return _of(roadmap.phases, tallies, status_of)
