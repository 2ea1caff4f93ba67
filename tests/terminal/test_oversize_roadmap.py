"""A roadmap too big to take in: the command refuses it in one clear paragraph."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from dlroadmap.roadmap.source import MAX_BYTES


def test_a_roadmap_over_the_size_limit_is_refused_clearly(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_bytes(b"# Big\n" + b"- item\n" * (MAX_BYTES // 7 + 1))
    result = subprocess.run(
        [sys.executable, "-m", "dlroadmap", "where", str(big)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert str(big) in result.stderr
    assert "MiB" in result.stderr
    assert "Traceback" not in result.stderr
