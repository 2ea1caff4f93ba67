"""Never lose a note: other sessions, hang-ups, broken files, a roadmap edited underneath."""

from __future__ import annotations

from pathlib import Path

import pytest

from dlroadmap.app.screens import main as main_screen
from dlroadmap.app.widgets.note_editor import NoteEditor
from dlroadmap.progress.locate import read_state
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Status
from dlroadmap.roadmap.source import bundled_roadmap_path
from tests.apptools import Told, find, make_app, saved, screen_text, until

SIZE = (100, 30)
FIRST = "Understand what Deep Learning is"


async def test_a_change_from_another_session_shows_without_a_restart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main_screen, "REFRESH_SECONDS", 0.05)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "○ to do" in screen_text(app)
        other = Store.open(app.roadmap, bundled_roadmap_path(), tmp_path)
        other.set_status(find(other.roadmap, FIRST), Status.DONE)
        other.set_note(find(other.roadmap, FIRST), "written over the other SSH link")
        # The app looks now and then (every 2 s; here sooner).
        await until(pilot, lambda: "written over the other SSH link" in screen_text(app))
        text = screen_text(app)
        assert "written over the other SSH link" in text
        assert "✓ done" in text
        assert "2/53" in text


async def test_both_sessions_changes_end_up_in_the_file(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        other = Store.open(app.roadmap, bundled_roadmap_path(), tmp_path)
        second = find(other.roadmap, "Learn key math foundations")
        other.set_note(second, "from session two")
        await pilot.press("space", "n", *"from session one", "escape")
    items = saved(app)
    assert items[second.id]["note"] == "from session two"
    assert items[find(app.roadmap, FIRST).id]["note"] == "from session one"
    assert items[find(app.roadmap, FIRST).id]["status"] == "done"


async def test_a_broken_file_mid_session_is_reported_and_the_change_kept(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    told = Told()
    async with app.run_test(size=SIZE, message_hook=told.hook) as pilot:
        await pilot.pause()
        await pilot.press("space")
        good = app.store.path.read_bytes()
        app.store.path.write_text("this is [not TOML", encoding="utf-8")
        await pilot.press("j", "space")
        await pilot.pause()
        assert app.store.path.read_text(encoding="utf-8") == "this is [not TOML"
        assert any("not valid TOML" in n.message for n in told.notifications)
        app.store.path.write_bytes(good)
        await pilot.press("k", "p")
    items = saved(app)
    assert items[find(app.roadmap, "Learn key math foundations").id]["status"] == "done"
    assert items[find(app.roadmap, FIRST).id]["status"] == "in_progress"


EDITED = """# Plan
## Phase 1: Basics
### Topics
- Learning Rate Scheduling
- Batch Normalization
- Dropout
"""


async def test_notes_of_topics_gone_from_the_markdown_show_as_unmatched(tmp_path: Path) -> None:
    roadmap = tmp_path / "plan.md"
    roadmap.write_text(EDITED, encoding="utf-8")
    state = tmp_path / "state"
    first = make_app(state, roadmap)
    first.store.set_note(find(first.roadmap, "Dropout"), "p = 0.5 for dense layers")
    first.store.set_note(find(first.roadmap, "Learning Rate Scheduling"), "cosine with warm-up")
    roadmap.write_text(
        EDITED.replace("- Dropout\n", "").replace("Scheduling", "Schedules"),
        encoding="utf-8",
    )
    app = make_app(state, roadmap)
    told = Told()
    async with app.run_test(size=SIZE, message_hook=told.hook) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Unmatched notes (1)" in text
        assert any("re-attached" in (n.title or "") for n in told.notifications)
        tree = app.screen.query_one("#tree")
        tree.select_id(find(first.roadmap, "Dropout").id)  # its note, now unmatched
        await pilot.pause()
        assert "p = 0.5 for dense layers" in screen_text(app)
        renamed = find(app.roadmap, "Learning Rate Schedules")
        assert app.store.note(renamed) == "cosine with warm-up"
    # The unmatched note is still in the file, under its old id.
    notes = {item.note for item in read_state(app.store.path).items.values()}
    assert "p = 0.5 for dense layers" in notes


async def test_leaving_the_editor_never_writes_over_another_sessions_note(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    told = Told()
    async with app.run_test(size=SIZE, message_hook=told.hook) as pilot:
        await pilot.pause()
        node = find(app.roadmap, FIRST)
        await pilot.press("n", *"note from A")
        app.screen.query_one(NoteEditor).flush()  # saved after the pause in typing
        await pilot.pause()
        other = Store.open(app.roadmap, bundled_roadmap_path(), tmp_path)
        other.set_note(find(other.roadmap, FIRST), "note from B")
        app.screen.take_in_other_sessions()  # as the app does every two seconds
        await pilot.pause()  # taken in by the app, the editor shows it
        await pilot.press("tab")
        await pilot.pause()
        assert saved(app)[node.id]["note"] == "note from B"
        # Typing over a note another session changed meanwhile keeps what both typed:
        # both added words at its end, so both are kept there, marked once.
        await pilot.press("n", *" and more")
        other.set_note(find(other.roadmap, FIRST), "B again")
        await pilot.press("escape")
        await pilot.pause()
        note = saved(app)[node.id]["note"]
        assert note.startswith("B and more\n")
        assert note.endswith("\nagain")
        assert note.count("also written in another session") == 1
        shown = [n for n in told.notifications if "two sessions" in n.message]
        assert len(shown) == 1


async def test_the_editor_shows_control_characters_as_symbols(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    node = find(app.roadmap, FIRST)
    app.store.set_note(node, "title \x1b]0;PWNED\x07 \x1b[31mRED")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert "\x1b" not in app.export_screenshot()
        await pilot.press("escape")
    # Not edited, so not rewritten: the note is as it was.
    assert app.store.note(node) == "title \x1b]0;PWNED\x07 \x1b[31mRED"
