"""The command line's part of the shelf: which roadmap a ROADMAP argument (or none) names,
`dlroadmap list`, `add URL`, `update`, and the other roadmaps under `review`."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from dlroadmap.command import Command
from dlroadmap.common.printable import printable, printable_path
from dlroadmap.errors import RoadmapError
from dlroadmap.locations import roadmap_cache_dir, state_cache_dir, state_dir
from dlroadmap.progress.state import State
from dlroadmap.roadmap.source import bundled_roadmap_path
from dlroadmap.shelf.kept import copy_of
from dlroadmap.shelf.recent import last_opened

if TYPE_CHECKING:
    import argparse

    from dlroadmap.fetch.update import Folders, Update
    from dlroadmap.progress.store import Store
    from dlroadmap.shelf.entries import Entry
    from dlroadmap.shelf.others import Shelved


def shelf(*, counted: bool = False, keep: bool = False) -> list[Entry]:
    from dlroadmap.shelf.entries import read_shelf  # the everyday start never reads it

    return read_shelf(
        state_dir(),
        state_cache=state_cache_dir(),
        roadmap_cache=roadmap_cache_dir(),
        counted=counted,
        keep=keep,
    )


def most_recent() -> Path:
    """The markdown opened last; the bundled plan on a fresh machine."""
    last = last_opened()
    if last is None:
        return bundled_roadmap_path()
    if not last.is_file():
        raise RoadmapError(
            last,
            "the roadmap you opened last is no longer there. Open it where it is now "
            "(dlroadmap PATH: its progress comes along), or another one: dlroadmap list "
            "shows them, dlroadmap --bundled opens the bundled plan.",
        )
    return last


def source_of(argument: str | None, *, fetch_new: bool = False) -> Path:
    """The markdown a ROADMAP argument names (None: the one opened last). `fetch_new`:
    a URL not added yet is fetched and added now."""
    if argument is None:
        return most_recent()
    from dlroadmap.shelf.choose import choose, is_url  # only when a roadmap is named

    if fetch_new and is_url(argument) and copy_of(argument) is None:
        return _add(argument)[0]
    return choose(argument, shelf)


def _folders() -> Folders:
    from dlroadmap.fetch.update import Folders

    return Folders(state_dir(), state_cache_dir(), roadmap_cache_dir())


def _add(url: str) -> tuple[Path, str]:
    from dlroadmap.fetch.update import add

    copy, roadmap = add(url, _folders())
    return copy, roadmap.text


# -- list ----------------------------------------------------------------------------


def list_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the list as JSON")


def run_list(args: argparse.Namespace) -> int:
    from dlroadmap.shelf import listing

    entries = shelf(counted=True, keep=True)
    if args.json:
        import json

        print(json.dumps(listing.to_json(entries), indent=2, ensure_ascii=False))
    else:
        print("\n".join(listing.lines(entries, date.today())))
    return 0


# -- add and update ------------------------------------------------------------------


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "url",
        metavar="URL",
        help="a markdown file's address, or a repository's page on GitHub, GitLab or "
        "Codeberg (its README), or a file's page there",
    )


def run_add(args: argparse.Namespace) -> int:
    kept = copy_of(args.url)
    if kept is not None:
        print(f"Already on your shelf, kept in {printable_path(kept)}.")
        print("dlroadmap update fetches its latest version.")
        return 0
    copy, title = _add(args.url)
    print(f'Added "{printable(title)}", kept in {printable_path(copy)} (it opens offline).')
    print(f'Open it: dlroadmap "{printable(title)}"')
    return 0


def update_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--yes", action="store_true", help="apply what changed without asking first"
    )


def _described(update: Update) -> list[str]:
    found = update.changes
    lines = [f"{found.counts()}:"]
    lines += [f"  + {printable(text)}" for text in found.added]
    lines += [f"  - {printable(text)}" for text in found.removed]
    for before, now in found.moved:
        if before == now:
            lines.append(f"  moved: {printable(now)}")
        else:
            lines.append(f"  renamed: {printable(before)} → {printable(now)}")
    return lines


def run_update(args: argparse.Namespace) -> int:
    from dlroadmap.fetch.update import apply, check

    folders = _folders()
    update = check(source_of(args.roadmap), folders)
    title = printable(update.title)
    if update.unchanged:
        print(f'"{title}" is up to date with {printable(update.url)}.')
        return 0
    print(f'"{title}" at {printable(update.url)} changed: ', end="")
    print("\n".join(_described(update)))
    if not args.yes and sys.stdin.isatty() and sys.stdout.isatty():
        try:
            answer = input("Apply it (your progress and notes follow their topics)? [y/N] ")
        except EOFError:
            answer = ""
        if answer.strip().casefold() not in ("y", "yes"):
            print("Nothing changed.")
            return 1
    apply(update, folders)
    print("Applied: your progress and notes followed their topics.")
    return 0


# -- review --------------------------------------------------------------------------


def with_others(store: Store, today: date) -> tuple[State, Shelved]:
    """The state to review (its days counting every roadmap's actions, for the streak),
    and the other roadmaps to list under the review."""
    from dlroadmap.shelf.others import shelved, with_activity_of

    rest = shelved(shelf(), store.path, today, roadmap_cache=roadmap_cache_dir())
    return with_activity_of(store.state, rest.activity), rest


# The shelf's subcommands, listed by `dlroadmap --help` after `review`.
COMMANDS = (
    Command(
        "list",
        "list the roadmaps you follow, the last studied first",
        "List every roadmap with saved progress, the most recently studied first: its "
        "title, done/total, when you last studied it and where its markdown lives "
        "(flagged when it is gone). Writes nothing but the parse caches.",
        list_options,
        run_list,
        takes_roadmap=False,
    ),
    Command(
        "add",
        "fetch a roadmap from a URL and put it on your shelf",
        "Fetch a roadmap from its URL (a markdown file, or a repository page on GitHub, "
        "GitLab or Codeberg: its README) and keep a copy in the data folder, so that it "
        "opens offline and is on your shelf from then on. dlroadmap URL does the same and "
        "opens it.",
        add_options,
        run_add,
        takes_roadmap=False,
    ),
    Command(
        "update",
        "fetch the latest version of a roadmap added from a URL",
        "Fetch the latest version of a roadmap added from a URL, say what changed (topics "
        "added, removed, moved, renamed) and apply it: at a terminal it asks first; with "
        "--yes, or when not at a terminal, it applies. Your progress and notes follow their "
        "topics. Offline, or on a server error, nothing changes.",
        update_options,
        run_update,
    ),
)
