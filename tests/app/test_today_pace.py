"""The Today screen's pace: weeks of study project a finish, a weekly goal is measured."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from dlroadmap.app.app import RoadmapApp, Settings
from dlroadmap.app.screens.today import TodayScreen
from dlroadmap.config import Config
from dlroadmap.progress.revisit import Rating
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Status
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap
from tests.apptools import screen_text

SIZE = (80, 24)
DAYS_BACK = (27, 24, 20, 16, 12, 8, 4, 0)  # 8 topics in four weeks: 2 a week


def studied_app(tmp_path: Path, goal: int | None) -> RoadmapApp:
    path = bundled_roadmap_path()
    roadmap = load_roadmap(path)
    store = Store.open(roadmap, path, tmp_path / "state")
    topics = [n for n in roadmap.items() if n.initial_status is Status.TODO]
    today = date.today()
    for back, node in zip(DAYS_BACK, topics, strict=False):
        when = datetime.combine(today - timedelta(days=back), time(12)).astimezone()
        store.set_status(node, Status.DONE, when=when)
        # Revisited since, and held up: nothing is due, as for a learner who keeps up.
        store.rate_revisit(node, Rating.EASY)
    settings = Settings(Config(weekly_goal=goal), lambda _config: None, None)
    return RoadmapApp(roadmap, store, settings=settings)


async def test_today_shows_the_pace_and_the_goal_and_still_fits_80x24(tmp_path: Path) -> None:
    app = studied_app(tmp_path, goal=3)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        text = screen_text(app)
        assert "Pace        at 2 a week: Phase 2 by " in text
        assert "Goal        at 3 a week: Phase 2 by " in text
        this_week = sum(1 for back in DAYS_BACK if back <= date.today().weekday())
        assert f"streak 1 day · {this_week} of 3 this week" in text
        assert app.screen.query_one("#today-body").max_scroll_y == 0
        assert "This week" in text


async def test_without_a_goal_there_is_no_goal_row(tmp_path: Path) -> None:
    app = studied_app(tmp_path, goal=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        text = screen_text(app)
        assert "Pace        at 2 a week:" in text
        assert "Goal" not in text
        assert " this week" not in text.splitlines()[0]


COURSES = """# Courses

## Core

| Course | Duration | Effort |
|---|---|---|
| Program Design | 13 weeks | 8-10 hours/week |
| Languages | 5 weeks | 4-8 hours/week |
| Object-Oriented Design | 4 weeks | 4 hours/week |
| Architecture | - | self-paced |
"""


async def test_with_few_phases_pace_sits_beside_the_calendar_and_all_fits_80x24(
    tmp_path: Path,
) -> None:
    source = tmp_path / "courses.md"
    source.write_text(COURSES, encoding="utf-8")
    roadmap = load_roadmap(source)
    store = Store.open(roadmap, source, tmp_path / "state")
    settings = Settings(Config(weekly_goal=2), lambda _config: None, None)
    app = RoadmapApp(roadmap, store, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        lines = screen_text(app).splitlines()
        # Pace, Left and Goal beside the calendar: above its legend, not under it.
        legend = next(i for i, line in enumerate(lines) if "less " in line and " more" in line)
        for label in ("Pace", "Left", "Goal"):
            row = next(i for i, line in enumerate(lines) if line.strip().startswith(label))
            assert row < legend, label
        assert "22 weeks" in screen_text(app)
        assert app.screen.query_one("#today-body").max_scroll_y == 0
        assert "This week" in screen_text(app)
