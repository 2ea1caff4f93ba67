"""Moving a broken state file aside: only the very file found broken, never over another."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from dlroadmap.progress.set_aside import move_aside

WHEN = datetime(2026, 12, 1, 21, 0, 0).astimezone()


def test_two_broken_files_moved_in_the_same_second_are_both_kept(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_bytes(b"broken = = 1")
    first = move_aside(path, b"broken = = 1", WHEN)
    path.write_bytes(b"broken = = 2")
    second = move_aside(path, b"broken = = 2", WHEN)

    assert first is not None and second is not None and first != second
    assert (first.read_bytes(), second.read_bytes()) == (b"broken = = 1", b"broken = = 2")
    assert not path.exists()


def test_a_file_that_is_no_longer_the_broken_one_stays(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_bytes(b'schema = 2\n[roadmap]\ntitle = "fresh"\n')

    assert move_aside(path, b"broken = = 1", WHEN) is None
    assert move_aside(tmp_path / "gone.toml", b"broken = = 1", WHEN) is None
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == [
        "plan.toml"
    ]
