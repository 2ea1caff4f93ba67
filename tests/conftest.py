"""Shared fixtures: every test runs with its own XDG folders, never the user's."""

from __future__ import annotations

from pathlib import Path

import pytest

from dlroadmap.roadmap.source import bundled_roadmap_path
from tests.repo import CORPUS


@pytest.fixture(autouse=True)
def isolated_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the XDG data, config and cache homes at fresh folders; returns the data home."""
    data_home = tmp_path / "xdg-data"
    config_home = tmp_path / "xdg-config"
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config_home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    return data_home


@pytest.fixture(autouse=True)
def no_browser(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test ever starts a browser: `o` copies (no display), and starting one fails."""
    from dlroadmap.app import open_link

    for name in ("DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)

    def refuse(url: str) -> None:
        raise AssertionError(f"a test tried to open {url} in a browser")

    monkeypatch.setattr(open_link, "launch_browser", refuse)


@pytest.fixture
def seed_path() -> Path:
    """The study plan bundled with the package."""
    return bundled_roadmap_path()


@pytest.fixture
def corpus_dir() -> Path:
    """Real-world roadmaps collected for testing; skips when the checkout lacks them."""
    path = CORPUS
    if not path.is_dir():
        pytest.skip(f"the shared roadmap corpus is not present at {path}")
    return path
