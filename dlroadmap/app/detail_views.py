"""What the detail pane shows for a node: plain data, made from the model and the store.

Named tuples, not dataclasses: immutable records as well, made without generating and
compiling methods at import, a noticeable part of a start-up for three classes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import NamedTuple

from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Inline, Node, Roadmap, Status
from dlroadmap.roadmap.tally import Tally, overall

# Where saved items whose place left the markdown are listed, in the tree and here.
UNMATCHED_LABEL = "Unmatched notes"


class Link(NamedTuple):
    """A link of a node: the text it is on (where first linked), and where it goes."""

    text: str
    url: str


class About(NamedTuple):
    """What the roadmap says about a node beyond its title, and why it is not in the plan."""

    description: Inline = ()
    fields: tuple[tuple[str, Inline], ...] = ()
    resources: tuple[Inline, ...] = ()
    links: tuple[Link, ...] = ()
    aside: str = ""


def _as_written(url: str) -> str:
    return url


def links_of(node: Node, follow: Callable[[str], str] = _as_written) -> tuple[Link, ...]:
    """Every link of the node, each once, in document order, with the text it is on;
    `follow` gives the address a link leads to (a relative one, from the page it is on)."""
    texts: dict[str, str] = {}
    for run in (node.title, node.description, *(v for _, v in node.fields), *node.resources):
        growing: str | None = None  # the link whose text is being read, first seen here
        for span in run:
            if span.link is not None and span.link == growing:
                texts[span.link] += span.text  # one link over spans of several styles
            elif span.link is not None and span.link not in texts:
                texts[span.link] = span.text
                growing = span.link
            else:
                growing = None
    return tuple(Link(text.strip(), follow(url)) for url, text in texts.items())


def about(node: Node, follow: Callable[[str], str] = _as_written) -> About:
    links = links_of(node, follow)
    return About(node.description, node.fields, node.resources, links, node.aside)


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
    about: About = About()


class GroupView(NamedTuple):
    """A phase or section (node_id None: the whole roadmap), its tally and contents."""

    node_id: str | None
    title: Inline
    where: tuple[str, ...]
    tally: Tally
    children: tuple[ChildLine, ...]
    about: About = About()


DetailView = ItemView | GroupView


def view_of(
    node: Node | None,
    roadmap: Roadmap,
    store: Store,
    tallies: dict[str, Tally],
    *,
    unmatched: bool = False,
    follow: Callable[[str], str] = _as_written,
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
            about(node, follow),
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
        about=about(node, follow),
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
