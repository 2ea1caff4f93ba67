"""Results worked out from some bytes, kept between runs so that a start-up skips the work.

An entry is named by a hash of the bytes and of the code that works the result out:
edited bytes, or changed code, are simply a miss. A cache is a convenience: an entry
missing, unreadable or from another version is a miss, never an error, and failing to
keep one costs only speed. Entries are private files (they may hold notes).
"""

from __future__ import annotations

import pickle
import sys
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Generic, TypeVar

from dlroadmap import __version__
from dlroadmap.common.files import write_atomically

try:
    # CPython's own BLAKE2, where hashlib gets it from: importing hashlib also loads
    # OpenSSL's libcrypto, 5 ms of every start spent on hashes never used here.
    from _blake2 import blake2b
except ImportError:  # an interpreter built without it
    from hashlib import blake2b

T = TypeVar("T")

# Entries kept per cache; the oldest go first (a user has a handful of roadmaps).
KEEP = 16

_MISSES = (
    OSError,
    pickle.UnpicklingError,
    EOFError,
    AttributeError,
    ImportError,
    TypeError,
    ValueError,  # a damaged string in the pickle
)


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
    """Values of type `kind` in `folder` (None: a cache that never holds anything),
    worked out by the modules named in `code` (dotted names, a third party's included)."""

    def __init__(self, folder: Path | None, kind: type[T], code: tuple[str, ...]) -> None:
        digest = _code_digest(code)
        self.folder = folder if digest is not None else None
        self._kind = kind
        self._code = digest or b""

    def key(self, *parts: bytes) -> str:
        digest = blake2b(self._code, digest_size=16)
        for part in parts:
            digest.update(len(part).to_bytes(8, "little"))
            digest.update(part)
        return digest.hexdigest()

    def _path(self, key: str) -> Path | None:
        return None if self.folder is None else self.folder / f"{key}.pickle"

    def get(self, key: str) -> T | None:
        path = self._path(key)
        if path is None:
            return None
        try:
            with path.open("rb") as handle:
                value = pickle.load(handle)
        except _MISSES:
            return None
        return value if isinstance(value, self._kind) else None

    def has(self, key: str) -> bool:
        path = self._path(key)
        return path is not None and path.exists()

    def put(self, key: str, value: T) -> None:
        path = self._path(key)
        if path is None:
            return
        try:
            write_atomically(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            entries = sorted(
                path.parent.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True
            )
            for old in entries[KEEP:]:
                old.unlink(missing_ok=True)
        except (OSError, RecursionError, pickle.PicklingError, TypeError, AttributeError):
            pass  # without the entry the next start works it out again: slower, nothing lost
