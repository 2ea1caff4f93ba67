"""`dlroadmap review` on roadmaps as people write them: Next names study items, never the
navigation or boilerplate set aside, and what the learner must know of how the file was
read (a fence never closed) is said on stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.ptytools import state_home

README = """\
# Interview Prep

- [Arrays](#arrays)
- [Trees](#trees)

<details>
<summary>Translations</summary>

- [Bahasa Indonesia](translations/README-id.md)
- [Bulgarian](translations/README-bg.md)
- [Español](translations/README-es.md)

</details>

## Arrays

- ✅ Two pointers
- [] Sliding window

## Trees

- [ ] BFS (IN PROGRESS)
- [ ] DFS

## License

- MIT
"""


def _review(tmp_path: Path, plan: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dlroadmap", "review", str(plan), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **state_home(tmp_path)},
        timeout=60,
        check=False,
    )


def test_next_and_now_name_study_items_and_the_totals_count_only_them(tmp_path: Path) -> None:
    plan = tmp_path / "README.md"
    plan.write_text(README, encoding="utf-8")
    result = _review(tmp_path, plan, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [item["title"] for item in data["next"]] == ["Sliding window", "DFS"]
    assert [item["title"] for item in data["now"]] == ["BFS"]
    assert (data["totals"]["done"], data["totals"]["total"]) == (1, 4)
    text = _review(tmp_path, plan).stdout
    assert "Interview Prep" in text
    assert not any(word in text for word in ("Bahasa", "Bulgarian", "Español", "MIT"))


def test_review_says_where_a_fence_is_never_closed(tmp_path: Path) -> None:
    plan = tmp_path / "plan.md"
    plan.write_text("# Plan\n## A\n- one\n\n~~~\ncode\n- two\n- three\n", encoding="utf-8")
    result = _review(tmp_path, plan)
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        f"dlroadmap: {plan}: Line 5: a code fence (~~~) is never closed; "
        "the 2 list items after it are read as code.\n"
    )
    assert "one" in result.stdout
