"""Exports of a roadmap with table rows, paragraph items, resources, links and parts set
aside: the JSON names each node's kind and carries its urls, fields and description; the
markdown re-opens with the same items and statuses."""

from __future__ import annotations

import pytest

from dlroadmap.export.data import to_json
from dlroadmap.export.markdown import to_markdown
from dlroadmap.roadmap.ids import slugify
from dlroadmap.roadmap.model import Node, Roadmap, Span, Status
from dlroadmap.roadmap.parser import parse_roadmap

CS50 = "https://cs50.harvard.edu/x"


def roadmap() -> Roadmap:
    row = Node(
        "courses/cs50",
        (Span("CS50", link=CS50),),
        trackable=True,
        fields=(
            ("Duration", (Span("13 weeks"),)),
            ("Prerequisites", (Span("none"), Span(" [see](https://p.example)"))),
        ),
    )
    row2 = Node(
        "courses/sicp",
        (Span("SICP"),),
        trackable=True,
        fields=(("Duration", (Span("1 - 2 weeks"),)),),
    )
    courses = Node("courses", (Span("Courses"),), trackable=False, children=[row, row2])
    paragraphs = [
        Node(
            f"projects/{slugify(title)}",
            (Span(title, bold=True),),
            trackable=True,
            description=(Span(text),),
        )
        for title, text in (
            ("Find PI", "Enter a number and have the program generate PI."),
            ("Lists", "1. not a list item, 2. nor this"),
            ("Headings", "# not a heading"),
            ("Bullets", "- not a bullet"),
            ("Rules", "---"),
        )
    ]
    projects = Node("projects", (Span("Projects"),), trackable=False, children=paragraphs)
    aside = "about the repository"
    license_ = Node(
        "license",
        (Span("License"),),
        trackable=False,
        aside=aside,
        children=[Node("license/mit", (Span("MIT"),), trackable=True, aside=aside)],
    )
    task = Node(
        "tasks/read-the-paper",
        (Span("Read the paper"),),
        trackable=True,
        resources=((Span("pdf", link="https://arxiv.org/x"),), (Span("notes"),)),
    )
    tasks = Node("tasks", (Span("Tasks"),), trackable=False, children=[task])
    return Roadmap((Span("Plan"),), phases=[courses, projects, license_, tasks])


STATUSES = {
    "courses/cs50": Status.DONE,
    "courses/sicp": Status.IN_PROGRESS,
    "projects/find-pi": Status.SKIPPED,
    "projects/lists": Status.DONE,
}


def status_of(node: Node) -> Status:
    return STATUSES.get(node.id, Status.TODO)


def nodes(data: dict[str, object]) -> dict[str, dict[str, object]]:
    found: dict[str, dict[str, object]] = {}
    stack = list(data["phases"])  # type: ignore[call-overload]
    while stack:
        entry = stack.pop()
        found[entry["id"]] = entry
        stack.extend(entry["children"])
    return found


def test_json_names_kinds_and_carries_urls_fields_description_and_resources() -> None:
    entries = nodes(to_json(roadmap(), status_of, lambda _: None))
    assert {key for key, entry in entries.items() if entry["kind"] == "item"} == {
        "courses/cs50",
        "courses/sicp",
        *(f"projects/{slug}" for slug in ("find-pi", "lists", "headings", "bullets", "rules")),
        "tasks/read-the-paper",
    }
    assert entries["license"]["kind"] == entries["license/mit"]["kind"] == "aside"
    assert entries["license"]["reason"] == "about the repository"
    assert entries["courses"]["kind"] == "group" and entries["courses"]["urls"] == []
    cs50 = entries["courses/cs50"]
    assert cs50["urls"] == [CS50]
    assert cs50["fields"] == {
        "Duration": "13 weeks",
        "Prerequisites": "none [see](https://p.example)",
    }
    assert (
        entries["projects/find-pi"]["description"]
        == "Enter a number and have the program generate PI."
    )
    assert "fields" not in entries["projects/find-pi"] and "description" not in cs50
    assert entries["tasks/read-the-paper"]["resources"] == [
        {"kind": "resource", "title": "pdf", "urls": ["https://arxiv.org/x"]},
        {"kind": "resource", "title": "notes", "urls": []},
    ]
    assert entries["tasks/read-the-paper"]["urls"] == ["https://arxiv.org/x"]


def test_markdown_writes_rows_and_paragraph_items_as_list_items_with_their_text() -> None:
    text = to_markdown(roadmap(), status_of, lambda _: "")
    assert (
        "- [x] [CS50](https://cs50.harvard.edu/x)\n\n  Duration: 13 weeks · Prerequisites:" in text
    )
    assert "- [ ] **Find PI** ~~" not in text  # a skipped title is struck, not its text
    assert "  Enter a number and have the program generate PI." in text
    assert "  1\\. not a list item" in text and "  \\# not a heading" in text
    assert "## License\n\n- [ ] MIT" in text  # set aside again when read (the parser's rules)
    assert "- [ ] Read the paper\n\n  - [pdf](https://arxiv.org/x)\n  - notes" in text


def test_markdown_reopens_with_the_same_items_and_statuses() -> None:
    original = roadmap()
    # Resources and what is set aside are read back only by the parser rules that read
    # them (merged separately); until then this checks every other shape.
    for task in original.phases[3].children:
        task.resources = ()
    original = Roadmap(original.title, phases=[p for p in original.phases if not p.aside])
    text = to_markdown(original, status_of, lambda _: "")
    again = parse_roadmap(text, "plan")
    expected = {n.id: status_of(n) for n in original.items()}
    assert {n.id: n.initial_status for n in again.items()} == expected


REAL = """# Curriculum

## Core CS

Courses | Duration | Effort | Prerequisites
:-- | :--: | :--: | :--:
[Introduction to CS](https://cs50.harvard.edu/x) | 12 weeks | 10 hours/week | none
[Python for Everybody](https://www.coursera.org/py) | 10 weeks | 10 hours/week | none
[How to Code](https://www.edx.org/course/how-to-code) | 13 weeks | 8-10 hours/week | none

## Projects

**Find PI to the Nth Digit** - Enter a number and have the program generate PI.

**Fibonacci Sequence** - Enter a number and have the program generate the sequence.

## Checklist

- [ ] Read the paper
  - [pdf](https://arxiv.org/abs/1706.03762)
  - read more
- [x] Implement attention
  - [code](https://github.com/x/y)
"""


def test_real_tables_paragraph_items_and_resources_reopen_the_same() -> None:
    parsed = parse_roadmap(REAL, "plan")
    items = list(parsed.items())
    if not any(node.fields for node in items):
        pytest.skip("tables are read as items only by the rows parser, not merged here yet")
    assert len(items) == 7
    statuses = {
        items[0].id: Status.DONE,
        items[3].id: Status.SKIPPED,
        items[4].id: Status.IN_PROGRESS,
    }

    def status(node: Node) -> Status:
        return statuses.get(node.id, node.initial_status)

    again = parse_roadmap(to_markdown(parsed, status, lambda _: ""), "plan")
    assert {n.id: n.initial_status for n in again.items()} == {n.id: status(n) for n in items}
    assert [len(n.resources) for n in again.items()] == [len(n.resources) for n in items]
    assert all(n.description for n in list(again.items())[:5])  # fields and prose kept as text
