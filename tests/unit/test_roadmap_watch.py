"""Watching the markdown: a first look once watching starts, changes told by content."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from dlroadmap.app import roadmap_watch
from dlroadmap.app.roadmap_watch import reread, watch_file
from dlroadmap.roadmap.source import load_roadmap

PLAN = """# Plan
## Phase 1: Basics
- Tensors
- Autograd
"""


def test_watching_starts_with_a_look_at_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No event comes for an edit made before the watch was set up: the watcher looks."""
    monkeypatch.setattr(roadmap_watch, "LOOK_MS", 50)
    path = tmp_path / "plan.md"
    path.write_text(PLAN, encoding="utf-8")
    looked, stop = threading.Event(), threading.Event()
    watcher = threading.Thread(target=watch_file, args=(path, looked.set, stop))
    watcher.start()
    try:
        assert looked.wait(10)
    finally:
        stop.set()
        watcher.join(10)
    assert not watcher.is_alive()


def test_a_file_saved_unchanged_is_no_change(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(PLAN, encoding="utf-8")
    shown = load_roadmap(path)
    path.write_text(PLAN, encoding="utf-8")
    assert reread(path, shown) is None
    # Only the layout changed: the same roadmap.
    path.write_text(PLAN.replace("\n- ", "\n\n-   "), encoding="utf-8")
    assert reread(path, shown) is None


@pytest.mark.parametrize(
    "edited",
    [
        PLAN + "- Optimizers\n",
        PLAN.replace("# Plan", "# Deep plan"),
        PLAN.replace("- Tensors", "- [x] Tensors"),
        PLAN.replace("- Autograd", "  - Autograd"),
        PLAN.replace("Tensors", "**Tensors**"),
    ],
    ids=["topic added", "title", "status mark", "nesting", "emphasis"],
)
def test_an_edit_is_a_change(tmp_path: Path, edited: str) -> None:
    path = tmp_path / "plan.md"
    path.write_text(PLAN, encoding="utf-8")
    shown = load_roadmap(path)
    path.write_text(edited, encoding="utf-8")
    roadmap = reread(path, shown)
    assert roadmap is not None
    assert [node.title for node in roadmap.walk()] == [
        node.title for node in load_roadmap(path).walk()
    ]
