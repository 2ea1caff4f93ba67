"""Sync pairs state files by the roadmap they hold: two roadmaps of one name stay apart,
one roadmap under two names (copies of its markdown named differently) is merged."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from dlroadmap.roadmap.source import bundled_roadmap_path
from tests.synctools import Machine, bare_repository, synced

NO_TITLE = "## Phase one\n\n- Alpha\n- Beta\n\n## Phase two\n\n- Gamma\n- Delta\n"


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    return bare_repository(tmp_path)


def _statuses(machine: Machine, markdown: Path) -> dict[str, str]:
    """The roadmap's topics and statuses as `dlroadmap export --format json` gives them."""
    command = [sys.executable, "-m", "dlroadmap", "export", str(markdown), "--format", "json"]
    data = json.loads(machine.run(command, check=True).stdout)
    found: dict[str, str] = {}

    def walk(nodes: list[dict[str, object]]) -> None:
        for node in nodes:
            if node["kind"] == "item":
                found[str(node["title"])] = str(node["status"])
            walk(node.get("children", []))  # type: ignore[arg-type]

    walk(data["phases"])
    return found


def _markdown(machine: Machine, name: str, text: str) -> Path:
    path = machine.root / name
    path.write_text(text, "utf-8")
    machine.markdown = path
    return path


def test_two_roadmaps_of_one_title_stay_apart(tmp_path: Path, remote: Path) -> None:
    a, b = Machine(tmp_path, "laptop"), Machine(tmp_path, "server")
    plan_on_b = b.markdown
    a.change({"What is Deep Learning?": "done"})
    # Another roadmap with the very same title, on the server only.
    other = _markdown(b, "other.md", "# 🧠 Deep Learning Study Plan\n\n## Elsewhere\n\n- Kites\n")
    b.change({"Kites": "done"})

    synced(a, "--remote", str(remote))
    told = synced(b, "--remote", str(remote))
    assert "kept apart as roadmaps/deep-learning-study-plan-2.toml" in told

    assert _statuses(b, other) == {"Kites": "done"}
    assert _statuses(b, plan_on_b)["What is Deep Learning?"] == "done"
    # The laptop gets the other roadmap's progress too, and is told it lacks its markdown.
    told = synced(a)
    assert "its markdown is not on this machine" in told
    assert (a.data / "roadmaps" / "deep-learning-study-plan-2.toml").is_file()
    assert _statuses(a, a.markdown)["What is Deep Learning?"] == "done"


def test_one_roadmap_under_two_names_is_merged(tmp_path: Path, remote: Path) -> None:
    a, b = Machine(tmp_path, "laptop"), Machine(tmp_path, "server")
    on_a = _markdown(a, "alpha-notes.md", NO_TITLE)
    on_b = _markdown(b, "my-copy.md", NO_TITLE)
    a.change({"Alpha": "done"}, {"Beta": "from the laptop"})
    b.change({"Gamma": "in_progress"})

    synced(a, "--remote", str(remote))
    told = synced(b, "--remote", str(remote))
    assert "roadmaps/alpha-notes.toml merged into roadmaps/my-copy.toml" in told
    expected = {"Alpha": "done", "Beta": "todo", "Gamma": "in_progress", "Delta": "todo"}
    assert _statuses(b, on_b) == expected

    told = synced(a)
    assert "not on this machine" not in told
    assert _statuses(a, on_a) == expected
    assert sorted(path.name for path in (a.data / "roadmaps").glob("*.toml")) == ["my-copy.toml"]
    a.state_file = a.data / "roadmaps" / "my-copy.toml"
    assert a.items()["Beta"]["note"] == "from the laptop"
    assert a.state()["roadmap"]["source"] == str(on_a.resolve())


def test_the_bundled_plan_from_another_machine_is_known_here(tmp_path: Path, remote: Path) -> None:
    a, b = Machine(tmp_path, "laptop"), Machine(tmp_path, "server")
    a.change({"What is Deep Learning?": "done"})
    synced(a, "--remote", str(remote))
    told = synced(b, "--remote", str(remote))  # a new machine: it never opened the plan
    assert "not on this machine" not in told
    assert b.state()["roadmap"]["source"] == str(bundled_roadmap_path().resolve())
