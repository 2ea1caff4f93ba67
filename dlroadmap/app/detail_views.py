"""What the detail pane shows for a node: plain data, made from the model and the store.

Named tuples, not dataclasses: immutable records as well, made without generating and
compiling methods at import, a noticeable part of a start-up for three classes.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Inline, Node, Roadmap, Status
from dlroadmap.roadmap.tally import Tally, overall

# Where saved items whose place left the markdown are listed, in the tree and here.
UNMATCHED_LABEL = "Unmatched notes"


class ChildLine(NamedTuple):
    """One node under the shown one: its status if an item, its tally if a group."""

    title: Inline
    status: Status | None
    tally: Tally | None
    children: tuple[ChildLine, ...] = ()


class ItemView(NamedTuple):
    """A trackable item: where it is, its status, note, dates and what is under it."""

    node_id: str
    title: Inline
    where: tuple[str, ...]
    status: Status
    status_changed: datetime | None
    note: str
    note_changed: datetime | None
    children: tuple[ChildLine, ...] = ()


class GroupView(NamedTuple):
    """A phase or section (node_id None: the whole roadmap), its tally and contents."""

    node_id: str | None
    title: Inline
    where: tuple[str, ...]
    tally: Tally
    children: tuple[ChildLine, ...]


DetailView = ItemView | GroupView


def view_of(
    node: Node | None,
    roadmap: Roadmap,
    store: Store,
    tallies: dict[str, Tally],
    *,
    unmatched: bool = False,
) -> DetailView:
    """The view of `node` (None: the whole roadmap); `unmatched`: a saved item whose
    place left the markdown."""
    if node is None:
        return GroupView(
            None,
            roadmap.title,
            (),
            overall(roadmap, tallies, store.status),
            tuple(ChildLine(p.title, None, tallies.get(p.id)) for p in roadmap.phases),
        )
    if unmatched:
        where: tuple[str, ...] = (f"{UNMATCHED_LABEL}: no longer in the roadmap",)
    else:
        where = tuple(ancestor.text for ancestor in roadmap.ancestors(node.id))
    if not node.is_topic:
        return GroupView(
            node.id,
            node.title,
            where,
            tallies.get(node.id, Tally()),
            _children(node, store, tallies),
        )
    saved = store.item(node.id)
    return ItemView(
        node_id=node.id,
        title=node.title,
        where=where,
        status=store.status(node),
        status_changed=saved.status_changed if saved else None,
        note=saved.note if saved else "",
        note_changed=saved.note_changed if saved else None,
        children=_children(node, store, tallies, depth=1),
    )


def _children(
    node: Node, store: Store, tallies: dict[str, Tally], depth: int = 2
) -> tuple[ChildLine, ...]:
    """What is under `node`, `depth` levels down: a phase shows its sections' items."""
    return tuple(
        ChildLine(
            child.title,
            store.status(child) if child.is_topic else None,
            tallies.get(child.id),
            _children(child, store, tallies, depth - 1) if depth > 1 else (),
        )
        for child in node.children
    )
