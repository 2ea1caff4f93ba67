"""sync = "auto" in the app: the tree shows what the start's sync brought, at once."""

from __future__ import annotations

import subprocess
from pathlib import Path

from dlroadmap.app.app import RoadmapApp, Settings
from dlroadmap.config import Config
from dlroadmap.locations import data_dir, state_dir
from dlroadmap.progress.lock import lock_of
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Status
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap
from dlroadmap.sync.run import sync
from tests.apptools import Told, find, screen_text, shown_when, until
from tests.synctools import Machine

MATH = "Learn key math foundations"


def _app(config: Config) -> RoadmapApp:
    path = bundled_roadmap_path()
    roadmap = load_roadmap(path)
    store = Store.open(roadmap, path, state_dir())
    return RoadmapApp(roadmap, store, settings=Settings(config, lambda config: None))


async def test_what_the_start_sync_brings_shows_in_the_tree(tmp_path: Path) -> None:
    remote = tmp_path / "progress.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    laptop = Machine(tmp_path, "laptop")
    laptop.change({"What is Deep Learning?": "done"})
    assert laptop.sync("--remote", str(remote)).returncode == 0
    sync(data_dir(), str(remote))  # this machine, synced once from the command line
    laptop.change({MATH: "done"})
    assert laptop.sync().returncode == 0

    app = _app(Config(sync="auto"))
    told = Told()
    async with app.run_test(message_hook=told.hook) as pilot:
        node = find(app.roadmap, MATH)
        assert app.store.status(node) is Status.TODO
        shown = await shown_when(pilot, told, "Received: 1 done", seconds=30)
        assert "Received: 1 done on deep-learning-study-plan." in shown
        await until(pilot, lambda: f"✓ {MATH}" in screen_text(app))
        assert f"✓ {MATH}" in screen_text(app)


async def test_sync_auto_without_a_remote_says_how_to_set_one(tmp_path: Path) -> None:
    app = _app(Config(sync="auto"))
    told = Told()
    async with app.run_test(message_hook=told.hook) as pilot:
        await until(pilot, lambda: bool(told.messages))
        assert any("dlroadmap sync --remote URL" in message for message in told.messages)


async def test_a_look_while_a_sync_writes_waits_silently(tmp_path: Path) -> None:
    """The app looks for others' saves every two seconds; finding the file locked by a
    sync writing it, with nothing of its own to save, it looks again later, saying nothing."""
    app = _app(Config())
    told = Told()
    async with app.run_test(message_hook=told.hook) as pilot:
        await pilot.pause()
        other = Store.open(app.roadmap, bundled_roadmap_path(), state_dir())
        node = find(app.roadmap, MATH)
        other.set_status(node, Status.DONE)
        with lock_of(app.store.path, 1):
            app.screen.take_in_other_sessions()  # what the app's timer does
            await pilot.pause()
        assert not told.messages
        app.screen.take_in_other_sessions()
        await pilot.pause()
        assert app.store.status(node) is Status.DONE
