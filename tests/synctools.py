"""Machines for sync tests: each its own data, config and cache folders and its own copy of
the roadmap markdown (at its own path), all in a temp folder, with no git identity."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

from dlroadmap.roadmap.source import bundled_roadmap_path

STATE_NAME = "deep-learning-study-plan.toml"
# Topics of the bundled plan.
WHAT_IS = "What is Deep Learning?"
MATH = "Learn key math foundations"
ACTIVATIONS = "Activation Functions (ReLU, Sigmoid, etc.)"

# Run in the machine's environment: the statuses and notes given, saved by the store.
_CHANGE = """
import json, sys
from pathlib import Path
from dlroadmap.locations import state_dir
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Status
from dlroadmap.roadmap.source import load_roadmap

source = Path(sys.argv[1])
statuses, notes = json.loads(sys.argv[2]), json.loads(sys.argv[3])
roadmap = load_roadmap(source)
store = Store.open(roadmap, source, state_dir())
by_text = {node.text: node for node in roadmap.items()}
for text, status in statuses.items():
    store.set_status(by_text[text], Status(status))
for text, note in notes.items():
    store.set_note(by_text[text], note)
"""


def no_git_identity(tmp_path: Path) -> dict[str, str]:
    """An environment where git knows no user: an empty HOME, no system settings."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env.update(HOME=str(home), GIT_CONFIG_NOSYSTEM="1")
    for key in ("EMAIL", "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "XDG_CONFIG_HOME"):
        env.pop(key, None)
    return env


class Machine:
    def __init__(self, tmp_path: Path, name: str) -> None:
        self.root = tmp_path / name
        self.markdown = self.root / f"{name}-copy" / "plan.md"
        self.markdown.parent.mkdir(parents=True)
        shutil.copyfile(bundled_roadmap_path(), self.markdown)
        self.env = {
            **no_git_identity(tmp_path),
            "XDG_DATA_HOME": str(self.root / "data"),
            "XDG_CONFIG_HOME": str(self.root / "config"),
            "XDG_CACHE_HOME": str(self.root / "cache"),
        }
        self.data = self.root / "data" / "dlroadmap"
        self.state_file = self.data / "roadmaps" / STATE_NAME

    def change(
        self, statuses: dict[str, str] | None = None, notes: dict[str, str] | None = None
    ) -> None:
        arguments = [str(self.markdown), json.dumps(statuses or {}), json.dumps(notes or {})]
        self.run([sys.executable, "-c", _CHANGE, *arguments], check=True)

    def sync(self, *args: str) -> subprocess.CompletedProcess[str]:
        return self.run([sys.executable, "-m", "dlroadmap", "sync", *args])

    def git(self, *args: str) -> str:
        return self.run(["git", *args], cwd=self.data, check=True).stdout

    def run(
        self, command: list[str], *, cwd: Path | None = None, check: bool = False
    ) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            command, capture_output=True, text=True, env=self.env, cwd=cwd, timeout=120, check=False
        )
        if check:
            assert result.returncode == 0, result.stderr
        return result

    def state(self) -> dict[str, Any]:
        return tomllib.loads(self.state_file.read_text("utf-8"))

    def items(self) -> dict[str, dict[str, Any]]:
        """Each saved topic by its text."""
        return {item["text"]: item for item in self.state().get("items", {}).values()}


def bare_repository(tmp_path: Path) -> Path:
    """An empty bare repository, as on a USB stick."""
    path = tmp_path / "usb" / "progress.git"
    subprocess.run(["git", "init", "-q", "--bare", str(path)], check=True)
    return path


def synced(machine: Machine, *args: str) -> str:
    """What `dlroadmap sync` printed, having succeeded."""
    result = machine.sync(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def two_machines_synced(tmp_path: Path, remote: Path) -> tuple[Machine, Machine]:
    """A laptop that marked one topic done, and a server: both synced with `remote` once."""
    laptop, server = Machine(tmp_path, "laptop"), Machine(tmp_path, "server")
    laptop.change({WHAT_IS: "done"})
    synced(laptop, "--remote", str(remote))
    synced(server, "--remote", str(remote))
    return laptop, server
