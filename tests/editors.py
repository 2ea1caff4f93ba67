"""Stand-in editors for $EDITOR tests: small scripts that do to the file what a user would."""

from __future__ import annotations

import sys
from pathlib import Path


def write_script(path: Path, body: str) -> Path:
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def python_editor(tmp_path: Path, body: str, name: str = "editor") -> Path:
    """An 'editor' that runs `body` with `path` bound to the file it is given."""
    script = tmp_path / name
    script.write_text(
        f"#!{sys.executable}\nimport sys\nfrom pathlib import Path\npath = Path(sys.argv[-1])\n"
        f"{body}\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    return script
