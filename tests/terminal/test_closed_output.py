"""A printing command whose reader has gone (`dlroadmap review | head -2`) ends quietly."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

# What a shell reports for a command its reader left, as for `yes | head -1`.
EXIT_BROKEN_PIPE = 141


@pytest.mark.parametrize(
    "command",
    [["review"], ["review", "--json"], ["export"], ["export", "--format", "json"], ["where"]],
)
def test_a_closed_standard_output_ends_the_command_quietly(command: list[str]) -> None:
    reading, writing = os.pipe()
    # The reader is gone before the first line is written: every write fails.
    os.close(reading)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "dlroadmap", *command],
            stdin=subprocess.DEVNULL,
            stdout=writing,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(writing)

    assert result.stderr == ""
    assert result.returncode == EXIT_BROKEN_PIPE
