"""Settings that outlive a session: the theme, the mouse, remapped keys; a broken file is no bar."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

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


async def pick_a_theme(pilot: Pilot[None]) -> str:
    """ctrl+p → "theme" → the next theme in the list, as a user picks one; its name."""
    before = pilot.app.theme
    await pilot.press("ctrl+p", *"theme")
    await pilot.pause(0.5)
    await pilot.press("enter")
    await pilot.pause(0.5)
    await pilot.press("down", "enter")
    await pilot.pause()
    assert pilot.app.theme != before
    return pilot.app.theme


HAND_WRITTEN = """\
# My settings, written by hand.
theme = "nord"   # the one I like at night
mouse = false    # I copy with tmux

[keymap]
# d for done, as in my other tools
"status.done" = "d"
"""


async def test_picking_a_theme_changes_only_the_theme_line(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    file.write_text(HAND_WRITTEN, encoding="utf-8")
    app = app_with(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        picked = await pick_a_theme(pilot)
    lines = HAND_WRITTEN.splitlines(keepends=True)
    written = file.read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(written) == len(lines)
    changed = [(old, new) for old, new in zip(lines, written, strict=True) if old != new]
    assert changed == [(lines[1], f'theme = "{picked}"   # the one I like at night\n')]


async def test_a_settings_file_with_a_typo_is_never_written_over(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    typo = HAND_WRITTEN.replace("mouse = false", "mouse = flase")
    file.write_text(typo, encoding="utf-8")
    app = app_with(tmp_path)
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        await pilot.pause()
        picked = await pick_a_theme(pilot)
        assert app.theme == picked  # in use for this run all the same
    assert file.read_text(encoding="utf-8") == typo
    unsaved = [n.message for n in told.notifications if "could not be saved" in n.message]
    assert len(unsaved) == 1, told.messages
    assert "config.toml" in unsaved[0]
    assert "left as it is" in unsaved[0]


async def test_settings_of_the_wrong_kind_are_not_replaced_by_defaults(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    wrong = HAND_WRITTEN.replace("mouse = false", 'mouse = "no"')
    file.write_text(wrong, encoding="utf-8")
    app = app_with(tmp_path)
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        await pilot.pause()
        await pick_a_theme(pilot)
    assert file.read_text(encoding="utf-8") == wrong
    assert any("could not be saved" in n.message for n in told.notifications), told.messages
