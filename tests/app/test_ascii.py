"""`--ascii`: the tree's marks and guides, the topic's place and the borders in ASCII too."""

from __future__ import annotations

from pathlib import Path

from dlroadmap.app.app import RoadmapApp
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.source import load_roadmap
from tests.apptools import screen_text

PLAN = """# Plan

## Phase one

### Basics

- Alpha
- Beta

## Phase two

- Gamma
"""
# What the Unicode look draws: branch marks, guides, the place's separator, borders.
UNICODE_ONLY = set("▶▼├└│›—╭╮╰╯─")


async def test_ascii_draws_the_tree_and_borders_in_ascii(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(PLAN, encoding="utf-8")
    roadmap = load_roadmap(path)
    app = RoadmapApp(roadmap, Store.open(roadmap, path, tmp_path / "state"), ascii_glyphs=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Alpha" in text and "Phase one > Basics" in text
        assert {c for c in text if c in UNICODE_ONLY} == set(), text
        assert "|-" in text and "`-" in text  # the guides, in ASCII
