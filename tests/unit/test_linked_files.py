"""A state or settings file kept elsewhere behind a symbolic link stays linked when saved."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from dlroadmap.common.files import write_atomically
from dlroadmap.config import Config, SettingsNotSaved, load_config, save_config
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Roadmap, Status
from dlroadmap.roadmap.source import load_roadmap


@pytest.fixture
def roadmap(seed_path: Path) -> Roadmap:
    return load_roadmap(seed_path)


def test_a_linked_state_file_is_saved_through_its_link(
    roadmap: Roadmap, seed_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "data" / "roadmaps"
    first = Store.open(roadmap, seed_path, folder)
    node = next(iter(roadmap.items()))
    first.set_status(node, Status.DONE)
    # The user keeps the file in a synced folder, with a link where dlroadmap looks.
    synced = tmp_path / "sync" / "plan.toml"
    synced.parent.mkdir()
    first.path.rename(synced)
    first.path.symlink_to(synced)

    store = Store.open(roadmap, seed_path, folder)
    assert store.path == first.path
    second = list(roadmap.items())[1]
    store.set_status(second, Status.IN_PROGRESS)

    assert store.path.is_symlink()
    assert os.readlink(store.path) == str(synced)
    items = tomllib.loads(synced.read_text("utf-8"))["items"]
    assert items[node.id]["status"] == "done"
    assert items[second.id]["status"] == "in_progress"
    # Nothing was left beside either: no temp file, no copy.
    assert sorted(p.name for p in synced.parent.iterdir()) == ["plan.toml"]


def test_a_linked_settings_file_is_saved_through_its_link(tmp_path: Path) -> None:
    dotfiles = tmp_path / "dotfiles" / "dlroadmap.toml"
    dotfiles.parent.mkdir()
    dotfiles.write_text('theme = "nord"\nmouse = false\n', encoding="utf-8")
    path = tmp_path / "config" / "dlroadmap" / "config.toml"
    path.parent.mkdir(parents=True)
    # A relative link, as dotfile managers often make.
    path.symlink_to(os.path.relpath(dotfiles, path.parent))

    config, problem = load_config(path)
    assert problem is None
    save_config(path, config.with_theme("gruvbox"))

    assert path.is_symlink()
    assert load_config(dotfiles)[0] == Config(theme="gruvbox", mouse=False)
    assert load_config(path)[0] == Config(theme="gruvbox", mouse=False)


def test_a_link_to_a_file_not_there_yet_makes_the_file_where_it_points(tmp_path: Path) -> None:
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    path = tmp_path / "config.toml"
    path.symlink_to(dotfiles / "dlroadmap.toml")

    save_config(path, Config(theme="nord"))

    assert path.is_symlink()
    assert load_config(dotfiles / "dlroadmap.toml")[0].theme == "nord"


def test_a_link_loop_is_an_error_not_a_replaced_link(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    other = tmp_path / "other.toml"
    path.symlink_to(other)
    other.symlink_to(path)

    with pytest.raises(SettingsNotSaved, match="symbolic links"):
        save_config(path, Config(theme="nord"))

    assert os.readlink(path) == str(other)
    assert os.readlink(other) == str(path)


def test_a_link_planted_by_another_user_is_replaced_not_followed(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("only root can make a link owned by another user")
    precious = tmp_path / "home" / ".bashrc"
    precious.parent.mkdir()
    precious.write_text("export PATH\n", encoding="utf-8")
    # A folder others can write to, where someone else left a link to the user's file.
    shared = tmp_path / "cache"
    shared.mkdir(mode=0o777)
    planted = shared / "entry.pickle"
    planted.symlink_to(precious)
    os.lchown(planted, 4242, 4242)

    write_atomically(planted, b"cache entry")

    assert precious.read_text(encoding="utf-8") == "export PATH\n"
    assert not planted.is_symlink()
    assert planted.read_bytes() == b"cache entry"
