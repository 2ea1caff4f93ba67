"""Pace: topics done a week over four weeks, the finish it projects, the weekly goal."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from dlroadmap.config import Config, load_config, save_config
from dlroadmap.progress.activity import DayActivity
from dlroadmap.progress.state import ItemState
from dlroadmap.review.build import Review, build_review, to_json
from dlroadmap.review.pace import HORIZON_DAYS, finish_day
from dlroadmap.review.text import render
from dlroadmap.review.words import finish_text
from dlroadmap.roadmap.model import Status
from dlroadmap.roadmap.parser import parse_roadmap
from tests.unit.test_review import TODAY, Progress, at

PLAN = """# Plan

## Phase 1: Basics
- A1
- A2
- A3
- A4

## Phase 2: More
- B1
- B2
- B3
- B4
- B5
- B6

## Phase 3: Last
- C1
- C2
- C3 ✅
- C4
"""


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


@pytest.fixture
def plan() -> Progress:
    return Progress(parse_roadmap(PLAN, fallback_title="plan"))


def done_on(progress: Progress, text: str, day: date) -> None:
    """Marked done on `day`, as the app records it: the item's status and the day's list."""
    progress.set(text, Status.DONE, day)
    key = day.isoformat()
    entry = progress.state.activity.get(key)
    ids = (*entry.done, progress.node(text).id) if entry else (progress.node(text).id,)
    progress.day(day, done=tuple(progress.roadmap.get(i).text for i in ids))


def noted_on(progress: Progress, text: str, day: date) -> None:
    node = progress.node(text)
    progress.state.items[node.id] = ItemState(node.text, note="first", note_changed=at(day))


def review_text(progress: Progress, goal: int | None = None) -> str:
    review = progress.review() if goal is None else _with_goal(progress, goal)
    return render(review, "Plan", width=80)


def _with_goal(progress: Progress, goal: int) -> Review:
    return build_review(
        progress.roadmap, progress.state, progress.status_of, TODAY, weekly_goal=goal
    )


def pace_row(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(" Pace"))


# -- not enough history ---------------------------------------------------------


def test_with_nothing_recorded_there_is_no_guess(plan: Progress) -> None:
    pace = plan.review().pace
    assert pace.per_week is None
    assert pace.phase is not None and pace.phase.day is None
    assert pace.roadmap.day is None
    assert "not yet" in pace_row(review_text(plan))
    data = json.loads(json.dumps(to_json(plan.review())))["pace"]
    assert data["per_week"] is None
    assert data["roadmap"]["finish"] is None
    assert data["reason"]


def test_under_a_week_of_history_says_so_instead_of_guessing(plan: Progress) -> None:
    for back, text in enumerate(("A1", "A2", "A3", "A4", "B1")):
        done_on(plan, text, ago(back))
    pace = plan.review().pace
    assert pace.per_week is None
    assert pace.history_days == 5
    row = pace_row(review_text(plan))
    assert "not yet" in row and "5 days so far" in row
    assert to_json(plan.review())["pace"]["reason"] == pace.reason


# -- the pace and its projection -------------------------------------------------


def four_weeks(plan: Progress) -> Progress:
    """Two months of history; 3 topics done before the last four weeks, 8 in them."""
    noted_on(plan, "C4", ago(60))
    for back, text in zip((45, 40, 35), ("A1", "A2", "A3"), strict=True):
        done_on(plan, text, ago(back))
    inside = ("A4", "B1", "B2", "B3", "B4", "B5", "C1", "C2")
    for back, text in zip((27, 24, 20, 16, 12, 8, 4, 0), inside, strict=True):
        done_on(plan, text, ago(back))
    return plan


def test_the_pace_is_the_last_four_weeks_and_projects_both_finishes(plan: Progress) -> None:
    pace = four_weeks(plan).review().pace
    # 8 topics in 28 days: 2 a week.
    assert pace.per_week == 2
    assert pace.done_in_window == 8
    # Phase 2 has B6 left: half a week, 4 days (rounded up) from Wednesday 18 March.
    assert pace.phase is not None and pace.phase.title == "Phase 2: More"
    assert (pace.phase.left, pace.phase.day) == (1, date(2026, 3, 22))
    # B6 and C4 left (C3 was done in the markdown): a week from now.
    assert (pace.roadmap.left, pace.roadmap.day) == (2, date(2026, 3, 25))
    assert pace_row(review_text(plan)) == (
        " Pace        at 2 a week: Phase 2 by 22 Mar, the roadmap by 25 Mar"
    )
    data = to_json(plan.review())["pace"]
    assert data["per_week"] == 2
    assert data["phase"]["finish"] == "2026-03-22"
    assert data["roadmap"]["finish"] == "2026-03-25"
    assert data["reason"] is None


def test_only_topics_still_done_and_still_in_the_roadmap_count(plan: Progress) -> None:
    four_weeks(plan)
    # Done two days ago, then set back to do: it was not finished.
    done_on(plan, "B6", ago(2))
    plan.set("B6", Status.TODO, ago(1))
    # A topic the roadmap no longer has, and one done in the markdown (C3: no date).
    plan.state.activity[ago(3).isoformat()] = DayActivity(1, ("gone-from-the-plan",))
    assert plan.review().pace.done_in_window == 8


def test_a_day_listing_a_topic_done_counts_without_a_saved_status(plan: Progress) -> None:
    # Activity written by hand or a script: the days' lists, no [items] tables.
    noted_on(plan, "C4", ago(30))
    for back, text in ((20, "A1"), (13, "A2"), (6, "A3"), (1, "A4")):
        plan.day(ago(back), done=(text,))
    assert plan.review().pace.done_in_window == 4
    assert plan.review().pace.per_week == 1


def test_the_last_day_marked_done_counts_not_the_first(plan: Progress) -> None:
    four_weeks(plan)
    # A1 was done 45 days ago (outside); marked again 2 days ago, it counts now.
    plan.day(ago(2), done=("A1",))
    assert plan.review().pace.done_in_window == 9


def test_nothing_done_lately_gives_no_finish_date(plan: Progress) -> None:
    noted_on(plan, "C4", ago(90))
    done_on(plan, "A1", ago(40))
    pace = plan.review().pace
    assert pace.per_week == 0
    assert pace.roadmap.day is None
    assert "nothing done in the last four weeks" in pace_row(review_text(plan))


def test_a_new_roadmap_with_nothing_done_says_so_not_four_weeks(plan: Progress) -> None:
    noted_on(plan, "C4", ago(10))  # ten days of history, not yet four weeks
    pace = plan.review().pace
    assert (pace.per_week, pace.window_days) == (0, 11)
    assert pace.reason == "nothing done yet"


def test_in_the_last_phase_only_the_roadmap_is_named(plan: Progress) -> None:
    four_weeks(plan)
    done_on(plan, "B6", ago(1))
    row = pace_row(review_text(plan))
    assert "Phase" not in row
    assert "the roadmap by" in row


def test_a_topic_outside_any_phase_is_not_named_as_one() -> None:
    # A roadmap with no headings (or topics before its first): its top-level topics stand
    # where phases would, but "B by 2 Apr" would give a topic's date as a phase's.
    flat = Progress(parse_roadmap("# Flat\n\n- A\n- B\n  - B1\n- C\n", fallback_title="f"))
    for back, text in ((20, "A"), (10, "B1")):
        done_on(flat, text, ago(back))
    pace = flat.review().pace
    assert pace.per_week is not None and pace.phase is None
    assert pace.roadmap.left == 2 and pace.roadmap.day is not None
    row = pace_row(review_text(flat))
    assert " a week: the roadmap by " in row and "B by" not in row
    assert to_json(flat.review())["pace"]["phase"] is None


def test_all_done_says_so(plan: Progress) -> None:
    four_weeks(plan)
    done_on(plan, "B6", ago(1))
    done_on(plan, "C4", ago(1))
    pace = plan.review().pace
    assert pace.phase is None and pace.roadmap.left == 0
    assert "every topic done" in pace_row(review_text(plan))


def test_a_finish_beyond_ten_years_is_not_given_as_a_date() -> None:
    assert finish_day(2, 1.0, TODAY) == TODAY + timedelta(days=14)
    left = HORIZON_DAYS // 7 + 10  # at 1 a week: past the horizon
    assert finish_day(left, 1.0, TODAY) is None


# -- the weekly goal -------------------------------------------------------------


def test_the_goal_counts_this_week_from_monday_and_projects_at_the_goal(plan: Progress) -> None:
    four_weeks(plan)  # C2 today (Wednesday); B5 8 days ago, C1 4 days ago: last week
    done_on(plan, "B6", ago(2))  # Monday 16 March
    text = review_text(plan, goal=4)
    assert "streak 1 day · 2 of 4 this week · " in text.splitlines()[1]
    # C4 left, the last phase: at 4 a week, 2 days (rounded up).
    goal_row = next(line for line in text.splitlines() if line.startswith(" Goal"))
    assert goal_row == " Goal        at 4 a week: the roadmap by 20 Mar"
    assert "Goal" not in review_text(plan)


def test_weekly_goal_setting_is_read_and_refused_when_not_a_count(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("weekly_goal = 5\n", encoding="utf-8")
    assert load_config(path) == (Config(weekly_goal=5), None)
    for wrong in (
        "weekly_goal = 0",
        "weekly_goal = true",
        'weekly_goal = "5"',
        "weekly_goal = 2.5",
    ):
        path.write_text(wrong + "\n", encoding="utf-8")
        config, problem = load_config(path)
        assert config == Config(), wrong
        assert problem is not None and "weekly_goal a whole number" in problem
    # Saving another setting keeps the goal as written.
    path.write_text("weekly_goal = 5  # five a week\n", encoding="utf-8")
    save_config(path, Config(theme="nord", weekly_goal=5))
    assert "weekly_goal = 5  # five a week" in path.read_text(encoding="utf-8")


# -- words -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ahead", "expected"),
    [
        (0, "today"),
        (1, "19 Mar"),
        (56, "13 May"),  # eight weeks: still the day
        (57, "mid May"),  # 14 May: from here, the part of the month
        (75, "early Jun"),  # 1 June
        (100, "late Jun"),  # 26 June
        (330, "mid Feb"),  # 11 February 2027: within the year, no year needed
        (331, "Feb 2027"),  # beyond it, the month and year
    ],
)
def test_finish_dates_are_as_precise_as_a_projection(ahead: int, expected: str) -> None:
    assert finish_text(TODAY + timedelta(days=ahead), TODAY) == expected
