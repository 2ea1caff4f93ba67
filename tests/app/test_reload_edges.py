"""Live reload at its edges: an edit made as the app starts, a new `#` title."""

from __future__ import annotations

from pathlib import Path

from tests.apptools import Told, screen_text, shown_when, watched_app

PLAN = """# Plan
## Phase 1: Basics
### Topics
- Tensors
- Autograd
"""


async def test_an_edit_made_as_the_app_starts_shows(tmp_path: Path) -> None:
    """Edited after the roadmap was read, before the watcher was up: no event for it."""
    app, path = watched_app(tmp_path, PLAN)
    path.write_text(PLAN + "- Mixed precision\n", encoding="utf-8")
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        shown = await shown_when(pilot, told, "1 added")
        assert "1 added" in shown
        assert "Mixed precision" in shown


async def test_a_new_title_shows_in_the_header(tmp_path: Path) -> None:
    app, path = watched_app(tmp_path, PLAN)
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        await pilot.pause()
        assert screen_text(app).splitlines()[0].startswith("dlroadmap — Plan ")
        path.write_text(PLAN.replace("# Plan", "# Deep plan") + "- Dropout\n", encoding="utf-8")
        await shown_when(pilot, told, "Dropout")
        await pilot.pause()
        assert screen_text(app).splitlines()[0].startswith("dlroadmap — Deep plan ")
