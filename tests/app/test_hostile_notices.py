"""Every notice the app shows quotes roadmap text, notes or file names as inert text.

A topic with an OSC 52 wrote the terminal's clipboard through the reload notice; an
OSC 2 in a title set the window's title through "No change to the note of ...".
"""

from __future__ import annotations

import re
from contextlib import nullcontext
from pathlib import Path

import pytest
from textual.notifications import Notification

from dlroadmap.app.app import RoadmapApp
from dlroadmap.app.screens import main
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.source import load_roadmap
from tests.apptools import Told, find, point_at, until
from tests.editors import write_script

# Clipboard write, window title, colour, bell, a C1 CSI, and markup.
HOSTILE = "\x1b]52;c;ZXZpbA==\x07\x1b]2;pwned\x07\x1b[31m[bold]loud[/bold]\x07\x9b2J"
SHOWN = "[bold]loud[/bold]"  # the markup, as typed: it was not interpreted
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
TOPIC = f"Tensors {HOSTILE}"


def plan(*, moved: bool = False, extra: str = "") -> str:
    tensors = f"- {TOPIC}\n"
    body = "# Plan\n## Phase 1: Basics\n" + ("" if moved else tensors) + "- Autograd\n"
    return body + ("## Phase 2: More\n" + tensors if moved else "") + extra


def app_on(tmp_path: Path, markdown: str, name: str = "plan.md") -> tuple[RoadmapApp, Path]:
    path = tmp_path / name
    if not path.exists():
        path.write_text(markdown, encoding="utf-8")
    roadmap = load_roadmap(path)
    store = Store.open(roadmap, path, tmp_path / "state")
    return RoadmapApp(roadmap, store, source=path), path


def inert(notifications: list[Notification], quoting: str = SHOWN) -> None:
    """Each notification plain text, free of control characters; one quotes `quoting`."""
    assert notifications
    for notification in notifications:
        assert notification.markup is False
        assert not CONTROL.search(notification.message), notification.message
        assert not CONTROL.search(notification.title), notification.title
    assert any(quoting in n.message + n.title for n in notifications)


async def test_the_reload_notice(tmp_path: Path) -> None:
    app, path = app_on(tmp_path, plan(extra=f"- Old {HOSTILE}\n"))
    app.store.set_note(find(app.roadmap, TOPIC), "follows its topic")
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        await pilot.pause(0.5)
        path.write_text(plan(moved=True, extra=f"- New {HOSTILE}\n"), encoding="utf-8")
        await until(pilot, lambda: bool(told.notifications))
    inert(told.notifications)
    assert "1 added, 1 removed, 1 moved" in told.messages[0]


async def test_the_reattached_notice_at_start(tmp_path: Path) -> None:
    app, path = app_on(tmp_path, plan())
    app.store.set_note(find(app.roadmap, TOPIC), "kept")
    path.write_text(plan(moved=True), encoding="utf-8")
    again, _ = app_on(tmp_path, "")
    told = Told()
    async with again.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        await pilot.pause()
    inert(told.notifications)


async def test_undo_and_redo_notices(tmp_path: Path) -> None:
    app, _ = app_on(tmp_path, plan())
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        await point_at(pilot, TOPIC)
        await pilot.press("space", "u", "ctrl+r")
    inert(told.notifications)
    assert len(told.notifications) == 2


async def test_the_conflict_notice(tmp_path: Path) -> None:
    app, path = app_on(tmp_path, plan())
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        await point_at(pilot, TOPIC)
        await pilot.press("n", *"ours")
        other = Store.open(load_roadmap(path), path, tmp_path / "state")
        other.set_note(find(other.roadmap, TOPIC), "theirs")
        await pilot.press("escape")
    inert(told.notifications)


@pytest.fixture
def no_suspend(monkeypatch: pytest.MonkeyPatch) -> None:
    """The editor runs without handing over a terminal (Pilot has none to hand over)."""
    monkeypatch.setattr(main, "terminal_handed_over", lambda _app: nullcontext())


@pytest.mark.usefixtures("no_suspend")
async def test_the_no_change_notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VISUAL", str(write_script(tmp_path / "idle", "exit 0")))
    app, _ = app_on(tmp_path, plan())
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        await point_at(pilot, TOPIC)
        await pilot.press("e")
    inert(told.notifications)
    assert "No change" in told.messages[0]


@pytest.mark.usefixtures("no_suspend")
async def test_an_editor_failure_notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    name = "ed\x1b]2;pwned\x07\x1b[31m"
    monkeypatch.setenv("VISUAL", str(write_script(tmp_path / name, "exit 3")))
    app, _ = app_on(tmp_path, plan())
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        await point_at(pilot, TOPIC)
        await pilot.press("e")
    inert(told.notifications, quoting="exited with status 3")


async def test_the_export_notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app, _ = app_on(tmp_path, plan().replace("# Plan", f"# Plan {HOSTILE}"))
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        await pilot.pause()
        await app.run_action("export")
    inert(told.notifications, quoting="Exported to")


async def test_a_broken_reload_notice_naming_the_file(tmp_path: Path) -> None:
    app, path = app_on(tmp_path, plan(), name="plan\x1b]2;pwned\x07.md")
    told = Told()
    async with app.run_test(size=(100, 30), message_hook=told.hook) as pilot:
        await pilot.pause(0.5)
        path.write_bytes(b"\xff\xfe not utf-8")
        await until(pilot, lambda: bool(told.notifications))
    inert(told.notifications, quoting="Still showing the roadmap")
