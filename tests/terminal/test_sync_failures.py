"""Sync failures are never loss: a version that cannot be read, a sync killed mid-merge."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.synctools import (
    ACTIVATIONS,
    MATH,
    STATE_NAME,
    WHAT_IS,
    Machine,
    bare_repository,
    synced,
    two_machines_synced,
)


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    return bare_repository(tmp_path)


def _push_by_hand(machine: Machine, remote: Path, text: str) -> None:
    """Another tool (or a person) pushes this text as the state file."""
    clone = machine.root / "by-hand"
    if clone.exists():
        machine.run(["git", "-C", str(clone), "pull", "-q"], check=True)
    else:
        machine.run(["git", "clone", "-q", "-b", "main", str(remote), str(clone)], check=True)
    (clone / "roadmaps" / STATE_NAME).write_text(text, "utf-8")
    machine.run(["git", "-C", str(clone), "commit", "-qam", "by hand"], check=True)
    machine.run(["git", "-C", str(clone), "push", "-q"], check=True)


def test_a_version_that_cannot_be_read_fails_the_merge_and_touches_nothing(
    tmp_path: Path, remote: Path
) -> None:
    a = Machine(tmp_path, "laptop")
    a.change({WHAT_IS: "done"})
    synced(a, "--remote", str(remote))
    other = Machine(tmp_path, "other")
    other.env["GIT_AUTHOR_NAME"] = other.env["GIT_COMMITTER_NAME"] = "someone"
    other.env["GIT_AUTHOR_EMAIL"] = other.env["GIT_COMMITTER_EMAIL"] = "someone@example.org"
    _push_by_hand(other, remote, "schema = 2\n[items\nbroken")
    a.change({MATH: "done"}, {ACTIVATIONS: "mine"})
    before = a.state_file.read_bytes()

    failed = a.sync()
    assert failed.returncode == 1
    assert len(failed.stderr.strip().splitlines()) == 1, failed.stderr
    assert "the version from the other machine cannot be read" in failed.stderr
    assert "not valid TOML" in failed.stderr
    assert a.state_file.read_bytes() == before
    assert not (a.data / ".git" / "MERGE_HEAD").exists()
    assert "<<<<<<<" not in a.state_file.read_text("utf-8")

    # Fixed on the remote: the next sync finishes the job.
    _push_by_hand(other, remote, "schema = 2\n")
    synced(a)
    assert a.items()[MATH]["status"] == "done"
    assert a.items()[ACTIVATIONS]["note"] == "mine"


def test_a_sync_stopped_mid_merge_is_recovered(tmp_path: Path, remote: Path) -> None:
    a, b = two_machines_synced(tmp_path, remote)
    b.change({MATH: "done"})
    synced(b)
    a.change({}, {ACTIVATIONS: "written on the laptop"})
    who = ("-c", "user.name=x", "-c", "user.email=x@y")
    a.git(*who, "commit", "-qam", "local")
    a.git("fetch", "-q", "origin")
    # As a sync killed while git merges: the merge is begun and never committed.
    a.git(*who, "merge", "--no-commit", "--no-ff", "origin/main")
    assert (a.data / ".git" / "MERGE_HEAD").exists()

    told = synced(a)
    assert "stopped in the middle of a merge" in told
    assert not (a.data / ".git" / "MERGE_HEAD").exists()
    assert a.items()[MATH]["status"] == "done"
    assert a.items()[ACTIVATIONS]["note"] == "written on the laptop"
    synced(b)
    assert b.items() == a.items()


def test_a_state_file_deleted_on_one_machine_stays_on_the_other(
    tmp_path: Path, remote: Path
) -> None:
    a, b = two_machines_synced(tmp_path, remote)
    a.state_file.unlink()  # as a broken file moved aside, or a file deleted by hand
    synced(a)
    synced(b)
    assert b.items()[WHAT_IS]["status"] == "done"
    b.change({MATH: "done"})
    synced(b)
    # The other machine's later changes bring it back here, nothing lost.
    synced(a)
    assert a.items()[WHAT_IS]["status"] == a.items()[MATH]["status"] == "done"


def test_a_remote_holding_other_things_is_not_merged_in(tmp_path: Path, remote: Path) -> None:
    other = Machine(tmp_path, "elsewhere")
    clone = tmp_path / "code"
    other.run(["git", "clone", "-q", str(remote), str(clone)], check=True)
    (clone / "README.md").write_text("a project, not progress\n", "utf-8")
    who = ("-c", "user.name=x", "-c", "user.email=x@y")
    other.run(["git", "-C", str(clone), "add", "."], check=True)
    other.run(["git", "-C", str(clone), *who, "commit", "-qm", "code"], check=True)
    other.run(["git", "-C", str(clone), "push", "-q", "origin", "HEAD:main"], check=True)
    a = Machine(tmp_path, "laptop")
    a.change({WHAT_IS: "done"})

    failed = a.sync("--remote", str(remote))
    assert failed.returncode == 1
    assert len(failed.stderr.strip().splitlines()) == 1, failed.stderr
    assert "holds more than dlroadmap progress (README.md" in failed.stderr
    assert not (a.data / "README.md").exists()
    assert a.items()[WHAT_IS]["status"] == "done"


def test_a_password_in_the_remote_url_is_never_shown(tmp_path: Path) -> None:
    a = Machine(tmp_path, "laptop")
    failed = a.sync("--remote", "https://me:s3cret-token@127.0.0.1:9/progress.git")
    assert failed.returncode == 1
    assert "s3cret" not in failed.stderr + failed.stdout
    assert "https://127.0.0.1:9/progress.git" in failed.stderr


def test_a_refused_push_loses_nothing_and_the_next_sync_sends_it(
    tmp_path: Path, remote: Path
) -> None:
    a, b = two_machines_synced(tmp_path, remote)
    a.change({MATH: "done"})
    # The remote refuses to move its branch (as one another push holds, or a full disk).
    held = remote / "refs" / "heads" / "main.lock"
    held.write_text("", "utf-8")
    failed = a.sync()
    assert failed.returncode == 1
    assert len(failed.stderr.strip().splitlines()) == 1, failed.stderr
    assert "Not sent: could not push" in failed.stderr
    assert a.items()[MATH]["status"] == "done"

    held.unlink()
    assert "Sent: 1 done on deep-learning-study-plan." in synced(a)
    synced(b)
    assert b.items()[MATH]["status"] == "done"
