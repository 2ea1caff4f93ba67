"""Where dlroadmap keeps its files. Functions, not constants: nothing is created on import."""

from pathlib import Path

import platformdirs

APP_NAME = "dlroadmap"


def data_dir() -> Path:
    """Honours XDG_DATA_HOME on Linux, as users expect."""
    return platformdirs.user_data_path(APP_NAME)


def state_dir() -> Path:
    return data_dir() / "roadmaps"
