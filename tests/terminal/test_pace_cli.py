"""`dlroadmap review` on pace: a state file with weeks of dated activity projects a finish."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import tomllib
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
import tomli_w

from dlroadmap.progress.store import Store
from dlroadmap.review.lines import cell_width
from dlroadmap.roadmap.model import Status
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap
from tests.apptools import find
from tests.ptytools import state_home

DONE_A_WEEK = 3  # 12 topics in the last four weeks
DAYS_BACK = range(23, 0, -2)  # the days they were done on, every other day to yesterday


def _review(
    tmp_path: Path, *args: str, columns: int | None = None
) -> subprocess.CompletedProcess[str]:
    wide = {} if columns is None else {"COLUMNS": str(columns)}
    return subprocess.run(
        [sys.executable, "-m", "dlroadmap", "review", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **state_home(tmp_path), **wide},
        timeout=60,
        check=False,
    )


def _state_file(tmp_path: Path) -> Path:
    path = bundled_roadmap_path()
    store = Store.open(load_roadmap(path), path, tmp_path / "data" / "dlroadmap" / "roadmaps")
    store.set_status(find(store.roadmap, "Understand what Deep Learning is"), Status.DONE)
    return store.path


def _weeks_of_study(tmp_path: Path) -> list[str]:
    """Write, as a hand or another machine would, 12 topics done over the last four weeks
    and a note from six weeks ago; the ids of the topics done, in roadmap order."""
    path = _state_file(tmp_path)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    roadmap = load_roadmap(bundled_roadmap_path())
    topics = [node for node in roadmap.items() if node.initial_status is Status.TODO][:12]
    today = date.today()
    data["items"] = {}
    data["activity"] = {}
    for back, node in zip(DAYS_BACK, topics, strict=True):
        day = today - timedelta(days=back)
        data["items"][node.id] = {
            "text": node.text,
            "status": "done",
            "status_changed": datetime.combine(day, time(12), UTC),
        }
        data["activity"][day.isoformat()] = {"actions": 1, "done": [node.id]}
    noted = topics[-1]
    data["items"][noted.id] |= {
        "note": "started early",
        "note_changed": datetime.combine(today - timedelta(days=42), time(12), UTC),
    }
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return [node.id for node in topics]


def test_weeks_of_dated_activity_project_a_finish_date(tmp_path: Path) -> None:
    done = set(_weeks_of_study(tmp_path))
    roadmap = load_roadmap(bundled_roadmap_path())
    left = [n for n in roadmap.items() if n.initial_status is Status.TODO and n.id not in done]
    phase = next(p for p in roadmap.phases if any(n in left for n in p.walk()))
    phase_left = sum(1 for n in phase.walk() if n in left)
    today = date.today()

    data = json.loads(_review(tmp_path, "--json").stdout)["pace"]
    assert data["per_week"] == DONE_A_WEEK
    assert data["reason"] is None
    assert data["phase"]["id"] == phase.id
    assert data["phase"]["left"] == phase_left
    phase_end = today + timedelta(days=math.ceil(phase_left / DONE_A_WEEK * 7))
    assert data["phase"]["finish"] == phase_end.isoformat()
    end = today + timedelta(days=math.ceil(len(left) / DONE_A_WEEK * 7))
    assert data["roadmap"]["left"] == len(left)
    assert data["roadmap"]["finish"] == end.isoformat()

    text = _review(tmp_path).stdout
    row = next(line for line in text.splitlines() if line.startswith(" Pace"))
    assert row.startswith(f" Pace        at {DONE_A_WEEK} a week: Phase ")
    assert "the roadmap by" in text


def test_a_new_learner_is_told_there_is_not_enough_history(tmp_path: Path) -> None:
    _state_file(tmp_path)
    result = _review(tmp_path, "--json")
    assert result.returncode == 0, result.stderr
    pace = json.loads(result.stdout)["pace"]
    assert pace["per_week"] is None
    assert pace["phase"]["finish"] is None and pace["roadmap"]["finish"] is None
    assert "week" in pace["reason"]
    assert " Pace        not yet: " in _review(tmp_path).stdout


def test_the_weekly_goal_in_the_settings_shows_in_the_review(tmp_path: Path) -> None:
    _weeks_of_study(tmp_path)
    config = tmp_path / "config" / "dlroadmap" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("weekly_goal = 4\n", encoding="utf-8")
    text = _review(tmp_path).stdout
    assert " of 4 this week · " in text.splitlines()[1]
    goal = next(line for line in text.splitlines() if line.startswith(" Goal"))
    assert goal.startswith(" Goal        at 4 a week: ")
    data = json.loads(_review(tmp_path, "--json").stdout)["pace"]["goal"]
    assert data["per_week"] == 4
    since_monday = date.today().weekday()
    assert data["this_week"] == sum(1 for back in DAYS_BACK if back <= since_monday)


CURRICULUM = """# A curriculum

## Core

Courses | Duration | Effort | Prerequisites
:-- | :--: | :--: | :--:
[Program Design](https://example.org/a) | 13 weeks | 8-10 hours/week | none
[Languages, Part A](https://example.org/b) | 5 weeks | 4-8 hours/week | Program Design
[Object-Oriented Design](https://example.org/c) | 4 weeks | 4 hours/week | -
[Architecture](https://example.org/d) | - | self-paced | -

## Extras
- Watch the lecture on proofs (~3h)
- Read the style guide (45 min)
"""


def test_a_duration_column_gives_the_time_left_beside_the_topics(tmp_path: Path) -> None:
    plan = tmp_path / "curriculum.md"
    plan.write_text(CURRICULUM, encoding="utf-8")
    store = Store.open(load_roadmap(plan), plan, tmp_path / "data" / "dlroadmap" / "roadmaps")
    store.set_status(find(store.roadmap, "Languages, Part A"), Status.DONE)

    lines = _review(tmp_path, str(plan)).stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith(" Left"))
    # What does not fit on the row goes on the next, under it.
    assert lines[at + 1].startswith(" " * 13) and lines[at + 1].strip()
    left = f"{lines[at]} · {lines[at + 1].strip()}"
    # 13 + 4 weeks of courses, apart from 3 h + 45 min of the extras; at the hours a week
    # given: 13 x 8-10 + 4 x 4 = 120-146 h. The self-paced course gives no time.
    assert left == (
        " Left        5 topics · 17 weeks, 3 h 45 min · 120–146 h of study · 4 of 5 with a time"
    )
    # Narrower still, every row fits.
    narrow = subprocess.run(
        [sys.executable, "-m", "dlroadmap", "review", str(plan)],
        capture_output=True,
        text=True,
        env={**os.environ, **state_home(tmp_path), "COLUMNS": "50"},
        timeout=60,
        check=True,
    ).stdout.splitlines()
    assert max(len(line) for line in narrow) <= 50
    assert "120–146 h of study" in "\n".join(narrow)
    data = json.loads(_review(tmp_path, "--json", str(plan)).stdout)["pace"]["time_left"]
    assert data["topics"] == 5 and data["timed"] == 4 and data["rated"] == 2
    assert [(a["unit"], a["low"], a["high"]) for a in data["lengths"]] == [
        ("week", 17, 17),
        ("hour", 3.75, 3.75),
    ]
    assert (data["hours"]["low"], data["hours"]["high"]) == (120, 146)


def test_a_time_too_long_to_be_a_number_is_no_time_and_breaks_neither_review(
    tmp_path: Path,
) -> None:
    # 400 digits of hours make an infinite float: the review crashed on it, and
    # review --json wrote Infinity, which is not JSON.
    plan = tmp_path / "huge.md"
    plan.write_text(f"# Huge\n\n- Watch it all ({'9' * 400} h)\n- Read it (3 h)\n", "utf-8")
    result = _review(tmp_path, str(plan))
    assert result.returncode == 0, result.stderr
    assert " Left        2 topics · 3 h · 1 of 2 with a time" in result.stdout
    data = json.loads(_review(tmp_path, "--json", str(plan)).stdout, parse_constant=_refuse)
    assert data["pace"]["time_left"]["lengths"] == [{"unit": "hour", "low": 3, "high": 3}]


def _refuse(constant: str) -> None:
    raise AssertionError(f"{constant} is not JSON")


@pytest.mark.parametrize("columns", [40, 60])
def test_on_a_narrow_terminal_pace_and_left_wrap_instead_of_being_cut(
    tmp_path: Path, columns: int
) -> None:
    plan = tmp_path / "mixed.md"
    plan.write_text(
        "# Mixed\n\n- Course (3 months)\n- Book (24 weeks)\n- Camp (6 days)\n- Talk (1h 30min)\n",
        encoding="utf-8",
    )
    lines = _review(tmp_path, str(plan), columns=columns).stdout.splitlines()
    assert all(cell_width(line) <= columns for line in lines)
    at = next(i for i, line in enumerate(lines) if line.startswith(" Pace"))
    block = " ".join(line[13:] for line in lines[at : lines.index("", at)])
    assert "not yet: a week of history is needed (none so far)" in block
    assert "…" not in block
    for length in ("3 months", "24 weeks", "6 days", "1 h 30 min"):
        assert length in block


def test_a_weekly_goal_that_cannot_be_used_is_said_on_stderr(tmp_path: Path) -> None:
    _weeks_of_study(tmp_path)
    config = tmp_path / "config" / "dlroadmap" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('weekly_goal = "five"\n', encoding="utf-8")
    result = _review(tmp_path)
    assert result.returncode == 0
    assert " Pace        at " in result.stdout and " Goal " not in result.stdout
    assert "config.toml" in result.stderr and "weekly_goal a whole number" in result.stderr
    assert config.read_text(encoding="utf-8") == 'weekly_goal = "five"\n'  # left as it was
