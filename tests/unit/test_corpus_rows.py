"""Real roadmaps whose study items are table rows, paragraphs or tasks with resources.

For each corpus file, what its learner would call the study items, written down from
reading the file (not from the parser's output):

- mouredev (Spanish programming challenges): the 51 exercises of the one table under
  "Roadmap", 00 to 50, each with its correction, video and community links.
- karan (Mega Project List): the 92 projects, one bold-led paragraph each, by category;
  two categories (Data Structures, Security) have a single project.
- floodsung (Deep Learning Papers Reading Roadmap): the 133 papers, one `**[n]**`
  reference each, known by their titles ("Deep residual learning for image
  recognition"); some topics have a single paper.
- ZuzooVn (ML for software engineers): the 155 `- [ ]` tasks; the plain bullets under
  a task (its GitHub repository, video, slides) are its material, not tasks.
- izackwu (Teach Yourself CS): the nine subjects, each a heading with prose; the
  summary table at the top repeats them and is not a second set of items.
- thomaslam (ML road map): courses as tasks, specialisations holding sub-tasks; no
  resources, all nesting stays.
- bsierieb1 (course syllabus): the list items; a bold caption over a list is not one.

Counts are ranges: what else stays a topic (tables of contents, contributing notes) is
the set-aside rules' business, so each range holds the study items with or without it.
"""

from __future__ import annotations

from functools import cache

import pytest

from dlroadmap.roadmap.model import Node, Roadmap, plain
from dlroadmap.roadmap.parser import parse_roadmap
from tests.repo import CORPUS


@cache
def corpus(prefix: str) -> Roadmap:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared roadmap corpus is not present at {CORPUS}")
    (path,) = CORPUS.glob(f"{prefix}--*.md")
    return parse_roadmap(path.read_text(encoding="utf-8"), path.stem)


def topics(roadmap: Roadmap) -> list[Node]:
    return list(roadmap.items())


def topic(roadmap: Roadmap, text: str) -> Node:
    found = [node for node in roadmap.items() if node.text == text]
    assert found, f"{text!r} is not a topic"
    return found[0]


def texts(roadmap: Roadmap) -> set[str]:
    return {node.text for node in roadmap.items()}


def group_named(roadmap: Roadmap, text: str) -> Node:
    """The one node of that name holding others (a list may name it too, as a link)."""
    (node,) = (node for node in roadmap.walk() if node.text == text and node.children)
    return node


def test_mouredev_every_exercise_of_the_table_is_an_item_with_its_links() -> None:
    roadmap = corpus("mouredev")
    section = group_named(roadmap, "Roadmap")
    exercises = [child for child in section.children if child.fields]
    assert len(exercises) == 51
    first = topic(roadmap, "SINTAXIS, VARIABLES, TIPOS DE DATOS Y HOLA MUNDO")
    assert dict((name, plain(value)) for name, value in first.fields)["#"] == "00"
    assert [name for name, _ in first.fields] == ["#", "Corrección", "Vídeo", "Comunidad"]
    assert first.title[0].link and first.title[0].link.endswith("/ejercicio.md")
    assert "https://youtu.be/gEIBJ7rmLa0" in first.urls
    assert exercises[-1].text.startswith("PLANIFICADOR DE OBJETIVOS DE A")
    assert {"00", "📝", "▶️", "Roadmap"}.isdisjoint(texts(roadmap))
    assert 51 <= len(topics(roadmap)) <= 85


def test_karan_every_project_paragraph_is_an_item() -> None:
    roadmap = corpus("karan")
    pi = topic(roadmap, "Find PI to the Nth Digit")
    assert plain(pi.description).startswith("Enter a number and have the program generate PI")
    for project in ("Fizz Buzz", "Inverted index", "Caesar cipher", "Mortgage Calculator"):
        assert project in texts(roadmap), project
    # Categories hold the projects now; none is a topic of its own.
    security = group_named(roadmap, "Security")
    assert not security.trackable
    assert [child.text for child in security.children] == ["Caesar cipher"]
    projects = [node for node in topics(roadmap) if node.description]
    assert 90 <= len(projects) <= 95
    assert 92 <= len(topics(roadmap)) <= 112


def test_floodsung_every_paper_is_an_item_titled_by_its_title() -> None:
    roadmap = corpus("floodsung")
    resnet = topic(roadmap, "Deep residual learning for image recognition")
    assert "He, Kaiming" in plain(resnet.description)
    assert resnet.urls == ("https://arxiv.org/pdf/1512.03385.pdf",)
    adam = topic(roadmap, "Adam: A method for stochastic optimization")
    assert adam.id.endswith("/2-2-optimization/adam-a-method-for-stochastic-optimization")
    # A topic with a single paper holds it: the paper is the item, not the heading.
    survey = group_named(roadmap, "1.1 Survey")
    assert [child.text for child in survey.children] == ["Deep learning"]
    assert not any(node.text.startswith("[") for node in topics(roadmap))
    assert 133 <= len(topics(roadmap)) <= 140


def test_zuzoovn_the_bullets_under_a_task_are_its_resources() -> None:
    roadmap = corpus("ZuzooVn")
    hackers = topic(roadmap, "Machine Learning for Hackers")
    assert [plain(r) for r in hackers.resources] == [
        "GitHub repository(R)",
        "GitHub repository(Python)",
    ]
    assert "https://github.com/johnmyleswhite/ML_for_Hackers" in hackers.urls
    data_scientist = next(n for n in topics(roadmap) if n.text.startswith("How to become a Data"))
    assert [plain(r) for r in data_scientist.resources] == ["Video", "Slide"]
    assert not data_scientist.children
    for material in ("GitHub repository", "Video", "Slide", "Teaching material", "USA as heck"):
        assert material not in texts(roadmap), material
    assert sum(len(node.resources) for node in topics(roadmap)) == 35
    assert 155 <= len(topics(roadmap)) <= 270


def test_izackwu_the_summary_table_is_not_a_second_set_of_subjects() -> None:
    roadmap = corpus("izackwu")
    assert not any(node.fields for node in roadmap.walk())
    programming = [node for node in topics(roadmap) if node.text == "Programming"]
    assert len(programming) == 1
    assert "Structure and Interpretation of Computer Programs" in plain(programming[0].description)
    assert programming[0].urls  # the book and lectures its prose links to
    assert 9 <= len(topics(roadmap)) <= 24


def test_thomaslam_sub_tasks_stay_items_and_nothing_is_a_resource() -> None:
    roadmap = corpus("thomaslam")
    assert "Sequence Models" in " ".join(texts(roadmap))
    assert not any(node.resources for node in roadmap.walk())
    assert 17 <= len(topics(roadmap)) <= 18


def test_bsierieb1_a_caption_over_a_list_is_not_an_item() -> None:
    roadmap = corpus("bsierieb1")
    assert not any(node.text.startswith("Class Notes (cont'd)") for node in roadmap.walk())
    assert not any(node.fields or node.resources for node in roadmap.walk())
    assert "Aho, Chapter 5 - PDF" in texts(roadmap)
