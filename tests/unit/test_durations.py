"""Durations: what a topic says of how long it takes, and the time left summed in its units."""

from __future__ import annotations

from pathlib import Path

import pytest

from dlroadmap.progress.store import Store
from dlroadmap.roadmap.durations import (
    Amount,
    Duration,
    Rate,
    amount_text,
    duration_of,
    time_left,
)
from dlroadmap.roadmap.model import Node, Span, Status
from dlroadmap.roadmap.parser import parse_roadmap
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap
from tests.repo import CORPUS, ROOT


def topic(title: str, **cells: str) -> Node:
    """A topic titled `title` with a table row's other cells (`Effort="6 hours/week"`)."""
    fields = tuple((name, (Span(value),)) for name, value in cells.items())
    return Node(id=title, title=(Span(title),), trackable=True, fields=fields)


def weeks(low: float, high: float | None = None) -> Amount:
    return Amount(low, low if high is None else high, "week")


def hours(low: float, high: float | None = None) -> Amount:
    return Amount(low, low if high is None else high, "hour")


@pytest.mark.parametrize(
    ("cell", "length"),
    [
        ("13 weeks", weeks(13)),
        ("1 week", weeks(1)),
        ("8-10 weeks", weeks(8, 10)),
        ("10–12 weeks", weeks(10, 12)),
        ("8 to 10 weeks", weeks(8, 10)),
        ("8 - 10 wks", weeks(8, 10)),
        ("12-10 weeks", weeks(10, 12)),
        ("2 wk", weeks(2)),
        ("5w", weeks(5)),
        ("1.5 weeks", weeks(1.5)),
        ("~3h", hours(3)),
        ("about 3 hours", hours(3)),
        ("≈ 2 hrs", hours(2)),
        ("4 HRS", hours(4)),
        ("2.5 Hours", hours(2.5)),
        ("1 hour", hours(1)),
        ("90 min", hours(1.5)),
        ("30 minutes", hours(0.5)),
        ("1h 30min", hours(1.5)),
        ("1h30", hours(1.5)),
        ("  6 days ", Amount(6, 6, "day")),
        ("1 day", Amount(1, 1, "day")),
        ("3 months", Amount(3, 3, "month")),
        ("2-3 mo", Amount(2, 3, "month")),
    ],
)
def test_a_cell_that_is_a_length_gives_it_in_the_unit_it_names(cell: str, length: Amount) -> None:
    assert duration_of(topic("A course", Duration=cell)) == Duration(length, None)


@pytest.mark.parametrize(
    ("cell", "rate"),
    [
        ("8-10 hours/week", Rate(8, 10, "week")),
        ("6 hours/week", Rate(6, 6, "week")),
        ("6 hours per week", Rate(6, 6, "week")),
        ("5h/wk", Rate(5, 5, "week")),
        ("2-3 hours a week", Rate(2, 3, "week")),
        ("4 to 6 hrs / week", Rate(4, 6, "week")),
        ("6 hours weekly", Rate(6, 6, "week")),
        ("~1 hour a day", Rate(1, 1, "day")),
        ("2h/d", Rate(2, 2, "day")),
        ("30 min/day", Rate(0.5, 0.5, "day")),
    ],
)
def test_a_cell_that_is_an_hours_rate_gives_hours_per_week_or_day(cell: str, rate: Rate) -> None:
    assert duration_of(topic("A course", Effort=cell)) == Duration(None, rate)


@pytest.mark.parametrize(
    "cell",
    [
        "-",
        "self-paced",
        "Week 3",
        "2 weeks ago",
        "3h of video and a quiz",
        "13",
        "weeks",
        "13 weeks, 8-10 hours/week",  # two durations in one cell: not one
        "3 days/week",  # days a week: no hours of effort
        "3m",  # minutes or months
        "2D",  # two-dimensional as often as two days
        "3 weekss",
        "123456 hours",  # six digits: no time a topic takes
        f"{'1' * 5000}h 30",  # more digits than Python makes a whole number of
    ],
)
def test_a_cell_that_is_not_wholly_one_duration_gives_none(cell: str) -> None:
    assert duration_of(topic("A course", Notes=cell)) is None


@pytest.mark.parametrize(
    ("title", "length"),
    [
        ("Linear algebra (~3h)", hours(3)),
        ("Read the book (2 weeks)", weeks(2)),
        ("Watch the lectures [4 hrs]", hours(4)),
        ("Calculus (Part 2) (3 weeks)", weeks(3)),
        ("(about 2 days) of practice", Amount(2, 2, "day")),
    ],
)
def test_a_bracketed_group_of_a_title_that_holds_a_length_gives_it(
    title: str, length: Amount
) -> None:
    assert duration_of(topic(title)) == Duration(length, None)


@pytest.mark.parametrize(
    "title",
    [
        "Week 3: convolutions",
        "How I learnt it in 3 days",
        "Lectures (3h of video and a quiz)",
        "Sequence models (7/7/19: IN PROGRESS)",
        "Set theory (2.1.1)",
        "Convolutions (2D)",
        "Papers [5 min read]",
        "Day 5 (recap)",
    ],
)
def test_a_title_without_a_group_holding_just_a_duration_gives_none(title: str) -> None:
    assert duration_of(topic(title)) is None


def test_a_length_and_a_rate_are_read_from_different_places() -> None:
    course = topic("Deep learning (6 hours/week)", Duration="13 weeks", Level="advanced")
    assert duration_of(course) == Duration(weeks(13), Rate(6, 6, "week"))


def test_the_first_length_stated_counts_cells_before_the_title() -> None:
    course = topic("Deep learning (2 weeks)", Duration="13 weeks", Effort="40 hours")
    assert duration_of(course) == Duration(weeks(13), None)


def test_units_are_summed_apart_largest_first_minutes_folded_into_hours() -> None:
    left = time_left(
        [
            topic("Watch (40 min)"),
            topic("Course", Duration="2-3 weeks"),
            topic("Read (2 hours)"),
            topic("Build", Duration="10 days"),
            topic("Course two", Duration="4 weeks"),
            topic("Project", Length="1 month"),
            topic("Practise (20 min)"),
        ]
    )
    assert left.lengths == (
        Amount(1, 1, "month"),
        weeks(6, 7),
        Amount(10, 10, "day"),
        hours(3),
    )
    assert (left.topics, left.timed, left.hours, left.rated) == (7, 7, None, 0)


def test_a_length_at_a_rate_per_its_unit_gives_a_range_of_hours() -> None:
    left = time_left(
        [
            topic("Systematic program design", Duration="13 weeks", Effort="8-10 hours/week"),
            topic("Calculus", Duration="10–12 weeks", Effort="6 hours/week"),
            topic("Sprint (5 days)", Effort="2-3 hours a day"),
            # Weeks at hours a day: no conversion between days and weeks, so no hours.
            topic("Reading", Duration="2 weeks", Effort="1 hour a day"),
            topic("Daily review", Effort="30 min/day"),  # a rate with no length
            topic("Self study", Duration="self-paced", Effort="-"),
        ]
    )
    assert left.lengths == (weeks(25, 27), Amount(5, 5, "day"))
    # 13 x 8-10 + 10-12 x 6 + 5 x 2-3 = 104-130 + 60-72 + 10-15
    assert left.hours == hours(174, 217)
    assert (left.topics, left.timed, left.rated) == (6, 4, 3)


def test_nothing_timed_sums_to_nothing() -> None:
    left = time_left([topic("Backprop"), topic("Attention", Effort="hard")])
    assert (left.topics, left.timed, left.lengths, left.hours, left.rated) == (2, 0, (), None, 0)


@pytest.mark.parametrize(
    ("amount", "text", "ascii_text"),
    [
        (weeks(13), "13 weeks", "13 weeks"),
        (weeks(1), "1 week", "1 week"),
        (weeks(10, 12), "10–12 weeks", "10-12 weeks"),
        (weeks(1.5), "1.5 weeks", "1.5 weeks"),
        (Amount(1, 1, "month"), "1 month", "1 month"),
        (Amount(2, 2, "day"), "2 days", "2 days"),
        (hours(104, 130), "104–130 h", "104-130 h"),
        (hours(104.4, 129.6), "104–130 h", "104-130 h"),
        (hours(10 / 3), "3 h 20 min", "3 h 20 min"),
        (hours(0.75), "45 min", "45 min"),
        (hours(3), "3 h", "3 h"),
        (hours(1.5, 2), "1 h 30 min – 2 h", "1 h 30 min - 2 h"),
        (hours(2, 2.0001), "2 h", "2 h"),
    ],
)
def test_an_amount_reads_in_its_unit_with_a_dash_between_a_ranges_figures(
    amount: Amount, text: str, ascii_text: str
) -> None:
    assert amount_text(amount) == text
    assert amount_text(amount, ascii_only=True) == ascii_text


CURRICULUM = """\
# Curriculum

## Core programming

| Courses | Duration | Effort | Prerequisites |
|:--|:--:|:--:|:--:|
| [How to Code - Simple Data](https://example.com/htc1) | 7 weeks | 8-10 hours/week | none |
| [How to Code - Complex Data](https://example.com/htc2) | 6 weeks | 8-10 hours/week | HtC 1 |
| Programming Languages, Part A | 5 weeks | 4-8 hours/week | recursion |
| Programming Languages, Part B | 3 weeks | 4-8 hours/week | PL, Part A |
| Object-Oriented Design | 4 weeks | 4 hours/week | - |

## Core math

| Courses | Duration | Effort | Prerequisites |
|:--|:--:|:--:|:--:|
| Calculus 1A: Differentiation | 13 weeks | 6-10 hours/week | - |
| Mathematics for Computer Science | 13 weeks | 5 hours/week | Calculus |
| Discrete extras | - | - | - |
| Self-paced reading | self-paced | - | - |

## Extras

- [ ] Linear algebra refresher (~3h)
- [x] Read the book (2 weeks)
- [ ] Watch the talk [90 min]
- [ ] Week 3 review
"""


def test_what_is_left_of_a_curriculum_read_by_the_parser_in_weeks_and_hours(
    tmp_path: Path,
) -> None:
    source = tmp_path / "curriculum.md"
    source.write_text(CURRICULUM, encoding="utf-8")
    roadmap = load_roadmap(source)
    store = Store.open(roadmap, source, tmp_path / "roadmaps")
    by_title = {node.text: node for node in roadmap.items()}
    store.set_status(by_title["How to Code - Simple Data"], Status.DONE)
    store.set_status(by_title["Calculus 1A: Differentiation"], Status.DONE)
    store.set_status(by_title["Object-Oriented Design"], Status.SKIPPED)

    left = time_left(
        node for node in roadmap.items() if store.status(node) not in (Status.DONE, Status.SKIPPED)
    )

    # Left: HtC 2 (6 w at 8-10 h), PL A (5 w at 4-8 h), PL B (3 w at 4-8 h), Maths for CS
    # (13 w at 5 h), two untimed courses, 3 h + 90 min of extras, an untimed review;
    # "Read the book" is checked in the markdown.
    assert (left.topics, left.timed, left.rated) == (9, 6, 4)
    assert [amount_text(length) for length in left.lengths] == ["27 weeks", "4 h 30 min"]
    # 48-60 + 20-40 + 12-24 + 65
    assert left.hours is not None
    assert amount_text(left.hours) == "145–189 h"


def _timed(path: Path) -> dict[str, Duration | None]:
    """Each node of the roadmap file that gets a duration, by title."""
    roadmap = parse_roadmap(path.read_text(encoding="utf-8"), path.stem)
    return {
        f"{path.name}: {node.text}": duration_of(node)
        for node in roadmap.walk()
        if duration_of(node)
    }


def test_no_topic_of_the_corpus_gets_a_duration_it_does_not_state() -> None:
    # No file of the corpus states a duration in a cell or a bracketed group of its own;
    # they say "100-200 hours of study", "in 3 days", "Day 1" in running text.
    if not CORPUS.is_dir():
        pytest.skip(f"the shared roadmap corpus is not present at {CORPUS}")
    files = sorted(CORPUS.glob("*--*.md"))
    assert files
    assert {title: found for path in files for title, found in _timed(path).items()} == {}


@pytest.mark.parametrize(
    "path",
    [bundled_roadmap_path(), ROOT.parent / "shared" / "seed" / "deep-learning-study-plan.md"],
    ids=["bundled", "seed"],
)
def test_the_seed_plan_states_no_duration(path: Path) -> None:
    if not path.is_file():
        pytest.skip(f"the seed plan is not present at {path}")
    assert _timed(path) == {}
