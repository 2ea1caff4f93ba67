"""Building the app for Pilot and snapshot tests, with its state in a temp folder."""

from __future__ import annotations

import html
import re
import time
import tomllib
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App
from textual.command import CommandPalette
from textual.message import Message
from textual.notifications import Notification, Notify
from textual.pilot import Pilot

from dlroadmap.app.app import RoadmapApp
from dlroadmap.app.widgets.roadmap_tree import RoadmapTree
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Node, Roadmap, Status
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap


def make_app(
    state_folder: Path, roadmap_path: Path | None = None, today: date | None = None
) -> RoadmapApp:
    path = roadmap_path or bundled_roadmap_path()
    roadmap = load_roadmap(path)
    store = Store.open(roadmap, path, state_folder)
    if today is None:
        return RoadmapApp(roadmap, store)
    return RoadmapApp(roadmap, store, today=lambda: today)


def saved(app: RoadmapApp) -> dict[str, Any]:
    """What is in the state file on disk, read independently of the store."""
    path = app.store.path
    if not path.exists():
        return {}
    return tomllib.loads(path.read_text("utf-8")).get("items", {})


class Told:
    """What the app told the user: its notifications, gathered as they are posted.

    `async with app.run_test(message_hook=told.hook)`, then read `told.messages`.
    """

    def __init__(self) -> None:
        self.notifications: list[Notification] = []

    def hook(self, message: Message) -> None:
        if isinstance(message, Notify):
            self.notifications.append(message.notification)

    @property
    def messages(self) -> list[str]:
        return [notification.message for notification in self.notifications]


def watched_app(tmp_path: Path, plan: str) -> tuple[RoadmapApp, Path]:
    """The app on `plan`, written to a file it watches, as `dlroadmap plan.md` starts it."""
    path = tmp_path / "plan.md"
    path.write_text(plan, encoding="utf-8")
    roadmap = load_roadmap(path)
    store = Store.open(roadmap, path, tmp_path / "state")
    return RoadmapApp(roadmap, store, source=path), path


async def until(pilot: Pilot[None], done: Callable[[], bool], seconds: float = 10) -> None:
    """Let the app run until `done()` holds, or `seconds` have passed (a busy machine).

    For what a timer of the app does: the test's assertion then says whether it did.
    """
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        await pilot.pause(0.02)


async def shown_when(pilot: Pilot[None], told: Told, wanted: str, seconds: float = 10) -> str:
    """The screen's text and the notifications' once `wanted` is in either (or time is up):
    for what a file watcher in another thread brings."""
    await until(pilot, lambda: wanted in _shown(pilot, told), seconds)
    return _shown(pilot, told)


def _shown(pilot: Pilot[None], told: Told) -> str:
    return "\n".join([*told.messages, screen_text(pilot.app)])


async def palette_settled(pilot: Pilot[None]) -> None:
    """Wait until the command palette has gathered every hit for what was typed."""
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    # Each key typed cancels the search of the one before: wait for those still going.
    searching = [w for w in pilot.app.workers if w.node is palette and w.is_running]
    if searching:  # (an empty list would wait for every worker of the app)
        await pilot.app.workers.wait_for_complete(searching)
    await pilot.pause()


def find(roadmap: Roadmap, text: str) -> Node:
    return next(node for node in roadmap.walk() if node.text == text)


_TEXT_RUN = re.compile(r'<text[^>]*clip-path="url\(#[\w-]*-line-(\d+)\)"[^>]*>([^<]*)</text>')


def screen_text(app: App[object]) -> str:
    """The characters on screen, line by line, as a user would read them."""
    lines: dict[int, list[str]] = {}
    for number, run in _TEXT_RUN.findall(app.export_screenshot()):
        lines.setdefault(int(number), []).append(html.unescape(run).replace("\xa0", " "))
    return "\n".join("".join(lines[number]).rstrip() for number in sorted(lines))


# An old, fixed date, so snapshots and screenshots do not change from day to day.
DEMO_DAY = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)
DEMO_DONE = (
    "Understand what Deep Learning is",
    "What is Deep Learning?",
    "Activation Functions (ReLU, Sigmoid, etc.)",
    "Feedforward Neural Networks",
)
DEMO_IN_PROGRESS = ("Loss Functions (MSE, Cross-Entropy)",)
DEMO_SKIPPED = ("Overfitting & Regularization (L1, L2, Dropout)",)
DEMO_NOTE_ON = "Activation Functions (ReLU, Sigmoid, etc.)"
DEMO_NOTE = (
    "ReLU = max(0, x). Dead ReLUs when the bias goes very negative; try LeakyReLU.\n"
    "Sigmoid saturates → vanishing gradients.\n"
    "Use [bold] in a note shows as typed."
)


def make_demo_app(state_folder: Path) -> RoadmapApp:
    """The bundled plan with some progress and a note, the cursor on the noted topic.

    Its days are fixed, the Today screen's too, so pictures do not change by the day.
    """
    app = make_app(state_folder, today=(DEMO_DAY + timedelta(days=3)).date())
    roadmap, store = app.roadmap, app.store
    for texts, status in (
        (DEMO_DONE, Status.DONE),
        (DEMO_IN_PROGRESS, Status.IN_PROGRESS),
        (DEMO_SKIPPED, Status.SKIPPED),
    ):
        for day, text in enumerate(texts):
            store.set_status(find(roadmap, text), status, when=DEMO_DAY + timedelta(days=day))
    # Noted three weeks before: enough history for the Today screen's pace to project.
    store.set_note(find(roadmap, DEMO_NOTE_ON), DEMO_NOTE, when=DEMO_DAY - timedelta(days=21))
    return app


async def point_at(pilot: Pilot[None], text: str) -> None:
    """Put the tree's cursor on the node with this text."""
    app = pilot.app
    assert isinstance(app, RoadmapApp)
    await pilot.pause()
    app.screen.query_one(RoadmapTree).select_id(find(app.roadmap, text).id)
    await pilot.pause()


_KEY_NAMES = {" ": "space", ",": "comma", "/": "slash"}
_KEY_CHARACTERS = {"space": " ", "comma": ",", "slash": "/", "enter": "\r"}


async def type_ahead(pilot: Pilot[None], keys: list[str]) -> None:
    """Post keys all at once, as a burst reaches the app over SSH (Pilot waits between keys)."""
    app = pilot.app
    assert isinstance(app, RoadmapApp)
    for key in keys:
        name = _KEY_NAMES.get(key, key)
        character = key if len(key) == 1 else _KEY_CHARACTERS.get(key)
        app.post_message(events.Key(name, character))
    for _ in range(100):
        await pilot.pause(0.05)
        if not app.keys_waiting:
            break
    await pilot.pause()
