"""Today's review: what it counts, lists and draws, with a frozen clock."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

import pytest

from dlroadmap.progress.activity import DayActivity
from dlroadmap.progress.revisit import DAILY_CAP, first_card
from dlroadmap.progress.state import ItemState, State
from dlroadmap.review import text as review_text
from dlroadmap.review.build import (
    CALENDAR_WEEKS,
    NEXT_COUNT,
    RULES,
    Review,
    build_review,
    calendar_start,
    to_json,
)
from dlroadmap.review.lines import cell_width, truncate
from dlroadmap.review.text import render, screen_parts
from dlroadmap.review.words import short_phase
from dlroadmap.roadmap.model import Node, Roadmap, Status
from dlroadmap.roadmap.parser import parse_roadmap
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap
from dlroadmap.roadmap.tally import Tally

TZ = timezone(timedelta(hours=2))
TODAY = date(2026, 3, 18)  # a Wednesday
WIDTHS = (80, 60)

SMALL = """# Plan

## Phase 1: Basics
- A1
- A2
- A3

## Phase 2: More
- B1
- B2

## Phase 3: Last
### Topics
- C1
- C2
"""


def at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour, 0), TZ)


def days_ago(count: int) -> date:
    return TODAY - timedelta(days=count)


class Progress:
    """A roadmap and a hand-made state, with helpers to set both up."""

    def __init__(self, roadmap: Roadmap) -> None:
        self.roadmap = roadmap
        self.state = State(title=roadmap.text, source="test")

    def node(self, text: str) -> Node:
        matches = [node for node in self.roadmap.items() if node.text == text]
        assert len(matches) == 1, text
        return matches[0]

    def set(self, text: str, status: Status, day: date | None = None, card: bool = False) -> None:
        node = self.node(text)
        when = at(day) if day else None
        self.state.items[node.id] = ItemState(
            node.text,
            status,
            when,
            revisit=first_card(when) if card and when else None,
        )

    def card_done_on(self, text: str, day: date, hour: int = 9) -> None:
        node = self.node(text)
        when = at(day, hour)
        self.state.items[node.id] = ItemState(
            node.text, Status.DONE, when, revisit=first_card(when)
        )

    def day(self, day: date, actions: int = 1, done: tuple[str, ...] = (), notes=()) -> None:
        self.state.activity[day.isoformat()] = DayActivity(
            actions,
            tuple(self.node(text).id for text in done),
            tuple(self.node(text).id for text in notes),
        )

    def status_of(self, node: Node) -> Status:
        saved = self.state.items.get(node.id)
        return saved.status if saved and saved.status else node.initial_status

    def review(self, today: date = TODAY) -> Review:
        return build_review(self.roadmap, self.state, self.status_of, today, tz=TZ)


@pytest.fixture
def small() -> Progress:
    return Progress(parse_roadmap(SMALL, fallback_title="plan"))


@pytest.fixture
def seed() -> Progress:
    return Progress(load_roadmap(bundled_roadmap_path()))


def texts(lines) -> list[str]:
    return ["".join(span.text for span in line.title) for line in lines]


def seeded_progress(seed: Progress) -> Progress:
    """The seed with a few weeks of study: done, in progress, skipped, notes, revisits."""
    items = [node.text for node in seed.roadmap.items()]
    seed.card_done_on(items[0], days_ago(20))
    seed.card_done_on(items[2], days_ago(3))
    seed.card_done_on(items[3], days_ago(1))
    seed.card_done_on(items[8], days_ago(30))
    seed.card_done_on(items[9], days_ago(12))
    seed.card_done_on(items[10], TODAY)
    seed.set(items[4], Status.IN_PROGRESS, days_ago(2))
    seed.set(items[15], Status.IN_PROGRESS, days_ago(6))
    seed.set(items[7], Status.SKIPPED, days_ago(5))
    for back in range(0, 90, 3):
        seed.day(days_ago(back), actions=back % 9 + 1)
    seed.day(TODAY, 2, done=(items[10],))
    seed.day(days_ago(1), 3, done=(items[3],), notes=(items[2], items[4]))
    seed.day(days_ago(3), 1, done=(items[2],))
    return seed


# -- counting -------------------------------------------------------------------


def test_totals_leave_skipped_items_out(seed: Progress) -> None:
    items = list(seed.roadmap.items())
    seed.set(items[0].text, Status.DONE, TODAY)
    seed.set(items[1].text, Status.DONE, TODAY)
    seed.set(items[2].text, Status.SKIPPED, TODAY)
    seed.set(items[3].text, Status.IN_PROGRESS, TODAY)

    review = seed.review()

    # The seed ships one item already checked off ("- [x] ...").
    shipped_done = sum(1 for node in items if node.initial_status is Status.DONE)
    assert shipped_done == 1
    assert review.tally == Tally(done=3, in_progress=1, todo=len(items) - 5, skipped=1)
    assert review.tally.total == len(items) - 1
    assert len(review.phases) == len(seed.roadmap.phases) == 7
    fields = ("done", "in_progress", "todo", "skipped")
    by_phase = [sum(getattr(phase.tally, f) for phase in review.phases) for f in fields]
    assert by_phase == [getattr(review.tally, f) for f in fields]
    assert review.phases[0].tally == Tally(done=2, in_progress=1, todo=3, skipped=1)


def test_a_phase_without_items_is_left_out() -> None:
    roadmap = parse_roadmap("# P\n\n## One\n\n- a\n\n## Two\n\nJust prose.\n", "p")
    progress = Progress(roadmap)
    review = progress.review()
    assert [phase.node_id for phase in review.phases] == [
        phase.id for phase in roadmap.phases if any(n.trackable for n in phase.walk())
    ]


# -- Next and Now -----------------------------------------------------------------


def test_next_is_the_earliest_unfinished_phase_first_items_in_order(small: Progress) -> None:
    small.set("A1", Status.DONE, TODAY)
    review = small.review()
    assert texts(review.next) == ["A2", "A3", "B1"]
    assert all(line.status is Status.TODO and line.when is None for line in review.next)
    assert review.next[0].where == ("Phase 1: Basics",)


def test_next_fills_up_from_the_following_phases(small: Progress) -> None:
    small.set("A1", Status.DONE, TODAY)
    small.set("A2", Status.SKIPPED, TODAY)
    small.set("A3", Status.IN_PROGRESS, TODAY)
    small.set("B2", Status.DONE, TODAY)
    review = small.review()
    # Phase 1 is unfinished (A3 in progress) but has nothing left to start.
    assert texts(review.next) == ["B1", "C1", "C2"]
    assert review.next[1].where == ("Phase 3: Last", "Topics")
    assert len(review.next) == NEXT_COUNT


def test_next_is_empty_when_nothing_is_left_to_start(small: Progress) -> None:
    for text in ("A1", "A2", "A3", "B1", "B2", "C1"):
        small.set(text, Status.DONE, TODAY)
    small.set("C2", Status.SKIPPED, TODAY)
    assert small.review().next == ()


def test_now_lists_items_in_progress_oldest_change_first(small: Progress) -> None:
    small.set("C1", Status.IN_PROGRESS, days_ago(5))
    small.set("A2", Status.IN_PROGRESS, days_ago(1))
    small.set("B1", Status.IN_PROGRESS, days_ago(9))
    small.set("B2", Status.DONE, days_ago(20))
    small.state.items[small.node("A3").id] = ItemState("A3", Status.IN_PROGRESS)  # no date
    review = small.review()
    assert texts(review.now) == ["A3", "B1", "C1", "A2"]
    assert [line.when for line in review.now] == [None, days_ago(9), days_ago(5), days_ago(1)]
    assert all(line.status is Status.IN_PROGRESS for line in review.now)


# -- revisits ---------------------------------------------------------------------


def test_a_topic_done_on_day_d_comes_due_on_d_plus_2(small: Progress) -> None:
    done_on = date(2026, 3, 10)
    small.card_done_on("A1", done_on)
    assert small.review(done_on).revisit == ()
    assert small.review(done_on + timedelta(days=1)).revisit == ()
    due = small.review(done_on + timedelta(days=2)).revisit
    assert texts(due) == ["A1"]
    assert due[0].when == done_on + timedelta(days=2)
    # Still due, and still dated the day it came due, until it is rated.
    assert small.review(done_on + timedelta(days=5)).revisit[0].when == done_on + timedelta(days=2)


def test_the_due_day_is_the_local_one(small: Progress) -> None:
    # 00:30 at UTC+2 is the evening before in UTC: due late on D+1 in UTC, early on D+2 here.
    done_on = date(2026, 3, 10)
    small.card_done_on("A1", done_on, hour=0)
    assert small.review(done_on + timedelta(days=1)).revisit == ()
    assert small.review(done_on + timedelta(days=2)).revisit[0].when == done_on + timedelta(days=2)


def test_revisit_lists_due_cards_most_overdue_first_up_to_the_cap(small: Progress) -> None:
    small.card_done_on("B1", days_ago(4))  # due 2 days ago
    small.card_done_on("A1", days_ago(10))  # due 8 days ago
    small.card_done_on("C1", days_ago(2))  # due today
    small.card_done_on("A2", days_ago(6))  # due 4 days ago
    small.card_done_on("A3", days_ago(1))  # due tomorrow
    small.card_done_on("B2", days_ago(30))  # due long ago, but no longer done:
    small.state.items[small.node("B2").id] = small.state.items[small.node("B2").id].with_status(
        Status.TODO, at(days_ago(1))
    )

    review = small.review()

    assert DAILY_CAP == 3
    assert texts(review.revisit) == ["A1", "A2", "B1"]
    assert [line.when for line in review.revisit] == [days_ago(8), days_ago(4), days_ago(2)]
    assert review.revisit_waiting == 1
    assert all(line.status is Status.DONE for line in review.revisit)


def test_nothing_waits_when_the_due_cards_fit_the_cap(small: Progress) -> None:
    small.card_done_on("A1", days_ago(3))
    review = small.review()
    assert texts(review.revisit) == ["A1"]
    assert review.revisit_waiting == 0


# -- streak -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("active_days_ago", "streak", "studied"),
    [
        ((0, 1, 2), 3, True),  # today counts once studied
        ((1, 2, 3, 4), 4, False),  # not yet today: counts up to yesterday
        ((0, 1, 3, 4), 2, True),  # a gap breaks it
        ((2, 3), 0, False),  # yesterday missed: broken
        ((0,), 1, True),
        ((), 0, False),  # no activity at all
    ],
)
def test_streak(
    small: Progress, active_days_ago: tuple[int, ...], streak: int, studied: bool
) -> None:
    for back in active_days_ago:
        small.day(days_ago(back), actions=2)
    review = small.review()
    assert review.streak == streak
    assert review.studied_today is studied


def test_a_day_with_no_actions_does_not_count(small: Progress) -> None:
    small.day(TODAY, actions=0)
    small.day(days_ago(1), actions=1)
    review = small.review()
    assert (review.streak, review.studied_today) == (1, False)


# -- today, yesterday, this week ---------------------------------------------------


def test_done_and_notes_by_day(small: Progress) -> None:
    for text in ("A1", "A2", "B1", "B2", "C1"):
        small.set(text, Status.DONE, TODAY)
    small.set("A3", Status.IN_PROGRESS, TODAY)
    small.day(TODAY, 3, done=("A1",), notes=("A3",))
    small.day(days_ago(1), 2, done=("A2", "A3"), notes=("B1",))  # A3 is no longer done
    small.day(days_ago(6), 1, done=("B1",))
    small.day(days_ago(7), 1, done=("B2",), notes=("C1",))  # outside the week
    small.state.activity[days_ago(2).isoformat()] = DayActivity(1, ("gone/from-the-roadmap",))

    review = small.review()

    assert texts(review.done_today) == ["A1"]
    assert texts(review.done_yesterday) == ["A2"]
    assert texts(review.done_week) == ["A1", "A2", "B1"]
    assert [line.when for line in review.done_week] == [TODAY, days_ago(1), days_ago(6)]
    assert texts(review.notes_today) == ["A3"]
    assert review.notes_today[0].status is Status.IN_PROGRESS
    assert texts(review.notes_yesterday) == ["B1"]
    assert texts(review.notes_week) == ["A3", "B1"]


def test_an_item_done_twice_in_the_week_is_listed_once(small: Progress) -> None:
    small.set("A1", Status.DONE, TODAY)
    small.day(TODAY, 1, done=("A1",))
    small.day(days_ago(3), 2, done=("A1",))
    review = small.review()
    assert texts(review.done_week) == ["A1"]
    assert review.done_week[0].when == TODAY


# -- calendar ---------------------------------------------------------------------


@pytest.mark.parametrize("today", [TODAY, date(2026, 3, 16), date(2026, 3, 22), date(2024, 3, 3)])
def test_calendar_runs_from_a_monday_13_weeks_back_to_today(small: Progress, today: date) -> None:
    small.day(today, 4)
    small.day(today - timedelta(days=10), 2)
    small.day(today - timedelta(days=400), 9)  # long before: not shown
    small.day(today + timedelta(days=1), 5)  # a clock gone wrong: not shown
    calendar = small.review(today).calendar

    days = [day for day, _ in calendar]
    assert days[0] == calendar_start(today)
    assert days[0].weekday() == 0
    assert days[-1] == today
    assert days == [days[0] + timedelta(days=n) for n in range(len(days))]
    assert len(days) == 7 * (CALENDAR_WEEKS - 1) + today.weekday() + 1
    counts = dict(calendar)
    assert counts[today] == 4
    assert counts[today - timedelta(days=10)] == 2
    assert sum(counts.values()) == 6


# -- JSON -------------------------------------------------------------------------


def test_to_json_is_serialisable_and_agrees_with_the_review(seed: Progress) -> None:
    review = seeded_progress(seed).review()
    data = json.loads(json.dumps(to_json(review)))

    assert data["date"] == TODAY.isoformat()
    tally = review.tally
    assert data["totals"] == {
        "done": tally.done,
        "in_progress": tally.in_progress,
        "todo": tally.todo,
        "skipped": tally.skipped,
        "total": tally.total,
        "percent": int(100 * tally.done / tally.total),
    }
    assert [p["id"] for p in data["phases"]] == [p.node_id for p in review.phases]
    assert data["phases"][0]["title"] == "📚 Phase 1: Foundations of Deep Learning"
    assert data["streak"] == review.streak
    assert data["studied_today"] is True
    assert [i["id"] for i in data["revisit"]["due"]] == [i.node_id for i in review.revisit]
    assert [i["due"] for i in data["revisit"]["due"]] == [
        i.when.isoformat() for i in review.revisit if i.when
    ]
    assert data["revisit"]["waiting"] == review.revisit_waiting
    assert [i["id"] for i in data["next"]] == [i.node_id for i in review.next]
    assert [i["id"] for i in data["now"]] == [i.node_id for i in review.now]
    assert data["now"][0]["since"] == review.now[0].when.isoformat()
    assert data["next"][0]["where"] == list(review.next[0].where)
    assert [i["id"] for i in data["done"]["today"]] == [i.node_id for i in review.done_today]
    assert [i["id"] for i in data["notes"]["yesterday"]] == [
        i.node_id for i in review.notes_yesterday
    ]
    assert len(data["done"]["week"]) == len(review.done_week)
    assert data["calendar"][-1] == [TODAY.isoformat(), 2]
    assert len(data["calendar"]) == len(review.calendar)


def test_the_rules_are_stated() -> None:
    text = " ".join(RULES)
    assert "Skipped" in text
    assert "streak" in text
    assert "FSRS" in text
    assert str(DAILY_CAP) in text


# -- rendering --------------------------------------------------------------------


def test_width_helper_counts_wide_characters_as_two() -> None:
    assert cell_width("abc") == 3
    assert cell_width("学习") == 4
    assert cell_width("🧠") == 2
    assert cell_width("e\u0301") == 1
    assert truncate("学习深度学习", 7) == "学习深…"
    assert cell_width(truncate("学习深度学习", 7)) <= 7
    assert truncate("short", 10) == "short"
    assert truncate("abcdef", 4, "...") == "a..."


def test_short_phase_labels() -> None:
    assert short_phase("📚 Phase 1: Foundations of Deep Learning") == "Phase 1"
    assert short_phase("🛠 Tools") == "Tools"
    assert short_phase("第一阶段：基础") == "第一阶段：基础"


WIDE = """# 🧠 学习计划 with a very long title that will not fit on any narrow terminal at all

## 📚 第一阶段：深度学习的基础知识和数学原理以及很多很多其他的东西
- 什么是深度学习？这是一个非常非常长的标题，用来测试截断是否正确处理宽字符
- 🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀🚀
- An item whose title is long enough in plain English to need cutting at sixty columns wide

## Phase 2: Ĉu ĉi tio estas longa titolo kun diakritaj signoj kaj multe pli
- x
"""


def wide_progress() -> Progress:
    progress = Progress(parse_roadmap(WIDE, "wide"))
    items = [node.text for node in progress.roadmap.items()]
    progress.set(items[0], Status.IN_PROGRESS, days_ago(40))
    progress.card_done_on(items[1], days_ago(5))
    progress.day(TODAY, 3, done=(items[1],), notes=(items[0], items[2]))
    progress.day(days_ago(1), 1, notes=(items[0],))
    return progress


def renders(seed: Progress) -> list[tuple[str, Review]]:
    seeded = seeded_progress(seed)
    wide = wide_progress()
    empty = Progress(parse_roadmap(SMALL, "plan"))
    return [
        (seeded.roadmap.text, seeded.review()),
        (wide.roadmap.text, wide.review()),
        (empty.roadmap.text, empty.review()),
    ]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("ascii_only", [False, True])
def test_every_line_fits_the_width(seed: Progress, width: int, ascii_only: bool) -> None:
    for title, review in renders(seed):
        text = render(review, title, width=width, ascii_only=ascii_only)
        for line in text.splitlines():
            assert cell_width(line) <= width, line
            assert line == line.rstrip()


@pytest.mark.parametrize("width", [1, 10, 24, 40])
def test_narrow_terminals_do_not_break_it(seed: Progress, width: int) -> None:
    for title, review in renders(seed):
        for line in render(review, title, width=width).splitlines():
            assert cell_width(line) <= width


def test_no_escape_codes_without_color(seed: Progress) -> None:
    for title, review in renders(seed):
        assert "\x1b" not in render(review, title, width=80)
        assert "\x1b" not in render(review, title, width=60, ascii_only=True)


def test_color_uses_ansi_codes_that_do_not_change_the_text(seed: Progress) -> None:
    title, review = renders(seed)[0]
    colored = render(review, title, width=80, color=True)
    assert "\x1b[32m" in colored  # green: done
    assert "\x1b[33m" in colored  # yellow: in progress
    assert "\x1b[1m" in colored  # bold headers
    assert "\x1b[0m" in colored
    assert re.sub(r"\x1b\[[0-9;]*m", "", colored) == render(review, title, width=80)


def test_the_seed_review_says_what_matters(seed: Progress) -> None:
    review = seeded_progress(seed).review()
    text = render(review, seed.roadmap.text, width=80)
    lines = text.splitlines()
    assert lines[0] == " 🧠 Deep Learning Study Plan"
    assert lines[1].startswith(" Today · Wed 18 Mar 2026")
    assert lines[1].endswith(f"streak {review.streak} days · 7/52 done · 13%")
    assert "Phase 1" in text and "Phase 7" in text
    assert "◐ Loss Functions (MSE, Cross-Entropy)" in text
    assert "since Mon" in text
    assert "Phase 1 › Goals" in text
    assert "due 28 days ago" in text
    assert f"+{review.revisit_waiting} more tomorrow" in text
    assert "rate it in the app: dlroadmap, r" in text
    assert any(line.startswith(" Yesterday   1 done · 2 notes") for line in lines)
    assert any(line.startswith(" Mon  ") for line in lines)
    assert not any(line.startswith(" Tue") for line in lines)


def calendar_rows(text: str) -> list[str]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(" Mon  "))
    return lines[start : start + 7]


def test_the_calendar_grid_shades_each_day(small: Progress) -> None:
    monday = calendar_start(TODAY)
    for back, actions in ((0, 1), (1, 3), (2, 5), (7, 9)):
        small.day(TODAY - timedelta(days=back), actions)
    small.day(monday, 2)
    text = render(small.review(), "Plan", width=80)
    rows = calendar_rows(text)
    cells = [row[6::2] for row in rows]  # one column of two characters per week
    assert all(len(column) == CALENDAR_WEEKS for column in cells[:3])
    # Today is a Wednesday: the last column stops there, Thursday on is blank.
    assert cells[2][-1] == "░"  # today, 1 action
    assert cells[1][-1] == "▒"  # yesterday, 3
    assert cells[0][-1] == "▓"  # Monday, 5
    assert cells[2][-2] == "█"  # a week ago, 9
    assert cells[0][0] == "▒"  # the first Monday, 2
    assert all(len(row[6::2].rstrip()) == CALENDAR_WEEKS - 1 for row in rows[3:])
    assert cells[4][0] == "·"
    month_row = text.splitlines()[text.splitlines().index(rows[0]) - 1]
    # The grid starts Mon 22 Dec 2025; 1 Jan falls in its second week, too close to
    # label December as well.
    assert calendar_start(TODAY) == date(2025, 12, 22)
    assert month_row.split() == ["Jan", "Feb", "Mar"]
    assert month_row.index("Jan") == 6 + 2 * 1
    assert month_row.index("Mar") == 6 + 2 * 9  # 1 Mar 2026 is a Sunday: the week of 23 Feb


def test_ascii_mode_draws_only_ascii_around_the_titles(seed: Progress) -> None:
    for title, review in renders(seed):
        text = render(review, title, width=80, ascii_only=True)
        allowed = set(title)
        for node in (
            *seed.roadmap.walk(),
            *parse_roadmap(WIDE, "wide").walk(),
            *parse_roadmap(SMALL, "p").walk(),
        ):
            allowed |= set(node.text)
        stray = {char for char in text if not char.isascii() and char not in allowed}
        assert not stray, stray


HOSTILE = """# Plan [bold]\x1b[31mred\x1b[0m

## Phase 1: [red]x[/red]
- [red]x[/red]
- Title \x1b]0;pwned\x07 here
- Bell\x07 and \x1b[2J clear \u202e reversed
"""


@pytest.mark.parametrize("color", [False, True])
def test_hostile_titles_are_shown_not_obeyed(color: bool) -> None:
    progress = Progress(parse_roadmap(HOSTILE, "hostile"))
    items = [node.text for node in progress.roadmap.items()]
    progress.set(items[1], Status.IN_PROGRESS, days_ago(1))
    progress.card_done_on(items[2], days_ago(4))
    progress.day(TODAY, 2, done=(items[2],), notes=(items[1],))
    text = render(progress.review(), progress.roadmap.text, width=80, color=color)

    assert "[red]x[/red]" in text
    assert "\x07" not in text
    assert "\u202e" not in text
    assert "]0;pwned" in text
    # The only escapes are the colour codes this module writes itself.
    assert re.sub(r"\x1b\[(?:[012]|3[23]|1;32)?m", "", text).count("\x1b") == 0
    for line in text.splitlines():
        assert cell_width(re.sub(r"\x1b\[[0-9;]*m", "", line)) <= 80


def test_an_empty_day_still_reads_well(small: Progress) -> None:
    text = render(small.review(), "Plan", width=80)
    assert "nothing in progress" in text
    assert "nothing due" in text
    assert " Today       nothing yet" in text
    assert "streak 0 days" in text


def test_a_running_streak_asks_for_today(small: Progress) -> None:
    small.day(days_ago(1), 1)
    small.day(days_ago(2), 1)
    text = render(small.review(), "Plan", width=80)
    assert "streak 2 days" in text
    assert "study today to make it 3 days" in text


def test_calendar_shades_are_one_column_each() -> None:
    # Every shade is one column wide, so the grid stays a grid.
    for shade in (*review_text.SHADES, *review_text.ASCII_SHADES):
        assert cell_width(shade) == 1
        assert unicodedata.east_asian_width(shade) != "W"


def plain_parts(review: Review, title: str, **look: Any) -> dict[str, list[str]]:
    """The blocks the app's Today screen gets, as the plain text of their segments."""
    parts = screen_parts(review, title, **look)
    return {
        key: ["".join(text for text, _ in line) for line in lines] for key, lines in parts.items()
    }


@pytest.mark.parametrize("width", WIDTHS)
def test_the_app_gets_the_same_pieces_as_plain_lines(seed: Progress, width: int) -> None:
    for title, review in renders(seed):
        full = render(review, title, width=width).splitlines()
        for lines in plain_parts(review, title, width=width).values():
            assert lines
            assert all("\x1b" not in line and cell_width(line) <= width for line in lines)
            # Each piece is a run of lines of the printed review.
            start = full.index(lines[0])
            assert full[start : start + len(lines)] == lines
    review = seeded_progress(Progress(load_roadmap(bundled_roadmap_path()))).review()
    parts = plain_parts(review, "title", width=80)
    assert len(parts["phases"]) == 4  # seven phases in two columns
    assert [line.split()[0] for line in parts["days"]] == ["Today", "Yesterday", "This"]
    assert len(parts["calendar"]) == 1 + 7 + 1
    assert "#" in "".join(plain_parts(review, "title", ascii_only=True)["calendar"])
