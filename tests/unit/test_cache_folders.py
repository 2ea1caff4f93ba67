"""Where caches and progress are kept: folders that are the user's alone. A folder open to
others is tightened if it is ours; one of another user's is never used (caching is simply
off; for the progress, an error naming it). Pruning removes only entries the cache wrote."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from dlroadmap import locations
from dlroadmap.cli import main
from dlroadmap.common.content_cache import KEEP, SUFFIX
from dlroadmap.roadmap import cache as roadmap_cache
from dlroadmap.roadmap.cache import cached_parse
from dlroadmap.roadmap.parser import parse_roadmap

TEXT = "# Plan\n## One\n- a\n"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def listing(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in folder.iterdir()}


@pytest.fixture(autouse=True)
def fresh_caches() -> None:
    # Each cache object checks its folder once: a test's folder is checked afresh.
    roadmap_cache._cache.cache_clear()


def test_a_cache_folder_of_ours_open_to_others_is_tightened_and_used() -> None:
    folder = locations.roadmap_cache_dir()
    folder.mkdir(parents=True)
    for opened in (folder, folder.parent):
        opened.chmod(0o777)

    cached_parse(TEXT, "plan", folder)

    assert mode(folder) == mode(folder.parent) == 0o700
    assert len(list(folder.glob(f"*{SUFFIX}"))) == 1


def test_a_cache_folder_of_another_user_is_never_read_nor_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = locations.roadmap_cache_dir()
    # An entry in the right format, under the right name, for another roadmap: trusted
    # if the folder were used.
    cached_parse("# Planted\n## Theirs\n- not yours\n", "plan", folder)
    (planted,) = folder.iterdir()
    planted.rename(folder / f"{roadmap_cache._cache(folder).key(b'plan', TEXT.encode())}{SUFFIX}")
    before = listing(folder)
    roadmap_cache._cache.cache_clear()
    real = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real + 1)

    roadmap = cached_parse(TEXT, "plan", folder)

    assert [node.text for node in roadmap.items()] == ["a"]
    assert listing(folder) == before  # nothing kept either
    assert mode(folder) == 0o700


def test_the_data_folder_of_another_user_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = locations.data_dir() / "roadmaps"
    folder.mkdir(parents=True)
    real = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real + 1)

    status = main(["where"])

    assert status != 0
    error = capsys.readouterr().err
    assert str(locations.data_dir()) in error and "another user" in error
    assert list(folder.iterdir()) == []


def test_a_data_folder_of_ours_open_to_others_is_tightened(
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = locations.data_dir() / "roadmaps"
    folder.mkdir(parents=True)
    for opened in (folder, folder.parent):
        opened.chmod(0o777)

    assert main(["where"]) == 0

    assert capsys.readouterr().out.startswith(str(folder))
    assert mode(folder) == mode(folder.parent) == 0o700


def test_pruning_removes_only_entries_the_cache_wrote(tmp_path: Path) -> None:
    # The cache folder is a link to a folder of someone's own files, some named much
    # like entries, and a link named exactly like one.
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o700)
    for index in range(KEEP + 4):
        (theirs / f"{index:032x}.pickle").write_bytes(b"theirs")
    (theirs / f"{'a' * 32}{SUFFIX}.bak").write_bytes(b"theirs")
    elsewhere = tmp_path / "precious.txt"
    elsewhere.write_bytes(b"precious")
    (theirs / f"{'b' * 32}{SUFFIX}").symlink_to(elsewhere)
    foreign = listing(theirs)
    folder = tmp_path / "cache" / "roadmaps"
    folder.parent.mkdir(mode=0o700)
    folder.symlink_to(theirs)

    for index in range(KEEP + 3):
        cached_parse(f"# Plan {index}\n## One\n- a\n", "plan", folder)

    now = listing(theirs)
    assert {name: now[name] for name in foreign} == foreign
    assert len(set(now) - set(foreign)) == KEEP
    assert elsewhere.read_bytes() == b"precious"


def test_the_parse_is_what_a_fresh_parse_gives_after_a_round_trip() -> None:
    text = "# **Bold** plan\n*tag* `line`\n## One\n- [a link](http://x) and ~~gone~~\n- (done) b\n"
    folder = locations.roadmap_cache_dir()
    cached_parse(text, "plan", folder)
    roadmap_cache._cache.cache_clear()
    again = cached_parse(text, "plan", folder)
    fresh = parse_roadmap(text, "plan")
    assert again.title == fresh.title and again.tagline == fresh.tagline
    assert [(n.id, n.title, n.trackable, n.initial_status) for n in again.walk()] == [
        (n.id, n.title, n.trackable, n.initial_status) for n in fresh.walk()
    ]
    assert again.overview == fresh.overview
