"""A session killed (`kill -9`) with a note open in $EDITOR: the next start takes back
what the editor wrote, merged as another session's note would be, and says so."""

from __future__ import annotations

import subprocess
from pathlib import Path
from urllib.parse import quote

from dlroadmap.app.app import RoadmapApp
from dlroadmap.locations import data_dir
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.source import load_roadmap
from tests.apptools import Told, find, saved

PLAN = "# Plan\n## Phase 1: Basics\n- Tensors\n- Autograd\n"


def dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def setup(tmp_path: Path) -> tuple[Path, Path]:
    path = tmp_path / "plan.md"
    path.write_text(PLAN, encoding="utf-8")
    roadmap = load_roadmap(path)
    store = Store.open(roadmap, path, tmp_path / "state")
    store.set_note(find(roadmap, "Tensors"), "as handed over")
    return path, store.path


def leave(state: Path, node_id: str, written: str, handed: str | None, pid: int) -> Path:
    """What a session that died with the editor open leaves in our editing folder."""
    folder = data_dir() / "editing"
    folder.mkdir(parents=True, exist_ok=True)
    file = folder / f"{quote(state.name, safe='')}+{quote(node_id, safe='')}+{pid}.md"
    file.write_text(written, encoding="utf-8")
    if handed is not None:
        file.with_suffix(".handed").write_text(handed, encoding="utf-8")
    return file


async def started(path: Path, tmp_path: Path) -> tuple[RoadmapApp, Told]:
    roadmap = load_roadmap(path)
    app = RoadmapApp(roadmap, Store.open(roadmap, path, tmp_path / "state"))
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        await pilot.pause()
    return app, told


async def test_the_editor_s_text_is_taken_back_and_told(tmp_path: Path) -> None:
    path, state = setup(tmp_path)
    tensors = find(load_roadmap(path), "Tensors").id
    file = leave(state, tensors, "as handed over\nand typed in vim\n", "as handed over", dead_pid())
    app, told = await started(path, tmp_path)
    assert saved(app)[tensors]["note"] == "as handed over\nand typed in vim"
    assert any(n.title == "Editor text recovered" for n in told.notifications)
    assert not file.exists()
    assert not file.with_suffix(".handed").exists()


async def test_a_note_changed_since_keeps_both_texts(tmp_path: Path) -> None:
    path, state = setup(tmp_path)
    tensors = find(load_roadmap(path), "Tensors").id
    leave(state, tensors, "from the editor\n", "the note back then", dead_pid())
    app, told = await started(path, tmp_path)
    note = saved(app)[tensors]["note"]
    assert "from the editor" in note
    assert "as handed over" in note
    assert "both texts are kept" in "\n".join(told.messages)


async def test_an_editor_that_wrote_nothing_leaves_nothing_to_tell(tmp_path: Path) -> None:
    path, state = setup(tmp_path)
    tensors = find(load_roadmap(path), "Tensors").id
    file = leave(state, tensors, "as handed over\n", "as handed over", dead_pid())
    app, told = await started(path, tmp_path)
    assert saved(app)[tensors]["note"] == "as handed over"
    assert told.messages == []
    assert not file.exists()


async def test_a_file_whose_base_was_lost_is_merged_never_replacing(tmp_path: Path) -> None:
    path, state = setup(tmp_path)
    tensors = find(load_roadmap(path), "Tensors").id
    leave(state, tensors, "only the editor's\n", None, dead_pid())
    app, _ = await started(path, tmp_path)
    note = saved(app)[tensors]["note"]
    assert "only the editor's" in note
    assert "as handed over" in note


async def test_a_live_session_s_editor_file_is_left_alone(tmp_path: Path) -> None:
    path, state = setup(tmp_path)
    tensors = find(load_roadmap(path), "Tensors").id
    with subprocess.Popen(["sleep", "30"]) as alive:
        file = leave(state, tensors, "still being edited\n", "as handed over", alive.pid)
        app, told = await started(path, tmp_path)
        alive.kill()
    assert saved(app)[tensors]["note"] == "as handed over"
    assert file.exists()
    assert told.messages == []
