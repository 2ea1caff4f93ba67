"""What the everyday start loads before its first frame: modules that only a later key,
screen or event needs stay off it, so the start stays close to a bare Textual app's
(benchmarks/run.py, "work to first frame")."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

# Each loads when first needed, never for the first frame.
LOADED_LATER = (
    "dlroadmap.app.node_keys",  # the first status key, `o` or `i`
    "dlroadmap.app.open_link",  # with node_keys: the first link opened
    "dlroadmap.roadmap.section_marks",  # with node_keys: a status key on a section
    "dlroadmap.app.notes_keys",  # the Notes screen
    "dlroadmap.app.widgets.filter_input",  # the first `/`
    "dlroadmap.progress.changes",  # the first reload of the markdown
    "dlroadmap.roadmap.inline",  # a parse, or a saved item whose topic is gone
    "dlroadmap.roadmap.syntax",  # the same
    "dlroadmap.roadmap.parser",  # a parse: the start reads the parse cache
    "dlroadmap.app.palette",  # the command palette
    "dlroadmap.app.screens.help",
    "dlroadmap.app.screens.today",
    "dlroadmap.shelf.entries",  # the Roadmaps screen
    "dlroadmap.app.auto_sync",  # sync = "auto" only
)

# Runs dlroadmap as its command does (no arguments: the bundled plan in fresh folders),
# headless, and prints the dlroadmap modules loaded when its first frame is made. The
# same patch of Textual as benchmarks/first_frame_work.py.
_PROBE = r"""
import os, sys
import textual.app

run = textual.app.App.run

def headless(self, *args, **kwargs):
    kwargs.update(headless=True, size=(120, 36))
    return run(self, *args, **kwargs)

def first_frame(self, *args, **kwargs):
    print("\n".join(name for name in sys.modules if name.split(".")[0] == "dlroadmap"))
    sys.stdout.flush()
    os._exit(0)

textual.app.App.run = headless
textual.app.App._display = first_frame
from dlroadmap.cli import main
main([])
"""


@pytest.fixture(scope="module")
def loaded_at_first_frame(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    base = tmp_path_factory.mktemp("start")
    env = {
        "XDG_DATA_HOME": str(base / "data"),
        "XDG_CONFIG_HOME": str(base / "config"),
        "XDG_CACHE_HOME": str(base / "cache"),
        "XDG_STATE_HOME": str(base / "state"),
    }
    probe = [sys.executable, "-c", _PROBE]
    # The first start parses the plan and fills the cache; a user's every start after
    # that finds it, and that start is the one checked.
    for _ in range(2):
        done = subprocess.run(
            probe,
            env={**_environ(), **env},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


def _environ() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "TEXTUAL"))}


def test_the_probe_sees_what_the_first_frame_needs(loaded_at_first_frame: set[str]) -> None:
    """The check below can fail: modules the first frame does need are seen loaded."""
    assert {"dlroadmap.app.screens.main", "dlroadmap.app.widgets.roadmap_tree"} <= (
        loaded_at_first_frame
    )


@pytest.mark.parametrize("module", LOADED_LATER)
def test_module_is_not_loaded_for_the_first_frame(
    module: str, loaded_at_first_frame: set[str]
) -> None:
    assert module not in loaded_at_first_frame, (
        f"{module} is loaded before the first frame: import it where it is first needed"
    )
