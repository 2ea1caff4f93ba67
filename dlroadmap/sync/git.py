"""Running the user's own `git` for sync.

The `git` command rather than a library: every learner has it, any remote it knows works
(SSH, HTTPS, a bare repository on a USB stick), its credential helpers and SSH agent are
used as they are set up, and dlroadmap gains no dependency. Nothing here changes the
user's git settings: what a command needs is passed to that command alone (`-c`).
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import socket
import subprocess
import threading
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict, Unpack

from dlroadmap.errors import DlroadmapError

# A local command (commit, merge) on a folder of a few small files.
LOCAL_TIMEOUT = 60.0
# Fetch and push, from the command line: long enough for a slow link, never forever.
NETWORK_TIMEOUT = 30.0

# For every command: none of what the user set up for their own repositories applies to
# this one (hooks, signing, a global ignore file, a file-system monitor daemon), and the
# output is plain to read.
_FOR_EVERY_COMMAND = tuple(
    part
    for setting in (
        "core.hooksPath=/dev/null",
        "commit.gpgSign=false",
        "core.excludesFile=/dev/null",
        "core.fsmonitor=false",
        "color.ui=false",
        "core.quotePath=false",
    )
    for part in ("-c", setting)
)


# git commands running now, each the leader of its process group (with ssh under it).
_RUNNING: set[subprocess.Popen[bytes]] = set()
# Held while a command starts and while dlroadmap ends: none starts after the end began.
_STARTING = threading.Lock()
_ENDING = threading.Event()


@atexit.register
def _stop_running() -> None:
    """A sync still waiting on the network when dlroadmap ends (the app quit without
    waiting longer) is stopped with it, ssh and all, not left behind."""
    with _STARTING:
        _ENDING.set()
        for process in list(_RUNNING):
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)


class Options(TypedDict, total=False):
    """How to run a git command (see Git.run_bytes)."""

    check: bool
    timeout: float
    commits: bool


class SyncError(DlroadmapError):
    """A sync that could not finish: one line, and the local progress is untouched."""

    def __str__(self) -> str:
        return self.problem


class GitFailed(SyncError):
    """A git command ended with an error; `said` is git's last line about it, `output`
    all it wrote."""

    def __init__(self, path: Path, problem: str, said: str, output: str = "") -> None:
        super().__init__(path, problem)
        self.said = said
        self.output = output


def _last_line(text: str) -> str:
    """The line of git's output saying what went wrong (its last error, not its hints)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith(("fatal:", "error:"))]
    said = errors or [line for line in lines if not line.startswith("hint:")] or lines
    return said[-1].removeprefix("fatal:").removeprefix("error:").strip() if said else ""


@dataclass
class Git:
    """`git` run in one folder, with a fallback identity when the user has none."""

    folder: Path
    program: str = field(init=False)
    _identity: tuple[str, ...] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        found = shutil.which("git")
        if found is None:
            raise SyncError(
                self.folder,
                "Sync needs git, which is not installed here (or not on PATH): "
                "install it (for example: apt install git), then sync again.",
            )
        self.program = found

    def identity(self) -> tuple[str, ...]:
        """`-c` options naming an author, only for what the user has not configured."""
        if self._identity is None:
            options: list[str] = []
            defaults = {
                "user.name": "dlroadmap",
                "user.email": f"dlroadmap@{socket.gethostname() or 'localhost'}",
            }
            for key, value in defaults.items():
                if not self.run("config", "--get", key, check=False):
                    options += ["-c", f"{key}={value}"]
            self._identity = tuple(options)
        return self._identity

    def run(self, *args: str, **options: Unpack[Options]) -> str:
        """git's output; GitFailed if it fails (`check`) or does not end within `timeout`."""
        return self.run_bytes(*args, **options).decode("utf-8", "replace")

    def run_bytes(
        self,
        *args: str,
        check: bool = True,
        timeout: float = LOCAL_TIMEOUT,
        commits: bool = False,
    ) -> bytes:
        """As run(); `commits`: the command makes a commit (it needs an identity)."""
        identity = self.identity() if commits else ()
        command = [self.program, *_FOR_EVERY_COMMAND, *identity, *args]
        env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
        # A session of its own: no terminal to ask a password on (ssh would wait for one),
        # and the whole group (git, ssh) can be stopped when it takes too long.
        with _STARTING:
            if _ENDING.is_set():
                raise GitFailed(self.folder, "dlroadmap is ending", "dlroadmap is ending")
            process = subprocess.Popen(
                command,
                cwd=self.folder,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                start_new_session=True,
            )
            _RUNNING.add(process)
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            said = f"no answer in {timeout:.0f} seconds"
            raise GitFailed(self.folder, f"git {args[0]}: {said}", said) from None
        finally:
            _RUNNING.discard(process)
        if check and process.returncode != 0:
            output = (err + out).decode("utf-8", "replace")
            said = _last_line(err.decode("utf-8", "replace") or output)
            raise GitFailed(self.folder, f"git {args[0]} failed: {said}", said, output)
        return out
