"""Moving through the tree as in vi and less: `g g` `G`, half pages, every branch closed
or opened at once, the filter's matches one by one, and `ctrl+c` to quit (saving)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dlroadmap.app.screens.unsaved import UnsavedScreen
from dlroadmap.app.widgets.roadmap_tree import RoadmapTree
from dlroadmap.progress import recovery
from dlroadmap.roadmap.model import Node
from tests.app.test_unsaved_at_quit import failing_writes
from tests.apptools import Told, find, make_app, saved

SIZE = (100, 30)
FIRST = "Understand what Deep Learning is"


def tree_of(app) -> RoadmapTree:
    return app.screen.query_one(RoadmapTree)


def cursor_text(app) -> str:
    data = tree_of(app).cursor_node.data
    return data.text if isinstance(data, Node) else ""


async def test_g_g_goes_to_the_top_and_capital_g_to_the_bottom(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = tree_of(app)
        await pilot.press("G")
        assert tree.cursor_line == tree.last_line > 5
        await pilot.press("g")
        assert tree.cursor_line == tree.last_line  # one g waits for the second
        await pilot.press("g")
        assert tree.cursor_line == 0
        await pilot.press("G", "g", "j", "g")  # not one after the other: no jump
        assert tree.cursor_line == tree.last_line


async def test_ctrl_d_and_ctrl_u_move_half_a_page(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = tree_of(app)
        await pilot.press("plus", "g", "g")  # every branch open: lines enough to move in
        half = tree.scrollable_content_region.height // 2
        await pilot.press("ctrl+d")
        assert tree.cursor_line == half
        await pilot.press("ctrl+d")
        assert tree.cursor_line == 2 * half
        assert tree.scroll_offset.y > 0  # the view followed
        await pilot.press("ctrl+u")
        assert tree.cursor_line == half


async def test_minus_closes_every_branch_and_plus_opens_them_all(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = tree_of(app)
        assert cursor_text(app) == FIRST
        phases = len(app.roadmap.phases)
        await pilot.press("minus")
        # The overview and the phases, nothing open; the cursor on the first topic's phase.
        assert tree.last_line == phases
        assert cursor_text(app) == app.roadmap.phases[0].text
        await pilot.press("plus")
        lines = sum(1 for _ in app.roadmap.walk()) + 1 + len(app.roadmap.overview)
        assert tree.last_line + 1 == lines
        assert cursor_text(app) == app.roadmap.phases[0].text


async def test_brackets_go_from_match_to_match_in_the_tree(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    told = Told()
    async with app.run_test(size=SIZE, message_hook=told.hook) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket")
        assert any("No matches to go to" in message for message in told.messages)
        await pilot.press("slash", *"learn", "enter")
        matches = [n.text for n in app.roadmap.items() if "learn" in n.text.lower()]
        assert len(matches) >= 3
        assert cursor_text(app) == matches[0]
        assert tree_of(app).has_focus
        await pilot.press("right_square_bracket")
        assert cursor_text(app) == matches[1]
        await pilot.press("right_square_bracket")
        assert cursor_text(app) == matches[2]
        await pilot.press("left_square_bracket")
        assert cursor_text(app) == matches[1]
        await pilot.press("N")
        assert cursor_text(app) == matches[0]
        await pilot.press("N")  # round the start, to the last
        assert cursor_text(app) == matches[-1]
        assert tree_of(app).has_focus


async def test_ctrl_c_saves_and_quits_even_from_the_note_editor(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n", *"kept", "ctrl+c")
        await pilot.pause()
    assert app.return_code == 0
    assert saved(app)[find(app.roadmap, FIRST).id]["note"] == "kept"


async def test_ctrl_c_twice_gets_out_when_changes_cannot_be_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    failing_writes(monkeypatch)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space", "ctrl+c")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen)  # asked, as `q` asks
        await pilot.press("ctrl+c")  # and again: kept in the recovery file, out
        await pilot.pause()
    assert app.return_code == 0
    assert len(recovery.recovery_files(app.store.path)) == 1
