"""A topic done today and then moved to another phase in the markdown still counts as
done today."""

from __future__ import annotations

from pathlib import Path

from tests.apptools import Told, screen_text, shown_when, watched_app

PLAN = """# Plan
## Phase 1: Basics
- Tensors
- Autograd
## Phase 2: More
- Stuff
"""


async def test_a_done_topic_moved_to_another_phase_still_counts_today(tmp_path: Path) -> None:
    app, path = watched_app(tmp_path, PLAN)
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        await pilot.pause()
        await pilot.press("space")  # Tensors done
        await pilot.press("r")
        await pilot.pause()
        assert "1 done  ✓ Tensors" in screen_text(app)
        await pilot.press("escape")
        path.write_text(PLAN.replace("- Tensors\n", "") + "- Tensors\n", encoding="utf-8")
        await shown_when(pilot, told, "1 moved")
        await pilot.press("r")
        await pilot.pause()
        assert "1 done  ✓ Tensors" in screen_text(app)
