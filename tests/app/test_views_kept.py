"""What the tree shows and how wide it is: done topics hidden, only those in progress or
to do, the split moved with `<` `>`; all said on screen and there after a restart."""

from __future__ import annotations

from pathlib import Path

from dlroadmap.app.app import RoadmapApp, Settings
from dlroadmap.app.widgets.roadmap_tree import RoadmapTree
from dlroadmap.app.widgets.tree_pane import TreePane
from dlroadmap.config import load_config, save_config
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Node, Status
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap
from tests.apptools import screen_text

SIZE = (100, 30)
FIRST = "Understand what Deep Learning is"
SECOND = "Learn key math foundations"


def app_with(tmp_path: Path) -> RoadmapApp:
    """The app as `dlroadmap` starts it, its settings and state in `tmp_path`."""
    path = bundled_roadmap_path()
    roadmap = load_roadmap(path)
    file = tmp_path / "config.toml"
    config, problem = load_config(file)
    settings = Settings(config, lambda c: save_config(file, c), problem)
    return RoadmapApp(roadmap, Store.open(roadmap, path, tmp_path / "state"), settings=settings)


def shown_topics(app: RoadmapApp) -> set[str]:
    """The texts of the topics the tree holds, every branch opened first."""
    tree = app.screen.query_one(RoadmapTree)
    tree.action_open_all()
    lines = (tree.get_node_at_line(line) for line in range(tree.last_line + 1))
    return {
        n.data.text for n in lines if n is not None and isinstance(n.data, Node) and n.data.is_topic
    }


async def test_done_and_skipped_topics_hidden_and_kept_hidden_after_a_restart(
    tmp_path: Path,
) -> None:
    app = app_with(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space")  # FIRST done: the cursor was on it
        await pilot.press("full_stop")
        await pilot.pause()
        assert FIRST not in shown_topics(app)
        assert SECOND in shown_topics(app)
        assert "not done only" in screen_text(app)
        await pilot.press("x")  # skipped now: it leaves the tree at once
        await pilot.pause()
        assert SECOND not in shown_topics(app)
    again = app_with(tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "not done only" in screen_text(again)
        assert FIRST not in shown_topics(again)
        await pilot.press("full_stop")  # and back: every topic
        await pilot.pause()
        assert {FIRST, SECOND} <= shown_topics(again)
        assert "only" not in screen_text(again).splitlines()[1]
    assert load_config(tmp_path / "config.toml")[0].show == "all"


async def test_comma_shows_only_what_is_in_progress_then_only_what_is_to_do(
    tmp_path: Path,
) -> None:
    app = app_with(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")  # FIRST in progress
        await pilot.press("comma", "comma")  # past "not done" to "in progress"
        await pilot.pause()
        assert shown_topics(app) == {FIRST}
        assert "in progress only" in screen_text(app)
        await pilot.press("comma")
        await pilot.pause()
        todo = {n.text for n in app.roadmap.items() if app.store.status(n) is Status.TODO}
        assert shown_topics(app) == todo
        assert FIRST not in todo
        assert "to do only" in screen_text(app)
    assert load_config(tmp_path / "config.toml")[0].show == "todo"


async def test_the_filter_finds_only_what_the_view_shows(tmp_path: Path) -> None:
    app = app_with(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space", "full_stop", "slash", *"learn", "enter")
        await pilot.pause()
        found = shown_topics(app)
        assert SECOND in found
        assert FIRST not in found  # it says "learn" too, but it is done


async def test_the_split_moves_with_angle_brackets_and_stays_moved(tmp_path: Path) -> None:
    app = app_with(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(TreePane)
        before = pane.outer_size.width
        await pilot.press("greater_than_sign", "greater_than_sign")
        await pilot.pause()
        wider = pane.outer_size.width
        assert wider >= before + 8
        await pilot.press("less_than_sign")
        await pilot.pause()
        assert before < pane.outer_size.width < wider
    again = app_with(tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.screen.query_one(TreePane).outer_size.width == before + (wider - before) // 2


async def test_at_80_columns_a_long_phase_title_reads_in_full_in_the_detail_pane(
    tmp_path: Path,
) -> None:
    app = app_with(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        phase = max(app.roadmap.phases, key=lambda p: len(p.text))
        app.screen.query_one(RoadmapTree).select_id(phase.id)
        await pilot.pause()
        # The tree cuts it short; the detail pane beside it wraps it whole.
        tree_side, detail = zip(
            *(line.split("││", 1) for line in screen_text(app).splitlines() if "││" in line),
            strict=True,
        )
        words = [word for word in phase.text.split() if word.isascii()]
        assert not any(" ".join(words[-2:]) in line for line in tree_side)
        assert " ".join(words) in " ".join(line.strip("│") for line in detail)


async def test_the_border_between_the_panes_drags_with_the_mouse_and_stays(
    tmp_path: Path,
) -> None:
    app = app_with(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(TreePane)
        border = pane.region.right - 1
        middle = pane.region.y + pane.region.height // 2
        await pilot.mouse_down(offset=(border, middle))
        await pilot.hover(offset=(69, middle))  # 70 of 100 columns
        await pilot.mouse_up(offset=(69, middle))
        await pilot.pause()
        assert pane.outer_size.width == 70
    assert load_config(tmp_path / "config.toml")[0].tree_width == 70
    again = app_with(tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.screen.query_one(TreePane).outer_size.width == 70
