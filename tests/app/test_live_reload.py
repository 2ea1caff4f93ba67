"""Editing the markdown while the app runs: the tree follows, the cursor and state stay."""

from __future__ import annotations

from pathlib import Path

from tests.apptools import Told, find, saved, screen_text, shown_when, watched_app

PLAN = """# Plan
## Phase 1: Basics
### Topics
- Tensors
- Autograd
- Optimizers
"""


async def test_a_topic_added_to_the_file_appears(tmp_path: Path) -> None:
    app, path = watched_app(tmp_path, PLAN)
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        await pilot.pause()
        await pilot.press("j", "space")  # Autograd done, cursor on it
        path.write_text(PLAN + "- Mixed precision\n", encoding="utf-8")
        shown = await shown_when(pilot, told, "Mixed precision")
        assert "Mixed precision" in shown
        assert "1 added" in shown
        # The cursor and the progress stayed.
        assert app.screen.query_one("#tree").cursor_node.data.text == "Autograd"
        assert "✓ Autograd" in shown
    assert saved(app)[find(app.roadmap, "Autograd").id]["status"] == "done"


async def test_a_moved_topic_keeps_its_note(tmp_path: Path) -> None:
    app, path = watched_app(tmp_path, PLAN)
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        await pilot.pause()
        await pilot.press("n", *"chain rule", "escape")
        moved = PLAN.replace("- Tensors\n", "") + "## Phase 2: More\n- Tensors\n"
        path.write_text(moved, encoding="utf-8")
        shown = await shown_when(pilot, told, "1 moved")
        assert "Phase 2: More" in shown
        tensors = find(app.roadmap, "Tensors")
        assert tensors.id.startswith("phase-2")
        assert app.store.note(tensors) == "chain rule"


async def test_a_broken_edit_keeps_the_roadmap_as_it_was(tmp_path: Path) -> None:
    app, path = watched_app(tmp_path, PLAN)
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        await pilot.pause()
        path.write_bytes(b"\xff\xfe not utf-8")
        shown = await shown_when(pilot, told, "UTF-8")
        assert "Still showing the roadmap as it was" in shown
        assert "Optimizers" in screen_text(app)


async def test_a_deleted_topics_note_never_lands_on_a_like_named_one_already_there(
    tmp_path: Path,
) -> None:
    plan = "# Plan\n## Phase 1: Basics\n### Topics\n- Beta topic\n- Delta topic\n"
    app, path = watched_app(tmp_path, plan)
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        await pilot.pause()
        await pilot.press("n", *"beta only", "escape")
        path.write_text(plan.replace("- Beta topic\n", ""), encoding="utf-8")
        await shown_when(pilot, told, "1 removed")
        assert app.store.note(find(app.roadmap, "Delta topic")) == ""
        assert "beta only" in [item.note for _, item in app.store.unmatched()]
