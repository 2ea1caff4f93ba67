"""The merge driver git runs on a state file, and the filter keeping sources per machine."""

from __future__ import annotations

import tomllib
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dlroadmap.progress.activity import DayActivity
from dlroadmap.progress.merge import keep_both
from dlroadmap.progress.state import ItemState, State, dump_state, parse_state
from dlroadmap.roadmap.model import Status
from dlroadmap.sync import driver
from dlroadmap.sync.sources import source_of, with_source
from dlroadmap.sync.story import FileChange, both_kept, counted, story, told

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
T1 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
T2 = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)


def _card(last_review: datetime) -> dict[str, object]:
    return {
        "card_id": 1,
        "state": 2,
        "stability": 3.0,
        "difficulty": 5.0,
        "due": "2026-04-01T09:00:00+00:00",
        "last_review": last_review.isoformat(),
    }


def _files(tmp_path: Path, *states: State) -> list[Path]:
    paths = []
    for name, state in zip(("base", "ours", "theirs"), states, strict=True):
        path = tmp_path / name
        path.write_text(dump_state(state), "utf-8")
        paths.append(path)
    return paths


def _merged(tmp_path: Path, base: State, ours: State, theirs: State) -> State:
    paths = _files(tmp_path, base, ours, theirs)
    assert driver.main(["merge", *map(str, paths), "roadmaps/plan.toml"]) == 0
    return parse_state(paths[1].read_text("utf-8"), paths[1])


def test_the_driver_merges_as_two_sessions_would(tmp_path: Path) -> None:
    base = State("Plan", "", {"n": ItemState("Note", note="start", note_changed=T0)})
    ours = State(
        "Plan",
        "/home/me/plan.md",
        {
            "n": ItemState("Note", note="laptop words", note_changed=T1),
            "a": ItemState("A", status=Status.DONE, status_changed=T1, revisit=_card(T2)),
        },
        {"2026-03-02": DayActivity(actions=2, done=("a",))},
    )
    theirs = State(
        "Plan",
        "/srv/plans/plan.md",
        {
            "n": ItemState("Note", note="server words", note_changed=T2),
            "a": ItemState("A", status=Status.DONE, status_changed=T0, revisit=_card(T1)),
            "b": ItemState("B", status=Status.IN_PROGRESS, status_changed=T2),
        },
        {"2026-03-02": DayActivity(actions=3, notes=("n",))},
    )
    merged = _merged(tmp_path, base, ours, theirs)
    assert merged.source == "/home/me/plan.md"  # where the markdown lives here
    assert "laptop words" in merged.items["n"].note and "server words" in merged.items["n"].note
    assert merged.items["a"].status_changed == T1  # the newer change
    assert merged.items["a"].revisit == _card(T2) | {"step": None}  # the later review
    assert merged.items["b"].status is Status.IN_PROGRESS
    day = merged.activity["2026-03-02"]
    assert (day.actions, day.done, day.notes) == (5, ("a",), ("n",))


def test_a_file_both_machines_added_merges_against_nothing(tmp_path: Path) -> None:
    ours = State("Plan", "/a", {"a": ItemState("A", status=Status.DONE, status_changed=T1)})
    theirs = State("Plan", "", {"b": ItemState("B", note="mine", note_changed=T1)})
    paths = _files(tmp_path, State("", ""), ours, theirs)
    paths[0].write_text("", "utf-8")  # git gives an empty base for an add on both sides
    assert driver.main(["merge", *map(str, paths), "roadmaps/plan.toml"]) == 0
    merged = parse_state(paths[1].read_text("utf-8"), paths[1])
    assert set(merged.items) == {"a", "b"}


@pytest.mark.parametrize("side", [0, 1, 2])
def test_a_side_that_cannot_be_read_fails_and_leaves_ours(
    tmp_path: Path, side: int, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _files(tmp_path, State("P", ""), State("P", "/a"), State("P", ""))
    paths[side].write_text("schema = [", "utf-8")
    ours = paths[1].read_bytes()
    assert driver.main(["merge", *map(str, paths), "roadmaps/plan.toml"]) == 1
    assert paths[1].read_bytes() == ours
    said = capsys.readouterr().err
    assert said.count("\n") == 1 and "roadmaps/plan.toml" in said and "not valid TOML" in said


def test_the_filter_empties_the_source_and_puts_it_back() -> None:
    text = dump_state(State("Plan", "/home/me/plan.md", {"a": ItemState("A", note="source = x")}))
    stored = with_source(text, "")
    assert tomllib.loads(stored)["roadmap"]["source"] == ""
    assert source_of(text) == "/home/me/plan.md"
    back = with_source(stored, '/srv/with "quotes"\nand a line.md')
    assert tomllib.loads(back)["roadmap"]["source"] == '/srv/with "quotes"\nand a line.md'
    assert tomllib.loads(back)["items"]["a"]["note"] == "source = x"  # only [roadmap] changes
    assert with_source(with_source(text, "/x"), "/home/me/plan.md") == text


def test_the_story_says_what_changed() -> None:
    old = State("P", "", {"a": ItemState("A"), "b": ItemState("B", note="x")})
    new = State(
        "P",
        "",
        {
            "a": ItemState("A", status=Status.DONE),
            "b": ItemState("B", note="y"),
            "c": ItemState("C", status=Status.DONE),
            "d": ItemState("D", status=Status.SKIPPED, note="why"),
        },
    )
    assert counted(old, new) == Counter(done=2, skipped=1, note=2)
    assert told(counted(old, new)) == "2 done, 1 skipped, 2 notes"
    changes = [FileChange("roadmaps/plan.toml", old, new), FileChange("roadmaps/x.toml", None, old)]
    assert story(changes) == "2 done, 1 skipped, 2 notes on plan; started x (1 note)"
    assert story([FileChange("roadmaps/plan.toml", new, new)]) == ""


def test_notes_holding_both_texts_are_named_once() -> None:
    merged = State("P", "", {"n": ItemState("Note", note=keep_both("ours", "theirs", T1))})
    changes = [FileChange("roadmaps/plan.toml", State("P", ""), merged)]
    assert both_kept(changes) == ["Note (plan)"]
    assert both_kept([FileChange("roadmaps/plan.toml", merged, merged)]) == []
