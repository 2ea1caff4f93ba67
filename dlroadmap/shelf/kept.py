"""Copies of roadmaps fetched from a URL, kept in the data folder so they open offline.

Each copy `NAME.md` sits beside `NAME.url`, which holds the address it came from (one
line of text): the shelf shows it, `update` fetches from it, and the URL given again
finds the copy.
"""

from __future__ import annotations

from pathlib import Path

from dlroadmap.common.files import write_atomically
from dlroadmap.locations import data_dir, private_folder
from dlroadmap.roadmap.ids import slugify


def kept_dir() -> Path:
    return data_dir() / "fetched"


def url_of(source: Path) -> str | None:
    """The URL a kept copy came from; None for any other file."""
    if source.parent != kept_dir():
        return None
    try:
        return source.with_suffix(".url").read_text(encoding="utf-8").strip() or None
    except (OSError, UnicodeDecodeError):
        return None


def copy_of(url: str) -> Path | None:
    """The kept copy fetched from `url`, if there is one."""
    folder = kept_dir()
    if not folder.is_dir():
        return None
    for record in sorted(folder.glob("*.url")):
        copy = record.with_suffix(".md")
        if url_of(copy) == url and copy.is_file():
            return copy
    return None


def keep(url: str, name_hint: str, text: str) -> Path:
    """Write the text fetched from `url` as its kept copy (the same one on a refetch)."""
    copy = copy_of(url)
    if copy is None:
        folder = private_folder(kept_dir())
        stem = slugify(name_hint, max_length=40) or "roadmap"
        copy = folder / f"{stem}.md"
        number = 1
        while copy.exists() or copy.with_suffix(".url").exists():
            number += 1
            copy = folder / f"{stem}-{number}.md"
        write_atomically(copy.with_suffix(".url"), url + "\n")
    write_atomically(copy, text)
    return copy
