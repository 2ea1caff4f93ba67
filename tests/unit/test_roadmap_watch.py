"""Watching the markdown: a first look once watching starts, changes told by content."""

from __future__ import annotations

import errno
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from dlroadmap.app import roadmap_watch
from dlroadmap.app.roadmap_watch import reread, watch_file
from dlroadmap.roadmap.source import load_roadmap

PLAN = """# Plan
## Phase 1: Basics
- Tensors
- Autograd
"""


def test_watching_starts_with_a_look_at_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No event comes for an edit made before the watch was set up: the watcher looks."""
    monkeypatch.setattr(roadmap_watch, "LOOK_MS", 50)
    path = tmp_path / "plan.md"
    path.write_text(PLAN, encoding="utf-8")
    looked, stop = threading.Event(), threading.Event()
    watcher = threading.Thread(target=watch_file, args=(path, looked.set, stop))
    watcher.start()
    try:
        assert looked.wait(10)
    finally:
        stop.set()
        watcher.join(10)
    assert not watcher.is_alive()


def test_a_file_saved_unchanged_is_no_change(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(PLAN, encoding="utf-8")
    shown = load_roadmap(path)
    path.write_text(PLAN, encoding="utf-8")
    assert reread(path, shown) is None
    # Only the layout changed: the same roadmap.
    path.write_text(PLAN.replace("\n- ", "\n\n-   "), encoding="utf-8")
    assert reread(path, shown) is None


@pytest.mark.parametrize(
    "edited",
    [
        PLAN + "- Optimizers\n",
        PLAN.replace("# Plan", "# Deep plan"),
        PLAN.replace("- Tensors", "- [x] Tensors"),
        PLAN.replace("- Autograd", "  - Autograd"),
        PLAN.replace("Tensors", "**Tensors**"),
        PLAN + "\n```\n- hidden in code\n",
    ],
    ids=["topic added", "title", "status mark", "nesting", "emphasis", "fence left open"],
)
def test_an_edit_is_a_change(tmp_path: Path, edited: str) -> None:
    path = tmp_path / "plan.md"
    path.write_text(PLAN, encoding="utf-8")
    shown = load_roadmap(path)
    path.write_text(edited, encoding="utf-8")
    roadmap = reread(path, shown)
    assert roadmap is not None
    assert [node.title for node in roadmap.walk()] == [
        node.title for node in load_roadmap(path).walk()
    ]


class Calls:
    """How often the watcher said the file changed; waited on from the test's thread."""

    def __init__(self) -> None:
        self._count = 0
        self._changed = threading.Condition()

    def __call__(self) -> None:
        with self._changed:
            self._count += 1
            self._changed.notify_all()

    def reach(self, count: int, seconds: float = 10) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: self._count >= count, seconds)


@contextmanager
def watching(path: Path) -> Iterator[tuple[Calls, threading.Thread]]:
    """`path` watched in a thread, as the app does; the watch is over, and the thread
    gone, once the block is left."""
    calls, stop, failed = Calls(), threading.Event(), []

    def watch() -> None:
        try:
            watch_file(path, calls, stop)
        except BaseException as error:  # handed to the test's thread
            failed.append(error)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        yield calls, watcher
    finally:
        stop.set()
        watcher.join(10)
    assert not watcher.is_alive()
    assert failed == []


@pytest.fixture
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(roadmap_watch, "LOOK_MS", 50)
    monkeypatch.setattr(roadmap_watch, "POLL_SECONDS", 0.05)


@pytest.mark.usefixtures("quick")
def test_a_symlink_loop_made_in_the_folder_does_not_end_the_watching(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(PLAN, encoding="utf-8")
    with watching(path) as (calls, watcher):
        assert calls.reach(1)
        (tmp_path / "loop-a").symlink_to("loop-b")
        (tmp_path / "loop-b").symlink_to("loop-a")
        (tmp_path / "self").symlink_to("self")
        path.write_text(PLAN + "- Optimizers\n", encoding="utf-8")
        assert calls.reach(2)
        assert watcher.is_alive()


@pytest.mark.usefixtures("quick")
def test_a_folder_named_in_no_utf8_is_still_watched(tmp_path: Path) -> None:
    folder = tmp_path / os.fsdecode(b"caf\xe9")
    folder.mkdir()
    path = folder / "plan.md"
    path.write_text(PLAN, encoding="utf-8")
    with watching(path) as (calls, _watcher):
        assert calls.reach(1)
        path.write_text(PLAN + "- Optimizers\n", encoding="utf-8")
        assert calls.reach(2)


@pytest.mark.usefixtures("quick")
def test_a_folder_removed_and_made_again_is_still_watched(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    path = folder / "plan.md"
    path.write_text(PLAN, encoding="utf-8")
    with watching(path) as (calls, watcher):
        assert calls.reach(1)
        shutil.rmtree(folder)
        assert calls.reach(2)  # gone: a change too, which the app reports
        folder.mkdir()
        path.write_text(PLAN + "- Optimizers\n", encoding="utf-8")
        assert calls.reach(3)
        assert watcher.is_alive()


@pytest.mark.usefixtures("quick")
def test_a_watch_that_cannot_be_set_up_is_replaced_by_polling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import watchfiles

    def limit_reached() -> Iterator[set[object]]:
        raise OSError(errno.ENOSPC, "inotify watch limit reached")

    def no_watches_left(*_args: object, **_kwargs: object) -> Iterator[set[object]]:
        # A generator, as watchfiles.watch is: it fails when first asked, not when called.
        yield from limit_reached()

    monkeypatch.setattr(watchfiles, "watch", no_watches_left)
    path = tmp_path / "plan.md"
    path.write_text(PLAN, encoding="utf-8")
    with watching(path) as (calls, _watcher):
        assert calls.reach(1)
        path.write_text(PLAN + "- Optimizers\n", encoding="utf-8")
        assert calls.reach(2)
