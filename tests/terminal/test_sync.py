"""`dlroadmap sync` between two machines (two data folders) and a bare repository, as a
new user would try it: nothing is lost, notes keep both texts, the log tells the story."""

from __future__ import annotations

import os
import stat
import sys
import tomllib
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

LOSS = "Loss Functions (MSE, Cross-Entropy)"
GRADIENTS = "Gradient Descent & Backpropagation"
OVERFITTING = "Overfitting & Regularization (L1, L2, Dropout)"
CNNS = "Convolutional Neural Networks (CNNs)"


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    return bare_repository(tmp_path)


def _check_file(machine: Machine) -> None:
    """Valid TOML, no conflict markers, private, naming this machine's markdown."""
    text = machine.state_file.read_text("utf-8")
    tomllib.loads(text)
    assert "<<<<<<<" not in text and ">>>>>>>" not in text and "=======" not in text
    assert stat.S_IMODE(machine.state_file.stat().st_mode) == 0o600
    assert machine.state()["roadmap"]["source"] == str(machine.markdown.resolve())


def test_two_machines_with_progress_of_their_own_end_with_everything(
    tmp_path: Path, remote: Path
) -> None:
    a, b = Machine(tmp_path, "laptop"), Machine(tmp_path, "server")
    a.change({WHAT_IS: "done", MATH: "done"}, {ACTIVATIONS: "sigmoid squashes"})
    b.change({LOSS: "in_progress"}, {GRADIENTS: "chain rule, backwards"})

    first = synced(a, "--remote", str(remote))
    assert "Sent: started deep-learning-study-plan (2 done, 1 note)." in first
    second = synced(b, "--remote", str(remote))
    assert "Received: 2 done, 1 note on deep-learning-study-plan." in second
    assert {WHAT_IS, MATH, ACTIVATIONS, LOSS, GRADIENTS} <= b.items().keys()

    # Both change different topics and the same topic's note; each syncs twice.
    a.change({OVERFITTING: "done"}, {ACTIVATIONS: "laptop: ReLU is max(0, x)"})
    b.change({CNNS: "skipped"}, {ACTIVATIONS: "server: sigmoid saturates"})
    for machine in (a, b, a, b):
        synced(machine)

    assert a.items() == b.items()
    items = a.items()
    assert (
        items[WHAT_IS]["status"] == items[MATH]["status"] == items[OVERFITTING]["status"] == "done"
    )
    assert items[LOSS]["status"] == "in_progress" and items[CNNS]["status"] == "skipped"
    assert items[GRADIENTS]["note"] == "chain rule, backwards"
    note = items[ACTIVATIONS]["note"]
    assert "laptop: ReLU is max(0, x)" in note and "server: sigmoid saturates" in note
    # Activity of both machines, added together: every topic done or noted today is there.
    days = list(a.state()["activity"].values())
    assert {WHAT_IS, MATH, OVERFITTING} <= {_text(a, key) for day in days for key in day["done"]}
    for machine in (a, b):
        _check_file(machine)
        # What git stores names no machine's markdown.
        stored = machine.git("show", f"HEAD:roadmaps/{STATE_NAME}")
        assert tomllib.loads(stored)["roadmap"]["source"] == ""
    log = a.git("log", "--format=%s%n%an <%ae>")
    assert "started deep-learning-study-plan (2 done, 1 note)" in log
    assert "started deep-learning-study-plan (1 in progress, 1 note)" in log
    assert "1 done, 1 note on deep-learning-study-plan" in log
    assert "1 skipped, 1 note on deep-learning-study-plan" in log
    assert "Merged from another machine: started deep-learning-study-plan (2 done, 1 note)" in log
    assert f"dlroadmap <dlroadmap@{os.uname().nodename}>" in log
    # git's own settings are left as they were: none, here.
    assert not [path.name for path in (tmp_path / "home").iterdir()]
    # Settings, caches and lock files stay out.
    tracked = a.git("ls-files").split()
    assert tracked == [".gitattributes", ".gitignore", f"roadmaps/{STATE_NAME}"]


def _text(machine: Machine, key: str) -> str:
    return str(machine.state()["items"][key]["text"])


def test_an_unreachable_remote_loses_nothing_and_the_next_sync_finishes(
    tmp_path: Path, remote: Path
) -> None:
    a, b = two_machines_synced(tmp_path, remote)
    a.change({MATH: "done"}, {ACTIVATIONS: "written offline"})
    away = remote.with_name("unplugged.git")
    remote.rename(away)

    failed = a.sync()
    assert failed.returncode == 1
    assert len(failed.stderr.strip().splitlines()) == 1, failed.stderr
    assert "could not fetch" in failed.stderr and "untouched" in failed.stderr
    assert a.items()[MATH]["status"] == "done"
    assert a.items()[ACTIVATIONS]["note"] == "written offline"
    _check_file(a)

    away.rename(remote)
    # What the sync that failed committed is sent now, and said.
    assert "Sent: 1 done, 1 note on deep-learning-study-plan." in synced(a)
    assert "Received: 1 done, 1 note on deep-learning-study-plan." in synced(b)
    assert b.items()[ACTIVATIONS]["note"] == "written offline"


def test_sync_without_git_says_so_in_one_line(tmp_path: Path) -> None:
    a = Machine(tmp_path, "laptop")
    a.env["PATH"] = str(tmp_path / "no-git-here")
    result = a.sync("--remote", str(tmp_path / "r.git"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "needs git" in result.stderr
    assert not (a.data / ".git").exists()


def test_sync_before_a_remote_is_set_says_how(tmp_path: Path) -> None:
    result = Machine(tmp_path, "laptop").sync()
    assert result.returncode == 1
    assert "dlroadmap sync --remote URL" in result.stderr


def test_a_configured_git_identity_is_used_and_left_as_it_was(tmp_path: Path, remote: Path) -> None:
    a = Machine(tmp_path, "laptop")
    settings = tmp_path / "home" / ".gitconfig"
    settings.write_text("[user]\n\tname = Ada\n\temail = ada@example.org\n", "utf-8")
    a.change({WHAT_IS: "done"})
    synced(a, "--remote", str(remote))
    assert a.git("log", "-1", "--format=%an <%ae>").strip() == "Ada <ada@example.org>"
    assert settings.read_text("utf-8") == "[user]\n\tname = Ada\n\temail = ada@example.org\n"
    assert "dlroadmap" in a.git("config", "--local", "--get", "merge.dlroadmap-state.driver")


_KEEP = """
import sys
from dlroadmap.shelf.kept import keep
keep(sys.argv[1], "course", sys.argv[2])
"""


def test_a_roadmap_fetched_from_a_url_reaches_the_other_machine(
    tmp_path: Path, remote: Path
) -> None:
    a, b = Machine(tmp_path, "laptop"), Machine(tmp_path, "server")
    a.change({WHAT_IS: "done"})
    url, text = "https://example.org/course.md", "# Course\n- One\n"
    a.run([sys.executable, "-c", _KEEP, url, text], check=True)
    # A roadmap taken off the shelf is moved aside, never synced.
    aside = a.data / "roadmaps" / "old.removed-2026-12-01.toml"
    aside.write_text("schema = 1\n", encoding="utf-8")
    synced(a, "--remote", str(remote))
    synced(b, "--remote", str(remote))
    fetched = b.data / "fetched"
    assert (fetched / "course.md").read_text("utf-8") == text
    assert (fetched / "course.url").read_text("utf-8").strip() == url
    assert not (b.data / "roadmaps" / aside.name).exists()
