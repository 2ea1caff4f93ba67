"""Two sessions at the "move the broken file aside?" prompt: only the broken file is moved."""

from __future__ import annotations

import hashlib
from pathlib import Path

from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Status
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap
from tests.ptytools import Terminal, state_home

BROKEN = b"\x00garbage = = ="


def broken_state(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "dlroadmap" / "roadmaps"
    folder.mkdir(parents=True)
    broken = folder / "deep-learning-study-plan.toml"
    broken.write_bytes(BROKEN)
    return broken


def both_at_the_prompt(tmp_path: Path) -> tuple[Terminal, Terminal]:
    env = state_home(tmp_path)
    first, second = Terminal([], env), Terminal([], env)
    assert first.wait_for(b"[y/N]")
    assert second.wait_for(b"[y/N]")
    return first, second


def test_the_second_yes_finds_the_file_already_moved(tmp_path: Path) -> None:
    broken = broken_state(tmp_path)
    first, second = both_at_the_prompt(tmp_path)

    first.type("y\r")
    assert first.wait_for(b"Deep Learning Study Plan")
    second.type("y\r")
    assert second.wait_for(b"Deep Learning Study Plan")

    assert b"nothing was moved" in second.output
    assert b"Traceback" not in second.output
    assert first.quit() == 0
    assert second.quit() == 0
    aside = sorted(broken.parent.glob("*.broken-*"))
    assert [path.read_bytes() for path in aside] == [BROKEN]


def test_a_late_yes_leaves_the_first_sessions_fresh_file_alone(tmp_path: Path) -> None:
    broken = broken_state(tmp_path)
    first, second = both_at_the_prompt(tmp_path)

    first.type("y\r")
    assert first.wait_for(b"Deep Learning Study Plan")
    # The first session saves its work in the fresh file, then the second says yes.
    first.type(" ")
    for _ in range(100):
        if broken.exists():
            break
        first.read(0.1)
    fresh = hashlib.sha256(broken.read_bytes()).hexdigest()
    second.type("y\r")
    assert second.wait_for(b"Deep Learning Study Plan")

    assert b"nothing was moved" in second.output
    assert second.quit() == 0
    assert first.quit() == 0
    assert [path.read_bytes() for path in broken.parent.glob("*.broken-*")] == [BROKEN]
    assert hashlib.sha256(broken.read_bytes()).hexdigest() == fresh
    path = bundled_roadmap_path()
    store = Store.open(load_roadmap(path), path, broken.parent, writable=False)
    assert any(store.status(node) is Status.DONE for node in store.roadmap.items())
