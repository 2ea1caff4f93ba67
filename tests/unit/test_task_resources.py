"""A task's plain sub-bullets are its resources, not to-dos; other nesting stays as it was."""

from __future__ import annotations

from dlroadmap.roadmap.model import Node, Roadmap, Span, plain
from dlroadmap.roadmap.parser import parse_roadmap


def parse(text: str) -> Roadmap:
    return parse_roadmap(text, "fallback")


def resources(node: Node) -> list[str]:
    return [plain(resource) for resource in node.resources]


BOOKS = """\
# Plan
## Practical Books
- [ ] [Machine Learning for Hackers](https://books.example/hackers)
    - [GitHub repository (R)](https://github.com/example/r)
    - [GitHub repository (Python)][py]
- [x] Data Mining, Third Edition
    - Teaching material
        - [Slides for chapters 1-5](https://slides.example/1-5.zip)
- [ ] Succeeding with AI

[py]: https://github.com/example/py
"""


def test_plain_bullets_under_a_task_are_its_resources_with_their_links() -> None:
    (books,) = parse(BOOKS).phases
    hackers, mining, succeeding = books.children
    assert [item.text for item in parse(BOOKS).items()] == [
        "Machine Learning for Hackers",
        "Data Mining, Third Edition",
        "Succeeding with AI",
    ]
    assert not hackers.children and not mining.children
    assert resources(hackers) == ["GitHub repository (R)", "GitHub repository (Python)"]
    assert hackers.resources[0] == (
        Span("GitHub repository (R)", link="https://github.com/example/r"),
    )
    assert hackers.urls == (
        "https://books.example/hackers",
        "https://github.com/example/r",
        "https://github.com/example/py",
    )
    # Nested bullets are resources too, flattened in document order.
    assert resources(mining) == ["Teaching material", "Slides for chapters 1-5"]
    assert succeeding.resources == ()
    assert hackers.id == "practical-books/machine-learning-for-hackers"


def test_sub_tasks_stay_items_and_a_list_holding_tasks_is_kept_whole() -> None:
    text = """\
# Plan
## Courses
- [ ] Deep Learning Specialization
    - [x] Neural Networks and Deep Learning
    - [ ] Sequence Models
- [ ] Week one
    - Reading
        - [ ] Chapter 1
    - a box the author forgot
"""
    (courses,) = parse(text).phases
    specialization, week = courses.children
    assert [child.text for child in specialization.children] == [
        "Neural Networks and Deep Learning",
        "Sequence Models",
    ]
    assert specialization.resources == ()
    assert [child.text for child in week.children] == ["Reading", "a box the author forgot"]
    assert [child.text for child in week.children[0].children] == ["Chapter 1"]
    assert week.resources == ()


def test_nested_plain_items_stay_items_without_tasks() -> None:
    text = """\
# Plan
## Topics
- Linear algebra
    - Vectors
    - Matrices
- [ ] A task among plain items
"""
    (topics,) = parse(text).phases
    algebra = topics.children[0]
    assert [child.text for child in algebra.children] == ["Vectors", "Matrices"]
    assert all(child.is_topic for child in algebra.children)
    assert algebra.resources == ()


def test_a_typo_box_is_a_task_whose_bullets_are_resources() -> None:
    text = "# Log\n## Days\n- [] Day 67\n    - [notes](https://notes.example/67)\n"
    (days,) = parse(text).phases
    (day,) = days.children
    assert resources(day) == ["notes"]
    assert day.urls[-1] == "https://notes.example/67"
