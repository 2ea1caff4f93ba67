"""Whatever happens in the roadmap's folder, or to the watcher itself, the app goes on and
nothing typed is lost: at worst live reload stops, and the user is told once."""

from __future__ import annotations

from pathlib import Path

import pytest

from dlroadmap.app import lifecycle
from dlroadmap.app.app import RoadmapApp
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.source import load_roadmap
from tests.apptools import Told, find, saved, shown_when, until

PLAN = """# Plan
## Phase 1: Basics
- Tensors
- Autograd
"""


def watched_app(folder: Path) -> tuple[RoadmapApp, Path]:
    path = folder / "plan.md"
    path.write_text(PLAN, encoding="utf-8")
    roadmap = load_roadmap(path)
    store = Store.open(roadmap, path, folder / "state")
    return RoadmapApp(roadmap, store, source=path), path


async def test_a_symlink_loop_made_while_a_note_is_typed_loses_nothing(tmp_path: Path) -> None:
    app, path = watched_app(tmp_path)
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        path.write_text(PLAN + "- Dropout\n", encoding="utf-8")
        assert "Dropout" in await shown_when(pilot, told, "Dropout")  # the watcher is up
        await pilot.press("n", *"chain ")
        (tmp_path / "loop-a").symlink_to("loop-b")
        (tmp_path / "loop-b").symlink_to("loop-a")
        await pilot.press(*"rule")
        # Live reload goes on past the loop.
        path.write_text(PLAN + "- Dropout\n- Weight decay\n", encoding="utf-8")
        assert "Weight decay" in await shown_when(pilot, told, "Weight decay")
        await pilot.press("escape", "q")
        await until(pilot, lambda: app.return_code is not None)
    assert app.return_code == 0
    assert saved(app)[find(app.roadmap, "Tensors").id]["note"] == "chain rule"


async def test_a_watcher_that_fails_ends_live_reload_not_the_app(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(*_args: object) -> None:
        raise RuntimeError("a bug in the watcher")

    monkeypatch.setattr(lifecycle, "watch_file", failing)
    app, _path = watched_app(tmp_path)
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        shown = await shown_when(pilot, told, "Live reload is off")
        assert "a bug in the watcher" in shown and "plan.md" in shown
        await pilot.press("n", *"still here", "escape", "q")
        await until(pilot, lambda: app.return_code is not None)
    assert app.return_code == 0
    assert saved(app)[find(app.roadmap, "Tensors").id]["note"] == "still here"
    assert sum("Live reload is off" in message for message in told.messages) == 1
