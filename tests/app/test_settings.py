"""Settings that outlive a session: the theme, the mouse, remapped keys; a broken file is no bar."""

from __future__ import annotations

from pathlib import Path

from dlroadmap.app.app import RoadmapApp, Settings
from dlroadmap.config import Config, load_config, save_config
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap
from tests.apptools import Told, saved


def app_with(tmp_path: Path) -> RoadmapApp:
    path = bundled_roadmap_path()
    roadmap = load_roadmap(path)
    file = tmp_path / "config.toml"
    config, problem = load_config(file)
    settings = Settings(config, lambda c: save_config(file, c), problem)
    return RoadmapApp(roadmap, Store.open(roadmap, path, tmp_path / "state"), settings=settings)


async def test_the_chosen_theme_is_there_after_a_restart(tmp_path: Path) -> None:
    app = app_with(tmp_path)
    async with app.run_test() as pilot:
        await pilot.pause()
        app.theme = "nord"  # what the palette's "Change theme" does
        await pilot.pause()
    assert load_config(tmp_path / "config.toml")[0].theme == "nord"
    again = app_with(tmp_path)
    async with again.run_test() as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_a_broken_settings_file_is_reported_and_ignored(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text("theme = [broken", encoding="utf-8")
    app = app_with(tmp_path)
    told = Told()
    async with app.run_test(message_hook=told.hook) as pilot:
        await pilot.pause()
        assert any("config.toml" in n.message for n in told.notifications)
        await pilot.press("space")
    assert saved(app)  # the app works on defaults
    assert (tmp_path / "config.toml").read_text(encoding="utf-8") == "theme = [broken"


async def test_keys_remapped_by_binding_id(tmp_path: Path) -> None:
    save_config(tmp_path / "config.toml", Config(keymap={"status.done": "d"}))
    app = app_with(tmp_path)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
    assert any(item.get("status") == "done" for item in saved(app).values())
