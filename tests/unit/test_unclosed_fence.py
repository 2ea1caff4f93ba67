"""A code fence never closed hides what follows it as code, as CommonMark says; the
roadmap then carries a warning naming the line, never a silent empty tree."""

from __future__ import annotations

import pytest

from dlroadmap.roadmap.parser import parse_roadmap


def warnings(text: str) -> list[str]:
    return parse_roadmap(text, "plan").warnings


def test_an_unclosed_fence_hiding_items_names_its_line_and_the_items() -> None:
    text = "# Plan\n## A\n- one\n\n```python\nx = 1\n\n## B\n- two\n- three\n  - four\n"
    roadmap = parse_roadmap(text, "plan")
    assert [node.text for node in roadmap.items()] == ["one"]  # read as CommonMark reads it
    assert roadmap.warnings == [
        "Line 5: a code fence (```) is never closed; "
        "the 3 list items and 1 heading after it are read as code."
    ]


def test_the_line_counts_the_front_matter_too() -> None:
    text = "---\ntitle: Plan\n---\n## A\n````\n- one\n"
    assert warnings(text) == [
        "Line 5: a code fence (````) is never closed; the 1 list item after it is read as code."
    ]


def test_hidden_headings_are_counted_too() -> None:
    # A daily log whose days are headings: the days after the fence are gone from the tree.
    text = "# Log\n## Day 1\nRead.\n\n```\nprint(1)\n## Day 2\nMore.\n## Day 3\n- [ ] Task\n"
    roadmap = parse_roadmap(text, "log")
    assert [node.text for node in roadmap.items()] == ["Day 1"]
    assert roadmap.warnings == [
        "Line 5: a code fence (```) is never closed; "
        "the 1 list item and 2 headings after it are read as code."
    ]


def test_a_fence_closed_after_other_fences_is_not_reported() -> None:
    text = "# P\n```\n- in code\n```\n~~~\n```\n~~~\n- a\n```sh\nls\n```\n"
    assert warnings(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "# P\n- a\n```\nno list items below\n",  # nothing hidden but code
        "# P\n- a\n```x``` is a code span\n- b\n",
        "# P\n- a\n\n    ```\n    indented code\n- b\n",
    ],
)
def test_no_warning_when_no_item_is_hidden(text: str) -> None:
    assert warnings(text) == []
