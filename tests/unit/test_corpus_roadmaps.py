"""Each real roadmap of the corpus read as its learner means it: what they would call its
title and its study items, written down per file, and what must never be an item (a table
of contents, translations, licence and contributing sections, badges).

Files whose study items sit in tables or bold-led paragraphs (read by the parser of
tables and paragraph items) are checked here only for their title and for what must not be
an item: see ROWS_DEPENDENT.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from dlroadmap.roadmap.model import Roadmap, Status
from dlroadmap.roadmap.parser import parse_roadmap
from tests.repo import CORPUS

# Their items are table rows or paragraphs: their items and counts are for the branch
# that reads those to assert.
ROWS_DEPENDENT = (
    "mouredev--roadmap-retos-programacion--README.md",
    "karan--Projects--README.md",
    "floodsung--Deep-Learning-Papers-Reading-Roadmap--README.md",
)


@dataclass(frozen=True)
class Expected:
    title: str
    items: tuple[str, ...] = ()
    not_items: tuple[str, ...] = ()
    count: tuple[int, int] | None = None  # least and most topics
    statuses: dict[str, Status] = field(default_factory=dict)


EXPECTED = {
    "AMAI-GmbH--AI-Expert-Roadmap--readme.md": Expected(
        "i.am.ai AI Expert Roadmap",
        items=(
            "Fundamentals",
            "Data Science Roadmap",
            "Deep Learning Roadmap",
            "Big Data Engineer Roadmap",
        ),
        not_items=(
            "Disclaimer",
            "🙌 Contribution",
            "Supported By",
            "Open pull request with improvements",
            "Spread the word",
        ),
        count=(6, 10),
    ),
    "Avik-Jain--100-Days-Of-ML-Code--README.md": Expected(
        "100-Days-Of-ML-Code",
        items=(
            "Data PreProcessing | Day 1",
            "Support Vector Machines | Day 9",
            "Hierarchical Clustering | Day 54",
        ),
        count=(54, 54),
    ),
    "ZuzooVn--machine-learning-for-software-engineers--README.md": Expected(
        "Top-down learning path: Machine Learning for Software Engineers",
        items=(
            "Learning How to Learn",
            "A Visual Introduction to Machine Learning",
            "Python Machine Learning",
            "Coursera’s AI For Everyone",
            "How To Prepare For A Machine Learning Interview",
        ),
        # Table-of-contents entries (real sections, not items), translations, the author.
        not_items=(
            "MOOC",
            "Podcasts",
            "Beginner Books",
            "Why use it?",
            "Brazilian Portuguese",
            "中文版本",
            "Twitter: @Nam Vu",
        ),
        # 275 list items, 30 of them the table of contents; their plain sub-bullets may
        # become resources of their tasks (35 sit under one).
        count=(200, 280),
    ),
    "bsierieb1--xdasi-bio-2021-archive--material-from-2019-2020--topics_2019--index.md": Expected(
        "Class Notes",
        items=("Exercise 1- Questions", "Data Visualization in R", "R Tutorial"),
        # The index: links to the weeks below, named a little differently.
        not_items=(
            "Week 1 - Course Overview and Introduction to R",
            "Week 15: Simple RNA-seq workflow",
        ),
        count=(280, 330),
    ),
    "datasciencemasters--go--README.md": Expected(
        # No H1, no front matter, no banner: the file's name, the last resort.
        "datasciencemasters--go--README",
        items=(
            "The Book of Why Book $17",
            "Linear Algebra Khan Academy / Videos",
            "Think Python Digital & Book $45",
        ),
        # The change log of the curriculum itself.
        not_items=("Pared down links to a more opinionated list.",),
        count=(95, 110),
    ),
    "izackwu--TeachYourselfCS-CN--TeachYourselfCS.md": Expected(
        "Teach Yourself Computer Science",
        items=("Programming", "Computer Architecture", "Databases", "Distributed Systems"),
        count=(15, 30),
    ),
    "robert8138--deep-learning-deliberate-practice--PROGRESS.md": Expected(
        "Progress",
        items=("Course 1: Neural Networks and Deep Learning", "Deep Learning Book"),
        not_items=("DONE: Course 1: Neural Networks and Deep Learning",),
        count=(200, 220),
        statuses={
            "Course 1: Neural Networks and Deep Learning": Status.DONE,
            "Course 5: Sequence Model": Status.DONE,
            "Deep Learning Book": Status.TODO,
        },
    ),
    "thomaslam--personal_website--content--post--ml-learning-road-map.md": Expected(
        "ML Learning Road Map",
        items=("Sequence Models", "Neural Networks and Deep Learning", "PGM 3: Learning"),
        not_items=("Sequence Models (7/7/19: IN PROGRESS)",),
        count=(18, 18),
        statuses={
            "Sequence Models": Status.IN_PROGRESS,
            "Neural Networks and Deep Learning": Status.DONE,
            "PGM 3: Learning": Status.TODO,
        },
    ),
    "mouredev--roadmap-retos-programacion--README.md": Expected(
        "Roadmap retos de programación 2024",
    ),
    "karan--Projects--README.md": Expected(
        "Mega Project List",
        # Sections about the repository and the table of contents (links to the headings).
        not_items=("CONTRIBUTING", "Credits", "Rosetta Code", "Martyr2’s Mega Project List"),
    ),
    "floodsung--Deep-Learning-Papers-Reading-Roadmap--README.md": Expected(
        "Deep Learning Papers Reading Roadmap",
    ),
}

FILES = (
    sorted(p.name for p in CORPUS.glob("*.md") if p.name != "SOURCES.md") if CORPUS.is_dir() else []
)
needs_corpus = pytest.mark.skipif(not FILES, reason=f"no roadmap corpus at {CORPUS}")


def read(name: str) -> Roadmap:
    path = CORPUS / name
    return parse_roadmap(path.read_text(encoding="utf-8"), Path(name).stem)


@needs_corpus
def test_every_corpus_file_is_written_down() -> None:
    assert sorted(EXPECTED) == FILES
    assert set(ROWS_DEPENDENT) <= set(EXPECTED)


@needs_corpus
@pytest.mark.parametrize("name", sorted(EXPECTED), ids=lambda name: name.split("--")[0])
def test_a_corpus_roadmap_reads_as_its_learner_means_it(name: str) -> None:
    expected = EXPECTED[name]
    roadmap = read(name)
    topics = [node.text for node in roadmap.items()]
    assert roadmap.text == expected.title
    assert [item for item in expected.items if item not in topics] == []
    assert [item for item in expected.not_items if item in topics] == []
    if expected.count is not None:
        least, most = expected.count
        assert least <= len(topics) <= most
    status = {node.text: node.initial_status for node in roadmap.items()}
    assert {text: status.get(text) for text in expected.statuses} == expected.statuses
    # Navigation never counts: no topic links to a heading of its own file.
    assert not [n.text for n in roadmap.items() if n.urls and n.urls[0].startswith("#")]
