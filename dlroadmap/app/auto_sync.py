"""`sync = "auto"`: the app syncs in the background as it starts, and briefly as it quits.

The sync runs in a thread of its own: the tree is usable at once, and shows what the sync
brought as soon as it is in. At quit the app waits a few seconds at most, then says so and
quits; the next sync catches up. Each sync's thread is a daemon: a remote that never
answers never keeps the app from ending. No file I/O here: dlroadmap.sync does it.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

from textual.app import App

from dlroadmap.app.edits import Notice
from dlroadmap.app.notices import tell
from dlroadmap.common.printable import printable
from dlroadmap.errors import DlroadmapError
from dlroadmap.sync.git import SyncError
from dlroadmap.sync.run import Outcome, is_set_up, sync

# Fetch and push at start: the tree is usable meanwhile, so a slow link may take its time.
START_SECONDS = 20.0
# At quit the user waits: this long at most, the start's sync included.
QUIT_SECONDS = 5.0
_NO_ANSWER = (
    f"Not synced: the remote did not answer within {QUIT_SECONDS:g} seconds. Your progress "
    "is saved here; the next sync sends it."
)


class AutoSync:
    """The app's syncs, when the settings ask for them."""

    def __init__(self, app: App[Any], data: Path, *, shown: Callable[[], None]) -> None:
        self._app = app
        self._data = data
        self._shown = shown  # shows what another session (here: a sync) saved
        self._running: threading.Thread | None = None

    def at_start(self) -> None:
        if not is_set_up(self._data):
            tell(
                self._app,
                Notice(
                    'sync = "auto" is set, but this machine syncs with no remote yet: run '
                    "`dlroadmap sync --remote URL` once.",
                    severity="warning",
                    timeout=10,
                ),
            )
            return
        self._running = _thread(self._start_sync)

    def _start_sync(self) -> None:
        """In the sync's thread."""
        try:
            outcome = sync(self._data, timeout=START_SECONDS)
        except (DlroadmapError, OSError) as error:
            self._call(tell, self._app, Notice(_failed(error), severity="warning", timeout=10))
            return
        except Exception as error:  # a bug of ours: worth a word, not the app
            notice = Notice(f"Not synced ({type(error).__name__}: {error}).", severity="error")
            self._call(tell, self._app, notice)
            return
        if outcome.received or outcome.lines:
            self._call(self._shown)
            told = [f"Received: {'; '.join(outcome.received)}."] if outcome.received else []
            message = "\n".join(told + outcome.lines)
            self._call(tell, self._app, Notice(message, title="Synced", timeout=10))

    def _call(self, callback: Callable[..., object], *args: object) -> None:
        with suppress(RuntimeError):  # the app has ended meanwhile: no one to show it to
            self._app.call_from_thread(callback, *args)

    async def at_quit(self) -> str:
        """Sync what this session did, waiting QUIT_SECONDS at most; a line to print
        (printable: it may name files and quote git)."""
        if not is_set_up(self._data):
            return ""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + QUIT_SECONDS
        done: asyncio.Future[Outcome | SyncError] = loop.create_future()

        def run() -> None:
            result: Outcome | SyncError = SyncError(self._data, _NO_ANSWER)
            if self._running is not None:
                self._running.join(max(0.0, deadline - loop.time()))
            if self._running is None or not self._running.is_alive():
                try:
                    result = sync(self._data, timeout=max(1.0, deadline - loop.time()))
                except (DlroadmapError, OSError) as error:
                    result = SyncError(self._data, _failed(error))
            with suppress(RuntimeError):  # the app quit without waiting longer
                loop.call_soon_threadsafe(_settle, done, result)

        _thread(run)
        try:
            result = await asyncio.wait_for(done, QUIT_SECONDS + 1)
        except TimeoutError:
            result = SyncError(self._data, _NO_ANSWER)
        if isinstance(result, SyncError):
            return printable(f"dlroadmap: {result}")
        sent = "; ".join(result.sent)
        return printable(f"dlroadmap: synced; sent {sent}." if sent else "dlroadmap: synced.")


def _failed(error: DlroadmapError | OSError) -> str:
    """A sync's failure in one line (a SyncError says it all; others are named)."""
    return str(error) if isinstance(error, SyncError) else f"Not synced: {error}"


def _settle(done: asyncio.Future[Outcome | SyncError], result: Outcome | SyncError) -> None:
    if not done.done():
        done.set_result(result)


def _thread(run: Callable[[], None]) -> threading.Thread:
    thread = threading.Thread(target=run, name="dlroadmap-sync", daemon=True)
    thread.start()
    return thread
