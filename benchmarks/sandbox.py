"""Fresh, isolated state for every run: its own XDG folders, one shared bytecode cache."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

# Variables that change what Textual draws or how Python starts; dropped so a run does
# not depend on the shell it was started from. COLORTERM is unset on purpose: over SSH
# (the case dlroadmap cares about) it is usually not forwarded, so Textual uses 256
# colours, as TERM=xterm-256color says.
_DROP = {"COLORTERM", "NO_COLOR", "FORCE_COLOR", "TERM_PROGRAM", "PYTHONDONTWRITEBYTECODE"}


class Sandbox:
    """A temp root holding one folder per run and a bytecode cache shared by all runs.

    Bytecode goes to PYTHONPYCACHEPREFIX inside the root, so the warm-up run compiles
    every module once (as `pip install` does for a real user) and nothing is written
    into the repository or the venv.
    """

    def __init__(self, keep: bool = False) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="dlroadmap-bench-"))
        self.keep = keep
        self._count = 0
        # Apps already warmed up in this sandbox (keys and all): their bytecode is cached.
        self.warmed: set[str] = set()

    def env(self, tag: str, state_files: tuple[Path, ...] = ()) -> dict[str, str]:
        """Environment for one run: new XDG_DATA_HOME / XDG_CONFIG_HOME / XDG_STATE_HOME."""
        self._count += 1
        base = self.root / "runs" / f"{self._count:04d}-{tag}"
        env = {
            k: v for k, v in os.environ.items() if k not in _DROP and not k.startswith("TEXTUAL")
        }
        for name, sub in (
            ("XDG_DATA_HOME", "data"),
            ("XDG_CONFIG_HOME", "config"),
            ("XDG_STATE_HOME", "state"),
        ):
            (base / sub).mkdir(parents=True)
            env[name] = str(base / sub)
        # The cache is shared by every run, as a user's is from one day to the next: the
        # warm-up run fills it (parsed roadmaps), the measured runs find it filled.
        env["XDG_CACHE_HOME"] = str(self.path("cache"))
        if state_files:
            roadmaps = base / "data" / "dlroadmap" / "roadmaps"
            roadmaps.mkdir(parents=True, mode=0o700)
            for state in state_files:
                shutil.copy2(state, roadmaps / state.name)
        env["PYTHONPYCACHEPREFIX"] = str(self.root / "pycache")
        return env

    def path(self, name: str) -> Path:
        path = self.root / name
        path.mkdir(parents=True, exist_ok=True)
        return path

    def close(self) -> None:
        if self.keep:
            print(f"kept {self.root}", file=sys.stderr)
        else:
            shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
