"""A status key on a phase or section: which of its topics change, to what."""

from __future__ import annotations

from dlroadmap.roadmap.model import Node, Span, Status
from dlroadmap.roadmap.section_marks import section_marks


def topic(name: str) -> Node:
    return Node(name, (Span(name),), trackable=True)


def section(statuses: dict[str, Status]) -> tuple[Node, dict[str, Status]]:
    inner = Node("s/inner", (Span("Inner"),), trackable=False)
    inner.children = [topic(name) for name in list(statuses)[2:]]
    outer = Node("s", (Span("Section"),), trackable=False)
    outer.children = [topic(name) for name in list(statuses)[:2]] + [inner]
    return outer, statuses


def changed(key: Status, statuses: dict[str, Status], *, toggle: bool = False) -> dict[str, Status]:
    node, _ = section(statuses)
    marks = section_marks(node, key, lambda n: statuses[n.id], toggle=toggle)
    return {n.id: status for n, status in marks}


MIXED = {
    "a": Status.DONE,
    "b": Status.TODO,
    "c": Status.IN_PROGRESS,
    "d": Status.SKIPPED,
    "e": Status.TODO,
}


def test_skip_and_start_leave_what_is_done_and_reach_nested_topics() -> None:
    assert changed(Status.SKIPPED, MIXED) == {
        "b": Status.SKIPPED,
        "c": Status.SKIPPED,
        "e": Status.SKIPPED,
    }
    assert changed(Status.IN_PROGRESS, MIXED) == {
        "b": Status.IN_PROGRESS,
        "d": Status.IN_PROGRESS,
        "e": Status.IN_PROGRESS,
    }


def test_done_marks_every_topic_done_and_to_do_returns_every_one() -> None:
    assert changed(Status.DONE, MIXED, toggle=True) == {
        key: Status.DONE for key in ("b", "c", "d", "e")
    }
    assert changed(Status.TODO, MIXED) == {key: Status.TODO for key in ("a", "c", "d")}


def test_done_on_a_section_all_done_returns_it_to_to_do() -> None:
    done = dict.fromkeys("abcde", Status.DONE)
    assert changed(Status.DONE, done, toggle=True) == dict.fromkeys("abcde", Status.TODO)
    # Without the toggle, a section all done is left as it is.
    assert changed(Status.DONE, done) == {}


def test_a_set_aside_topic_is_never_marked() -> None:
    node, statuses = section(dict(MIXED))
    node.children[1].aside = "table of contents"
    marks = section_marks(node, Status.SKIPPED, lambda n: statuses[n.id])
    assert "b" not in {n.id for n, _ in marks}
