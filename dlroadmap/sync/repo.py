"""The data folder as a git repository: what is in it, how git merges it, its locks.

Only the state files and the copies of roadmaps fetched from a URL are synced, never the
caches, lock files, recovery files or files set aside: the `.gitignore` lists what is in
(allow-list), so a file some later version leaves in the folder stays out. Settings live
in the config folder, which is not in it: they stay per machine.
"""

from __future__ import annotations

import os
import re
import shlex
import stat
import sys
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path, PurePosixPath

from dlroadmap.common.files import make_private_folder, write_atomically
from dlroadmap.errors import StateError
from dlroadmap.progress import recovery
from dlroadmap.progress.lock import lock_of
from dlroadmap.progress.state import State, decode_state
from dlroadmap.sync.git import Git, GitFailed, SyncError
from dlroadmap.sync.sources import remember_sources

BRANCH = "main"
REMOTE = "origin"
STATES = "roadmaps"  # the state files' folder in the data folder (locations.state_dir)
FETCHED = "fetched"  # the copies of roadmaps fetched from a URL (shelf/kept.py)

IGNORE = """\
# Written by `dlroadmap sync`: only what this lists is synced (see the README).
/*
!/.gitignore
!/.gitattributes
!/roadmaps/
/roadmaps/**
!/roadmaps/**/
!/roadmaps/*.toml
!/roadmaps/**/*.md
/roadmaps/*.broken-*
/roadmaps/*.schema-*
/roadmaps/*.unsaved-*
/roadmaps/*.removed-*
!/fetched/
/fetched/**
!/fetched/*.md
!/fetched/*.url
"""

ATTRIBUTES = """\
# Written by `dlroadmap sync`: dlroadmap merges its state files itself, and never lets
# git store where a roadmap's markdown lives on one machine.
/roadmaps/*.toml merge=dlroadmap-state filter=dlroadmap-state
*.md merge=dlroadmap-ours
/fetched/*.url merge=dlroadmap-ours
/.gitignore merge=dlroadmap-ours
/.gitattributes merge=dlroadmap-ours
"""

# Waiting for a session's save to end (it holds a state file's lock for a moment).
LOCK_TIMEOUT = 5.0


def is_state_file(name: str) -> bool:
    path = PurePosixPath(name)
    return (
        str(path.parent) == STATES
        and path.suffix == ".toml"
        and ".broken-" not in path.name
        and ".schema-" not in path.name
        and not recovery.is_recovery_file(Path(path.name))
    )


def _local_config() -> dict[str, str]:
    """The repository's own settings that make git merge and store state files our way."""
    # The Python running now: the one with dlroadmap installed, venv or not.
    run = f"{shlex.quote(sys.executable)} -m dlroadmap.sync.driver"
    return {
        "merge.dlroadmap-state.name": "dlroadmap's three-way merge of progress",
        "merge.dlroadmap-state.driver": f"{run} merge %O %A %B %P",
        "merge.dlroadmap-ours.name": "keep this machine's version",
        "merge.dlroadmap-ours.driver": "true",
        "filter.dlroadmap-state.clean": f"{run} clean %f",
        "filter.dlroadmap-state.smudge": f"{run} smudge %f",
    }


class Repo:
    """The data folder's repository."""

    def __init__(self, folder: Path, git: Git) -> None:
        self.folder = folder
        self.git = git
        self.git_dir = folder / ".git"

    def exists(self) -> bool:
        return (self.git_dir / "HEAD").is_file()

    def prepare(self, remote: str | None) -> None:
        """Make the folder a repository set up for sync (again: a moved Python is followed)."""
        if not self.exists():
            self.git.run("init", "-q")
            # Not `init --initial-branch`: git before 2.28 has no such option.
            self.git.run("symbolic-ref", "HEAD", f"refs/heads/{BRANCH}")
        for name, text in ((".gitignore", IGNORE), (".gitattributes", ATTRIBUTES)):
            path = self.folder / name
            if not path.is_file() or path.read_text("utf-8") != text:
                write_atomically(path, text)
        found = self.git.run("config", "--local", "--list", "-z", check=False)
        have = dict(entry.partition("\n")[::2] for entry in found.split("\0") if entry)
        for key, value in _local_config().items():
            if have.get(key) != value:
                self.git.run("config", "--local", key, value)
        if remote is not None:
            if f"remote.{REMOTE}.url" in have:
                self.git.run("remote", "set-url", REMOTE, remote)
            else:
                self.git.run("remote", "add", REMOTE, remote)
        elif f"remote.{REMOTE}.url" not in have:
            raise SyncError(
                self.folder,
                "Sync has no remote yet: run `dlroadmap sync --remote URL` once "
                "(any git remote: a private repository, an SSH host, a bare repository).",
            )

    def remote_url(self) -> str:
        """The remote's URL as it can be shown: without a password or token in it."""
        url = self.git.run("config", "--local", "--get", f"remote.{REMOTE}.url").strip()
        return re.sub(r"(://)[^/@]*@", r"\1", url)

    def foreign_files(self, revision: str) -> list[str]:
        """Files a commit holds that no dlroadmap sync puts there (a wrong remote)."""
        found = self.git.run("ls-tree", "-r", "-z", "--name-only", revision)
        return [
            name
            for name in found.split("\0")
            if name
            and name not in (".gitignore", ".gitattributes")
            and not name.startswith((f"{STATES}/", f"{FETCHED}/"))
        ]

    # -- what is in it ---------------------------------------------------------

    def head(self) -> str | None:
        found = self.git.run("rev-parse", "-q", "--verify", "HEAD^{commit}", check=False)
        return found.strip() or None

    def state_files_at(self, revision: str | None) -> list[str]:
        """The state files a commit holds (None: none)."""
        if revision is None:
            return []
        found = self.git.run("ls-tree", "-r", "-z", "--name-only", revision, "--", STATES)
        return [name for name in found.split("\0") if name and is_state_file(name)]

    def state_files_here(self) -> list[str]:
        folder = self.folder / STATES
        if not folder.is_dir():
            return []
        names = (f"{STATES}/{path.name}" for path in folder.glob("*.toml"))
        return sorted(name for name in names if is_state_file(name))

    def state_at(self, revision: str, name: str) -> State | None:
        """A state file as a commit (or ":" the index) holds it; None if absent or unreadable."""
        try:
            data = self.git.run_bytes("cat-file", "blob", f"{revision}:{name}")
        except GitFailed:
            return None
        try:
            return decode_state(data, Path(name))
        except StateError:
            return None

    def remember_sources(self) -> None:
        remember_sources(self.folder, self.git_dir, self.state_files_here())

    # -- keeping it safe -------------------------------------------------------

    @contextmanager
    def syncing(self) -> Iterator[None]:
        """One sync at a time on this folder (the app and the command line alike)."""
        from filelock import FileLock, Timeout

        lock = FileLock(self.git_dir / "dlroadmap-sync.lock", timeout=0, mode=0o600)
        try:
            lock.acquire()
        except Timeout:
            raise SyncError(
                self.folder, "Another sync of this folder is running; this one did nothing."
            ) from None
        try:
            yield
        finally:
            lock.release()

    @contextmanager
    def saves_held(self, names: Iterable[str]) -> Iterator[None]:
        """The state files' locks held: no session saves while git writes them."""
        from filelock import Timeout

        make_private_folder(self.folder / STATES)  # before the lock files would make it
        with ExitStack() as stack:
            for name in sorted(set(names)):
                lock = lock_of(self.folder / name, LOCK_TIMEOUT)
                try:
                    stack.enter_context(lock)
                except Timeout:
                    raise SyncError(
                        self.folder / name,
                        f"A dlroadmap session kept {name} locked; nothing was synced. "
                        "Try again in a moment.",
                    ) from None
            yield

    def recover(self) -> list[str]:
        """A sync that stopped half-way (a crash, a kill) is undone, keeping every file in
        the folder as it is; what it was doing is done again by this one."""
        told = []
        index_lock = self.git_dir / "index.lock"
        if index_lock.exists():
            # Only a sync uses this repository, and none runs (this one holds the lock).
            index_lock.unlink()
        if (self.git_dir / "MERGE_HEAD").exists():
            self.remember_sources()
            # Back to the last commit in git's eyes, the files untouched: they hold this
            # machine's progress, merged or not, and the merge is done again below.
            self.git.run("reset", "-q")
            told.append("An earlier sync stopped in the middle of a merge: it is done again now.")
        return told

    def keep_private(self) -> None:
        """Files git wrote get its modes (0644): state files are the user's alone."""
        found = self.git.run("ls-files", "-z")
        for name in (name for name in found.split("\0") if name):
            path = self.folder / name
            for target, mode in ((path.parent, 0o700), (path, 0o600)):
                try:
                    info = target.lstat()
                except FileNotFoundError:
                    continue
                if not stat.S_ISLNK(info.st_mode) and stat.S_IMODE(info.st_mode) != mode:
                    os.chmod(target, mode)
