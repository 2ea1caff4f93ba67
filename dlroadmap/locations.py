"""Where dlroadmap keeps its files. Functions, not constants: nothing is created on import."""

from pathlib import Path

import platformdirs

APP_NAME = "dlroadmap"


def data_dir() -> Path:
    """Honours XDG_DATA_HOME on Linux, as users expect."""
    return platformdirs.user_data_path(APP_NAME)


def state_dir() -> Path:
    return data_dir() / "roadmaps"


def roadmap_cache_dir() -> Path:
    """Parsed roadmaps, kept to start faster; safe to delete at any time."""
    return platformdirs.user_cache_path(APP_NAME) / "roadmaps"


def state_cache_dir() -> Path:
    """Parsed state files (private, they hold notes), kept to start faster; safe to delete."""
    return platformdirs.user_cache_path(APP_NAME) / "states"


def style_cache_dir() -> Path:
    """Textual's parses of the app's styles, kept to start faster; safe to delete."""
    return platformdirs.user_cache_path(APP_NAME) / "styles"
