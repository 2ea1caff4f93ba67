"""Seeing what you have: a mark on topics with a note, the Notes view listing them all,
and notes whose topic left the markdown found, attached elsewhere or deleted (undoably)."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette

from dlroadmap.app.app import RoadmapApp
from dlroadmap.app.screens.notes import NotesList, NotesScreen
from dlroadmap.app.widgets.roadmap_tree import RoadmapTree
from dlroadmap.roadmap.model import Node
from tests.apptools import Told, find, make_app, palette_settled, saved, screen_text, watched_app

SIZE = (100, 30)
PLAN = (
    "# Plan\n\n## Phase one\n\n- Alpha topic\n- Quantum entanglement\n- Gamma topic\n\n"
    "## Phase two\n\n- Delta topic\n"
)


def cursor_text(app) -> str:
    data = app.screen.query_one(RoadmapTree).cursor_node.data
    return data.text if isinstance(data, Node) else ""


async def written(pilot, app, topic: str, note: str) -> None:
    """`note` typed on `topic`, through the tree as a user would."""
    app.screen.query_one(RoadmapTree).select_id(find(app.roadmap, topic).id)
    await pilot.pause()
    await pilot.press("n", *note, "escape")


def with_unmatched(tmp_path: Path) -> RoadmapApp:
    """Notes on Alpha and on Quantum; then Quantum left the markdown (renamed by hand)."""
    plan = tmp_path / "plan.md"
    plan.write_text(PLAN, encoding="utf-8")
    first = make_app(tmp_path / "state", plan)
    first.store.set_note(find(first.roadmap, "Alpha topic"), "alpha first line\nmore")
    first.store.set_note(find(first.roadmap, "Quantum entanglement"), "spooky action")
    plan.write_text(PLAN.replace("Quantum entanglement", "Something else entirely"), "utf-8")
    return make_app(tmp_path / "state", plan)


def notes_shown(app: RoadmapApp) -> list[str]:
    return [str(option.prompt) for option in app.screen.query_one(NotesList).options]


async def test_a_topic_with_a_note_is_marked_in_the_tree(tmp_path: Path) -> None:
    app, _ = watched_app(tmp_path, PLAN)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = next(line for line in screen_text(app).splitlines() if "Alpha topic" in line)
        assert "✎" not in line
        await written(pilot, app, "Alpha topic", "a note")
        await pilot.pause()
        line = next(line for line in screen_text(app).splitlines() if "Alpha topic" in line)
        assert "✎" in line
        other = next(line for line in screen_text(app).splitlines() if "Gamma topic" in line)
        assert "✎" not in other


async def test_the_notes_view_lists_every_note_and_enter_jumps_to_it(tmp_path: Path) -> None:
    app = with_unmatched(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await written(pilot, app, "Delta topic", "delta note")
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, NotesScreen)
        shown = notes_shown(app)
        assert len(shown) == 3
        assert "Phase one › Alpha topic" in shown[0]
        assert "alpha first line" in shown[0]
        assert "more" not in shown[0]  # the first line only
        assert "Phase two › Delta topic" in shown[1]
        assert "Unmatched notes › Quantum entanglement" in shown[2]
        assert "spooky action" in shown[2]
        await pilot.press("down", "enter")
        assert not isinstance(app.screen, NotesScreen)
        assert cursor_text(app) == "Delta topic"
        await pilot.press("ctrl+n", "escape")
        assert not isinstance(app.screen, NotesScreen)


async def test_notes_is_in_the_palette(tmp_path: Path) -> None:
    app = with_unmatched(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"Notes")
        await palette_settled(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)


async def test_the_filter_finds_an_unmatched_note(tmp_path: Path) -> None:
    app = with_unmatched(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"spooky", "enter")
        await pilot.pause()
        assert cursor_text(app) == "Quantum entanglement"
        assert "Unmatched notes (1)" in screen_text(app)
        assert "Alpha topic" not in screen_text(app)


async def test_an_unmatched_note_is_deleted_and_the_deletion_undone(tmp_path: Path) -> None:
    app = with_unmatched(tmp_path)
    told = Told()
    async with app.run_test(size=SIZE, message_hook=told.hook) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n", "d")  # on Alpha: not unmatched, nothing deleted
        assert isinstance(app.screen, NotesScreen)
        await pilot.press("down", "d")
        await pilot.pause()
        assert "Unmatched notes" not in screen_text(app)
        assert "spooky action" not in {item.get("note") for item in saved(app).values()}
        assert any("Deleted the note" in message for message in told.messages)
        await pilot.press("u")
        await pilot.pause()
        assert "Unmatched notes (1)" in screen_text(app)
        assert "spooky action" in {item.get("note") for item in saved(app).values()}


async def test_an_unmatched_note_is_attached_to_a_topic_picked_by_name_and_undone(
    tmp_path: Path,
) -> None:
    app = with_unmatched(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n", "down", "a")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"alpha")
        await palette_settled(pilot)
        await pilot.press("enter")
        await pilot.pause()
        alpha = find(app.roadmap, "Alpha topic")
        assert app.store.note(alpha) == "alpha first line\nmore\n\nspooky action"
        assert cursor_text(app) == "Alpha topic"
        assert "Unmatched notes" not in screen_text(app)
        await pilot.press("u")  # one undo takes back both halves
        await pilot.pause()
        assert app.store.note(alpha) == "alpha first line\nmore"
        assert "Unmatched notes (1)" in screen_text(app)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.store.note(alpha).endswith("spooky action")
        assert "Unmatched notes" not in screen_text(app)


async def test_with_ascii_the_note_mark_is_ascii(tmp_path: Path) -> None:
    plain = with_unmatched(tmp_path)
    app = RoadmapApp(plain.roadmap, plain.store, ascii_glyphs=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = next(line for line in screen_text(app).splitlines() if "Alpha topic" in line)
        assert line.split("││")[0].rstrip().endswith("*")
        assert "✎" not in screen_text(app)
