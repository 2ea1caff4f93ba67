"""`dlroadmap review` after a change made and undone: every part of it agrees nothing was done."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Status
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap
from tests.ptytools import state_home

FIRST = "Understand what Deep Learning is"


def review(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **state_home(tmp_path)}
    return subprocess.run(
        [sys.executable, "-m", "dlroadmap", "review", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )


def done_then_undone(tmp_path: Path) -> Store:
    """What `space` then `u` do to the store, in a session of today."""
    path = bundled_roadmap_path()
    store = Store.open(load_roadmap(path), path, tmp_path / "data" / "dlroadmap" / "roadmaps")
    node = next(node for node in store.roadmap.items() if node.text == FIRST)
    store.set_status(node, Status.DONE)
    store.set_status(node, Status.TODO)
    return store


def test_review_json_after_an_undo_counts_no_study(tmp_path: Path) -> None:
    done_then_undone(tmp_path)
    result = review(tmp_path, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["streak"], data["studied_today"]) == (0, False)
    assert data["done"]["today"] == []
    assert data["revisit"] == {"due": [], "waiting": 0}
    assert data["calendar"][-1] == [data["date"], 0]


def test_review_text_after_an_undo_agrees_with_itself(tmp_path: Path) -> None:
    done_then_undone(tmp_path)
    result = review(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "streak 0 days" in result.stdout
    assert "study today to make it" not in result.stdout
