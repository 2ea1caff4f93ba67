"""The Today screen by keyboard: a row picked from the start, the tree's moves, the status
keys acting on the picked topic."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from textual.widgets import OptionList

from dlroadmap.app.screens.today import TodayScreen
from dlroadmap.roadmap.model import Status
from tests.apptools import find, make_app, saved, screen_text, watched_app

SIZE = (100, 30)
FIRST = "Understand what Deep Learning is"
SECOND = "Learn key math foundations"


def picked(app: object) -> str | None:
    items = app.screen.query_one("#today-items", OptionList)  # type: ignore[attr-defined]
    option = items.highlighted_option
    return None if option is None else option.id


async def test_today_opens_on_the_first_topic_and_enter_goes_to_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        # Now is empty: the first row that can be acted on is Next's first topic.
        assert picked(app) == find(app.roadmap, FIRST).id
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, TodayScreen)
        assert app.screen.query_one("#tree").cursor_node.data.text == FIRST


async def test_today_moves_with_the_trees_keys(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        first = picked(app)
        await pilot.press("j")
        assert picked(app) == find(app.roadmap, SECOND).id
        await pilot.press("k")
        assert picked(app) == first
        await pilot.press("end")
        last = picked(app)
        assert last not in (None, first)
        await pilot.press("home")
        assert picked(app) == first


async def test_status_keys_act_on_the_picked_topic(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    first, second = find(app.roadmap, FIRST), find(app.roadmap, SECOND)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert saved(app)[first.id]["status"] == "in_progress"
        # The screen shows it at once: the topic is under Now, and still picked.
        assert f"Now         ◐ {FIRST}" in screen_text(app)
        assert picked(app) == first.id
        await pilot.press("space")
        await pilot.pause()
        assert app.store.status(first) == Status.DONE
        assert "1 done" in screen_text(app)
        # Done, it left the lists: the row picked now is the next one to act on.
        assert picked(app) == second.id
        await pilot.press("x")
        await pilot.pause()
        assert app.store.status(second) == Status.SKIPPED
        await pilot.press("escape")
        await pilot.pause()
        # The tree below shows what was done in Today.
        assert not isinstance(app.screen, TodayScreen)
        assert "✓ Understand what Deep Learning is" in screen_text(app)


async def test_with_only_revisits_a_rating_works_at_once(tmp_path: Path) -> None:
    app, _ = watched_app(tmp_path, "# Plan\n\n## Phase 1\n\n- Alpha\n- Beta\n")
    alpha = find(app.roadmap, "Alpha")
    long_ago = datetime.now().astimezone() - timedelta(days=3)
    app.store.set_status(alpha, Status.DONE, when=long_ago)
    app.store.set_status(find(app.roadmap, "Beta"), Status.DONE, when=datetime.now().astimezone())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert picked(app) == alpha.id
        await pilot.press("3")
        await pilot.pause()
        card = app.store.item(alpha.id).revisit
        assert card is not None
        assert datetime.fromisoformat(card["due"]) > datetime.now().astimezone()
