"""What a new version of a roadmap's markdown changes: topics added, removed, and those
moved or renamed (their saved progress follows them; one moved without any progress is
known by its text, found both gone from one place and new in another)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from dlroadmap.progress.reattach import Reattached
from dlroadmap.roadmap.model import Roadmap


@dataclass(frozen=True, slots=True)
class Changes:
    added: list[str]  # topics' texts
    removed: list[str]
    # (text before, text now): the same text for a topic moved, two for one renamed.
    moved: list[tuple[str, str]]

    def counts(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.removed)} removed, "
            f"{len(self.moved)} moved or renamed"
        )


def changes(before: Roadmap, after: Roadmap, followed: list[Reattached]) -> Changes:
    """`followed`: the saved items that followed their topics (see reattach.py)."""
    old = {node.id: node.text for node in before.items()}
    new = {node.id: node.text for node in after.items()}
    gone = {m.old_id for m in followed}
    came = {m.new_id for m in followed}
    added = [new[key] for key in new if key not in old and key not in came]
    removed = [old[key] for key in old if key not in new and key not in gone]
    both = Counter(added) & Counter(removed)
    moved = [(m.old_text, m.new_text) for m in followed]
    moved += [(text, text) for text in both.elements()]
    return Changes(_less(added, both), _less(removed, both), moved)


def _less(texts: list[str], taken: Counter[str]) -> list[str]:
    left = Counter(taken)
    kept = []
    for text in texts:
        if left[text] > 0:
            left[text] -= 1
        else:
            kept.append(text)
    return kept
