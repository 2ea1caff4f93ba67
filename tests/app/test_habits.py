"""At home in a terminal: notes in $EDITOR, undo and redo, the command palette."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette

from dlroadmap.app.widgets.note_editor import NoteEditor
from dlroadmap.app.widgets.roadmap_tree import RoadmapTree
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Node, Status
from dlroadmap.roadmap.source import bundled_roadmap_path
from tests.apptools import Told, find, make_app, palette_settled, saved, screen_text
from tests.editors import python_editor

SIZE = (100, 30)
FIRST = "Understand what Deep Learning is"
NO_EDITOR_PATH = "/nonexistent-bin"


def cursor_text(app) -> str:
    data = app.screen.query_one(RoadmapTree).cursor_node.data
    assert isinstance(data, Node)
    return data.text


# -- undo and redo in the app ----------------------------------------------------


async def test_u_undoes_a_status_change_and_ctrl_r_redoes_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    told = Told()
    async with app.run_test(size=SIZE, message_hook=told.hook) as pilot:
        await pilot.pause()
        item = find(app.roadmap, FIRST)
        await pilot.press("space")
        assert saved(app)[item.id]["status"] == "done"
        await pilot.press("u")
        await pilot.pause()
        assert saved(app)[item.id]["status"] == "todo"
        assert app.store.status(item) is Status.TODO
        assert f"Undid: done on “{FIRST}”" in told.messages
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert saved(app)[item.id]["status"] == "done"
        assert f"Redid: done on “{FIRST}”" in told.messages


async def test_undo_walks_back_several_changes_in_order(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    told = Told()
    async with app.run_test(size=SIZE, message_hook=told.hook) as pilot:
        await pilot.pause()
        item = find(app.roadmap, FIRST)
        await pilot.press("p", "x", "space")
        assert saved(app)[item.id]["status"] == "done"
        await pilot.press("u")
        assert saved(app)[item.id]["status"] == "skipped"
        await pilot.press("u")
        assert saved(app)[item.id]["status"] == "in_progress"
        await pilot.press("u")
        assert saved(app)[item.id]["status"] == "todo"
        await pilot.press("u")
        await pilot.pause()
        assert "Nothing to undo." in told.messages


async def test_undo_restores_the_note_as_it_was_before_the_edit(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    item = find(app.roadmap, FIRST)
    app.store.set_note(item, "old note")
    told = Told()
    async with app.run_test(size=SIZE, message_hook=told.hook) as pilot:
        await pilot.pause()
        await pilot.press("n", *" and")
        app.screen.query_one(NoteEditor).flush()  # what the pause in typing does ...
        await pilot.pause()
        assert saved(app)[item.id]["note"] == "old note and"
        await pilot.press(*" more", "escape")  # ... and again on leaving
        assert saved(app)[item.id]["note"] == "old note and more"
        await pilot.press("u")  # the whole stay in the editor is one edit
        await pilot.pause()
        assert saved(app)[item.id]["note"] == "old note"
        assert f"Undid: note edit on “{FIRST}”" in told.messages
        await pilot.press("ctrl+r")
        assert saved(app)[item.id]["note"] == "old note and more"


async def test_undo_moves_the_cursor_to_what_it_changed(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space", "j", "j")
        assert cursor_text(app) != FIRST
        await pilot.press("u")
        await pilot.pause()
        assert cursor_text(app) == FIRST


async def test_undo_never_writes_over_another_sessions_later_change(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    told = Told()
    async with app.run_test(size=SIZE, message_hook=told.hook) as pilot:
        await pilot.pause()
        item = find(app.roadmap, FIRST)
        await pilot.press("space")
        other = Store.open(app.roadmap, bundled_roadmap_path(), tmp_path)
        other.set_status(find(other.roadmap, FIRST), Status.IN_PROGRESS)
        await pilot.press("u")  # at once: before the app's own look at the file
        await pilot.pause()
        assert saved(app)[item.id]["status"] == "in_progress"
        assert any("changed since" in message for message in told.messages)


async def test_u_and_ctrl_r_are_text_in_the_editor_and_the_filter(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = find(app.roadmap, FIRST)
        await pilot.press("space", "n", "u", "escape")
        assert saved(app)[item.id]["note"] == "u"
        assert saved(app)[item.id]["status"] == "done"
        await pilot.press("slash", "u")
        assert app.screen.query_one("#filter").value == "u"
        assert saved(app)[item.id]["status"] == "done"


async def test_help_lists_the_new_keys(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        shown = screen_text(app)
        for description in (
            "Edit the note in $EDITOR",
            "Undo the last change",
            "Redo what was undone",
        ):
            assert description in shown
        assert "ctrl+r" in shown


# -- the command palette ---------------------------------------------------------


async def palette_go(pilot, query: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*query)
    await palette_settled(pilot)  # the palette gathers hits in the background
    await pilot.press("enter")
    await pilot.pause()


async def test_the_palette_jumps_to_a_topic_by_part_of_its_name(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await palette_go(pilot, "feedforward neural")
        assert not isinstance(app.screen, CommandPalette)
        assert cursor_text(app) == "Feedforward Neural Networks"
        assert app.screen.query_one(RoadmapTree).has_focus


async def test_the_palette_clears_the_filter_to_jump(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"relu", "enter")
        assert app.screen.query_one("#filter").value == "relu"
        await palette_go(pilot, "hugging face")
        assert app.screen.query_one("#filter").value == ""
        assert cursor_text(app) == "Hugging Face Transformers"


async def test_the_palette_keeps_the_apps_own_commands(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await palette_go(pilot, "today")
        assert type(app.screen).__name__ == "TodayScreen"


HOSTILE = """# Hostile

## Phase [bold]one[/]

### Topics \\
- Use [red]tags[/red] here \\
- Title \x1b]0;pwned\x07 here
"""


async def test_the_palette_shows_names_literally(tmp_path: Path) -> None:
    roadmap = tmp_path / "hostile.md"
    roadmap.write_text(HOSTILE, encoding="utf-8")
    app = make_app(tmp_path / "state", roadmap)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"tags")
        await palette_settled(pilot)
        shown = screen_text(app)
        assert "Use [red]tags[/red] here" in shown
        assert "Phase [bold]one[/]" in shown
        assert "\x1b" not in app.export_screenshot()
        await pilot.press("enter")
        await pilot.pause()
        assert cursor_text(app).startswith("Use [red]tags[/red] here")


# -- notes in $EDITOR ------------------------------------------------------------


async def test_e_without_a_real_terminal_says_so_and_keeps_the_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = python_editor(tmp_path, "path.write_text('never')")
    monkeypatch.setenv("VISUAL", str(editor))
    app = make_app(tmp_path)
    item = find(app.roadmap, FIRST)
    app.store.set_note(item, "kept")
    told = Told()
    async with app.run_test(size=SIZE, message_hook=told.hook) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert any("cannot hand the screen" in message for message in told.messages)
        assert app.store.note(item) == "kept"


async def test_e_with_no_editor_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VISUAL", "")
    monkeypatch.setenv("EDITOR", "/nonexistent")
    app = make_app(tmp_path)
    told = Told()
    async with app.run_test(size=SIZE, message_hook=told.hook) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert any("cannot be found" in message for message in told.messages)
        await pilot.press("h", "e")  # on a section: there is no note to edit
        await pilot.pause()
        assert any("Select an item" in message for message in told.messages)


async def test_export_from_the_palette_writes_the_progress_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(tmp_path / "state")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("space", "ctrl+p", *"Export")
        await palette_settled(pilot)
        await pilot.press("enter")
        await pilot.pause()
    exported = tmp_path / "deep-learning-study-plan-progress.md"
    text = exported.read_text(encoding="utf-8")
    assert "- [x] Understand what Deep Learning is" in text
