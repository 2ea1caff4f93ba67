"""Topics whose names differ only by symbols keep their own notes when reordered."""

from __future__ import annotations

from pathlib import Path

from textual.message import Message
from textual.notifications import Notify
from textual.pilot import Pilot

from dlroadmap.app.app import RoadmapApp
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.source import load_roadmap
from tests.apptools import saved

NAMES = ("C", "C++", "C#", "Review", "Review!")


def plan(names: tuple[str, ...]) -> str:
    return "# Plan\n## Languages\n" + "".join(f"- {name}\n" for name in names)


class Told(list[str]):
    def __call__(self, message: Message) -> None:
        if isinstance(message, Notify):
            self.append(message.notification.message)


async def told_when(pilot: Pilot[None], told: Told, wanted: str, seconds: float = 10) -> str:
    for _ in range(int(seconds / 0.1)):
        await pilot.pause(0.1)
        if any(wanted in message for message in told):
            break
    return "\n".join(told)


async def test_reordered_same_named_topics_keep_their_notes_and_the_count_is_true(
    tmp_path: Path,
) -> None:
    path = tmp_path / "plan.md"
    path.write_text(plan(NAMES), encoding="utf-8")
    roadmap = load_roadmap(path)
    store = Store.open(roadmap, path, tmp_path / "state")
    for node in roadmap.items():
        store.set_note(node, f"on {node.text}")
    app = RoadmapApp(roadmap, store, source=path)
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told) as pilot:
        await pilot.pause()
        path.write_text(plan(("Review!", "C#", "C++", "Review", "C")), encoding="utf-8")
        shown = await told_when(pilot, told, "moved or renamed")
        await pilot.pause()
        # C, C++ and C# have ids of their own: nothing of theirs had to move. "Review"
        # and "Review!" share one base, so their notes followed them: two moves.
        assert "0 added, 0 removed, 2 moved or renamed" in shown
        for node in app.store.roadmap.items():
            assert app.store.note(node) == f"on {node.text}"
            assert saved(app)[node.id]["text"] == node.text
            assert saved(app)[node.id]["note"] == f"on {node.text}"


SECTIONS = "# Plan\n## {0} Review\n- Basics\n## {1} Review\n- Basics\n"


async def test_topics_under_reordered_same_named_sections_keep_their_notes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "plan.md"
    path.write_text(SECTIONS.format("📚", "🧪"), encoding="utf-8")
    roadmap = load_roadmap(path)
    store = Store.open(roadmap, path, tmp_path / "state")
    for node in roadmap.items():
        (section,) = roadmap.ancestors(node.id)
        store.set_note(node, f"in {section.text}")
    app = RoadmapApp(roadmap, store, source=path)
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told) as pilot:
        await pilot.pause()
        path.write_text(SECTIONS.format("🧪", "📚"), encoding="utf-8")
        shown = await told_when(pilot, told, "moved or renamed")
        await pilot.pause()
        assert "0 added, 0 removed, 2 moved or renamed" in shown
        new = app.store.roadmap
        for node in new.items():
            (section,) = new.ancestors(node.id)
            assert app.store.note(node) == f"in {section.text}"
            # The file says where each note belongs, for the next start and for people.
            assert saved(app)[node.id]["within"] == [section.text]
            assert saved(app)[node.id]["note"] == f"in {section.text}"
