"""Prose as description: under a heading-topic, or a list item's further paragraphs."""

from __future__ import annotations

from dlroadmap.roadmap.model import Roadmap, plain
from dlroadmap.roadmap.parser import parse_roadmap


def parse(text: str) -> Roadmap:
    return parse_roadmap(text, "fallback")


def test_a_heading_topic_is_described_by_its_opening_paragraphs_links_kept() -> None:
    text = """\
# Teach yourself
## Programming

![cover](sicp.jpg)

Start with [SICP](https://sicp.example), the classic.

Then watch the lectures.

## Databases
Read the [Red Book][red].

[red]: https://red.example
"""
    programming, databases = parse(text).phases
    assert programming.is_topic and databases.is_topic
    assert plain(programming.description) == (
        "Start with SICP, the classic. Then watch the lectures."
    )
    assert programming.urls == ("https://sicp.example",)
    assert databases.urls == ("https://red.example",)


def test_a_long_text_is_cut_at_a_word_with_an_ellipsis() -> None:
    sentence = "Operating systems manage the hardware for every program you write. "
    text = f"# Plan\n## Operating Systems\n\n{sentence * 20}\n\nA second paragraph.\n"
    (topic,) = parse(text).phases
    description = plain(topic.description)
    assert description.endswith("\u2026")
    assert 400 < len(description) <= 601
    assert description[:-1] == description[:-1].rstrip()
    assert sentence.strip() in description
    assert "second paragraph" not in description


def test_short_paragraphs_are_gathered_until_enough_is_said() -> None:
    paragraphs = "\n\n".join(f"Paragraph {n} " + "word " * 40 for n in range(1, 6))
    (topic,) = parse(f"# Plan\n## Topic\n\n{paragraphs}\n").phases
    description = plain(topic.description)
    assert "Paragraph 1" in description and "Paragraph 2" in description
    assert "Paragraph 4" not in description


def test_groups_and_list_items_get_no_heading_prose() -> None:
    text = """\
# Plan
## Phase one

Why this phase matters.

- First topic

## Phase two
### A section with prose

It is about things.
"""
    one, two = parse(text).phases
    assert not one.trackable and one.description == ()
    assert one.children[0].description == ()
    assert two.description == ()
    assert plain(two.children[0].description) == "It is about things."


def test_a_list_items_further_paragraphs_describe_it() -> None:
    text = """\
# Plan
## Courses
- Course X

  See [the site](https://site.example) for more.

  ```
  code is not prose
  ```
- [ ] A task with a lazy
continuation line
- Course Y
"""
    x, task, y = parse(text).phases[0].children
    assert x.text == "Course X"
    assert plain(x.description) == "See the site for more."
    assert x.urls == ("https://site.example",)
    assert task.text == "A task with a lazy continuation line"
    assert task.description == () and y.description == ()
