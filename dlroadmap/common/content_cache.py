"""Results worked out from some bytes, kept between runs so that a start-up skips the work.

An entry is named by a hash of the bytes and of the code that works the result out:
edited bytes, or changed code, are simply a miss. A cache is a convenience: an entry
missing, unreadable, malformed or from another version is a miss, never an error, and
failing to keep one costs only speed.

Entries hold data only: nested tuples, lists and dicts of str, int, float, bool and
None, written with `marshal`, which rebuilds such data and never runs code while
reading it. Each cache turns its values into that data and back with its own explicit
decoder, which checks every shape and type (anything else, a code object included, is
a miss). Entries are private files (they may hold notes), kept in a folder that is the
user's alone: one that anyone else owns or may write to is not used (see locations.py).
"""

from __future__ import annotations

import marshal
import os
import re
import stat
import sys
from collections.abc import Callable
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Generic, TypeVar

from dlroadmap import __version__
from dlroadmap.common.files import write_atomically
from dlroadmap.locations import UnsafeFolderError, private_folder

try:
    # CPython's own BLAKE2, where hashlib gets it from: importing hashlib also loads
    # OpenSSL's libcrypto, 5 ms of every start spent on hashes never used here.
    from _blake2 import blake2b
except ImportError:  # an interpreter built without it
    from hashlib import blake2b

T = TypeVar("T")

# Entries kept per cache; the oldest go first. Room for a shelf of a few dozen roadmaps,
# which `dlroadmap list` reads from the cache.
KEEP = 64

SUFFIX = ".dlroadmap-cache"
# The names this cache gives its entries: pruning touches nothing else in the folder.
_ENTRY_NAME = re.compile(r"[0-9a-f]{32}" + re.escape(SUFFIX))


class Malformed(Exception):
    """An entry's data is not what its decoder expects: a miss."""


# Everything reading an entry back may raise on bad bytes or bad data: all misses.
_MISSES = (OSError, EOFError, ValueError, TypeError, KeyError, RecursionError, Malformed)


@cache
def _code_digest(code: tuple[str, ...]) -> bytes | None:
    """The modules whose code decides the value, by name, read as files (found, not
    imported: a hit never loads what a miss would need), and Python's version, which
    brings tomllib. None when one of them is not a plain file (a zip install): then
    nothing is cached, rather than risk serving what other code made."""
    digest = blake2b(f"{__version__}\0{sys.version}".encode())
    for name in code:
        try:
            spec = find_spec(name)
            origin = None if spec is None else spec.origin
            if origin is None:
                return None
            digest.update(name.encode() + b"\0" + Path(origin).read_bytes())
        except (OSError, ImportError, ValueError):
            return None
    return digest.digest()


class ContentCache(Generic[T]):
    """Values in `folder` (None: a cache that never holds anything), worked out by the
    modules named in `code` (dotted names, a third party's included), kept as the plain
    data `encode` makes and rebuilt by `decode` (which raises on anything unexpected)."""

    def __init__(
        self,
        folder: Path | None,
        code: tuple[str, ...],
        encode: Callable[[T], Any],
        decode: Callable[[object], T],
    ) -> None:
        # This module's own code decides how entries are written, hence their names too.
        digest = _code_digest((__name__, *code))
        self._folder = folder if digest is not None else None
        self._checked = False
        self._code = digest or b""
        self._encode = encode
        self._decode = decode

    @property
    def folder(self) -> Path | None:
        """Where entries are kept; None when nothing is (no folder, or not a safe one)."""
        if not self._checked and self._folder is not None:
            self._checked = True
            try:
                # Not made here: reading creates nothing (put makes it).
                private_folder(self._folder, create=False)
            except (UnsafeFolderError, OSError):
                self._folder = None  # caching off: slower, never less safe
        return self._folder

    def key(self, *parts: bytes) -> str:
        digest = blake2b(self._code, digest_size=16)
        for part in parts:
            digest.update(len(part).to_bytes(8, "little"))
            digest.update(part)
        return digest.hexdigest()

    def _path(self, key: str) -> Path | None:
        folder = self.folder
        return None if folder is None else folder / f"{key}{SUFFIX}"

    def get(self, key: str) -> T | None:
        path = self._path(key)
        if path is None:
            return None
        try:
            # Never through a link: an entry is a file this cache wrote.
            handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
            with os.fdopen(handle, "rb") as entry:
                return self._decode(marshal.loads(entry.read()))
        except _MISSES:
            return None

    def has(self, key: str) -> bool:
        path = self._path(key)
        return path is not None and path.exists()

    def put(self, key: str, value: T) -> None:
        path = self._path(key)
        if path is None:
            return
        try:
            private_folder(path.parent)
            write_atomically(path, marshal.dumps(self._encode(value)))
            _prune(path.parent)
        except (UnsafeFolderError, OSError, ValueError, RecursionError):
            pass  # without the entry the next start works it out again: slower, nothing lost


def _prune(folder: Path) -> None:
    """Keep the newest KEEP entries; files of any other name or kind are not ours."""
    entries: list[tuple[int, Path]] = []
    with os.scandir(folder) as found:
        for item in found:
            if _ENTRY_NAME.fullmatch(item.name):
                info = item.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode):
                    entries.append((info.st_mtime_ns, Path(item.path)))
    entries.sort(reverse=True)
    for _, old in entries[KEEP:]:
        old.unlink(missing_ok=True)
