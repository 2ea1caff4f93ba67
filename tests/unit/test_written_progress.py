"""Progress the learner wrote in the file: check marks and DONE leading an item, "in
progress" anywhere in it, and the "[]" typo, read as statuses and dropped from titles."""

from __future__ import annotations

import pytest

from dlroadmap.roadmap.model import Span, Status
from dlroadmap.roadmap.parser import parse_roadmap


def only_item(line: str) -> tuple[str, Status, str]:
    """The text, status and id of the one item of a roadmap holding `line`."""
    roadmap = parse_roadmap(f"# Plan\n## Section\n{line}\n", "plan.md")
    (item,) = roadmap.items()
    return item.text, item.initial_status, item.id


@pytest.mark.parametrize(
    ("line", "text", "status"),
    [
        ("- ✅ Reviewed chapter 1", "Reviewed chapter 1", Status.DONE),
        ("- ✔️ Week 2", "Week 2", Status.DONE),
        ("- ✔ Week 3", "Week 3", Status.DONE),
        ("- ☑ Week 4", "Week 4", Status.DONE),
        ("- ✅ - Week 5", "Week 5", Status.DONE),
        ("- **DONE**: [Course 1](https://example.com/1)", "Course 1", Status.DONE),
        ("- DONE Course 2", "Course 2", Status.DONE),
        ("- Done: Course 3", "Course 3", Status.DONE),
        ("- [ ] Sequence Models (IN PROGRESS)", "Sequence Models", Status.IN_PROGRESS),
        ("- [ ] Sequence Models (7/7/19: IN PROGRESS)", "Sequence Models", Status.IN_PROGRESS),
        ("- Work (in progress) on it", "Work on it", Status.IN_PROGRESS),
        ("- 🚧 Building a parser", "Building a parser", Status.IN_PROGRESS),
        ("- Building a compiler 🚧", "Building a compiler", Status.IN_PROGRESS),
        ("- [] Day 67", "Day 67", Status.TODO),
        ("- [ ]Day 68", "Day 68", Status.TODO),
        ("- [x]Day 69", "Day 69", Status.DONE),
        ("- [ x ] Day 70", "Day 70", Status.DONE),
        ("- [x] ✅ Both ways", "Both ways", Status.DONE),
        ("- Week 3 ✅", "Week 3", Status.DONE),
        ("- Week 4 ✔️", "Week 4", Status.DONE),
    ],
)
def test_a_written_status_is_read_and_left_out_of_title_and_id(
    line: str, text: str, status: Status
) -> None:
    got_text, got_status, got_id = only_item(line)
    assert (got_text, got_status) == (text, status)
    assert got_id == "section/" + text.lower().replace(" ", "-")


@pytest.mark.parametrize(
    "line",
    [
        "- Done right",  # a title that starts with the word, no colon
        "- Donegal",
        "- The DONE state machine",
        "- Progress bars (in theory)",
        "- [ ] Checklist item",
    ],
)
def test_words_that_only_look_like_markers_stay_in_the_title(line: str) -> None:
    text, status, _ = only_item(line)
    assert text == line.removeprefix("- ").removeprefix("[ ] ")
    assert status is Status.TODO


def test_a_marker_with_no_title_after_it_is_the_title() -> None:
    roadmap = parse_roadmap("# Plan\n## DONE\n- a\n", "plan.md")
    (section,) = roadmap.phases
    assert (section.text, section.initial_status) == ("DONE", Status.TODO)


def test_a_written_done_keeps_the_link_and_style_of_the_rest() -> None:
    roadmap = parse_roadmap("# P\n## S\n- **DONE**: [Course](https://example.com) _notes_\n", "p")
    (item,) = roadmap.items()
    assert item.title == (
        Span("Course", link="https://example.com"),
        Span(" "),
        Span("notes", italic=True),
    )


def test_headings_read_written_progress_too() -> None:
    roadmap = parse_roadmap("# P\n## ✅ Week 1\n## Week 2 🚧\n", "p")
    assert [(n.text, n.initial_status) for n in roadmap.items()] == [
        ("Week 1", Status.DONE),
        ("Week 2", Status.IN_PROGRESS),
    ]
