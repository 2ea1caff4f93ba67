"""Where dlroadmap keeps its files. Functions, not constants: nothing is created on import.

The data and cache folders hold notes, and the caches are read back as data a start-up
trusts: each is the user's alone (owned by them, mode 0700). One that group or others may
use is tightened if it is the user's, and refused if it is someone else's.
"""

import os
import stat
from pathlib import Path

import platformdirs

from dlroadmap.common.files import make_private_folder
from dlroadmap.errors import DlroadmapError

APP_NAME = "dlroadmap"


class UnsafeFolderError(DlroadmapError):
    """A folder dlroadmap would keep private files in belongs to someone else."""

    def __str__(self) -> str:
        return f"Cannot use the folder {self.path}: {self.problem}"


def _make_private(folder: Path) -> None:
    info = folder.stat()  # through a link: what matters is the folder written into
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafeFolderError(folder, "it is not a folder.")
    if info.st_uid != os.getuid():
        raise UnsafeFolderError(
            folder,
            f"it belongs to another user (uid {info.st_uid}), who could read or plant "
            "files there. Remove it, or make it yours and private (chmod 700).",
        )
    if stat.S_IMODE(info.st_mode) & 0o077:
        try:
            folder.chmod(0o700)
        except OSError as error:
            raise UnsafeFolderError(
                folder, f"others may use it, and it could not be made private ({error.strerror})."
            ) from None


def private_folder(folder: Path, *, create: bool = True) -> Path:
    """`folder` and its parent, checked as fit for private files: made 0700 if missing
    (`create`), tightened to 0700 if the user's, UnsafeFolderError if another's."""
    if create:
        make_private_folder(folder)
    for checked in (folder.parent, folder):
        if create or checked.exists():
            _make_private(checked)
    return folder


def data_dir() -> Path:
    """Honours XDG_DATA_HOME on Linux, as users expect."""
    return platformdirs.user_data_path(APP_NAME)


def editing_dir() -> Path:
    """Where notes being edited in $EDITOR are kept (not created here)."""
    return data_dir() / "editing"


def state_dir() -> Path:
    """The state files, in a private folder (made by the first save: not created here)."""
    return private_folder(data_dir() / "roadmaps", create=False)


def _cache_root() -> Path:
    return platformdirs.user_cache_path(APP_NAME)


def roadmap_cache_dir() -> Path:
    """Parsed roadmaps, kept to start faster; safe to delete at any time."""
    return _cache_root() / "roadmaps"


def style_cache_dir() -> Path:
    """Textual's parsed stylesheets, kept to start faster; safe to delete at any time."""
    return _cache_root() / "styles"


def state_cache_dir() -> Path:
    """Parsed state files (private, they hold notes), kept to start faster; safe to delete."""
    return _cache_root() / "states"
