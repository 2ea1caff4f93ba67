"""A task's resources: the plain bullets under a checklist task are its reading, not to-dos.

    - [ ] [Python Machine Learning](https://example.com/book)
        - [GitHub repository](https://github.com/example/book)

In a checklist the boxes are what the learner ticks; a plain bullet under a task is
a link or a note for that task. So a list nested in a task (`- [ ]`, `- [x]`, or the
common typo `- []`) that holds no task anywhere becomes the task's resources: every
bullet in it, nested ones too, in document order. A nested list that does hold tasks
stays a list of items (a plain bullet in it groups the tasks under it, or is a box the
author forgot). Bullets under a plain item stay items as before, so a roadmap without
task lists reads as it always did.
"""

from __future__ import annotations

from collections.abc import Iterable

from dlroadmap.roadmap.inline import Token, inline_title
from dlroadmap.roadmap.model import Inline

__all__ = ["is_task", "task_resources"]

_TEXT_BLOCKS = frozenset({"paragraph", "block_text"})
_ITEMS = frozenset({"list_item", "task_list_item"})
_CONTAINERS = _ITEMS | {"list", "block_quote"}
_TYPO_BOX = "[]"


def is_task(item: Token) -> bool:
    """A checklist item: `- [ ]`, `- [x]`, or `- []` (which mistune reads as text)."""
    if item["type"] == "task_list_item":
        return True
    blocks = item.get("children") or []
    if not blocks or blocks[0]["type"] not in _TEXT_BLOCKS:
        return False
    first = (blocks[0].get("children") or [{}])[0]
    return first.get("type") == "text" and str(first.get("raw", "")).startswith(_TYPO_BOX)


def task_resources(lists: Iterable[Token]) -> tuple[list[Token], tuple[Inline, ...]]:
    """A task's nested lists split: those that stay items, and the resources of the rest."""
    kept: list[Token] = []
    resources: list[Inline] = []
    for nested in lists:
        if any(is_task(item) for item in _items(nested)):
            kept.append(nested)
        else:
            resources.extend(title for item in _items(nested) if (title := _text(item)))
    return kept, tuple(resources)


def _items(list_token: Token) -> list[Token]:
    """Every item in a list, nested ones too, in document order."""
    found: list[Token] = []
    stack = [list_token]
    while stack:
        token = stack.pop()
        if token["type"] in _ITEMS:
            found.append(token)
        if token["type"] in _CONTAINERS:
            stack.extend(reversed(token.get("children") or []))
    return found


def _text(item: Token) -> Inline:
    for block in item.get("children") or []:
        if block["type"] in _TEXT_BLOCKS and (text := inline_title(block.get("children") or [])):
            return text
    return ()
