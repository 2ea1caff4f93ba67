"""Parsed roadmaps kept between runs, so a start-up or a `review` skips the parse.

Keyed by the markdown's bytes and the code that parses it (see content_cache.py).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from dlroadmap.common.content_cache import ContentCache
from dlroadmap.roadmap.model import Roadmap

# The modules whose code decides what a parse gives; mistune's own package file holds
# its version, so an upgrade of mistune is a miss too.
_PARSING_CODE = (
    "dlroadmap.roadmap.parser",
    "dlroadmap.roadmap.front_matter",
    "dlroadmap.roadmap.inline",
    "dlroadmap.roadmap.syntax",
    "dlroadmap.roadmap.ids",
    "dlroadmap.roadmap.model",
    "mistune",
)


@cache
def _cache(folder: Path | None) -> ContentCache[Roadmap]:
    return ContentCache(folder, Roadmap, _PARSING_CODE)


def _parse(text: str, fallback_title: str) -> Roadmap:
    # Imported here: a cache hit never loads mistune.
    from dlroadmap.roadmap.parser import parse_roadmap

    return parse_roadmap(text, fallback_title)


def cached_parse(text: str, fallback_title: str, folder: Path | None) -> Roadmap:
    """The roadmap in `text`, from `folder` if parsed before, else parsed (and kept)."""
    entries = _cache(folder)
    key = entries.key(fallback_title.encode(), text.encode("utf-8", "surrogatepass"))
    roadmap = entries.get(key)
    if roadmap is None:
        roadmap = _parse(text, fallback_title)
        entries.put(key, roadmap)
    return roadmap
