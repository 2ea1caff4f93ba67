"""A shelf of roadmaps for `dlroadmap list` and `review` to read: the bundled plan
made into different roadmaps (their own titles and topics), each with a few topics done,
as a user's would be."""

from __future__ import annotations

import re
from pathlib import Path

from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Status
from dlroadmap.roadmap.source import bundled_roadmap_path

SHELF_SIZE = 20


def make_shelf(folder: Path, count: int = SHELF_SIZE) -> tuple[Path, ...]:
    """`count` roadmaps in `folder` and their state files (for Sandbox.env to copy)."""
    from dlroadmap.roadmap.source import load_roadmap

    plan = bundled_roadmap_path().read_text(encoding="utf-8")
    title = plan.splitlines()[0]
    states = folder / "states"
    for number in range(1, count + 1):
        path = folder / f"roadmap-{number:02d}.md"
        # Topics of their own: roadmaps sharing most topics would share one state file.
        text = re.sub(r"^(\s*[-*] (?:\[.\] )?)", rf"\g<1>R{number} ", plan, flags=re.M)
        path.write_text(text.replace(title, f"{title} number {number}", 1), encoding="utf-8")
        store = Store.open(load_roadmap(path), path, states)
        for node in list(store.roadmap.items())[: number % 7 + 1]:
            store.set_status(node, Status.DONE)
    return tuple(sorted(states.glob("*.toml")))
