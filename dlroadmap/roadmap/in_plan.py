"""What the parser set aside (a table of contents, a licence section) and the learner
brought back into the plan: pure functions over the model.

A set-aside section is the top of a set-aside subtree: its node has `aside` set and its
parent has not. Bringing one back clears `aside` on it and everything under it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from dlroadmap.roadmap.model import Node, Roadmap


def set_aside_sections(roadmap: Roadmap) -> list[Node]:
    """The sections not in the plan, in document order (none under another)."""
    found: list[Node] = []
    stack = list(reversed(roadmap.phases))
    while stack:
        node = stack.pop()
        if node.aside:
            found.append(node)
        else:
            stack.extend(reversed(node.children))
    return found


def section_aside(roadmap: Roadmap, node_id: str) -> Node | None:
    """The set-aside section holding the node (itself included), if it is not in the plan."""
    node = roadmap.get(node_id)
    if node is None or not node.aside:
        return None
    for ancestor in roadmap.ancestors(node_id):
        if ancestor.aside:
            return ancestor
    return node


def section_brought_back(roadmap: Roadmap, ids: Collection[str], node_id: str) -> Node | None:
    """The brought-back section holding the node (itself included), if it is in one."""
    node = roadmap.get(node_id)
    if node is None:
        return None
    return next((n for n in (*roadmap.ancestors(node_id), node) if n.id in ids), None)


def bring_back(roadmap: Roadmap, ids: Collection[str]) -> Roadmap:
    """The roadmap with the set-aside sections `ids` (and all under them) in the plan.

    The given roadmap is left as it is (a new one shares what did not change); with no
    such section, it is the one returned.
    """
    wanted = {node_id for node_id in ids if (node := roadmap.get(node_id)) and node.aside}
    if not wanted:
        return roadmap
    # Every node on the way down to a section brought back is new: its children change.
    on_the_way = {ancestor.id for node_id in wanted for ancestor in roadmap.ancestors(node_id)}

    def copied(node: Node, clear: bool) -> Node:
        clear = clear or node.id in wanted
        if not clear and node.id not in on_the_way:
            return node
        children = [copied(child, clear) for child in node.children]
        return replace(node, children=children, aside="" if clear else node.aside)

    return Roadmap(
        roadmap.title,
        roadmap.tagline,
        [copied(phase, False) for phase in roadmap.phases],
        list(roadmap.overview),
        list(roadmap.warnings),
    )
