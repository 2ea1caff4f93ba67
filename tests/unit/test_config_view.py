"""The tree's view and split in config.toml: read back as written, refused when wrong."""

from __future__ import annotations

from pathlib import Path

from dlroadmap.config import Config, load_config, save_config


def test_show_and_tree_width_are_written_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    save_config(path, Config(theme="nord").with_view("in_progress", 35))
    text = path.read_text(encoding="utf-8")
    assert 'show = "in_progress"' in text
    assert "tree_width = 35" in text
    config, problem = load_config(path)
    assert problem is None
    assert (config.theme, config.show, config.tree_width) == ("nord", "in_progress", 35)


def test_defaults_are_not_written(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    save_config(path, Config(theme="nord"))
    text = path.read_text(encoding="utf-8")
    assert "show" not in text
    assert "tree_width" not in text


def test_a_show_or_width_that_cannot_be_is_reported_by_name(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    for wrong in ('show = "done"', "tree_width = 95", 'tree_width = "wide"'):
        path.write_text(wrong + "\n", encoding="utf-8")
        config, problem = load_config(path)
        assert config == Config()
        assert problem is not None
        assert "config.toml" in problem
        assert "show one of all, not_done, in_progress, todo" in problem
        assert "tree_width a number from 20 to 80" in problem
