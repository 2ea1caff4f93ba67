"""What an edit of the markdown did, in the few lines the app tells."""

from __future__ import annotations

from dlroadmap.app.roadmap_changes import reattached_notice, reload_notice
from dlroadmap.progress.reattach import Reattached
from dlroadmap.roadmap.parser import parse_roadmap

PLAN = """# Plan
## Phase 1: Basics
- Tensors
- Autograd
- Optimizers
"""


def test_added_and_removed_topics_are_named_moved_ones_counted_once() -> None:
    before = parse_roadmap(PLAN, "plan")
    edited = PLAN.replace("- Tensors\n- Autograd\n", "") + "- Dropout\n## Phase 2\n- Tensors\n"
    after = parse_roadmap(edited, "plan")
    old, new = (
        next(node for node in roadmap.items() if node.text == "Tensors")
        for roadmap in (before, after)
    )
    moved = [Reattached(old.id, new.id, "Tensors", "Tensors")]
    notice = reload_notice(before, after, moved)
    assert notice.title == "The roadmap file changed"
    assert notice.message.splitlines() == [
        "1 added, 1 removed, 1 moved or renamed",
        "+ Dropout",
        "- Autograd",
        "→ Tensors",
    ]


def test_many_changes_are_counted_and_the_first_few_named() -> None:
    before = parse_roadmap(PLAN, "plan")
    topics = "".join(f"- Topic {number}\n" for number in range(10))
    notice = reload_notice(before, parse_roadmap(PLAN + topics, "plan"), [])
    lines = notice.message.splitlines()
    assert lines[0] == "10 added, 0 removed, 0 moved or renamed"
    assert lines[1:] == ["+ Topic 0", "+ Topic 1", "+ Topic 2"]


def test_progress_reattached_since_the_last_run() -> None:
    assert reattached_notice([]) is None
    moved = [
        Reattached("a", "b", "Optimizers", "Optimisers"),
        *(Reattached(f"x{n}", f"y{n}", f"Topic {n}", f"Topic {n}") for n in range(6)),
    ]
    notice = reattached_notice(moved)
    assert notice is not None
    assert notice.title == "Progress re-attached to 7 changed topic(s)"
    assert notice.message.splitlines() == [
        "Optimizers → Optimisers",
        "Topic 0 (moved)",
        "Topic 1 (moved)",
        "Topic 2 (moved)",
        "Topic 3 (moved)",
        "… and 2 more",
    ]
