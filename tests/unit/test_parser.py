"""The markdown parser: seed plan, synthetic edge cases, real-world corpus, extremes."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import mistune
import pytest

from dlroadmap.roadmap.ids import SiblingSlugs, slugify
from dlroadmap.roadmap.model import Node, Roadmap, Span, Status, plain
from dlroadmap.roadmap.parser import parse_roadmap
from dlroadmap.roadmap.syntax import MAX_NESTING
from dlroadmap.roadmap.title import title_index
from tests.repo import CORPUS

FALLBACK = "fallback title"


def parse(text: str) -> Roadmap:
    return parse_roadmap(text, FALLBACK)


def by_text(roadmap: Roadmap, text: str) -> Node:
    matches = [node for node in roadmap.walk() if node.text == text]
    assert len(matches) == 1, f"{text!r}: {[n.id for n in matches]}"
    return matches[0]


def titles(nodes: list[Node]) -> list[str]:
    return [node.text for node in nodes]


def has_emoji_or_symbol(text: str) -> bool:
    return any(unicodedata.category(char) in ("So", "Sk", "Cf", "Me") for char in text) or any(
        0xFE00 <= ord(char) <= 0xFE0F for char in text
    )


# -- the seed plan ---------------------------------------------------------------------


@pytest.fixture
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture
def seed(seed_text: str) -> Roadmap:
    return parse(seed_text)


def test_seed_title_tagline_and_phases(seed: Roadmap) -> None:
    assert seed.text == "🧠 Deep Learning Study Plan"
    assert seed.tagline == (
        Span(
            "A comprehensive roadmap to master deep learning from foundational concepts "
            "to advanced applications.",
            italic=True,
        ),
    )
    assert len(seed.phases) == 7
    assert [phase.text.split(":")[0][-7:] for phase in seed.phases] == [
        f"Phase {n}" for n in range(1, 8)
    ]
    assert all(not phase.trackable for phase in seed.phases)
    assert not any("overview" in phase.text.lower() for phase in seed.phases)


def test_seed_phase_one_sections(seed: Roadmap) -> None:
    phase = seed.phases[0]
    assert phase.text == "📚 Phase 1: Foundations of Deep Learning"
    assert phase.id == "phase-1-foundations-of-deep-learning"
    assert titles(phase.children) == ["🎯 Goals", "📘 Topics"]
    goals, topics = phase.children
    assert not goals.trackable and not topics.trackable
    assert len(goals.children) == 2 and len(topics.children) == 5
    assert all(item.trackable and not item.children for item in goals.children + topics.children)
    assert goals.children[0].id == (
        "phase-1-foundations-of-deep-learning/goals/understand-what-deep-learning-is"
    )
    assert topics.children[1].text == "Activation Functions (ReLU, Sigmoid, etc.)"


def test_seed_item_count_matches_the_file(seed_text: str, seed: Roadmap) -> None:
    # Counted from the raw lines, independently of the parser: "- " lines under a
    # "## ... Phase N" heading.
    expected = 0
    in_phase = False
    for line in seed_text.splitlines():
        if line.startswith("## "):
            in_phase = "Phase " in line and "Overview" not in line
        elif in_phase and line.startswith("- "):
            expected += 1
    assert expected > 50
    assert sum(1 for _ in seed.items()) == expected


def test_seed_done_marker(seed: Roadmap) -> None:
    analyzer = by_text(seed, "Text Sentiment Analyzer")
    assert analyzer.initial_status is Status.DONE
    assert analyzer.title == (Span("Text Sentiment Analyzer", italic=True),)
    assert analyzer.id.endswith("/sample-projects/text-sentiment-analyzer")
    assert "done" not in analyzer.id
    others = [node for node in seed.walk() if node is not analyzer]
    assert all(node.initial_status is Status.TODO for node in others)


def test_seed_overview_maps_entries_to_phases_in_order(seed: Roadmap) -> None:
    assert len(seed.overview) == 7
    assert [entry.phase_id for entry in seed.overview] == [phase.id for phase in seed.phases]
    assert seed.overview[0].title == (Span("Foundations of Deep Learning", bold=True),)
    last = seed.overview[-1]
    assert plain(last.title) == "Projects & Portfolio Building"
    assert seed.get(last.phase_id or "") is seed.phases[-1]


def test_seed_ids_are_unique_and_free_of_emoji(seed: Roadmap) -> None:
    ids = [node.id for node in seed.walk()]
    assert len(ids) == len(set(ids))
    for node_id in ids:
        assert not has_emoji_or_symbol(node_id), node_id
        assert node_id == node_id.lower()
        assert all(part and not part.startswith("-") for part in node_id.split("/"))
    for node in seed.walk():
        assert seed.get(node.id) is node


def test_seed_ids_survive_unrelated_edits(seed_text: str, seed: Roadmap) -> None:
    edited = (
        seed_text.replace(
            "- LSTMs & GRUs\n", "- LSTMs & GRUs\n- A brand new topic\n"
        )  # insert an item
        .replace("- Early Stopping\n", "")  # remove an item
        .replace("### 🎯 Goals:\n- Understand", "Some new prose.\n\n### 🎯 Goals:\n- Understand")
        .replace("- Optuna\n", "- Optuna (tuning)\n")  # edit an item
        .replace("---\n\n## 🧱", "---\n\nA paragraph between phases.\n\n## 🧱")
    )
    assert edited != seed_text
    after = parse(edited)
    before_ids = {node.id: node.text for node in seed.walk()}
    after_ids = {node.id: node.text for node in after.walk()}
    changed = {
        "phase-3-training-optimization-tuning/topics/early-stopping",
        "phase-3-training-optimization-tuning/tools/optuna",
    }
    for node_id, text in before_ids.items():
        if node_id in changed:
            assert node_id not in after_ids
        else:
            assert after_ids.get(node_id) == text, node_id
    assert "phase-2-neural-network-architectures/topics/a-brand-new-topic" in after_ids
    assert [entry.phase_id for entry in after.overview] == [p.id for p in seed.phases]


# -- synthetic edge cases --------------------------------------------------------------

SYNTHETIC = """\
---
title: "Synthetic"
tags:
  - not-an-item
draft: false
---

Setext Title
============

*An italic tagline*

Intro prose, not an item.

Empty Section
-------------

Only prose, a table, code, HTML and a link definition here.

| column | other |
|--------|-------|
| - not an item | x |

```md
- not an item either
```

<div>
- not an item in HTML
</div>

[ref]: https://example.com

***

## Bullets

* star item
+ plus item
1. numbered item
2) paren numbered item

## Tasks:

- [x] checked lower
- [X] checked upper
- [ ] open task
- _Italic_ -> Done
- Arrow item → done
- Shouting item ->   DONE
- Not done -> Donegal

## Markup

- **bold** and *italic* and `code` and ~~strike~~
- [link **strong** text](https://example.com) tail
- ![alt text](image.png)
- <b>html</b> kept text
- [bold] literal \\[escaped\\] C:\\path [red]x[/red]
- soft
  break
- R&amp;D &copy
-

## Nesting

- parent
  - child
    - grandchild
- loose parent

  second paragraph

  - loose child
-
  - child of untitled
-\ttab item
\t-\ttab child
- lazy
continuation

> - quoted item

## Nested headings
### Level three
#### Level four
- deep item
### Sibling three

## 🧑‍💻 Emoji ❄️ heading

## Dupes

- Same
- same
- SAME!
- same-2
"""


@pytest.fixture
def synthetic() -> Roadmap:
    return parse(SYNTHETIC)


def test_synthetic_title_front_matter_and_setext(synthetic: Roadmap) -> None:
    # The front matter's title names the roadmap; the setext H1 still heads the tree.
    assert synthetic.title == (Span("Synthetic"),)
    assert synthetic.tagline == (Span("An italic tagline", italic=True),)
    assert titles(synthetic.phases) == [
        "Empty Section",
        "Bullets",
        "Tasks",
        "Markup",
        "Nesting",
        "Nested headings",
        "🧑‍💻 Emoji ❄️ heading",
        "Dupes",
    ]
    all_text = " ".join(node.text for node in synthetic.walk())
    assert "not-an-item" not in all_text and "Synthetic" not in all_text


def test_heading_with_nothing_under_it_is_trackable(synthetic: Roadmap) -> None:
    empty = synthetic.phases[0]
    assert empty.trackable and empty.children == []
    emoji = synthetic.phases[6]
    assert emoji.trackable and emoji.id == "emoji-heading"
    nested = synthetic.phases[5]
    assert not nested.trackable
    three, sibling = nested.children
    assert not three.trackable and sibling.trackable and sibling.text == "Sibling three"
    (four,) = three.children
    assert not four.trackable
    assert titles(four.children) == ["deep item"]
    assert four.children[0].id == "nested-headings/level-three/level-four/deep-item"


def test_bullet_kinds(synthetic: Roadmap) -> None:
    bullets = synthetic.phases[1]
    assert titles(bullets.children) == [
        "star item",
        "plus item",
        "numbered item",
        "paren numbered item",
    ]
    assert all(item.trackable for item in bullets.children)


def test_done_markers_and_tasks(synthetic: Roadmap) -> None:
    tasks = synthetic.phases[2]
    assert tasks.id == "tasks"
    got = [(item.text, item.initial_status) for item in tasks.children]
    assert got == [
        ("checked lower", Status.DONE),
        ("checked upper", Status.DONE),
        ("open task", Status.TODO),
        ("Italic", Status.DONE),
        ("Arrow item", Status.DONE),
        ("Shouting item", Status.DONE),
        ("Not done -> Donegal", Status.TODO),
    ]
    assert tasks.children[3].title == (Span("Italic", italic=True),)
    assert [item.id.split("/")[-1] for item in tasks.children[3:6]] == [
        "italic",
        "arrow-item",
        "shouting-item",
    ]


def test_inline_markup(synthetic: Roadmap) -> None:
    items = synthetic.phases[3].children
    assert items[0].title == (
        Span("bold", bold=True),
        Span(" and "),
        Span("italic", italic=True),
        Span(" and "),
        Span("code", code=True),
        Span(" and "),
        Span("strike", strike=True),
    )
    url = "https://example.com"
    assert items[1].title == (
        Span("link ", link=url),
        Span("strong", bold=True, link=url),
        Span(" text", link=url),
        Span(" tail"),
    )
    assert items[2].title == (Span("alt text"),)
    assert items[3].title == (Span("html kept text"),)
    # Rich-like markup stays literal text; markdown escapes resolve as markdown says.
    assert items[4].title == (Span("[bold] literal [escaped] C:\\path [red]x[/red]"),)
    assert items[5].title == (Span("soft break"),)
    assert items[6].title == (Span("R&D &copy"),)
    assert items[7].title == (Span("(untitled)"),)
    assert items[7].id == "markup/untitled"


def test_nested_lists(synthetic: Roadmap) -> None:
    nesting = synthetic.phases[4]
    parent, loose, untitled, tab, lazy, quoted = nesting.children
    assert parent.trackable and titles(parent.children) == ["child"]
    assert titles(parent.children[0].children) == ["grandchild"]
    assert parent.children[0].children[0].id == "nesting/parent/child/grandchild"
    assert loose.text == "loose parent" and titles(loose.children) == ["loose child"]
    assert untitled.text == "(untitled)" and titles(untitled.children) == ["child of untitled"]
    assert tab.text == "tab item" and titles(tab.children) == ["tab child"]
    assert lazy.text == "lazy continuation"
    # Lists inside block quotes are reachable too.
    assert quoted.text == "quoted item" and quoted.trackable


def test_duplicate_siblings_get_suffixes(synthetic: Roadmap) -> None:
    dupes = synthetic.phases[7]
    assert [item.id for item in dupes.children] == [
        "dupes/same",
        "dupes/same-2",
        "dupes/same-3",
        "dupes/same-2-2",
    ]


def test_synthetic_ids_unique_and_indexed(synthetic: Roadmap) -> None:
    ids = [node.id for node in synthetic.walk()]
    assert len(ids) == len(set(ids))
    assert all(synthetic.get(node_id) is not None for node_id in ids)
    assert synthetic.overview == []


def test_headings_start_at_any_level_and_later_h1s_are_top_level() -> None:
    roadmap = parse("#### Notes\n\n## Week 1\n- a\n## Week 2\n- b\n")
    assert roadmap.title == (Span(FALLBACK),)
    assert titles(roadmap.phases) == ["Notes", "Week 1", "Week 2"]

    roadmap = parse("# Title\n## Intro\n# Part One\n## Chapter\n- item\n# Part Two\n")
    assert roadmap.text == "Title"
    assert titles(roadmap.phases) == ["Intro", "Part One", "Part Two"]
    assert roadmap.phases[1].children[0].children[0].id == "part-one/chapter/item"

    # No H1, but one heading shallower than all the others: it titles the file.
    roadmap = parse("## My List\n- a\n### Section\n- b\n")
    assert roadmap.text == "My List"
    assert titles(roadmap.phases) == ["a", "Section"]


def test_file_without_headings() -> None:
    roadmap = parse("Some prose.\n\n- one\n- two\n  - two point one\n\n> - three\n")
    assert roadmap.title == (Span(FALLBACK),)
    assert titles(roadmap.phases) == ["one", "two", "three"]
    assert [node.id for node in roadmap.walk()] == ["one", "two", "two/two-point-one", "three"]
    assert all(node.trackable for node in roadmap.walk())


@pytest.mark.parametrize("text", ["", "\n\n", "   ", "\ufeff", "---\n", "Just prose.\n"])
def test_empty_files(text: str) -> None:
    roadmap = parse(text)
    assert roadmap.title == (Span(FALLBACK),)
    assert roadmap.tagline == ()
    assert roadmap.phases == [] and roadmap.overview == []


def test_leading_rule_is_not_front_matter() -> None:
    roadmap = parse("---\n# Title\n- item\n---\n- other\n")
    assert roadmap.text == "Title"
    assert titles(roadmap.phases) == ["item", "other"]


def test_overview_needs_matching_sections() -> None:
    # Same count, but nothing in common: an ordinary section.
    text = "# T\n## Overview\n- Alpha\n- Beta\n## Gamma\n- x\n## Delta\n- y\n"
    roadmap = parse(text)
    assert roadmap.overview == []
    assert titles(roadmap.phases) == ["Overview", "Gamma", "Delta"]
    assert titles(roadmap.phases[0].children) == ["Alpha", "Beta"]

    # Fewer entries than sections: each entry must name a later section, in order.
    text = (
        "# T\n## 🧭 Overview\n1. [x] Alpha basics\n2. [ ] Beta\n"
        "## Phase 1: Alpha basics\n- a\n## Phase 2: Beta and more\n- b\n## Resources\n- r\n"
    )
    roadmap = parse(text)
    assert titles(roadmap.phases) == [
        "Phase 1: Alpha basics",
        "Phase 2: Beta and more",
        "Resources",
    ]
    assert [entry.phase_id for entry in roadmap.overview] == [
        "phase-1-alpha-basics",
        "phase-2-beta-and-more",
    ]

    # Nested entries are real items, not an overview.
    text = "# T\n## Course Overview\n- Alpha\n  - detail\n## Alpha\n"
    roadmap = parse(text)
    assert roadmap.overview == []
    assert titles(roadmap.phases) == ["Course Overview", "Alpha"]


# -- slugs -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("📚 Phase 1: Foundations of Deep Learning", "phase-1-foundations-of-deep-learning"),
        ("🧑‍💻 Hands-on ❄️", "hands-on"),
        ("🎯 Goals:", "goals"),
        ("Planificación y Programación", "planificación-y-programación"),
        ("机器学习 基础", "机器学习-基础"),
        ("".join(chr(ord(c) + 0xFEE0) for c in "FULLWIDTH(1)"), "fullwidth-1"),  # NFKC
        ("हिन्दी पाठ", "हिन्दी-पाठ"),
        ("🚀🚀", "untitled"),
        ("", "untitled"),
        ("a" * 80, "a" * 60),
        # A "+" or "#" ending a word is part of its name; elsewhere it separates words.
        ("C++", "c-plus-plus"),
        ("C#", "c-sharp"),
        ("F# for Fun", "f-sharp-for-fun"),
        ("#1 priority: a + b", "1-priority-a-b"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_slug_truncates_at_a_word_boundary() -> None:
    slug = slugify("word " * 30)
    assert len(slug) <= 60 and slug.endswith("word") and not slug.endswith("-")


def test_languages_named_by_a_symbol_have_ids_of_their_own_in_any_order() -> None:
    ids = {}
    for order in (("C", "C++", "C#"), ("C#", "C", "C++")):
        roadmap = parse("# T\n## Languages\n" + "".join(f"- {name}\n" for name in order))
        ids[order] = {node.text: node.id for node in roadmap.items()}
    assert ids[("C", "C++", "C#")] == ids[("C#", "C", "C++")]
    assert len(set(ids[("C", "C++", "C#")].values())) == 3


def test_sibling_slugs_are_linear_even_with_many_repeats() -> None:
    slugs = SiblingSlugs()
    claimed = [slugs.claim("same") for _ in range(20_000)]
    assert claimed[:3] == ["same", "same-2", "same-3"]
    assert len(set(claimed)) == len(claimed)


# -- real-world corpus -----------------------------------------------------------------

_CORPUS_FILES = (
    sorted(path for path in CORPUS.glob("*.md") if path.name != "SOURCES.md")
    if CORPUS.is_dir()
    else []
)


def _strip_front_matter_for_test(text: str) -> str:
    # The corpus's two front matter blocks are plain "---" fences.
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            return text[end + 5 :]
    return text


def _count_ast(text: str) -> tuple[int, int, bool]:
    """(list items anywhere, top-level headings, whether one of them is the title),
    walking mistune's AST directly."""
    markdown = mistune.create_markdown(
        renderer="ast", plugins=["table", "task_lists", "strikethrough"]
    )
    tokens: list[dict[str, Any]] = markdown(text)  # type: ignore[assignment]
    headings = sum(1 for token in tokens if token["type"] == "heading")
    items = 0
    stack = list(tokens)
    while stack:
        token = stack.pop()
        if token["type"] in ("list_item", "task_list_item"):
            items += 1
        stack.extend(token.get("children") or [])
    return items, headings, title_index(tokens) is not None


@pytest.mark.parametrize(
    "path",
    _CORPUS_FILES
    or [pytest.param(None, marks=pytest.mark.skip(reason=f"no roadmap corpus at {CORPUS}"))],
    ids=lambda path: path.name.split("--")[0] if isinstance(path, Path) else "absent",
)
def test_corpus_file_every_list_item_is_reachable(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    roadmap = parse(text)
    nodes = list(roadmap.walk())
    ids = [node.id for node in nodes]
    assert len(ids) == len(set(ids))

    items, headings, titled = _count_ast(_strip_front_matter_for_test(text))
    title_heading = 1 if titled else 0
    overview_heading = 1 if roadmap.overview else 0
    expected_items = items - len(roadmap.overview)
    # Every heading except the title (and a recognised overview) and every list item
    # becomes a node (or a task's resource); list items are trackable, as is every leaf.
    # Table rows and paragraph items add nodes of their own (test_corpus_rows.py).
    resources = sum(len(node.resources) for node in nodes)
    assert len(nodes) + resources >= headings - title_heading - overview_heading + expected_items
    assert sum(node.trackable for node in nodes) + resources >= expected_items
    assert all(node.trackable for node in nodes if not node.children)
    assert all(node.text for node in nodes)


# -- extremes --------------------------------------------------------------------------


def test_thousand_deep_nested_list() -> None:
    depth = 1000
    text = "# Deep\n" + "".join("  " * level + f"- level {level}\n" for level in range(depth))
    roadmap = parse(text)
    items, _, _ = _count_ast(text)
    nodes = list(roadmap.walk())
    # mistune stops nesting at its max_nested_level (20): deeper lines become lazy
    # continuation text of the deepest item. Every item it does produce is reachable.
    assert len(nodes) == items
    assert 1 <= items <= depth
    deepest = roadmap.phases[0]
    while deepest.children:
        deepest = deepest.children[0]
    assert deepest.text.endswith(f"level {depth - 1}")
    assert len(deepest.id.split("/")) == items


def _depth(nodes: list[Node]) -> int:
    return max((1 + _depth(node.children) for node in nodes), default=0)


# Past Python's default recursion limit (1,000), so a walk that recursed on the file's
# own depth would fail; quoted lines grow as the square of it, so no further than that.
@pytest.mark.parametrize(
    ("indent", "levels"), [("  ", 2000), ("  > ", 1100)], ids=["lists", "lists in quotes"]
)
def test_no_roadmap_is_deeper_than_six_headings_and_mistunes_nesting(
    indent: str, levels: int
) -> None:
    # What lets walks over a roadmap recurse (and export place notes): nesting stops at
    # MAX_NESTING levels of lists and block quotes together, however deep the file goes.
    headings = "# Title\n# A\n## B\n### C\n#### D\n##### E\n###### F\n"
    lines = "".join(indent * level + f"- level {level}\n" for level in range(levels))
    roadmap = parse(headings + lines)
    depth = _depth(roadmap.phases)
    assert depth <= 6 + MAX_NESTING
    if indent == "  ":
        assert depth == 6 + MAX_NESTING  # the limit is reached, so it is the one


def test_ten_thousand_items_all_reachable_with_unique_ids() -> None:
    # Speed is measured in benchmarks/, not here; this checks the large shapes parse right.
    text = "# Big\n" + "".join(
        f"## Section {s}\n" + "".join(f"- item {s}.{i}\n" for i in range(100)) for s in range(100)
    )
    same = "# Same\n## Section\n" + "- same\n" * 10_000
    for source in (text, same):
        roadmap = parse(source)
        ids = [item.id for item in roadmap.items()]
        assert len(ids) == 10_000
        assert len(set(ids)) == 10_000


# -- status markers: "(in progress)", "(skipped)", "(done)" ----------------------------

STATUS_MARKERS = """# Markers

## Items

- [ ] Reading _(in progress)_
- [ ] ~~Dropped topic~~ _(skipped)_
- Plain done (done)
- Shouting (IN PROGRESS)
- Hyphenated (in-progress)
- After a dash - (skipped)
- After an em dash — (Done)
- [x] Ticked but skipped (skipped)
- [x] Ticked
- Twice (done) -> Done
- Both kinds -> Done (in progress)
- ~~Struck on purpose~~ and kept (skipped)
- Not a marker (done with it)
- Parenthesis (doneness)
- In the middle (skipped) of the title

## Headings

### A topic _(in progress)_

### Finished: _(done)_

### Guarded (done):

### A group (skipped)

- child
"""


def test_trailing_status_markers_set_the_status_and_leave_the_title() -> None:
    roadmap = parse(STATUS_MARKERS)
    items, headings = roadmap.phases
    got = [(item.text, item.initial_status) for item in items.children]
    assert got == [
        ("Reading", Status.IN_PROGRESS),
        ("Dropped topic", Status.SKIPPED),
        ("Plain done", Status.DONE),
        ("Shouting", Status.IN_PROGRESS),
        ("Hyphenated", Status.IN_PROGRESS),
        ("After a dash", Status.SKIPPED),
        ("After an em dash", Status.DONE),
        ("Ticked but skipped", Status.SKIPPED),  # the written status says more than the box
        ("Ticked", Status.DONE),
        ("Twice", Status.DONE),
        ("Both kinds", Status.IN_PROGRESS),  # the last marker written wins
        ("Struck on purpose and kept", Status.SKIPPED),
        ("Not a marker (done with it)", Status.TODO),
        ("Parenthesis (doneness)", Status.TODO),
        ("In the middle (skipped) of the title", Status.TODO),
    ]
    assert [item.id.split("/")[-1] for item in items.children[:3]] == [
        "reading",
        "dropped-topic",
        "plain-done",
    ]
    # A skipped title struck through as a whole loses the strike; a partial one keeps it.
    assert items.children[1].title == (Span("Dropped topic"),)
    assert items.children[11].title[0] == Span("Struck on purpose", strike=True)
    topic, finished, guarded, group = headings.children
    assert (topic.text, topic.initial_status, topic.trackable) == (
        "A topic",
        Status.IN_PROGRESS,
        True,
    )
    assert (finished.text, finished.initial_status) == ("Finished", Status.DONE)
    # The colon after the marker hides it; then the heading's colon goes as usual.
    assert (guarded.text, guarded.initial_status) == ("Guarded (done)", Status.TODO)
    assert (group.text, group.initial_status, group.trackable) == (
        "A group",
        Status.SKIPPED,
        False,
    )
    assert group.id == "headings/a-group"


def test_a_title_that_is_only_a_marker_is_untitled() -> None:
    roadmap = parse("# T\n## S\n- (done)\n- — (in progress)\n")
    first, second = roadmap.phases[0].children
    assert (first.text, first.initial_status) == ("(untitled)", Status.DONE)
    assert (second.text, second.initial_status) == ("(untitled)", Status.IN_PROGRESS)


def test_markers_leave_long_titles_fast() -> None:
    # The marker pattern never backtracks over long runs of spaces or dashes.
    text = "# T\n## S\n- x" + " " * 20_000 + "y (done)\n- " + "-" * 20_000 + "x (skipped)\n"
    first, second = parse(text).phases[0].children
    assert first.initial_status is Status.DONE and first.text.endswith("y")
    assert second.initial_status is Status.SKIPPED and second.text.endswith("x")
