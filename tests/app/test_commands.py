"""One table of commands: every key has an id to remap, every action is in the palette."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.message import Message
from textual.notifications import Notify
from textual.pilot import Pilot

from dlroadmap.app.app import RoadmapApp, Settings
from dlroadmap.app.commands import COMMANDS
from dlroadmap.app.screens.help import HelpScreen
from dlroadmap.app.widgets.roadmap_tree import RoadmapTree
from dlroadmap.config import config_path, load_config, save_config
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap
from tests.apptools import find, palette_settled, saved, screen_text

SIZE = (100, 30)


def app_with_settings(tmp_path: Path, toml: str = "") -> RoadmapApp:
    """The app as `dlroadmap` starts it, with this config.toml in the test's XDG_CONFIG_HOME."""
    file = config_path()
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(toml, encoding="utf-8")
    config, problem = load_config(file)
    settings = Settings(config, lambda c: save_config(file, c), problem)
    path = bundled_roadmap_path()
    roadmap = load_roadmap(path)
    return RoadmapApp(roadmap, Store.open(roadmap, path, tmp_path / "state"), settings=settings)


def cursor_text(app: RoadmapApp) -> str:
    node = app.screen.query_one(RoadmapTree).cursor_node
    assert node is not None
    return str(node.label) if node.data is None else getattr(node.data, "text", "")


async def palette_run(pilot: Pilot[None], name: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*name)
    await palette_settled(pilot)
    await pilot.press("enter")
    await pilot.pause()


async def test_the_trees_moves_are_remapped_by_id(tmp_path: Path) -> None:
    app = app_with_settings(tmp_path, '[keymap]\n"tree.down" = "ctrl+n"\n')
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        start = cursor_text(app)
        await pilot.press("j")  # no longer a move: the remap replaces the default keys
        await pilot.pause()
        assert cursor_text(app) == start
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert cursor_text(app) != start


async def test_the_trees_sibling_and_parent_moves_are_remapped_by_id(tmp_path: Path) -> None:
    app = app_with_settings(tmp_path, '[keymap]\n"tree.parent" = "ctrl+u"\n')
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = cursor_text(app)
        await pilot.press("shift+left")
        await pilot.pause()
        assert cursor_text(app) == item
        await pilot.press("ctrl+u")
        await pilot.pause()
        parent = app.roadmap.ancestors(find(app.roadmap, item).id)[-1]
        assert cursor_text(app) == parent.text


async def test_every_action_of_the_table_is_in_the_palette_once(tmp_path: Path) -> None:
    app = app_with_settings(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
    named = [command.palette for command in COMMANDS if command.palette]
    assert {"Mark done", "Undo", "Filter", "Today", "Export", "Change theme", "Quit"} <= set(named)
    assert set(named) <= set(titles)
    assert len(titles) == len(set(titles)), titles  # Textual's own Keys/Theme/Quit replaced


async def test_a_status_is_set_from_the_palette(tmp_path: Path) -> None:
    app = app_with_settings(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await palette_run(pilot, "Mark in progress")
        assert not isinstance(app.screen, CommandPalette)
    assert [item["status"] for item in saved(app).values()] == ["in_progress"]


async def test_undo_from_the_palette(tmp_path: Path) -> None:
    app = app_with_settings(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        assert [item["status"] for item in saved(app).values()] == ["done"]
        await palette_run(pilot, "Undo")
    assert all(item.get("status", "todo") == "todo" for item in saved(app).values())


async def test_the_palette_names_each_commands_key(tmp_path: Path) -> None:
    # Keys from the user's file are text, never markup, in the palette's markup.
    app = app_with_settings(tmp_path, '[keymap]\n"note.external" = "ctrl+e,[b]"\n')
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"note in $EDITOR")
        await palette_settled(pilot)
        assert "Edit the note in $EDITOR · ctrl+e [b]" in screen_text(app)


async def test_keys_opens_the_help_from_the_palette(tmp_path: Path) -> None:
    app = app_with_settings(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"keys")
        await palette_settled(pilot)
        # One "Keys": ours; Textual's key panel (which esc would not close) is not offered.
        listed = [line.strip() for line in screen_text(app).splitlines()]
        assert listed.count("Keys") == 1, listed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        assert not app.screen.query("KeyPanel")


# -- every place that names a key names the key in force ---------------------------


async def test_space_no_longer_marks_done_once_done_is_remapped(tmp_path: Path) -> None:
    app = app_with_settings(tmp_path, '[keymap]\n"status.done" = "d"\n')
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        assert saved(app) == {}
        footer = screen_text(app).splitlines()[-1]
        assert "d Done" in footer and "space" not in footer
        await pilot.press("d")
        await pilot.pause()
    assert [item["status"] for item in saved(app).values()] == ["done"]


async def test_the_help_screen_names_the_remapped_keys(tmp_path: Path) -> None:
    toml = '[keymap]\n"status.done" = "d"\n"today.open" = "ctrl+t"\n"help.close" = "ctrl+w"\n'
    app = app_with_settings(tmp_path, toml)
    async with app.run_test(size=(160, 60)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        lines = screen_text(app).splitlines()
        done = next(line for line in lines if "Done (again: back to to do)" in line)
        assert " d " in done and "space" not in done
        assert any("ctrl+t" in line and "Today: the daily review" in line for line in lines)
        assert any("Today (ctrl+t)" in line for line in lines)
        assert any("ctrl+w to close" in line for line in lines)


async def test_the_detail_panes_hints_name_the_remapped_keys(tmp_path: Path) -> None:
    toml = (
        '[keymap]\n"status.done" = "d"\n"status.skipped" = "s"\n"note.edit" = "w"\n'
        '"note.close" = "ctrl+s"\n"tree.activate" = "o"\n'
    )
    app = app_with_settings(tmp_path, toml)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "w note · d done · p s t status" in shown
        assert "Press w to write one." in shown
        await pilot.press("w")
        await pilot.pause()
        assert "ctrl+s done editing" in screen_text(app)
        await pilot.press("ctrl+s", "shift+left")
        await pilot.pause()
        assert "o open/close · ← →" in screen_text(app)


async def test_the_palettes_key_is_remapped_and_the_footer_names_it(tmp_path: Path) -> None:
    app = app_with_settings(tmp_path, '[keymap]\n"app.palette" = "ctrl+k"\n')
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert "^k palette" in footer and "^p" not in footer
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


# -- settings the app cannot use are told when it starts ---------------------------


async def start_and_listen(app: RoadmapApp) -> list[str]:
    """The notifications shown while the app starts; it must be usable (space marks done)."""
    told: list[str] = []

    def hook(message: Message) -> None:
        if isinstance(message, Notify):
            told.append(message.notification.message)

    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
    assert [item["status"] for item in saved(app).values()] == ["done"]
    return told


async def test_a_remap_onto_a_key_already_bound_is_told_at_start(tmp_path: Path) -> None:
    # The README's old example: `t` was "back to to do" too.
    app = app_with_settings(tmp_path, '[keymap]\n"today.open" = "t,r"\n')
    told = await start_and_listen(app)
    assert len(told) == 1
    assert str(config_path()) in told[0]
    assert '"today.open"' in told[0] and '"status.todo"' in told[0]


async def test_an_unknown_binding_id_and_theme_are_told_at_start(tmp_path: Path) -> None:
    app = app_with_settings(tmp_path, 'theme = "nrod"\n[keymap]\n"status.dun" = "d"\n')
    told = await start_and_listen(app)
    assert len(told) == 1
    assert str(config_path()) in told[0]
    assert '"status.dun"' in told[0] and '"nrod"' in told[0]


async def test_settings_that_all_work_are_not_told(tmp_path: Path) -> None:
    toml = (
        'theme = "nord"\n[keymap]\n"status.done" = "space,d"\n'
        # A swap takes no key from anyone.
        '"status.in_progress" = "x"\n"status.skipped" = "p"\n'
    )
    assert await start_and_listen(app_with_settings(tmp_path, toml)) == []


async def test_the_filter_line_names_the_remapped_key(tmp_path: Path) -> None:
    app = app_with_settings(tmp_path, '[keymap]\n"filter.open" = "f"\n')
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "f filter items and notes" in screen_text(app)
        assert "/ filter items and notes" not in screen_text(app)
        await pilot.press("f")
        await pilot.pause()
        assert app.screen.query_one("#filter").placeholder == "f filter items and notes"
