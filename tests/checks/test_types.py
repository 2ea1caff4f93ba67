"""`mypy --strict` over dlroadmap/ is part of the test run, as ruff is (config: pyproject.toml)."""

import subprocess
import sys

from tests.repo import ROOT


def test_mypy_strict_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout
