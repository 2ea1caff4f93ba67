"""Settings that cannot be saved (a read-only config folder): the app goes on, told once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dlroadmap.app.app import RoadmapApp, Settings
from dlroadmap.config import SettingsSaver, load_config
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap
from tests.apptools import Told


def unwritable(tmp_path: Path, how: str) -> Path:
    """A settings file that cannot be written, however privileged the test runs."""
    folder = tmp_path / "config"
    if how == "file where the folder goes":
        folder.write_text("", encoding="utf-8")
    elif how == "folder where the file goes":
        (folder / "config.toml").mkdir(parents=True)
    else:
        if os.geteuid() == 0:
            pytest.skip("root writes to a read-only folder")
        folder.mkdir(mode=0o500)
    return folder / "config.toml"


@pytest.mark.parametrize(
    "how", ["read-only folder", "file where the folder goes", "folder where the file goes"]
)
async def test_browsing_themes_with_settings_that_cannot_be_saved(tmp_path: Path, how: str) -> None:
    file = unwritable(tmp_path, how)
    path = bundled_roadmap_path()
    roadmap = load_roadmap(path)
    config, problem = load_config(file)
    settings = Settings(config, SettingsSaver(file), problem)
    app = RoadmapApp(roadmap, Store.open(roadmap, path, tmp_path / "state"), settings=settings)
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        await pilot.pause()
        chosen = [app.theme]
        # Theme after theme, as a user browsing them would: each choice is saved.
        for downs in (3, 1, 2):
            await pilot.press("ctrl+p", *"theme")
            await pilot.pause(0.5)
            await pilot.press("enter")
            await pilot.pause(0.5)
            await pilot.press(*["down"] * downs, "enter")
            await pilot.pause()
            assert app.is_running
            assert app.theme != chosen[-1]
            chosen.append(app.theme)

    unsaved = [n for n in told.notifications if "could not be saved" in n.message]
    assert len(unsaved) == 1, [n.message for n in told.notifications]
    assert str(file) in unsaved[0].message
    assert unsaved[0].severity == "warning"
    assert settings.config.theme == chosen[-1]
