"""Roadmaps from a URL on the shelf: added (fetched, a copy kept, a state file made so it
is listed from then on) and updated (fetched again; what changed said before it is
applied, and every topic's progress following it, as in a live reload)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dlroadmap.common.printable import path_text
from dlroadmap.errors import RoadmapError
from dlroadmap.fetch.get import fetch
from dlroadmap.progress.changes import Changes, changes
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.cache import cached_parse
from dlroadmap.roadmap.model import Roadmap
from dlroadmap.roadmap.source import load_roadmap, read_text
from dlroadmap.shelf.kept import keep, url_of


@dataclass(frozen=True, slots=True)
class Folders:
    """Where state files are, and the caches (None: not used)."""

    states: Path
    state_cache: Path | None = None
    roadmap_cache: Path | None = None


def add(url: str, folders: Folders) -> tuple[Path, Roadmap]:
    """Fetch `url`, keep its copy and put it on the shelf; the copy and its roadmap."""
    fetched = fetch(url)
    name = Path(fetched.found_at).stem
    roadmap = cached_parse(fetched.text, name, folders.roadmap_cache)
    copy = keep(url, roadmap.text or name, fetched.text)
    roadmap = load_roadmap(copy, cache=folders.roadmap_cache)
    store = Store.open(roadmap, copy, folders.states, cache=folders.state_cache)
    if not store.path.exists():
        store.save()  # an empty state file: the roadmap is on the shelf from now on
    return copy, roadmap


@dataclass(frozen=True, slots=True)
class Update:
    """A kept copy's latest version, not yet applied."""

    copy: Path
    url: str
    text: str
    title: str
    changes: Changes
    unchanged: bool  # the very same markdown as the copy


def source_url(copy: Path) -> str:
    url = url_of(copy)
    if url is None:
        raise RoadmapError(
            copy, "it was not added from a URL, so there is nothing to update it from."
        )
    return url


def check(copy: Path, folders: Folders) -> Update:
    """Fetch the latest version of the roadmap kept in `copy`, and what it would change."""
    url = source_url(copy)
    fetched = fetch(url)
    before = load_roadmap(copy, cache=folders.roadmap_cache)
    if fetched.text == read_text(copy):
        return Update(copy, url, fetched.text, before.text, changes(before, before, []), True)
    after = cached_parse(fetched.text, path_text(copy.stem), folders.roadmap_cache)
    store = Store.open(before, copy, folders.states, writable=False, cache=folders.state_cache)
    moved = store.reload(after)
    return Update(copy, url, fetched.text, after.text, changes(before, after, moved), False)


def apply(update: Update, folders: Folders) -> None:
    """Keep the new version; its state file follows (every topic's progress re-attached)."""
    keep(update.url, update.title, update.text)
    roadmap = load_roadmap(update.copy, cache=folders.roadmap_cache)
    store = Store.open(roadmap, update.copy, folders.states, cache=folders.state_cache)
    store.save()


def refresh(copy: Path) -> bool:
    """Fetch the latest version into the kept copy (the app's live reload does the rest);
    whether it changed."""
    url = source_url(copy)
    fetched = fetch(url)
    if fetched.text == read_text(copy):
        return False
    keep(url, copy.stem, fetched.text)
    return True
