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
    old = {node.id: node.text for node in before.items()}
    new = {node.id: node.text for node in after.items()}
    gone = {m.old_id for m in moved}
    came = {m.new_id for m in moved}
    added = [new[key] for key in new if key not in old and key not in came]
    removed = [old[key] for key in old if key not in new and key not in gone]
    # A topic with no progress has nothing to re-attach, yet it moved all the same: the
    # same text gone from one place and come to another.
    shifted = [text for text in added if text in removed]
    for text in shifted:
        added.remove(text)
        removed.remove(text)
    if not (added or removed or moved or shifted):
        return None
    lines = [f"+ {text}" for text in added[:SHOWN_CHANGES]]
    lines += [f"- {text}" for text in removed[:SHOWN_CHANGES]]
    lines += [f"→ {text}" for text in [*(m.new_text for m in moved), *shifted][:SHOWN_CHANGES]]
    counts = (
        f"{len(added)} added, {len(removed)} removed, {len(moved) + len(shifted)} moved or renamed"
    )
    return Notice("\n".join([counts, *lines]), title="The roadmap file changed")


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
