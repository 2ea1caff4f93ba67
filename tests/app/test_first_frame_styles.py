"""Styles at start-up: the first frame is styled as fully as a restyle of everything."""

from __future__ import annotations

from pathlib import Path

import pytest

from dlroadmap.app.app import RoadmapApp, Settings
from dlroadmap.config import Config
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap


def make(tmp_path: Path, theme: str | None = None) -> RoadmapApp:
    path = bundled_roadmap_path()
    roadmap = load_roadmap(path)
    store = Store.open(roadmap, path, tmp_path / "state")
    settings = Settings(Config(theme=theme), lambda config: None)
    return RoadmapApp(roadmap, store, settings=settings)


@pytest.mark.parametrize("theme", [None, "textual-light", "textual-ansi"])
async def test_the_first_frame_is_styled_as_a_full_restyle_styles_it(
    tmp_path: Path, theme: str | None
) -> None:
    # The main screen skips Textual's restyle of everything on its first resume (the
    # mount has just styled it all): nothing may be left for such a restyle to change.
    app = make(tmp_path, theme=theme)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        first = app.export_screenshot()
        app.screen.update_node_styles(animate=False)
        await pilot.pause()
        assert app.export_screenshot() == first
