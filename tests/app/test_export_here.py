"""Export from the command palette: `NAME-progress.md` in the current folder, never the
roadmap itself, and a failure told in a notification."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.notifications import Notification

from dlroadmap.app.app import RoadmapApp
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.source import load_roadmap
from tests.apptools import Told, palette_settled

PLAN = "# Plan\n## Basics\n- Tensors\n- Autograd\n"


def open_app(path: Path, state: Path) -> RoadmapApp:
    roadmap = load_roadmap(path)
    return RoadmapApp(roadmap, Store.open(roadmap, path, state), source=path)


async def export_from_palette(app: RoadmapApp) -> list[Notification]:
    """Mark the first topic done, run Export from the palette; the notifications shown."""
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        await pilot.pause()
        await pilot.press("space", "ctrl+p")
        await pilot.pause()
        await pilot.press(*"Export")
        await palette_settled(pilot)
        await pilot.press("enter")
        await pilot.pause()
    return told.notifications


@pytest.mark.parametrize("how", ["the roadmap itself", "a hard link to it"])
async def test_export_never_writes_over_the_roadmap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    # A roadmap titled "Plan" exports to plan-progress.md, which here is the roadmap.
    name_taken = here / "plan-progress.md"
    if how == "the roadmap itself":
        roadmap = name_taken
        roadmap.write_text(PLAN, encoding="utf-8")
    else:
        roadmap = tmp_path / "plan.md"
        roadmap.write_text(PLAN, encoding="utf-8")
        os.link(roadmap, name_taken)

    shown = await export_from_palette(open_app(roadmap, tmp_path / "state"))

    exported = here / "plan-progress-export.md"
    assert [n.message for n in shown] == [f"Exported to {exported}"]
    assert "- [x] Tensors" in exported.read_text(encoding="utf-8")
    assert name_taken.read_text(encoding="utf-8") == PLAN
    assert name_taken.samefile(roadmap)


async def test_an_export_that_cannot_be_written_is_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    roadmap = tmp_path / "plan.md"
    roadmap.write_text(PLAN, encoding="utf-8")
    in_the_way = tmp_path / "plan-progress.md"
    in_the_way.mkdir()  # a folder where the export goes: no file can replace it

    shown = await export_from_palette(open_app(roadmap, tmp_path / "state"))

    assert [(n.message, n.severity) for n in shown] == [
        (f"Could not export to {in_the_way}: Is a directory", "error")
    ]
    assert list(in_the_way.iterdir()) == []
    # Nothing left beside them (a temp file); the test's own XDG folders aside.
    left = [path.name for path in tmp_path.iterdir() if not path.name.startswith("xdg-")]
    assert sorted(left) == [
        "plan-progress.md",
        "plan.md",
        "state",
    ]


async def test_export_leaves_a_file_of_the_users_alone_and_replaces_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    roadmap = tmp_path / "plan.md"
    roadmap.write_text(PLAN, encoding="utf-8")
    users = tmp_path / "plan-progress.md"
    users.write_text("my own file, by chance of the same name\n", encoding="utf-8")

    first = await export_from_palette(open_app(roadmap, tmp_path / "state"))
    # Exported again: the app's own export of a moment ago is replaced, not multiplied.
    second = await export_from_palette(open_app(roadmap, tmp_path / "state"))

    exported = tmp_path / "plan-progress-export.md"
    assert [n.message for n in first + second] == [f"Exported to {exported}"] * 2
    assert users.read_text(encoding="utf-8") == "my own file, by chance of the same name\n"
    # The second session marked the next topic too: the file holds the later export.
    assert "- [x] Autograd" in exported.read_text(encoding="utf-8")
