"""One sync: commit what changed here, fetch, merge, push. Failure is never loss.

Each step leaves the data folder usable: the local commit and the merge run with every
state file's lock held (no session saves meanwhile, and none waits on the network), the
fetch and the push hold no lock. A step that fails says so in one line; what was done
before it stays done (a local commit is local progress, kept), and the next sync goes on
from there.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass, field
from pathlib import Path

from dlroadmap.errors import StateError
from dlroadmap.locations import private_folder
from dlroadmap.progress.state import decode_state
from dlroadmap.sync.git import NETWORK_TIMEOUT, Git, GitFailed, SyncError
from dlroadmap.sync.pairing import adopt, keep_apart, unite
from dlroadmap.sync.repo import BRANCH, REMOTE, Repo, is_state_file
from dlroadmap.sync.sources import markdown_here
from dlroadmap.sync.story import FileChange, both_kept, story

# A push refused because the remote moved on meanwhile is fetched, merged and tried again.
PUSH_TRIES = 3
_THEIRS = f"refs/remotes/{REMOTE}/{BRANCH}"
_DRIVER_FAILED = "dlroadmap: not merged:"
_KEPT = "Your progress here is untouched; the next sync finishes the job."


@dataclass
class Outcome:
    """What a sync did, to tell: a line each."""

    remote: str = ""
    sent: list[str] = field(default_factory=list)
    received: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    # Synced roadmaps whose markdown this machine does not have.
    missing: list[str] = field(default_factory=list)

    def told(self) -> list[str]:
        sent, received = "; ".join(self.sent), "; ".join(self.received)
        return [
            f"Synced with {self.remote}.",
            f"Sent: {sent}." if sent else "Nothing new to send.",
            f"Received: {received}." if received else "Nothing new received.",
            *self.lines,
            *self.missing,
        ]


def sync(data: Path, remote: str | None = None, timeout: float = NETWORK_TIMEOUT) -> Outcome:
    """Sync the data folder with its remote (`remote`: set it first); SyncError if it fails."""
    folder = private_folder(data)
    repo = Repo(folder, Git(folder))
    if remote is None and not repo.exists():
        raise SyncError(
            folder,
            "This data folder is not synced yet: run `dlroadmap sync --remote URL` once "
            "(any git remote: a private repository, an SSH host, a bare repository).",
        )
    with repo.syncing():
        repo.prepare(remote)
        outcome = Outcome(remote=repo.remote_url())
        with repo.saves_held(repo.state_files_here()):
            outcome.lines += repo.recover()
            _commit_here(repo, outcome)
        for attempt in range(PUSH_TRIES):
            if _fetched(repo, timeout):
                _merge(repo, outcome)
            if _pushed(repo, outcome, timeout, last=attempt == PUSH_TRIES - 1):
                break
        outcome.missing = not_here(folder, repo.state_files_here())
    return outcome


def _commit_here(repo: Repo, outcome: Outcome) -> None:
    """Commit what changed in the folder since the last commit, told in words."""
    repo.remember_sources()
    # A file deleted here (by hand, or moved aside as broken) is not deleted elsewhere: a
    # sync never takes progress away from another machine. git keeps every version anyway.
    repo.git.run("add", "--ignore-removal", ".")
    head = repo.head()
    changes = []
    for name in filter(is_state_file, _staged(repo)):
        new = repo.state_at("", name)
        if new is None and (repo.folder / name).exists():
            # Never sent: the other machine could not merge it. Opening it says what is wrong.
            repo.git.run("reset", "-q", "--", name)
            outcome.lines.append(f"Not sent: {name} cannot be read; open its roadmap to see why.")
            continue
        changes.append(FileChange(name, repo.state_at(head, name) if head else None, new))
    if head is not None and not _staged(repo):
        return
    said = story(changes)
    others = [name for name in _staged(repo) if not is_state_file(name)]
    subject = said or ("Sync set up" if head is None else f"Updated {', '.join(others)}")
    message = ("-m", subject, "-m", f"dlroadmap sync on {socket.gethostname()}")
    repo.git.run("commit", "-q", "--no-verify", *message, commits=True)


def _staged(repo: Repo) -> list[str]:
    found = repo.git.run("diff", "--cached", "--name-only", "--no-renames", "-z")
    return [name for name in found.split("\0") if name]


def _fetched(repo: Repo, timeout: float) -> bool:
    """Fetch the remote; whether it holds anything (a new remote holds nothing yet)."""
    try:
        repo.git.run(
            "fetch",
            "-q",
            "--prune",
            REMOTE,
            f"+refs/heads/*:refs/remotes/{REMOTE}/*",
            timeout=timeout,
        )
    except GitFailed as failed:
        raise SyncError(
            repo.folder,
            f"Not synced: could not fetch from {repo.remote_url()} ({failed.said}). {_KEPT}",
        ) from None
    return repo.git.run("rev-parse", "-q", "--verify", _THEIRS, check=False).strip() != ""


def _merge(repo: Repo, outcome: Outcome) -> None:
    """Merge what was fetched into the folder, every state file by dlroadmap's own merge."""
    before = repo.head()
    theirs = repo.git.run("rev-parse", _THEIRS).strip()
    if before is not None and _is_ancestor(repo, theirs, before):
        return
    if before is None or not repo.git.run("merge-base", before, theirs, check=False).strip():
        # A first sync into a remote that has something: only progress is merged in.
        foreign = repo.foreign_files(theirs)
        if foreign:
            raise SyncError(
                repo.folder,
                f"Not merged: {repo.remote_url()} holds more than dlroadmap progress "
                f"({foreign[0]}...). Sync with an empty repository of its own "
                "(dlroadmap sync --remote URL). Your progress here is untouched.",
            )
    arriving = repo.state_files_at(theirs)
    with repo.saves_held(repo.state_files_here() + arriving):
        # A session may have saved since the commit above: git merges only what is committed.
        _commit_here(repo, outcome)
        repo.remember_sources()
        outcome.lines += keep_apart(repo, theirs)
        before = repo.head()
        assert before is not None  # _commit_here made a first commit
        base = repo.git.run("merge-base", before, theirs, check=False).strip() or None
        brought = story(_changes(repo, base, theirs)) or "nothing new"
        try:
            repo.git.run(
                "merge",
                "-q",
                "--ff",  # whatever merge.ff the user set: a merge commit where one is needed
                "--no-edit",
                "--allow-unrelated-histories",
                "-X",
                "no-renames",
                "-m",
                f"Merged from another machine: {brought}",
                "-m",
                f"dlroadmap sync on {socket.gethostname()}",
                theirs,
                commits=True,
            )
        except GitFailed as failed:
            _finish_or_undo(repo, failed)
        after = repo.head()
        assert after is not None
        arrived = set(repo.state_files_at(after)) - set(repo.state_files_at(before))
        outcome.lines += unite(repo, sorted(arrived))
        adopt(repo)
        repo.keep_private()
    changes = _changes(repo, before, after)
    if said := story(changes):
        outcome.received.append(said)
    outcome.lines += [
        f"Both machines' texts kept in the note of {topic}." for topic in both_kept(changes)
    ]


def _is_ancestor(repo: Repo, old: str, new: str) -> bool:
    """Whether `new` already holds every change of `old`."""
    try:
        repo.git.run("merge-base", "--is-ancestor", old, new)
    except GitFailed:
        return False
    return True


def _changed(repo: Repo, before: str | None, after: str) -> list[str]:
    if before is None:
        return repo.state_files_at(after)
    found = repo.git.run("diff", "--name-only", "--no-renames", "-z", before, after)
    return [name for name in found.split("\0") if is_state_file(name)]


def _finish_or_undo(repo: Repo, failed: GitFailed) -> None:
    """A merge git could not finish alone: a state file kept on one side and removed on
    the other is kept; anything else undoes the merge, leaving the folder as it was."""
    unmerged = [
        name
        for name in repo.git.run("diff", "--name-only", "--diff-filter=U", "-z").split("\0")
        if name
    ]
    keepable = (
        unmerged
        and _DRIVER_FAILED not in failed.output
        and all(is_state_file(name) and _readable(repo.folder / name) for name in unmerged)
    )
    if keepable:
        repo.git.run("add", "--", *unmerged)
        repo.git.run("commit", "-q", "--no-verify", "--no-edit", commits=True)
        return
    repo.git.run("merge", "--abort", check=False)
    repo.keep_private()  # the files git put back
    why = next(
        (line for line in failed.output.splitlines() if line.startswith(_DRIVER_FAILED)),
        failed.said,
    )
    why = why.removeprefix(_DRIVER_FAILED).strip().rstrip(".")
    raise SyncError(repo.folder, f"Not merged: {why}. {_KEPT}")


def _readable(path: Path) -> bool:
    try:
        decode_state(path.read_bytes(), path)
    except (OSError, StateError):
        return False
    return True


def _pushed(repo: Repo, outcome: Outcome, timeout: float, *, last: bool) -> bool:
    """Push, telling what the remote gets; False when the remote moved on meanwhile (fetch
    and merge again)."""
    head = repo.head()
    theirs = repo.git.run("rev-parse", "-q", "--verify", _THEIRS, check=False).strip() or None
    if head is None or theirs == head:
        return True
    try:
        repo.git.run("push", "-q", REMOTE, f"HEAD:refs/heads/{BRANCH}", timeout=timeout)
    except GitFailed as failed:
        moved = "rejected" in failed.output or "fetch first" in failed.output
        if moved and not last:
            return False
        raise SyncError(
            repo.folder, f"Not sent: could not push to {repo.remote_url()} ({failed.said}). {_KEPT}"
        ) from None
    # All the remote did not have: this sync's commits and any an earlier one could not send.
    if said := story(_changes(repo, theirs, head)):
        outcome.sent.append(said)
    return True


def _changes(repo: Repo, before: str | None, after: str) -> list[FileChange]:
    """The state files that differ between two commits, as they were and are."""
    return [
        FileChange(
            name, repo.state_at(before, name) if before else None, repo.state_at(after, name)
        )
        for name in _changed(repo, before, after)
    ]


def not_here(folder: Path, names: list[str]) -> list[str]:
    """A line for each synced roadmap whose markdown this machine does not have."""
    lines = []
    for name in names:
        try:
            state = decode_state((folder / name).read_bytes(), folder / name)
        except (OSError, StateError):
            continue
        if markdown_here(state) is None:
            lines.append(
                f"{state.title or name}: its markdown is not on this machine "
                "(open it here once, dlroadmap PATH/TO/IT.md, and it is followed)."
            )
    return lines


def run_command(remote: str | None) -> int:
    """`dlroadmap sync [--remote URL]`: sync, and say what happened; the exit status."""
    import sys

    from dlroadmap.common.printable import printable
    from dlroadmap.locations import data_dir

    try:
        outcome = sync(data_dir(), remote)
    except SyncError as error:
        print(f"dlroadmap: {printable(str(error))}", file=sys.stderr)
        return 1
    except OSError as error:  # the data folder itself failing (a full disk, a read-only one)
        print(f"dlroadmap: not synced: {printable(str(error))}", file=sys.stderr)
        return 1
    print("\n".join(printable(line) for line in outcome.told()))
    return 0


def is_set_up(data: Path) -> bool:
    """Whether this data folder syncs (`dlroadmap sync --remote URL` was run here)."""
    return (data / ".git" / "HEAD").is_file()
