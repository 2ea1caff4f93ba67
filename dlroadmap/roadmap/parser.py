"""Roadmap markdown -> Roadmap model.

Structure comes only from mistune's AST: headings nest by level, list items hang
under the heading they follow, nested lists under their item; so do the rows of a
table that stands in for a list (tables.py) and paragraphs that are a list in all but
syntax (paragraph_items.py). Prose describes the topic it belongs to (prose.py), and a
task's plain sub-bullets are its resources (resources.py). Everything else (data
tables, code, HTML, rules, link definitions) is passed over.

mistune stops nesting lists and block quotes at 20 levels (its ``max_nested_level``,
syntax.MAX_NESTING); deeper list lines come back as lazy continuation text of the
deepest item, i.e. as part of that item's title. So a roadmap is at most 6 heading
levels and 20 list levels deep, and a walk over it may recurse (model.py's do); the
explicit stacks and queues here are for order, not for depth.
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import cast

import mistune

from dlroadmap.roadmap.aside import list_aside, set_aside
from dlroadmap.roadmap.fences import unclosed_fence_warnings
from dlroadmap.roadmap.front_matter import front_matter_title, split_front_matter
from dlroadmap.roadmap.gfm_tables import gfm_tables
from dlroadmap.roadmap.ids import SiblingSlugs, join_id, slugify
from dlroadmap.roadmap.inline import (
    Token,
    drop_status_marker,
    drop_trailing_colon,
    inline_title,
    text_of,
)
from dlroadmap.roadmap.model import Inline, Node, OverviewEntry, Roadmap, Span, Status
from dlroadmap.roadmap.overview import find_overview
from dlroadmap.roadmap.paragraph_items import ParagraphItem, ParagraphRuns
from dlroadmap.roadmap.prose import MAX_PARAGRAPHS, describe, item_prose
from dlroadmap.roadmap.resources import is_task, task_resources
from dlroadmap.roadmap.tables import ItemTables, TableRow
from dlroadmap.roadmap.title import banner_titles, heading_title, title_index

__all__ = ["parse_roadmap"]

UNTITLED_TITLE: Inline = (Span("(untitled)"),)

_ITEM_TYPES = frozenset({"list_item", "task_list_item"})
_TEXT_BLOCKS = frozenset({"paragraph", "block_text", "heading"})
# The level of a group the parser makes, deeper than any markdown heading.
_GROUP_LEVEL = 7


@cache
def _markdown() -> mistune.Markdown:
    # Built on first use, then shared: a Markdown object keeps no per-document state.
    return mistune.create_markdown(
        renderer="ast", plugins=[gfm_tables, "task_lists", "strikethrough"]
    )


@dataclass(slots=True, eq=False)
class _Draft:
    """A node before ids exist: ids need the final tree (the overview is removed)."""

    title: Inline
    heading_level: int  # 0 for list items
    status: Status = Status.TODO
    children: list[_Draft] = field(default_factory=list)
    lists: int = 0  # lists directly under this heading; the overview has exactly one
    subheadings: bool = False
    # Read from tables and paragraphs, kinds of item older releases did not know: their
    # ids are claimed after their siblings' (see _siblings).
    late: bool = False
    fields: tuple[tuple[str, Inline], ...] = ()
    description: Inline = ()
    resources: tuple[Inline, ...] = ()
    prose: tuple[Token, ...] = ()  # a heading's first paragraphs: its description if a topic
    aside: str = ""  # why it is not the plan (aside.py); "" when it is


def parse_roadmap(text: str, fallback_title: str) -> Roadmap:
    """Parse roadmap markdown; fallback_title is used when the file has no title heading."""
    with _no_cyclic_gc():
        return _parse(text, fallback_title)


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cycle collector while parsing.

    A 10,000-item file makes a few hundred thousand AST dicts and spans, none in
    cycles; the collector would re-scan them over and over (a fifth to a third of
    the parse time, measured). Reference counting still frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _parse(text: str, fallback_title: str) -> Roadmap:
    front_matter, body = split_front_matter(text)
    tokens = cast(list[Token], _markdown()(body))
    heading, tagline, top = _build(tokens)
    banner, picture = banner_titles(tokens)
    named = front_matter_title(front_matter) or banner
    title = (Span(named),) if named else heading or ((Span(picture),) if picture else ())
    overview_at, overview_phases = find_overview(top)
    overview_draft = top.pop(overview_at) if overview_at is not None else None
    phases = _to_nodes(top)
    overview: list[OverviewEntry] = []
    if overview_draft is not None:
        node_of = {id(draft): node for draft, node in zip(top, phases, strict=True)}
        overview = [
            OverviewEntry(entry.title or UNTITLED_TITLE, node_of[id(phase)].id)
            for entry, phase in zip(overview_draft.children, overview_phases, strict=True)
        ]
    return Roadmap(
        title=title or (Span(fallback_title),),
        tagline=tagline,
        phases=phases,
        overview=overview,
        warnings=unclosed_fence_warnings(body, tokens, text.count("\n") - body.count("\n") + 1),
    )


# -- block structure ----------------------------------------------------------------


def _build(tokens: list[Token]) -> tuple[Inline, Inline, list[_Draft]]:
    """Title, tagline and the top-level drafts of the document."""
    title_at = title_index(tokens)
    root = _Draft((), 0)
    open_headings: list[_Draft] = []  # shallowest first
    title: Inline = ()
    tagline: Inline = ()
    expect_tagline = False
    run: list[Token] = []  # paragraphs one after another, read as items or not once ended
    paragraphs = ParagraphRuns[_Draft]()
    tables = ItemTables[_Draft]()
    for index, token in enumerate(tokens):
        kind = token["type"]
        if kind == "blank_line":
            continue
        if run and kind != "paragraph":
            parent = open_headings[-1] if open_headings else root
            parent.children += map(_late_draft, paragraphs.read(parent, run, kind == "list"))
            run = []
        if index == title_at:
            title = heading_title(token)
            # The title heading is the root itself: what follows is top level.
            open_headings.clear()
            expect_tagline = True
            continue
        if expect_tagline:
            expect_tagline = False
            if kind == "paragraph" and _is_emphasis_only(token):
                tagline = inline_title(token["children"])
                continue
        if kind == "paragraph":
            run.append(token)
            if open_headings and len(open_headings[-1].prose) < MAX_PARAGRAPHS:
                open_headings[-1].prose += (token,)
            continue
        if kind == "heading":
            level = token["attrs"]["level"]
            while open_headings and open_headings[-1].heading_level >= level:
                open_headings.pop()
            parent = open_headings[-1] if open_headings else root
            parent.subheadings = True
            draft = _Draft(heading_title(token), level)
            draft.title, marked = drop_status_marker(draft.title)
            draft.status = marked or Status.TODO
            parent.children.append(draft)
            open_headings.append(draft)
            continue
        if kind == "table":
            parent = open_headings[-1] if open_headings else root
            parent.children += map(_late_draft, tables.read(parent, len(parent.children), token))
            continue
        # Lists inside block quotes count too: quoting a checklist should not hide it.
        lists = list(_lists_in([token]))
        if lists:
            parent = open_headings[-1] if open_headings else root
            parent.lists += len(lists)
            for list_token in lists:
                _add_list(list_token, parent, root)
    if run:
        parent = open_headings[-1] if open_headings else root
        parent.children += map(_late_draft, paragraphs.read(parent, run, captions_list=False))
    for parent, at, row in tables.lone_rows():
        parent.children.insert(at, _late_draft(row))
    lone = paragraphs.lone_items()
    bare = {id(parent) for parent, _ in lone if not parent.children}  # all the heading holds
    for parent, item in lone:
        if id(parent) in bare:
            parent.children.append(_late_draft(item))
    set_aside(root.children)
    return title, tagline, root.children


def _is_emphasis_only(paragraph: Token) -> bool:
    parts = [
        child
        for child in paragraph.get("children") or []
        if not (child["type"] == "text" and not child.get("raw", "").strip())
    ]
    return len(parts) == 1 and parts[0]["type"] == "emphasis"


def _lists_in(blocks: list[Token]) -> Iterator[Token]:
    """Lists among blocks, in document order, looking inside block quotes."""
    stack = list(reversed(blocks))
    while stack:
        block = stack.pop()
        if block["type"] == "list":
            yield block
        elif block["type"] == "block_quote":
            stack.extend(reversed(block.get("children") or []))


def _add_list(list_token: Token, parent: _Draft, root: _Draft) -> None:
    """Add a list's items under `parent`, set aside when the list is navigation or badges.

    A set-aside list right under the title is put in a group of its own, named for why
    ("Table of contents"): one node to show or bring back, and no stray top-level items.
    """
    reason = list_aside(list_token)
    if reason and parent is root:
        last = root.children[-1] if root.children else None
        if last is None or last.heading_level != _GROUP_LEVEL or last.aside != reason:
            last = _Draft((Span(reason.capitalize()),), _GROUP_LEVEL, aside=reason)
            root.children.append(last)
        parent = last
    first = len(parent.children)
    _add_lists([(list_token, parent)])
    for draft in parent.children[first:]:
        draft.aside = reason


def _add_lists(lists: Iterable[tuple[Token, _Draft]]) -> None:
    """Append each list's items (and their nested lists) to its parent draft.

    Breadth first with a queue: every parent receives its own lists in document
    order, so children keep their order without recursion.
    """
    queue = deque(lists)
    while queue:
        list_token, parent = queue.popleft()
        for item in list_token.get("children") or []:
            if item["type"] not in _ITEM_TYPES:
                continue
            draft = _item_draft(item)
            parent.children.append(draft)
            blocks = item.get("children") or []
            nested: Iterable[Token] = _lists_in(blocks)
            if len(blocks) > 1:  # more than its title: further paragraphs, nested lists
                draft.description = item_prose(blocks)
                if is_task(item):
                    nested, draft.resources = task_resources(nested)
            for nested_list in nested:
                queue.append((nested_list, draft))


def _item_draft(item: Token) -> _Draft:
    title: Inline = ()
    for block in item.get("children") or []:
        if block["type"] in _TEXT_BLOCKS:
            title = inline_title(block.get("children") or [])
            if title:
                break
    checked = item["type"] == "task_list_item" and bool(item.get("attrs", {}).get("checked"))
    title, marked = drop_status_marker(title)
    # A written status says more than the box: "- [x] Topic (skipped)" is skipped.
    return _Draft(title, 0, status=marked or (Status.DONE if checked else Status.TODO))


def _late_draft(item: TableRow | ParagraphItem) -> _Draft:
    title, marked = drop_status_marker(item.title)
    status = marked or Status.TODO
    return _Draft(title, 0, status, late=True, fields=item.fields, description=item.description)


# -- ids ------------------------------------------------------------------------------


def _to_nodes(top: list[_Draft]) -> list[Node]:
    nodes = _siblings(top, None)
    stack = list(zip(top, nodes, strict=True))
    while stack:
        draft, node = stack.pop()
        if draft.children:
            node.children = _siblings(draft.children, node.id)
            stack.extend(zip(draft.children, node.children, strict=True))
    return nodes


def _siblings(drafts: list[_Draft], parent_id: str | None) -> list[Node]:
    slugs = SiblingSlugs()
    nodes: list[Node] = []
    late: list[Node] = []
    for draft in drafts:
        title = draft.title
        if draft.heading_level:
            title = drop_trailing_colon(title)  # "### 🎯 Goals:" is the section "🎯 Goals"
        title = title or UNTITLED_TITLE
        node = Node(
            id="",
            title=title,
            # List items are always trackable, sub-items or not; a heading only
            # when nothing sits under it.
            trackable=not draft.heading_level or not draft.children,
            # A group heading marked "-> Done" keeps DONE too: it is what the file says.
            initial_status=draft.status,
            fields=draft.fields,
            description=draft.description,
            resources=draft.resources,
            aside=draft.aside,
        )
        if draft.prose and not draft.children:
            node.description = describe(draft.prose)
        if draft.late:
            late.append(node)
        else:
            node.id = join_id(parent_id, slugs.claim(slugify(text_of(title))))
        nodes.append(node)
    # Table rows and paragraph items claim their slugs after the rest, so that every
    # id a list item or heading had before they were read stays the same.
    for node in late:
        node.id = join_id(parent_id, slugs.claim(slugify(text_of(node.title))))
    return nodes
