"""What a change to the markdown did to the roadmap and its progress, in a few lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dlroadmap.app.edits import Notice

if TYPE_CHECKING:
    from dlroadmap.progress.reattach import Reattached
    from dlroadmap.roadmap.model import Roadmap

# Lines named one by one; past these, only counted.
SHOWN_CHANGES = 3
SHOWN_REATTACHED = 5


def reload_notice(before: Roadmap, after: Roadmap, moved: list[Reattached]) -> Notice | None:
    """The markdown was edited while the app ran: topics added, removed, moved. None if
    none was (a heading reworded, a file put back as it was): the tree shows it."""
    from dlroadmap.progress.changes import changes  # a reload's, never a start's

    found = changes(before, after, moved)
    if not (found.added or found.removed or found.moved):
        return None
    lines = [f"+ {text}" for text in found.added[:SHOWN_CHANGES]]
    lines += [f"- {text}" for text in found.removed[:SHOWN_CHANGES]]
    lines += [f"→ {now}" for _before, now in found.moved[:SHOWN_CHANGES]]
    return Notice("\n".join([found.counts(), *lines]), title="The roadmap file changed")


def reattached_notice(moved: list[Reattached]) -> Notice | None:
    """The markdown was edited since the last run: progress found its topics again."""
    if not moved:
        return None
    lines = [
        f"{m.old_text} → {m.new_text}" if m.renamed else f"{m.new_text} (moved)" for m in moved
    ]
    more = len(lines) - SHOWN_REATTACHED
    return Notice(
        "\n".join(lines[:SHOWN_REATTACHED] + ([f"… and {more} more"] if more > 0 else [])),
        title=f"Progress re-attached to {len(moved)} changed topic(s)",
        timeout=10,
    )
