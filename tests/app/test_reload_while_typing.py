"""The markdown changes while a note is being typed: typing goes on, into the note.

A reload that took the editor away turned the keys that followed into commands
(`u` undid the note, `x` skipped the topic, `q` quit).
"""

from __future__ import annotations

import os
from pathlib import Path

from textual.pilot import Pilot

from dlroadmap.app.app import RoadmapApp
from dlroadmap.app.widgets.note_editor import NoteEditor
from tests.apptools import Told, find, point_at, saved, screen_text, until, watched_app

PLAN = """# Plan
## Phase 1: Basics
### Topics
- Tensors
- Autograd
- Optimizers
"""
RELOADED = "The roadmap file changed"


def reloads(told: Told) -> int:
    return sum(1 for notification in told.notifications if notification.title == RELOADED)


async def typing_through_a_reload(
    pilot: Pilot[None], told: Told, path: Path, markdown: str
) -> None:
    """`n` on Autograd, some typing, the file rewritten; more typing once it reloaded."""
    await pilot.pause(0.5)  # the watcher is up
    await point_at(pilot, "Autograd")
    await pilot.press("n", *"chain")
    before = reloads(told)
    path.write_text(markdown, encoding="utf-8")
    await until(pilot, lambda: reloads(told) > before)
    assert reloads(told) == before + 1
    await pilot.press(*" u x q e")


def editor_of(app: RoadmapApp) -> NoteEditor:
    editor = app.screen.query_one(NoteEditor)
    assert editor.has_focus
    return editor


async def test_keys_typed_after_a_reload_stay_in_the_note(tmp_path: Path) -> None:
    app, path = watched_app(tmp_path, PLAN)
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        await typing_through_a_reload(pilot, told, path, PLAN + "- Mixed precision\n")
        assert app.is_running
        editor = editor_of(app)
        assert editor.text == "chain u x q e"
        assert editor.cursor_location == (0, len("chain u x q e"))
        assert "Mixed precision" in screen_text(app)
        await pilot.press("escape")
        autograd = find(app.roadmap, "Autograd")
        assert app.store.status(autograd).value == "todo"
    assert saved(app)[autograd.id]["note"] == "chain u x q e"


async def test_a_note_whose_topic_moved_follows_it(tmp_path: Path) -> None:
    app, path = watched_app(tmp_path, PLAN)
    told = Told()
    moved = PLAN.replace("- Autograd\n", "") + "## Phase 2: More\n- Autograd\n"
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        await typing_through_a_reload(pilot, told, path, moved)
        assert editor_of(app).text == "chain u x q e"
        await pilot.press("escape")
        autograd = find(app.roadmap, "Autograd")
        assert autograd.id.startswith("phase-2")
    assert saved(app)[autograd.id]["note"] == "chain u x q e"


async def test_a_note_whose_topic_vanished_is_kept_unmatched(tmp_path: Path) -> None:
    app, path = watched_app(tmp_path, PLAN)
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        old_id = find(app.roadmap, "Autograd").id
        await typing_through_a_reload(pilot, told, path, PLAN.replace("- Autograd\n", ""))
        assert editor_of(app).text == "chain u x q e"
        await pilot.press("escape")
        await pilot.pause()
        assert "Unmatched notes" in screen_text(app)
    assert saved(app)[old_id]["note"] == "chain u x q e"


async def test_a_vanished_topic_opened_but_not_yet_typed_in_keeps_what_follows(
    tmp_path: Path,
) -> None:
    app, path = watched_app(tmp_path, PLAN)
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        await pilot.pause(0.5)
        await point_at(pilot, "Autograd")
        old_id = find(app.roadmap, "Autograd").id
        await pilot.press("n")
        path.write_text(PLAN.replace("- Autograd\n", ""), encoding="utf-8")
        await until(pilot, lambda: reloads(told) > 0)
        await pilot.press(*"late u", "escape")
        await pilot.pause()
        assert "Unmatched notes" in screen_text(app)
    assert saved(app)[old_id]["note"] == "late u"


async def test_a_touch_while_typing_changes_nothing(tmp_path: Path) -> None:
    """Same bytes, a new time (a sync tool, `touch`): no reload, no notice."""
    app, path = watched_app(tmp_path, PLAN)
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        await pilot.pause(0.5)
        await point_at(pilot, "Autograd")
        await pilot.press("n", *"chain")
        os.utime(path)
        # A real change after the touch: once it shows, the touch was looked at too.
        path.write_text(PLAN + "- Dropout\n", encoding="utf-8")
        await until(pilot, lambda: reloads(told) > 0)
        await pilot.press(*" u q")
        assert reloads(told) == 1
        assert editor_of(app).text == "chain u q"


async def test_the_filter_keeps_its_focus_through_a_reload(tmp_path: Path) -> None:
    app, path = watched_app(tmp_path, PLAN)
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        await pilot.pause(0.5)
        await pilot.press("slash", *"opt")
        path.write_text(PLAN + "- Optimal transport\n", encoding="utf-8")
        await until(pilot, lambda: reloads(told) > 0)
        await pilot.press(*"imi")
        filter_input = app.screen.query_one("#filter")
        assert filter_input.has_focus
        assert getattr(filter_input, "value", None) == "optimi"
        assert app.is_running
