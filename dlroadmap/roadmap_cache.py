"""Parsed roadmaps kept between runs, so a start-up or a `review` skips the parse.

Keyed by a hash of the markdown's bytes and of the code that parses it: an edited
file, or a changed parser, simply parses again. The cache is a convenience:
a file missing, unreadable or from another version is a miss, never an error.
"""

from __future__ import annotations

import hashlib
import pickle
from functools import cache
from pathlib import Path

from . import __version__
from .files import write_atomically
from .model import Roadmap

# Files kept; the oldest go first (a user has a handful of roadmaps, each edited now and then).
KEEP = 16


# The modules whose code decides what a parse gives (read, not imported: no mistune).
_PARSING_CODE = ("parser.py", "ids.py", "model.py")


@cache
def _code_digest() -> bytes:
    digest = hashlib.sha256(__version__.encode())
    for name in _PARSING_CODE:
        try:
            digest.update(Path(__file__).with_name(name).read_bytes())
        except OSError:
            digest.update(name.encode())  # not a plain file (a zip install): the version decides
    return digest.digest()


def _key(text: str, fallback_title: str) -> str:
    digest = hashlib.sha256(_code_digest())
    digest.update(f"\0{fallback_title}\0".encode())
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


def _parse(text: str, fallback_title: str) -> Roadmap:
    # Imported here: a cache hit never loads mistune.
    from .parser import parse_roadmap

    return parse_roadmap(text, fallback_title)


def cached_parse(text: str, fallback_title: str, folder: Path | None) -> Roadmap:
    """The roadmap in `text`, from `folder` if parsed before, else parsed (and kept)."""
    if folder is None:
        return _parse(text, fallback_title)
    path = folder / f"{_key(text, fallback_title)}.pickle"
    try:
        with path.open("rb") as handle:
            roadmap = pickle.load(handle)
        if isinstance(roadmap, Roadmap):
            return roadmap
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        pass  # a miss: parsed below, and the entry rewritten
    roadmap = _parse(text, fallback_title)
    try:
        write_atomically(path, pickle.dumps(roadmap, protocol=pickle.HIGHEST_PROTOCOL))
        _prune(folder)
    except (OSError, RecursionError):
        pass  # without a cache the next start parses again: slower, nothing lost
    return roadmap


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        old.unlink(missing_ok=True)
