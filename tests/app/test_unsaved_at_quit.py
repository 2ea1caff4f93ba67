"""Issue 12: changes that cannot be saved are never dropped. A lock held elsewhere never
freezes a key; at quit, what is unsaved is tried again, then kept in a recovery file
that the next start merges back, or, failing even that, printed and exit non-zero."""

from __future__ import annotations

import errno
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from filelock import BaseFileLock

from dlroadmap.app.screens.unsaved import UnsavedScreen
from dlroadmap.progress import recovery
from dlroadmap.progress import store as store_module
from dlroadmap.progress.lock import LOCK_WAIT
from tests.apptools import Told, find, make_app, saved, until

SIZE = (100, 30)
FIRST = "Understand what Deep Learning is"
SECOND = "Learn key math foundations"


@pytest.fixture
def lock_waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """How long each try for a state file's lock was allowed to wait."""
    waits: list[float] = []
    original = BaseFileLock.acquire

    def acquire(self: BaseFileLock, timeout: float | None = None, *args: Any, **kw: Any) -> Any:
        waits.append(self.timeout if timeout is None else timeout)
        return original(self, timeout, *args, **kw)

    monkeypatch.setattr(BaseFileLock, "acquire", acquire)
    return waits


@pytest.fixture
def lock_held(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the lock of the bundled roadmap's state file in tmp_path
    (a stuck session), until its stdin is closed."""
    script = (
        "import sys; from filelock import FileLock; lock = FileLock(sys.argv[1]); "
        "lock.acquire(); print('held', flush=True); sys.stdin.read()"
    )
    path = make_app(tmp_path).store.path
    holder = subprocess.Popen(
        [sys.executable, "-c", script, f"{path}.lock"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    yield holder
    holder.kill()
    holder.wait()


def release(holder: subprocess.Popen[str]) -> None:
    assert holder.stdin is not None
    holder.stdin.close()
    holder.wait(timeout=30)


def failing_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk is full: every save of the state file fails."""

    def full(path: Path, text: str | bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module, "write_atomically", full)


async def test_a_lock_held_elsewhere_never_freezes_a_key(
    tmp_path: Path, lock_held: subprocess.Popen[str], lock_waits: list[float]
) -> None:
    app = make_app(tmp_path)
    told = Told()
    async with app.run_test(size=SIZE, message_hook=told.hook) as pilot:
        await pilot.pause()
        await pilot.press("space", "down", "space")
        await pilot.pause()
        # Each key tried the lock briefly, and went on: nothing waits for it.
        assert lock_waits
        assert max(lock_waits) <= LOCK_WAIT <= 0.1
        assert saved(app) == {}
        assert app.store.status(find(app.roadmap, FIRST)).value == "done"
        waiting = [m for m in told.messages if "waiting for another dlroadmap session" in m]
        assert len(waiting) == 1
        release(lock_held)
        app.screen.take_in_other_sessions()  # what the app's timer does every two seconds
        await pilot.pause()
        items = saved(app)
        assert items[find(app.roadmap, FIRST).id]["status"] == "done"
        assert items[find(app.roadmap, SECOND).id]["status"] == "done"
        assert any(m.startswith("Saved") for m in told.messages)


async def test_quit_with_unsaved_changes_asks_and_keeps_them_for_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    failing_writes(monkeypatch)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space", "n", *"kept through a full disk", "escape", "q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen)
        await pilot.click("#retry")  # the disk is still full: asked again
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen)
        await pilot.click("#keep")
        await pilot.pause()
    assert app.return_code == 0
    assert saved(app) == {}
    [kept] = recovery.recovery_files(app.store.path)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600

    monkeypatch.undo()  # the disk has room again
    told = Told()
    again = make_app(tmp_path)
    async with again.run_test(size=SIZE, message_hook=told.hook) as pilot:
        await pilot.pause()
        assert any("merged back in" in m for m in told.messages)
    item = saved(again)[find(again.roadmap, FIRST).id]
    assert item["status"] == "done"
    assert item["note"] == "kept through a full disk"
    assert recovery.recovery_files(app.store.path) == []


async def test_back_from_the_question_keeps_working(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    failing_writes(monkeypatch)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space", "q")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, UnsavedScreen)
        monkeypatch.undo()
        await pilot.press("q")  # saved now: quits without asking
        await until(pilot, lambda: app.return_code is not None)
    assert app.return_code == 0
    assert saved(app)[find(app.roadmap, FIRST).id]["status"] == "done"
    assert recovery.recovery_files(app.store.path) == []


async def test_a_recovery_file_never_replaces_another(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    failing_writes(monkeypatch)
    app = make_app(tmp_path)
    store = app.store
    node = find(app.roadmap, FIRST)
    with pytest.raises(OSError):
        store.set_note(node, "first")
    first = store.keep_unsaved()
    with pytest.raises(OSError):
        store.set_note(node, "second")
    second = store.keep_unsaved()
    assert first != second
    assert "first" in first.read_text("utf-8")
    assert "second" in second.read_text("utf-8")


async def test_a_state_file_from_a_newer_dlroadmap_meanwhile_is_never_written_over(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    newer = "schema = 99\n"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.store.path.parent.mkdir(parents=True, exist_ok=True)
        app.store.path.write_text(newer, encoding="utf-8")  # another, newer dlroadmap saved
        await pilot.press("space", "q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen)
        await pilot.click("#keep")
        await pilot.pause()
    assert app.store.path.read_text("utf-8") == newer
    [kept] = recovery.recovery_files(app.store.path)
    assert find(app.roadmap, FIRST).id in recovery.read_recovery(kept).items


async def test_a_recovery_file_that_cannot_be_read_is_named_and_left_as_it_is(
    tmp_path: Path,
) -> None:
    state_path = make_app(tmp_path).store.path
    # A folder under a recovery file's name: before, passed over without a word.
    planted = state_path.with_name(f"{state_path.stem}{recovery.MARK}20260101-000000.toml")
    planted.mkdir(parents=True)
    app, told = make_app(tmp_path), Told()
    async with app.run_test(size=SIZE, message_hook=told.hook) as pilot:
        await pilot.pause()
    [message] = [text for text in told.messages if "recovery file" in text]
    assert str(planted) in message
    assert "a folder" in message
    assert planted.is_dir()
