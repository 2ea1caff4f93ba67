"""In the app: a topic marked done then undone (`u`) is no study on the Today screen."""

from __future__ import annotations

from pathlib import Path

from dlroadmap.app.screens.today import TodayScreen
from tests.apptools import find, make_app, saved, screen_text

SIZE = (80, 24)
FIRST = "Understand what Deep Learning is"


async def test_done_then_u_leaves_today_with_no_study_and_no_card(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = find(app.roadmap, FIRST)
        await pilot.press("space")
        assert "revisit" in saved(app)[item.id]
        await pilot.press("u", "r")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        text = screen_text(app)
        assert "streak 0 days" in text
        assert "1/53 done" in text  # the one ticked in the markdown
        assert "Today       nothing yet\n" in text + "\n"
        assert "revisit" not in saved(app)[item.id]
