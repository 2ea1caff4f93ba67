"""Paragraph items: runs of paragraphs led by a name are items; prose and labels are not."""

from __future__ import annotations

from dlroadmap.roadmap.model import Node, Roadmap, Span, plain
from dlroadmap.roadmap.parser import parse_roadmap


def parse(text: str) -> Roadmap:
    return parse_roadmap(text, "fallback")


def only_section(text: str) -> Node:
    (phase,) = parse(text).phases
    return phase


def titles(node: Node) -> list[str]:
    return [child.text for child in node.children]


def descriptions(node: Node) -> list[str]:
    return [plain(child.description) for child in node.children]


def test_bold_led_paragraphs_are_items_titled_by_their_lead() -> None:
    text = """\
# Projects
## Numbers

**Find PI to the Nth Digit** - Enter a number and have the program generate PI.

**Fibonacci Sequence**: Enter a number and generate the sequence.

**Prime Factorization:** Find all prime factors.

**Calculator** \u2014 A simple calculator.
"""
    numbers = only_section(text)
    assert not numbers.trackable
    assert titles(numbers) == [
        "Find PI to the Nth Digit",
        "Fibonacci Sequence",
        "Prime Factorization",
        "Calculator",
    ]
    # The separator after the lead belongs to neither title nor description.
    assert descriptions(numbers) == [
        "Enter a number and have the program generate PI.",
        "Enter a number and generate the sequence.",
        "Find all prime factors.",
        "A simple calculator.",
    ]
    assert numbers.children[0].title == (Span("Find PI to the Nth Digit", bold=True),)
    assert all(child.is_topic for child in numbers.children)
    assert numbers.children[0].id == "numbers/find-pi-to-the-nth-digit"


def test_link_led_paragraphs_keep_their_links_in_title_and_description() -> None:
    text = """\
# Reading
## Courses

[Fast.ai][fastai]: practical deep learning, with [notebooks](https://nb.example).

[CS231n](https://cs231n.example) - convolutional networks for visual recognition.

[fastai]: https://course.fast.ai
"""
    courses = only_section(text)
    assert titles(courses) == ["Fast.ai", "CS231n"]
    fastai, cs231n = courses.children
    assert fastai.title == (Span("Fast.ai", link="https://course.fast.ai"),)
    assert fastai.urls == ("https://course.fast.ai", "https://nb.example")
    assert cs231n.urls == ("https://cs231n.example",)


def test_a_numbered_reference_is_titled_by_the_work_it_cites() -> None:
    text = """\
# Papers
## Survey

**[1]** LeCun, Yann, et al. "**Deep learning**." Nature (2015). [[pdf]](https://dl.example/pdf)

**[2]** Chen, T., et al. \u201cNet2net: Accelerating learning via knowledge transfer.\u201d arXiv.

**[3]** Hinton, G. **Dropout** in practice. Tech report.

[4] Smith, J. A survey of everything. Journal of Things (2019).

**[5]** Vaswani et al. [Attention *is* all you need](https://arxiv.example/1706). NeurIPS.
"""
    survey = only_section(text)
    assert titles(survey) == [
        "Deep learning",
        "Net2net: Accelerating learning via knowledge transfer",
        "Dropout",
        "Smith, J",
        "Attention is all you need",
    ]
    first = survey.children[0]
    assert first.title == (Span("Deep learning", bold=True),)
    # The whole reference after the number is the description, its link with it.
    assert plain(first.description).startswith('LeCun, Yann, et al. "Deep learning."')
    assert first.urls == ("https://dl.example/pdf",)


def test_a_single_lead_paragraph_is_prose_in_a_document_without_runs() -> None:
    text = """\
# Plan
## Setup

**Install Python first.** Then read on.

Some more prose.
"""
    setup = only_section(text)
    assert setup.trackable and not setup.children


def test_a_lone_lead_paragraph_is_an_item_where_the_document_writes_its_items_so() -> None:
    text = """\
# Projects
## Numbers

**Fizz Buzz** - Print the numbers.

**Reverse a String** - Reverse it.

## Security

**Caesar cipher** - Encode and decode.

## Links

[A site](https://a.example) about things.

## Mixed

**Hash map** - Build one.

- an item of a list

## Apart

**Bloom filter** - Build one.

Some words between.

**Trie** - Build one too.
"""
    numbers, security, links, mixed, apart = parse(text).phases
    assert titles(numbers) == ["Fizz Buzz", "Reverse a String"]
    assert titles(security) == ["Caesar cipher"]
    assert plain(security.children[0].description) == "Encode and decode."
    # Led by a link, not bold as the document's items are: prose.
    assert links.trackable and not links.children
    # The heading holds a list besides: the paragraph is its prose.
    assert titles(mixed) == ["an item of a list"]
    assert titles(apart) == ["Bloom filter", "Trie"]


def test_prose_labels_are_not_items_and_do_not_break_a_run() -> None:
    labels_only = """\
# Plan
## Section

**Note:** this takes a while.

**Tip:** take breaks.

**Warning** - it is hard.
"""
    assert only_section(labels_only).trackable
    with_label = """\
# Plan
## Section

**Inverted index** - Build one.

**Note:** use a dict.

**Bloom filter** - Build one too.
"""
    assert titles(only_section(with_label)) == ["Inverted index", "Bloom filter"]


def test_what_a_file_says_about_itself_and_links_within_it_are_not_items() -> None:
    about = """\
# Plan
## About

**Author:** Jane Doe, who wrote it.

**License:** MIT, see the file.
"""
    assert only_section(about).trackable
    navigation = """\
# Plan
## Section

[Back to top](#plan) of the page.

[Next section](#other) is below.
"""
    assert only_section(navigation).trackable


def test_prose_between_lead_paragraphs_ends_a_run() -> None:
    text = """\
# Plan
## Section

**Alpha** - one.

Plain prose in between.

**Beta** - two.

**Gamma** - three.
"""
    assert titles(only_section(text)) == ["Beta", "Gamma"]


def test_bold_sentences_and_pictures_are_not_leads() -> None:
    sentences = """\
# Plan
## Section

**Make a fork of the project and work with Git to keep your copy in sync with ours.**

**Check the one hundred and one exercises we have already solved together this year.**
"""
    assert only_section(sentences).trackable
    pictures = """\
# Plan
## Section

[![Stars](https://img.shields.io/badge/stars-1-blue)](https://example.com/a)

[![Logic 1](https://i.example/thumb.jpg)](https://youtu.be/x)
"""
    assert only_section(pictures).trackable


def test_a_lead_paragraph_over_a_list_is_the_lists_caption() -> None:
    text = """\
# Plan
## Week 6

**Class Notes** - [RMD](notes.Rmd) - [HTML](notes.html)

**Background Reading**
+ Aho, Chapter 5
+ Irizarry, Chapter 1
"""
    week = only_section(text)
    assert titles(week) == ["Aho, Chapter 5", "Irizarry, Chapter 1"]


def test_lines_of_one_paragraph_each_led_are_items_each() -> None:
    text = """\
# Plan
## Tools

**Git** - version control
**Make** - builds
**Docker** - containers
"""
    assert titles(only_section(text)) == ["Git", "Make", "Docker"]
    mixed = "# Plan\n## Tools\n\n**Git** - version control\nand some prose on its own line\n"
    assert only_section(mixed).trackable


def test_paragraph_items_keep_document_order_and_leave_list_ids_alone() -> None:
    text = """\
# Plan
## Projects

**Calculator** - add numbers.

**Clock** - tell the time.

- Calculator
"""
    projects = only_section(text)
    assert titles(projects) == ["Calculator", "Clock", "Calculator"]
    assert [child.id for child in projects.children] == [
        "projects/calculator-2",
        "projects/clock",
        "projects/calculator",
    ]
