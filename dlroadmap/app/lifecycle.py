"""The app as a process among others: saved and closed on a hang-up, a shutdown or a
vanished terminal; the roadmap markdown watched, its edits shown; the terminal handed
to another program (the user's editor) and back."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from textual.app import App

from dlroadmap.app.edits import Notice
from dlroadmap.app.notices import tell
from dlroadmap.app.roadmap_watch import reread, watch_file
from dlroadmap.errors import DlroadmapError
from dlroadmap.locations import roadmap_cache_dir
from dlroadmap.roadmap.model import Roadmap

# How often to check that the terminal is still there.
TERMINAL_CHECK_SECONDS = 1.0


class Lifecycle:
    """Started with the app, stopped with it; calls back into it for what to do."""

    def __init__(
        self,
        app: App[Any],
        source: Path | None,
        shown: Callable[[], Roadmap],
        show: Callable[[Roadmap], None],
        save_and_exit: Callable[[], None],
    ) -> None:
        self._app = app
        # The markdown file, watched for edits (None: not watched).
        self._source = source
        self._shown = shown  # the roadmap on screen, to compare an edit with
        self._show = show
        self._save_and_exit = save_and_exit
        self._stop_watching = threading.Event()

    def start(self) -> None:
        """As the app mounts: save and exit when the terminal goes away."""
        # A dropped SSH link sends SIGHUP; a shutdown, SIGTERM: save what is pending first.
        loop = asyncio.get_running_loop()
        for signal_number in (signal.SIGHUP, signal.SIGTERM):
            loop.add_signal_handler(signal_number, self._save_and_exit)
        # A terminal can also vanish without a hang-up signal (its emulator killed, a
        # pty closed): then the input would read end-of-file forever, spinning a core.
        if _terminal_present():
            self._app.set_interval(TERMINAL_CHECK_SECONDS, self._check_terminal)

    def watch(self) -> None:
        """Once the first frame is out: follow the markdown's edits, in a thread."""
        if self._source is not None:
            # Should the watcher fail after all, live reload ends; the app, never.
            self._app.run_worker(
                partial(self._follow, self._source, self._stop_watching),
                thread=True,
                group="watch",
                exit_on_error=False,
            )

    def stop(self) -> None:
        self._stop_watching.set()

    def follow(self, source: Path) -> None:
        """Watch `source` from now on, instead of the markdown watched until now."""
        self._stop_watching.set()
        self._stop_watching = threading.Event()
        self._source = source
        self.watch()

    def _check_terminal(self) -> None:
        if not _terminal_present():
            self._save_and_exit()

    def _follow(self, source: Path, stop: threading.Event) -> None:
        """In the watcher's thread: show the markdown's edits until told to stop."""
        try:
            watch_file(source, self._markdown_changed, stop)
        except Exception as error:  # a bug of ours: worth a word, not the app
            if stop.is_set():
                return  # the app is going: a change shown now would be shown to no one
            notice = Notice(
                f"Live reload is off ({type(error).__name__}: {error}): edits to "
                f"{source.name} show at the next start. Your progress is saved as usual.",
                severity="warning",
                timeout=15,
            )
            self._app.call_from_thread(tell, self._app, notice)

    def _markdown_changed(self) -> None:
        """In the watcher's thread: parse the markdown there, then show it, if changed."""
        assert self._source is not None
        try:
            roadmap = reread(self._source, self._shown(), cache=roadmap_cache_dir())
        except DlroadmapError as error:
            notice = Notice(f"{error} Still showing the roadmap as it was.", severity="error")
            self._app.call_from_thread(tell, self._app, notice)
            return
        if roadmap is not None:
            self._app.call_from_thread(self._show, roadmap)


@contextmanager
def terminal_handed_over(app: App[Any]) -> Iterator[None]:
    """The app suspended, the terminal another program's meanwhile (the user's editor)."""
    from textual.app import SuspendNotSupported

    from dlroadmap.app.external_editor import EditorError

    try:
        with app.suspend():
            yield
    except SuspendNotSupported:
        raise EditorError("This terminal cannot hand the screen to another program.") from None


def _terminal_present() -> bool:
    stdin = sys.__stdin__
    return stdin is not None and not stdin.closed and os.isatty(stdin.fileno())
