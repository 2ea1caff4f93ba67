"""What `dlroadmap review` writes, as its help and the README say: the roadmap's parse cache
entry when it is not there yet, and nothing else (not the state file, nor its cache)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from dlroadmap import locations
from dlroadmap.common.content_cache import SUFFIX
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap
from tests.apptools import find


def files_under(root: Path) -> dict[Path, tuple[bytes, int]]:
    return {
        path: (path.read_bytes(), path.stat().st_mtime_ns)
        for path in root.rglob("*")
        if path.is_file()
    }


def review() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dlroadmap", "review"],
        capture_output=True,
        text=True,
        env=os.environ.copy(),  # the test's own XDG folders
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_review_writes_only_the_roadmap_parse_cache(tmp_path: Path) -> None:
    path = bundled_roadmap_path()
    store = Store.open(load_roadmap(path), path, locations.state_dir())
    store.set_note(find(store.roadmap, "Learn key math foundations"), "linear algebra first")
    before = files_under(tmp_path)

    review()

    after = files_under(tmp_path)
    written = {file for file in after if before.get(file) != after[file]}
    assert {file.parent for file in written} == {locations.roadmap_cache_dir()}
    assert [file.name.endswith(SUFFIX) for file in written] == [True]
    assert not locations.state_cache_dir().exists()

    review()

    assert files_under(tmp_path) == after  # found cached: nothing written at all
