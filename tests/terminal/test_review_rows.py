"""`dlroadmap review` on a roadmap whose study items are table rows, paragraphs and tasks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.ptytools import state_home

CURRICULUM = """\
# Curriculum

## Core programming

Courses | Duration | Effort
:-- | :-- | :--
[Systematic Program Design](https://example.com/spd) | 13 weeks | 8-10 hours/week
[Class-based Program Design](https://example.com/cpd) | 13 weeks | 5-10 hours/week

## Projects

**Fizz Buzz** - Print the numbers from 1 to 100.

**Note:** any language will do.

**Reverse a String** - Enter a string and reverse it.

## Reading
- [ ] [Machine Learning for Hackers](https://example.com/hackers)
    - [GitHub repository](https://github.com/example/hackers)
- [x] [Python Machine Learning](https://example.com/pyml)
"""


def test_review_counts_and_offers_rows_paragraphs_and_tasks_not_resources(
    tmp_path: Path,
) -> None:
    roadmap = tmp_path / "curriculum.md"
    roadmap.write_text(CURRICULUM, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "dlroadmap", "review", "--json", str(roadmap)],
        capture_output=True,
        text=True,
        env={**os.environ, **state_home(tmp_path)},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    # Two courses, two projects, two tasks; the task's repository is not a to-do.
    assert data["totals"]["total"] == 6
    assert data["totals"]["done"] == 1
    assert [entry["title"] for entry in data["next"]][:3] == [
        "Systematic Program Design",
        "Class-based Program Design",
        "Fizz Buzz",
    ]
