"""Export to markdown and JSON with progress, read back as the same items."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dlroadmap.export.data import to_json
from dlroadmap.export.markdown import to_markdown
from dlroadmap.progress.state import ItemState
from dlroadmap.roadmap.model import Node, Roadmap, Status, plain
from dlroadmap.roadmap.parser import parse_roadmap
from dlroadmap.roadmap.source import load_roadmap
from tests.repo import CORPUS

_CORPUS_FILES = (
    sorted(path for path in CORPUS.glob("*.md") if path.name != "SOURCES.md")
    if CORPUS.is_dir()
    else []
)

CYCLE = (Status.DONE, Status.TODO, Status.IN_PROGRESS, Status.SKIPPED)
# Lines that would be structure if a note were pasted into markdown as is.
HOSTILE_NOTE = (
    "Read it *twice*, then [bold]this[/bold]\n"
    "- x\n"
    "# y\n"
    "> z\n"
    "1. first\n"
    "  - indented item\n"
    "\t- tabbed item\n"
    "* star\n"
    "+ plus\n"
    "---\n"
    "===\n"
    "```\n"
    "<div>html</div>\n"
    "[ref]: https://example.com\n"
    "| a | b |\n"
    "\n"
    "C:\\path\\ & &amp; done -> Done"
)


def varied(roadmap: Roadmap) -> tuple[dict[str, Status], dict[str, str]]:
    """Statuses cycling through all four by item index; a note on every third node."""
    statuses = {item.id: CYCLE[index % 4] for index, item in enumerate(roadmap.items())}
    notes = {
        node.id: HOSTILE_NOTE if index % 2 else f"note {index}\n- not an item"
        for index, node in enumerate(roadmap.walk())
        if index % 3 == 0
    }
    return statuses, notes


def lookups(
    statuses: dict[str, Status], notes: dict[str, str]
) -> tuple[Callable[[Node], Status], Callable[[Node], str]]:
    return (
        lambda node: statuses.get(node.id, node.initial_status),
        lambda node: notes.get(node.id, ""),
    )


def assert_round_trip(text: str) -> Roadmap:
    """Export with varied progress, parse the export: the same tree and statuses."""
    roadmap = parse_roadmap(text, "fallback")
    statuses, notes = varied(roadmap)
    status_of, note_of = lookups(statuses, notes)
    again = parse_roadmap(to_markdown(roadmap, status_of, note_of), "other")

    assert {item.id: statuses[item.id] for item in roadmap.items()} == {
        item.id: item.initial_status for item in again.items()
    }
    # Not only the items: every node, its text, kind and children come back.
    before = {node.id: (node.text, node.trackable, len(node.children)) for node in roadmap.walk()}
    after = {node.id: (node.text, node.trackable, len(node.children)) for node in again.walk()}
    assert before == after
    assert [node.id for node in roadmap.walk()] == [node.id for node in again.walk()]
    assert again.text == roadmap.text
    assert plain(again.tagline) == plain(roadmap.tagline)
    assert [e.phase_id for e in again.overview] == [e.phase_id for e in roadmap.overview]
    return roadmap


# -- round trips -------------------------------------------------------------------------


def test_the_seed_round_trips(seed_path: Path) -> None:
    roadmap = assert_round_trip(seed_path.read_text(encoding="utf-8"))
    assert len(roadmap.overview) == 7  # the overview is found again, not read as a phase


@pytest.mark.parametrize(
    "path",
    _CORPUS_FILES
    or [pytest.param(None, marks=pytest.mark.skip(reason=f"no roadmap corpus at {CORPUS}"))],
    ids=lambda path: path.name.split("--")[0] if isinstance(path, Path) else "absent",
)
def test_every_corpus_file_round_trips(path: Path) -> None:
    assert_round_trip(path.read_text(encoding="utf-8"))


def test_the_corpus_is_all_there(corpus_dir: Path) -> None:
    assert len(_CORPUS_FILES) >= 10


TRICKY = """# Tricky *title* #

_A tagline with **bold**_

## Titles that look like markup

- Stars *literal\\* and under\\_scores and snake_case_names
- [link text](https://example.com/a_(b)) then `code with `` ticks` and ~~strike~~
- Brackets \\[bold\\] and <b>tags</b> and &amp;amp; and &copy
- 1\\. starts like a list
- \\# starts like a heading
- \\> starts like a quote
- ends with a backslash \\\\
- ends with hashes ##
- ends with a dash -
- ends with an em dash —
- ends with a colon:
- *italic*tight and **bold**-tight
- \\- (done) escaped marker?

## Headings as topics

### Colon -> Done:

### Doubled colon::

### Dash —

### Hash #\\#

## Course overview

### Alpha

### Beta

## Alpha

## Beta

## Nested

- parent
  - child ending -
    - grandchild (x)
"""


def test_tricky_titles_round_trip() -> None:
    roadmap = assert_round_trip(TRICKY)
    # Its topics are headings; as a flat list they would make it a Phases Overview.
    overview_like = roadmap.phases[2]
    assert overview_like.text == "Course overview"
    assert [child.text for child in overview_like.children] == ["Alpha", "Beta"]
    assert not roadmap.overview


def test_a_list_nested_to_mistunes_limit_round_trips_with_notes() -> None:
    text = "# Deep\n" + "".join("  " * level + f"- level {level}\n" for level in range(30))
    assert_round_trip(text)


def test_phases_go_up_to_h1_when_the_tree_needs_six_levels() -> None:
    text = "# T\n# A\n## B\n### C\n#### D\n##### E\n###### F\n- g\n"
    roadmap = parse_roadmap(text, "x")
    markdown = to_markdown(roadmap, lambda node: node.initial_status, lambda node: "")
    assert "\n# A\n" in markdown and "\n###### F" in markdown
    assert_round_trip(text)
    # The overview is a phase among them, at their level.
    with_overview = f"# T\n# Intro\n# Overview\n- A\n- Second\n{text[4:]}# Second\n"
    assert len(parse_roadmap(with_overview, "x").overview) == 2
    assert "\n# Phases Overview\n" in to_markdown(
        parse_roadmap(with_overview, "x"), lambda node: node.initial_status, lambda node: ""
    )
    assert_round_trip(with_overview)


title_words = st.sampled_from(
    [
        "Alpha",
        "Beta",
        "Overview",
        "Phase 1",
        "a -> Done",
        "x (done)",
        "y -",
        "—",
        "z:",
        "w::",
        "`c`",
        "**b**",
        "_i_",
        "[l](u)",
        "~~s~~",
        "#",
        "\\*",
        "&amp;",
        "(skipped)",
    ]
)
markdown_lines = st.lists(
    st.one_of(
        st.tuples(
            st.sampled_from(["#", "##", "###", "####", "######", "-", "  -", "    -", "- [x]"]),
            st.lists(title_words, min_size=1, max_size=3).map(" ".join),
        ).map(" ".join),
        st.sampled_from(["", "prose", "> - quoted", "1. numbered"]),
    ),
    max_size=30,
)


def _writable(roadmap: Roadmap) -> bool:
    """Not the one shape markdown cannot hold: an item with sub-items after a heading,
    at the top level (only lines above the title heading make it)."""
    seen_group = False
    for phase in roadmap.phases:
        if phase.trackable and phase.children and seen_group:
            return False
        seen_group = seen_group or not phase.trackable
    return True


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_lines)
def test_any_roadmap_round_trips(lines: list[str]) -> None:
    text = "\n".join(lines)
    if _writable(parse_roadmap(text, "fallback")):
        assert_round_trip(text)


# -- what the markdown says --------------------------------------------------------------

SMALL = """# Plan

_Learn things._

## Phases Overview

- First
- Second

## First

### Reading

- Done one
- Todo one
- Busy one
- Skipped one
  - Sub item

## Second

### Group

- a

### Leaf topic
"""


def small_export(notes: dict[str, str] | None = None) -> tuple[Roadmap, str]:
    roadmap = parse_roadmap(SMALL, "x")
    statuses = {
        "first/reading/done-one": Status.DONE,
        "first/reading/busy-one": Status.IN_PROGRESS,
        "first/reading/skipped-one": Status.SKIPPED,
        "first/reading/skipped-one/sub-item": Status.DONE,
        "second/group/a": Status.DONE,
        "second/leaf-topic": Status.DONE,
    }
    status_of, note_of = lookups(statuses, notes or {})
    return roadmap, to_markdown(roadmap, status_of, note_of)


def test_markdown_marks_each_status_as_github_renders_it() -> None:
    _, markdown = small_export()
    lines = markdown.splitlines()
    assert lines[:3] == ["# Plan", "", "_Learn things._"]
    assert "- [x] Done one" in lines
    assert "- [ ] Todo one" in lines
    assert "- [ ] Busy one _(in progress)_" in lines
    assert "- [ ] ~~Skipped one~~ _(skipped)_" in lines
    assert "  - [x] Sub item" in lines
    # A topic after a group among its siblings is a heading, marked the same way.
    assert "### Leaf topic _(done)_" in lines
    assert "## First" in lines and "### Reading" in lines and "### Group" in lines
    assert markdown.endswith("\n") and not markdown.endswith("\n\n")


def test_overview_ticks_follow_the_phases() -> None:
    _, markdown = small_export()
    lines = markdown.splitlines()
    at = lines.index("## Phases Overview")
    # First has items to do; every item of Second is done.
    assert lines[at + 2 : at + 4] == ["- [ ] First", "- [x] Second"]


def test_notes_are_quoted_under_their_item_and_add_no_items() -> None:
    roadmap, markdown = small_export({"first/reading/todo-one": HOSTILE_NOTE})
    lines = markdown.splitlines()
    at = lines.index("- [ ] Todo one")
    quoted = lines[at + 1 : at + 1 + len(HOSTILE_NOTE.splitlines())]
    assert all(line.startswith("  >") for line in quoted), quoted
    assert quoted[0] == "  > Read it \\*twice\\*, then \\[bold\\]this\\[/bold\\]\\"
    assert quoted[1:5] == ["  > \\- x\\", "  > \\# y\\", "  > \\> z\\", "  > 1\\. first\\"]
    assert "  >" in quoted  # the blank line
    again = parse_roadmap(markdown, "x")
    assert [node.id for node in again.walk()] == [node.id for node in roadmap.walk()]


def test_json_agrees_with_the_markdown(seed_path: Path) -> None:
    roadmap = load_roadmap(seed_path)
    statuses, notes = varied(roadmap)
    status_of, note_of = lookups(statuses, notes)
    when = "2024-05-06T07:08:09+00:00"
    from datetime import datetime

    def item_state_of(node_id: str) -> ItemState | None:
        if node_id not in notes:
            return None
        return ItemState(text="", note=notes[node_id], note_changed=datetime.fromisoformat(when))

    data = to_json(roadmap, status_of, item_state_of)
    json.dumps(data)  # JSON-ready as it is
    nodes: dict[str, dict[str, object]] = {}
    stack = list(data["phases"])
    while stack:
        entry = stack.pop()
        nodes[entry["id"]] = entry
        stack.extend(entry["children"])
    again = parse_roadmap(to_markdown(roadmap, status_of, note_of), "x")
    items = {item.id: item.initial_status.value for item in again.items()}
    assert {key: value["status"] for key, value in nodes.items() if value["kind"] == "item"} == (
        items
    )
    assert {key for key, value in nodes.items() if value["note"]} == set(notes)
    noted = next(iter(notes))
    assert nodes[noted]["note"] == notes[noted]
    assert nodes[noted]["note_changed"] == when
    assert data["title"] == roadmap.text
    assert [entry["phase_id"] for entry in data["overview"]] == [
        entry.phase_id for entry in roadmap.overview
    ]
    totals = data["totals"]
    assert sum(totals.values()) == len(items)
    assert totals["done"] == list(items.values()).count("done")
