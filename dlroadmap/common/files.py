"""Writing files so that a crash, a kill or a planted link never costs the user data."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import NamedTuple

# A file's inode, modification time and size: changes whenever it is replaced or
# rewritten (see Seen for when it cannot be trusted alone). None: no such file.
Signature = tuple[int, int, int] | None


def signature(info: os.stat_result) -> Signature:
    return (info.st_ino, info.st_mtime_ns, info.st_size)


def signature_of(path: Path) -> Signature:
    try:
        return signature(path.stat())
    except FileNotFoundError:
        return None


class Seen(NamedTuple):
    """A file as some content was read from or written to it: its signature, a hash of
    those bytes (None: unknown) and when the signature was taken."""

    signature: Signature
    digest: int | None
    at: int


def make_private_folder(folder: Path) -> None:
    """`mkdir -p`, but every folder it creates is 0700, as the XDG spec asks."""
    if folder.is_dir():
        return
    make_private_folder(folder.parent)
    folder.mkdir(mode=0o700, exist_ok=True)


def write_atomically(path: Path, text: str | bytes) -> None:
    """Replace `path` with `text` so that readers see the old file or the new, never a mix."""
    make_private_folder(path.parent)
    # mkstemp makes an unpredictable name with mode 0600 and never follows a planted link.
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(text.encode("utf-8") if isinstance(text, str) else text)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
