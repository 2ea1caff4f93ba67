"""State files paired by the roadmap they hold, not by their names.

A state file is named after its roadmap's title (or file, when it has none), so two
machines can name one roadmap's progress differently, or two roadmaps the same. Before a
merge, a file both machines added under one name but that holds two different roadmaps
is kept apart (ours gets the next free name); after it, a file that arrived under
another name but holds the progress of a roadmap this machine has is merged into the
file this machine opens for it. Either way nothing is lost.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from dlroadmap.common.files import write_atomically
from dlroadmap.common.printable import path_text
from dlroadmap.errors import DlroadmapError, StateError
from dlroadmap.locations import roadmap_cache_dir
from dlroadmap.progress.locate import find_state, holds_progress_of
from dlroadmap.progress.state import State, decode_state, dump_state
from dlroadmap.roadmap.model import Roadmap
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap
from dlroadmap.sync.driver import merge_states
from dlroadmap.sync.repo import STATES, Repo
from dlroadmap.sync.sources import markdown_here, read_map, with_source, write_map


def _here(repo: Repo, name: str) -> State | None:
    path = repo.folder / name
    try:
        return decode_state(path.read_bytes(), path)
    except (OSError, StateError):
        return None


def _markdown(state: State) -> tuple[Path, Roadmap] | None:
    """This machine's markdown of the state's roadmap, parsed (None: not here, or broken)."""
    path = markdown_here(state)
    if path is None:
        return None
    try:
        return path, load_roadmap(path, cache=roadmap_cache_dir())
    except DlroadmapError:
        return None


def _same(ours: State, theirs: State) -> bool:
    """Whether two files of one name hold one roadmap (either empty: nothing to mix up)."""
    if not ours.items or not theirs.items:
        return True
    found = _markdown(ours)
    if found is None:
        return ours.title == theirs.title  # nothing better to tell by
    return holds_progress_of(theirs, found[1])


def keep_apart(repo: Repo, theirs: str) -> list[str]:
    """Rename our files that share a name with another roadmap's arriving; what was done."""
    head = repo.head()
    if head is None:
        return []
    base = repo.git.run("merge-base", head, theirs, check=False).strip() or None
    taken = {*repo.state_files_at(head), *repo.state_files_at(theirs)}
    told = []
    for name in sorted(set(repo.state_files_at(theirs)) - set(repo.state_files_at(base))):
        ours, other = _here(repo, name), repo.state_at(theirs, name)
        if name not in repo.state_files_at(head) or ours is None or other is None:
            continue
        if _same(ours, other):
            continue
        new = _free_name(name, taken)
        taken.add(new)
        repo.git.run("mv", name, new)
        sources = read_map(repo.git_dir)
        if name in sources:
            sources[new] = sources.pop(name)
            write_map(repo.git_dir, sources)
        told.append(f"{name} kept apart as {new}: another machine has another roadmap of that name")
    if told:
        repo.git.run("commit", "-q", "--no-verify", "-m", "; ".join(told), commits=True)
    return told


def _free_name(name: str, taken: set[str]) -> str:
    stem = PurePosixPath(name).stem
    number = 2
    while f"{STATES}/{stem}-{number}.toml" in taken:
        number += 1
    return f"{STATES}/{stem}-{number}.toml"


def unite(repo: Repo, arrived: list[str]) -> list[str]:
    """Merge files that arrived under another name into the file this machine opens for
    the same roadmap, and remove them; what was done."""
    told = []
    for name in repo.state_files_here():
        state = _here(repo, name)
        found = _markdown(state) if state is not None else None
        if found is None:
            continue
        source, roadmap = found
        source_text = state.source if state is not None else ""
        path, kept = find_state(roadmap, source, repo.folder / STATES)
        kept_name = f"{STATES}/{path.name}"
        merged = [other for other in arrived if _arrived_for(repo, other, roadmap)]
        merged = [other for other in merged if other != kept_name]
        if kept is None or not merged:
            continue
        if name not in (kept_name, *merged):
            merged.append(name)  # ours too, found after an arrived one of the same roadmap
        for other in merged:
            theirs = _here(repo, other)
            assert theirs is not None
            kept = merge_states(State("", ""), kept, theirs)
        kept.source = source_text  # the file kept may be one that arrived: it names ours
        write_atomically(path, dump_state(kept))
        repo.git.run("rm", "-q", "--", *merged)
        repo.git.run("add", "--", kept_name)
        arrived = [other for other in arrived if other not in merged]
        told.append(f"{', '.join(merged)} merged into {kept_name}: the same roadmap")
    if told:
        repo.git.run("commit", "-q", "--no-verify", "-m", "; ".join(told), commits=True)
    return told


def _arrived_for(repo: Repo, name: str, roadmap: Roadmap) -> bool:
    """Whether a file that arrived holds this roadmap's progress (and no other markdown
    of this machine's)."""
    state = _here(repo, name)
    return state is not None and markdown_here(state) is None and holds_progress_of(state, roadmap)


def adopt(repo: Repo) -> list[str]:
    """Files whose markdown is not here, but is one this machine knows: the plan bundled
    with dlroadmap, or a markdown this machine had for another file (one that a merge on
    the other machine united with it). They name it."""
    sources = read_map(repo.git_dir)
    names = repo.state_files_here()
    states = {name: _here(repo, name) for name in names}
    in_use = {state.source for state in states.values() if state is not None}
    known = {*sources.values(), path_text(bundled_roadmap_path().resolve())}
    told = []
    for name, state in states.items():
        if state is None or markdown_here(state) is not None or not state.items:
            continue
        for source in sorted(known - in_use):
            found = _markdown(State("", source))
            if found is not None and holds_progress_of(state, found[1]):
                path = repo.folder / name
                write_atomically(path, with_source(path.read_text("utf-8"), source))
                sources[name] = source
                in_use.add(source)
                told.append(f"{name}: its markdown is {source}")
                break
    write_map(repo.git_dir, sources)
    return told
