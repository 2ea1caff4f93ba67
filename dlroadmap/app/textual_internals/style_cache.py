"""Textual's parsed stylesheets, kept between runs so that a start-up skips parsing TCSS.

Before the first frame Textual parses the app's app.tcss and every widget class's
DEFAULT_CSS: a twentieth of the work of a start-up, redone identically every time.
A parse depends only on the CSS text, where it was read from, the theme's
variables and Textual's version, and Textual keeps each one in its stylesheet's
parse cache for the life of one app. A StyleCache fills that cache as the app
loads with the parses the previous run kept, and keeps the cache's content when
the app exits, named by Textual's code as installed and the theme's variables.
Edited CSS has other text, so it is parsed afresh: a stale parse is never used.

The parse cache is Textual's private API (`Stylesheet._parse_cache`, an LRUCache
keyed by the CSS text and where it came from): anything unexpected there means no
caching, never an error.
"""

from __future__ import annotations

import os
from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import Any

import textual
from textual.css.stylesheet import Stylesheet

from dlroadmap.common.content_cache import ContentCache

Parses = dict[tuple[Any, ...], list[Any]]


def _files(folder: Path) -> list[str]:
    """Each module in `folder`: name, size and time (an edit changes them)."""
    with os.scandir(folder) as entries:
        return [
            f"{folder.name}/{entry.name} {info.st_size} {info.st_mtime_ns}"
            for entry in entries
            if entry.name.endswith(".py") and (info := entry.stat())
        ]


@cache
def _textual_code() -> bytes | None:
    """Textual as installed (None: not as plain files): the versions of Textual and of Rich,
    whose objects a parse holds too, by their dist-info folders' names, and the modules
    whose code parses. Not textual.__version__: that reads the package's metadata, which
    costs about as much as the parse saved."""
    package = Path(textual.__file__).parent
    try:
        with os.scandir(package.parent) as entries:
            found = [
                entry.name
                for entry in entries
                if entry.name.startswith(("textual-", "rich-"))
                and entry.name.endswith(".dist-info")
            ]
        for folder in (package, package / "css", package / "layouts"):
            found += _files(folder)
    except OSError:
        return None
    return "\n".join(sorted(found)).encode()


class StyleCache:
    """Parsed stylesheets in `folder` (safe to delete, like every cache)."""

    def __init__(self, folder: Path) -> None:
        # No code of ours decides a parse's value: Textual's is in every key.
        self._entries: ContentCache[dict[Any, Any]] = ContentCache(folder, dict, ())
        # The entry for the variables the app loaded with, and the parses it held.
        self._loaded_key: str | None = None
        self._restored: frozenset[tuple[Any, ...]] = frozenset()

    def _key(self, stylesheet: Stylesheet) -> str | None:
        variables = getattr(stylesheet, "_variables", None)
        code = _textual_code()
        if not isinstance(variables, dict) or code is None:
            return None
        return self._entries.key(code, repr(sorted(variables.items())).encode())

    def restore(self, stylesheet: Stylesheet) -> None:
        """Hand Textual the parses kept for this stylesheet's variables, before it parses."""
        try:
            self._restore(stylesheet)
        except Exception:  # a cache only speeds things up: never the reason a start fails
            self._loaded_key = None

    def _restore(self, stylesheet: Stylesheet) -> None:
        key = self._loaded_key = self._key(stylesheet)
        cache = getattr(stylesheet, "_parse_cache", None)
        if key is None or cache is None or not hasattr(cache, "set"):
            return
        parses = self._entries.get(key)
        if parses is None:
            return
        for css_key, rules in parses.items():
            if isinstance(css_key, tuple) and isinstance(rules, list):
                cache.set(css_key, rules)
        self._restored = frozenset(parses)

    def keep(self, stylesheet: Stylesheet) -> None:
        """Keep what the stylesheet has parsed, if that is more than was restored.

        Only for the variables it loaded with: a theme chosen in the settings is applied
        after loading, by a full re-parse that no entry could serve."""
        with suppress(Exception):  # nor the reason an exit fails
            self._keep(stylesheet)

    def _keep(self, stylesheet: Stylesheet) -> None:
        key = self._key(stylesheet)
        cache = getattr(stylesheet, "_parse_cache", None)
        if key is None or key != self._loaded_key or cache is None or not hasattr(cache, "keys"):
            return
        # An LRUCache, not a dict: it has keys() but cannot be iterated.
        css_keys = list(cache.keys())
        parses: Parses = {css_key: cache.get(css_key) for css_key in css_keys}
        if parses and not set(parses) <= self._restored:
            self._entries.put(key, parses)
            self._restored = frozenset(parses)
