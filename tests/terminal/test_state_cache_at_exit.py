"""The real app, quit on a pty, leaves its last save in the state cache for the next start."""

from __future__ import annotations

import tomllib
from pathlib import Path

from dlroadmap.progress.cache import StateCache
from dlroadmap.progress.state import decode_state
from dlroadmap.roadmap.model import Status
from tests.ptytools import Terminal, state_home
from tests.unit.test_state_cache import the_same


def test_quitting_the_app_leaves_its_saves_cached(tmp_path: Path, seed_path: Path) -> None:
    env = state_home(tmp_path)
    terminal = Terminal([], env)
    assert terminal.wait_for(b"Deep Learning Study Plan")
    terminal.type(" ")
    folder = tmp_path / "data" / "dlroadmap" / "roadmaps"
    for _ in range(100):  # the space is saved at once; give it up to 10 s on a busy machine
        terminal.read(0.1)
        if any('"done"' in f.read_text(encoding="utf-8") for f in folder.glob("*.toml")):
            break
    assert terminal.quit() == 0
    state_file = next(folder.glob("*.toml"))

    cached = StateCache(tmp_path / "cache" / "dlroadmap" / "states")
    original = tomllib.loads
    tomllib.loads = None  # type: ignore[assignment]  # a parse would fail
    try:
        from_cache = cached.read(state_file)
    finally:
        tomllib.loads = original
    the_same(from_cache, decode_state(state_file.read_bytes(), state_file))
    assert any(item.status is Status.DONE for item in from_cache.items.values())
