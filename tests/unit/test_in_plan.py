"""What the parser set aside and the learner brought back into the plan: the pure
functions over the model, the state file's `brought_back`, and the store applying it."""

from __future__ import annotations

from pathlib import Path

import pytest

from dlroadmap.errors import StateError
from dlroadmap.progress.merge import merge_brought_back
from dlroadmap.progress.state import State, dump_state, parse_state
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.in_plan import (
    bring_back,
    section_aside,
    section_brought_back,
    set_aside_sections,
)
from dlroadmap.roadmap.model import Node, Roadmap, Span, Status

STATE = Path("state.toml")


def node(node_id: str, *children: Node, aside: str = "") -> Node:
    return Node(
        node_id,
        (Span(node_id.rsplit("/", 1)[-1]),),
        trackable=not children,
        children=list(children),
        aside=aside,
    )


def roadmap() -> Roadmap:
    """A study phase, a table of contents at the top and a licence section in a phase."""
    contents = node("contents", node("contents/a", aside="toc"), aside="toc")
    study = node(
        "study",
        node("study/tensors"),
        node("study/license", node("study/license/mit", aside="about"), aside="about"),
    )
    return Roadmap((Span("Plan"),), phases=[contents, study])


def test_set_aside_sections_are_the_tops_of_what_is_set_aside() -> None:
    plan = roadmap()
    assert [n.id for n in set_aside_sections(plan)] == ["contents", "study/license"]
    assert [n.id for n in plan.items()] == ["study/tensors"]
    assert section_aside(plan, "study/license/mit") is plan.get("study/license")
    assert section_aside(plan, "study/tensors") is None


def test_bringing_a_section_back_puts_it_and_all_under_it_in_the_plan() -> None:
    plan = roadmap()
    back = bring_back(plan, ["study/license"])
    assert [n.id for n in back.items()] == ["study/tensors", "study/license/mit"]
    assert [n.id for n in set_aside_sections(back)] == ["contents"]
    # The parsed roadmap is left as it was: setting the section aside again is using it.
    assert [n.id for n in plan.items()] == ["study/tensors"]
    assert plan.get("study/license/mit").aside == "about"  # type: ignore[union-attr]
    # What did not change is shared, not copied.
    assert back.get("contents") is plan.get("contents")
    assert section_brought_back(back, ["study/license"], "study/license/mit") is not None
    assert section_brought_back(back, ["study/license"], "study/tensors") is None


def test_an_id_that_names_nothing_set_aside_changes_nothing() -> None:
    plan = roadmap()
    assert bring_back(plan, ["study/tensors", "gone"]) is plan
    assert bring_back(plan, []) is plan


def test_the_state_file_keeps_what_was_brought_back() -> None:
    state = State("Plan", "plan.md", brought_back=("study/license", "contents"))
    text = dump_state(state)
    assert 'brought_back = [\n    "contents",\n    "study/license",\n]' in text
    assert parse_state(text, STATE).brought_back == ("contents", "study/license")


def test_a_state_file_from_before_reads_as_nothing_brought_back() -> None:
    text = 'schema = 2\nfuture = 1\n[roadmap]\ntitle = "Plan"\nsource = "plan.md"\n'
    state = parse_state(text, STATE)
    assert state.brought_back == ()
    assert state.extra == {"future": 1}
    assert "brought_back" not in dump_state(state)


def test_a_brought_back_that_is_not_a_list_of_ids_is_refused() -> None:
    for wrong in ("brought_back = 3", "brought_back = [1]"):
        with pytest.raises(StateError, match="brought_back"):
            parse_state(f"schema = 2\n{wrong}\n", STATE)


def test_two_sessions_bringing_back_and_setting_aside_both_count() -> None:
    base = State("", "", brought_back=("a", "b"))
    ours = State("", "", brought_back=("a", "b", "c"))  # brought c back
    theirs = State("", "", brought_back=("b",))  # set a aside again
    assert merge_brought_back(base, ours, theirs) == ("b", "c")


def test_the_store_applies_what_was_brought_back_on_every_load(tmp_path: Path) -> None:
    source = tmp_path / "plan.md"
    source.write_text("# Plan\n", encoding="utf-8")
    cache = tmp_path / "cache"
    store = Store.open(roadmap(), source, tmp_path / "state", cache=cache)
    assert [n.id for n in store.roadmap.items()] == ["study/tensors"]
    store.bring_back("study/license")
    assert [n.id for n in store.roadmap.items()] == ["study/tensors", "study/license/mit"]
    store.set_status(store.roadmap.get("study/license/mit"), Status.DONE)  # type: ignore[arg-type]
    store.keep_in_cache()
    cached = Store.open(roadmap(), source, tmp_path / "state", cache=cache)
    assert cached.state.brought_back == ("study/license",)
    again = Store.open(roadmap(), source, tmp_path / "state")
    assert again.state.brought_back == ("study/license",)
    assert [n.id for n in again.roadmap.items()] == ["study/tensors", "study/license/mit"]
    assert again.status(again.roadmap.get("study/license/mit")) is Status.DONE  # type: ignore[arg-type]
    # A reload of the markdown keeps it in the plan too.
    again.reload(roadmap())
    assert [n.id for n in again.roadmap.items()] == ["study/tensors", "study/license/mit"]
    again.bring_back("study/license", back=False)
    assert [n.id for n in Store.open(roadmap(), source, tmp_path / "state").roadmap.items()] == [
        "study/tensors"
    ]


def test_a_section_brought_back_in_one_session_comes_into_the_others(tmp_path: Path) -> None:
    source = tmp_path / "plan.md"
    source.write_text("# Plan\n", encoding="utf-8")
    one = Store.open(roadmap(), source, tmp_path / "state")
    other = Store.open(roadmap(), source, tmp_path / "state")
    one.bring_back("contents")
    other.bring_back("study/license")
    assert other.state.brought_back == ("contents", "study/license")
    assert one.refresh() == [] and one.state.brought_back == ("contents", "study/license")
    assert [n.id for n in one.roadmap.items()] == [
        "contents/a",
        "study/tensors",
        "study/license/mit",
    ]
