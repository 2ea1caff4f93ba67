"""What a reload of the edited markdown says: a topic moved is one moved, whatever its
progress; an edit that adds, removes and moves nothing says nothing."""

from __future__ import annotations

from pathlib import Path

from tests.apptools import Told, screen_text, shown_when, until, watched_app

PLAN = """# Plan
## Phase 1: Basics
### Topics
- Tensors
- Autograd
- Optimizers
## Phase 2: More
- Stuff
"""


async def test_a_moved_topic_without_progress_is_told_as_moved(tmp_path: Path) -> None:
    app, path = watched_app(tmp_path, PLAN)
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        await pilot.pause()
        path.write_text(PLAN.replace("- Optimizers\n", "") + "- Optimizers\n", encoding="utf-8")
        shown = await shown_when(pilot, told, "moved")
        assert shown.startswith("0 added, 0 removed, 1 moved"), shown
        assert "→ Optimizers" in shown


async def test_an_edit_that_moves_no_topic_tells_no_counts(tmp_path: Path) -> None:
    app, path = watched_app(tmp_path, PLAN)
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        await pilot.pause()
        path.unlink()
        await shown_when(pilot, told, "no such file")
        # Put back, its title reworded: the tree is the same, the header changes.
        path.write_text(PLAN.replace("# Plan", "# Plan, reworded"), encoding="utf-8")
        await until(pilot, lambda: "Plan, reworded" in screen_text(app))
        await pilot.pause()
        assert not [m for m in told.messages if "0 added, 0 removed, 0 moved" in m]
