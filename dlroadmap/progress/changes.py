"""What a new version of a roadmap's markdown changes: topics added, removed, and those
whose progress followed them where they moved or as they were renamed."""

from __future__ import annotations

from dataclasses import dataclass

from dlroadmap.progress.reattach import Reattached
from dlroadmap.roadmap.model import Roadmap


@dataclass(frozen=True, slots=True)
class Changes:
    added: list[str]  # topics' texts
    removed: list[str]
    moved: list[Reattached]  # saved progress that followed its topic (moved or renamed)

    @property
    def none(self) -> bool:
        return not (self.added or self.removed or self.moved)

    def counts(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.removed)} removed, "
            f"{len(self.moved)} moved or renamed"
        )


def changes(before: Roadmap, after: Roadmap, moved: list[Reattached]) -> Changes:
    old = {node.id: node.text for node in before.items()}
    new = {node.id: node.text for node in after.items()}
    gone = {m.old_id for m in moved}
    came = {m.new_id for m in moved}
    added = [new[key] for key in new if key not in old and key not in came]
    removed = [old[key] for key in old if key not in new and key not in gone]
    return Changes(added, removed, moved)
