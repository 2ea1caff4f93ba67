"""The daily review: the Today screen in the app and `dlroadmap review` at the shell."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from dlroadmap.app.screens.today import TodayScreen
from dlroadmap.roadmap.model import Status
from tests.apptools import find, make_app, screen_text

SIZE = (80, 24)
FIRST = "Understand what Deep Learning is"


async def test_r_opens_today_and_enter_jumps_to_the_item(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space", "r")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        text = screen_text(app)
        assert "streak 1 day" in text
        assert "2/53 done" in text
        assert "Today       1 done  ✓ Understand what Deep Learning is" in text
        # Next's first item is picked from the start; enter shows it in the tree.
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, TodayScreen)
        highlighted = app.screen.query_one("#tree").cursor_node.data
        assert highlighted.text in text


async def test_a_due_topic_is_rated_with_one_key(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    node = find(app.roadmap, FIRST)
    # Done three days ago: due for its first revisit yesterday.
    app.store.set_status(node, Status.DONE, when=datetime.now().astimezone() - timedelta(days=3))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert "Revisit     ✓ Understand what Deep Learning is" in screen_text(app)
        items = app.screen.query_one("#today-items")
        items.highlighted = next(i for i, o in enumerate(items.options) if o.id == node.id)
        await pilot.press("3")
        await pilot.pause()
        card = app.store.item(node.id).revisit
        assert card is not None
        assert datetime.fromisoformat(card["due"]).date() > date.today()
        assert "Revisit     nothing due" in screen_text(app)
        await pilot.press("escape")
        assert not isinstance(app.screen, TodayScreen)


async def test_today_fits_80x24_without_scrolling(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space", "r")
        await pilot.pause()
        body = app.screen.query_one("#today-body")
        assert body.max_scroll_y == 0
        assert "This week" in screen_text(app)
