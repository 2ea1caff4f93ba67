"""A cache entry planted or damaged where `dlroadmap review` reads its caches runs nothing:
it is a miss, and the review is what the files themselves say."""

from __future__ import annotations

import marshal
import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from dlroadmap import locations
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap
from tests.apptools import find


class _RunsCode:
    """Unpickled, it runs a shell command, as the planted pickle of issue 12 did."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Callable[[str], int], tuple[str]]:
        return os.system, (f"touch {self.marker}",)


def _code(marker: Path) -> object:
    return compile(f"open({str(marker)!r}, 'w').close()", "planted", "exec")


PLANTS: dict[str, Callable[[Path, bytes], bytes]] = {
    "pickle running code": lambda marker, _: pickle.dumps(_RunsCode(marker)),
    "marshalled code": lambda marker, _: marshal.dumps(_code(marker)),
    "code inside the data": lambda marker, entry: marshal.dumps(
        (_code(marker), *marshal.loads(entry)[1:])
    ),
    "wrong shape": lambda marker, entry: marshal.dumps(list(marshal.loads(entry))),
    "truncated": lambda marker, entry: entry[: len(entry) // 2],
    "not marshal": lambda marker, _: b"\x00garbage",
}


def _review() -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dlroadmap", "review", "--json"],
        capture_output=True,
        text=True,
        env=os.environ.copy(),  # the test's own XDG folders
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("plant", PLANTS.values(), ids=PLANTS.keys())
def test_a_planted_cache_entry_runs_nothing_and_is_a_miss(
    tmp_path: Path, plant: Callable[[Path, bytes], bytes]
) -> None:
    path = bundled_roadmap_path()
    store = Store.open(
        load_roadmap(path, cache=locations.roadmap_cache_dir()),
        path,
        locations.state_dir(),
        cache=locations.state_cache_dir(),
    )
    store.set_note(find(store.roadmap, "Learn key math foundations"), "linear algebra first")
    store.keep_in_cache()
    honest = _review()
    assert honest.returncode == 0, honest.stderr
    entries = [*locations.roadmap_cache_dir().iterdir(), *locations.state_cache_dir().iterdir()]
    assert len(entries) == 2  # the roadmap's and the state's
    marker = tmp_path / "ran"
    for entry in entries:
        entry.write_bytes(plant(marker, entry.read_bytes()))

    planted = _review()

    assert not marker.exists()
    assert planted.returncode == 0, planted.stderr
    assert planted.stdout == honest.stdout
    assert planted.stderr == ""
