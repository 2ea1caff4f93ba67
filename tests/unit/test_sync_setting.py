"""The `sync` setting: "auto" or "off", kept when another setting is saved."""

from __future__ import annotations

from pathlib import Path

from dlroadmap.config import Config, load_config, save_config


def test_sync_auto_is_read_and_kept_when_the_theme_is_saved(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('sync = "auto"\nmouse = false\n', "utf-8")
    config, problem = load_config(path)
    assert problem is None and config.sync == "auto"
    save_config(path, config.with_theme("nord"))
    assert load_config(path)[0] == Config(theme="nord", mouse=False, sync="auto")


def test_sync_is_off_unless_asked(tmp_path: Path) -> None:
    assert load_config(tmp_path / "none.toml")[0].sync == "off"


def test_a_sync_setting_that_means_nothing_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('sync = "sometimes"\n', "utf-8")
    config, problem = load_config(path)
    assert config == Config() and problem is not None
    assert 'sync "auto" or "off"' in problem
