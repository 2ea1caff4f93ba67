"""Navigation and boilerplate set aside: tables of contents, translation lists, badges,
and sections about the repository are not counted, never Next, and keep their ids."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dlroadmap.export.markdown import to_markdown
from dlroadmap.progress.state import State
from dlroadmap.progress.store import Store
from dlroadmap.review.build import build_review
from dlroadmap.roadmap.aside import heading_aside
from dlroadmap.roadmap.model import Roadmap
from dlroadmap.roadmap.parser import parse_roadmap

README = """\
# Interview Prep

- [Arrays](#arrays)
- [Trees](#trees)
  - [Binary trees](#binary-trees)
  - [Tries](#tries)

<details>
<summary>Translations</summary>

- [Español](translations/README-es.md)
- [Bahasa Indonesia](README-id.md)
- [中文版本](README-zh-CN.md)
- [Bulgarian](https://example.com/bg)

</details>

- [![Stars](https://img.shields.io/github/stars/x.svg)](https://github.com/x)
- [![CI](https://img.shields.io/ci.svg)](https://ci.example.com)

## Arrays

- [ ] Two pointers
- [ ] Sliding window

## Trees

<details>
<summary>Folded material</summary>

- [ ] Binary trees
- [ ] Tries

</details>

## 📜 License

- MIT, see [LICENSE](LICENSE)

## Contributing

### How to send a change

- Fork the repository
- Open a pull request

## Becoming an Open Source Contributor

- Find a first issue
"""


@pytest.fixture
def roadmap() -> Roadmap:
    return parse_roadmap(README, "README.md")


def texts(nodes: object) -> list[str]:
    return [node.text for node in nodes]  # type: ignore[attr-defined]


def test_only_the_study_is_counted(roadmap: Roadmap) -> None:
    assert texts(roadmap.items()) == [
        "Two pointers",
        "Sliding window",
        "Binary trees",  # folded in <details>: still the plan
        "Tries",
        "Find a first issue",
    ]


def test_what_is_set_aside_says_why_on_every_node_under_it(roadmap: Roadmap) -> None:
    why = {node.id: node.aside for node in roadmap.walk() if node.aside}
    assert why == {
        "table-of-contents": "table of contents",
        "table-of-contents/arrays": "table of contents",
        "table-of-contents/trees": "table of contents",
        "table-of-contents/trees/binary-trees": "table of contents",
        "table-of-contents/trees/tries": "table of contents",
        "translations": "translations",
        "translations/español": "translations",
        "translations/bahasa-indonesia": "translations",
        "translations/中文版本": "translations",
        "translations/bulgarian": "translations",
        "badges": "badges",
        "badges/stars": "badges",
        "badges/ci": "badges",
        "license": "about the repository",
        "license/mit-see-license": "about the repository",
        "contributing": "about the repository",
        "contributing/how-to-send-a-change": "about the repository",
        "contributing/how-to-send-a-change/fork-the-repository": "about the repository",
        "contributing/how-to-send-a-change/open-a-pull-request": "about the repository",
    }


def test_set_aside_lists_under_the_title_sit_in_a_group_of_their_own(roadmap: Roadmap) -> None:
    top = roadmap.phases[:3]
    assert [(node.text, node.trackable) for node in top] == [
        ("Table of contents", False),
        ("Translations", False),
        ("Badges", False),
    ]
    assert roadmap.get("table-of-contents/trees/tries") is not None


def test_next_names_real_study_items(roadmap: Roadmap) -> None:
    review = build_review(
        roadmap,
        State(title="Interview Prep", source="README.md"),
        lambda node: node.initial_status,
        date(2026, 3, 18),
    )
    assert [line.title[0].text for line in review.next][:2] == ["Two pointers", "Sliding window"]
    assert [phase.node_id for phase in review.phases] == [
        "arrays",
        "trees",
        "becoming-an-open-source-contributor",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "# P\n## Contents\n- [A](https://example.com/p#a)\n- [B](https://example.com/p#b)\n"
        "## A\n- x\n",
        "# P\n## Table of Contents\n- [A](#a)\n## A\n- x\n",
        "# P\n## 📑 Index\n- A\n- B\n## A\n- x\n",
        "# P\nSome words.\n\n- [A](#a)\n- [B](#b)\n- [C](#c)\n## A\n- x\n",
    ],
)
def test_a_table_of_contents_is_caught_with_or_without_a_heading(text: str) -> None:
    roadmap = parse_roadmap(text, "p")
    assert texts(roadmap.items()) == ["x"]
    assert {node.aside for node in roadmap.walk() if node.aside} == {"table of contents"}


def test_a_contents_heading_over_real_sections_keeps_them() -> None:
    roadmap = parse_roadmap("# Contents\n- [A](#a)\n- [B](#b)\n## A\n- x\n## B\n- y\n", "plan")
    assert roadmap.text == "plan"
    assert texts(roadmap.items()) == ["x", "y"]


@pytest.mark.parametrize(
    "heading",
    [
        "License",
        "Licence",
        "📜 Licenses",
        "LICENSE",
        "Contributing",
        "🙌 Contribution",
        "How to Contribute",
        "Contribution guidelines",
        "Contributors",
        "Sponsors",
        "💖 Sponsor",
        "Code of Conduct",
        "Team",
        "Our Team",
        "Changelog",
        "`Take Two` Change Log",
        "Acknowledgements",
        "Acknowledgments",
        "Credits",
        "Supported By",
        "Special thanks",
        "Authors",
        "Backers",
        "Donate",
        "Star History",
        "Maintainers",
        "Citation",
        "Follow me",
        "How to use it",
        "About the author",
        "☕ Buy me a coffee",
        "Usage",
    ],
)
def test_headings_about_the_repository(heading: str) -> None:
    roadmap = parse_roadmap(f"# P\n## Study\n- s\n## {heading}\n- x\n### More\n- y\n", "p")
    assert texts(roadmap.items()) == ["s"], heading


@pytest.mark.parametrize(
    "heading",
    [
        "Becoming an Open Source Contributor",
        "Team Projects",
        "Support Vector Machines",
        "Licensing models in software law and practice",
        "Index Funds",
        "Translation Models",
        "The Data Scientist works in a Team",
        "Contents of a neuron",
        "Follow the gradient",
        "How to use Git",
        "About neural networks",
    ],
)
def test_study_headings_that_share_a_word_stay(heading: str) -> None:
    assert heading_aside(heading) == ""
    roadmap = parse_roadmap(f"# P\n## {heading}\n- x\n", "p")
    assert texts(roadmap.items()) == ["x"]


@pytest.mark.parametrize(
    "items",
    [
        # Real material: links elsewhere, one anchor among them, language courses.
        "- [Paper](https://arxiv.org/abs/1#intro)\n- [Blog](https://example.com#part-2)\n",
        "- [Arrays](#arrays)\n- [Book](https://example.com)\n- [Course](https://c.example)\n",
        "- [Learn Spanish grammar](https://example.com/es)\n- [Japanese kana drills](https://k)\n",
        "- Spanish\n- French\n- German\n",  # a learner of languages
        # Study items, each with links to notes further down.
        "- Arrays\n  - [notes](#arrays)\n  - [drills](#drills)\n- Trees\n  - [notes](#trees)\n"
        "  - [drills](#tree-drills)\n",
        "- ![diagram](d.png) How attention works\n- ![chart](c.png) Why it scales\n",
    ],
)
def test_study_lists_that_look_a_little_like_navigation_stay(items: str) -> None:
    roadmap = parse_roadmap(f"# P\n## S\n{items}", "p")
    assert len(list(roadmap.items())) == sum(
        line.lstrip().startswith("- ") for line in items.splitlines()
    )
    assert not any(node.aside for node in roadmap.walk())


def test_a_note_on_an_item_now_set_aside_shows_as_unmatched(tmp_path: Path) -> None:
    source = tmp_path / "README.md"
    source.write_text(README, encoding="utf-8")
    roadmap = parse_roadmap(README, "README.md")
    store = Store.open(roadmap, source, tmp_path / "roadmaps")
    for node_id in ("license/mit-see-license", "arrays/two-pointers"):
        node = roadmap.get(node_id)
        assert node is not None
        store.set_note(node, f"note on {node.text}")
    assert [(key, item.note) for key, item in store.unmatched()] == [
        ("license/mit-see-license", "note on MIT, see LICENSE")
    ]


def test_what_is_set_aside_stays_aside_through_a_markdown_export(roadmap: Roadmap) -> None:
    exported = to_markdown(roadmap, lambda node: node.initial_status, lambda node: "")
    again = parse_roadmap(exported, "README.md")
    assert [(n.id, n.aside) for n in again.walk()] == [(n.id, n.aside) for n in roadmap.walk()]


def test_flags_emoji_and_shortcodes_before_the_link_are_decoration() -> None:
    roadmap = parse_roadmap(
        "# P\n- 🇪🇸 [Español](https://example.com/es)\n- :fr: [Français](https://example.com/fr)"
        "\n- Read it in English: [here](README.en.md)\n"
        "## S\n- :rocket: [Arrays](#arrays)\n- 📚 **[Trees](#trees)**\n"
        "## T\n- 🎯 Learn Python\n- 🎯 Learn Go\n",
        "p",
    )
    why = {node.text: node.aside for node in roadmap.walk() if not node.children}
    assert why == {
        "🇪🇸 Español": "translations",
        ":fr: Français": "translations",
        "Read it in English: here": "translations",
        ":rocket: Arrays": "table of contents",
        "📚 Trees": "table of contents",
        "🎯 Learn Python": "",
        "🎯 Learn Go": "",
    }
