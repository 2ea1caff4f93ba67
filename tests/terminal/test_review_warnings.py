"""`dlroadmap review` names what the learner must know of how the file was read."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.ptytools import state_home


def test_review_says_where_a_fence_is_never_closed(tmp_path: Path) -> None:
    plan = tmp_path / "plan.md"
    plan.write_text("# Plan\n## A\n- one\n\n~~~\ncode\n- two\n- three\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "dlroadmap", "review", str(plan)],
        capture_output=True,
        text=True,
        env={**os.environ, **state_home(tmp_path)},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        f"dlroadmap: {plan}: Line 5: a code fence (~~~) is never closed; "
        "the 2 list items after it are read as code.\n"
    )
    assert "one" in result.stdout
