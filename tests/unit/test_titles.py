"""The roadmap's own title: front matter, an HTML banner, the first H1 that is not a
table of contents; badges and pictures never part of a heading's text."""

from __future__ import annotations

import pytest

from dlroadmap.roadmap.model import Span
from dlroadmap.roadmap.parser import parse_roadmap

BANNER = """<p align="center">
  <a href="https://example.com"><img src="https://example.com/logo.svg" alt="Logo of the plan"></a>
  <h2 align="center">i.am<br>Data Roadmap</h2>
  <a href="https://x"><img alt="Stars" src="https://img.shields.io/github/stars/x.svg"></a>
</p>
"""


def title_of(text: str) -> str:
    return parse_roadmap(text, "file-name").text


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            '---\ntitle: "ML Learning Road Map"\ndate: 2019-07-07\n---\n\n- [ ] A\n',
            "ML Learning Road Map",
        ),
        ("---\ntitle: Class Notes\n---\n#### Notes\n## Week 1\n- a\n", "Class Notes"),
        ("+++\ntitle = 'Plan'\n+++\n# Other\n- a\n", "Plan"),
        (BANNER + "\n## Fundamentals\n- a\n## Next\n- b\n", "i.am Data Roadmap"),
        # A markdown H1 says more than a banner's picture, not more than its heading.
        (
            BANNER.replace("<h2", "<p").replace("</h2>", "</p>") + "\n# Real Title\n- a\n",
            "Real Title",
        ),
        (
            BANNER.replace("<h2", "<p").replace("</h2>", "</p>") + "\n## A\n## B\n",
            "Logo of the plan",
        ),
        ("# Table of Contents\n- [A](#a)\n# The Plan\n## A\n- x\n", "The Plan"),
        ("# Contents\n- [A](#a)\n## A\n- x\n## B\n- y\n", "file-name"),
        (
            "# Awesome CS Courses [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)"
            "\n- a\n",
            "Awesome CS Courses",
        ),
        ("# ![logo](logo.png) Rust Roadmap\n- a\n", "Rust Roadmap"),
        ("# ![Only A Picture](logo.png)\n- a\n", "Only A Picture"),
        ("## A\n- a\n## B\n- b\n", "file-name"),
    ],
)
def test_the_title_is_the_roadmaps_own(text: str, title: str) -> None:
    assert title_of(text) == title


def test_a_badge_in_any_heading_is_left_out_and_the_words_around_it_kept() -> None:
    roadmap = parse_roadmap(
        "# Plan\n## Tools [![CI](https://img.shields.io/ci.svg)](https://ci) and more\n- a\n",
        "f",
    )
    (section,) = roadmap.phases
    assert section.title == (Span("Tools and more"),)
    assert section.id == "tools-and-more"


def test_a_banner_after_the_first_heading_is_not_the_title() -> None:
    assert title_of("# Heading First\n" + BANNER + "\n## A\n- a\n") == "Heading First"
