"""What git runs on a state file: `python -m dlroadmap.sync.driver merge|clean|smudge`.

- `merge BASE OURS THEIRS`: the merge driver. Writes into OURS the three-way merge of the
  progress (per item the newer change wins; a note changed on both machines keeps both
  texts; activity days added together; revisit cards keep the later review), keeping our
  machine's title and source. A side that cannot be read fails the merge with one line,
  and OURS is left as it was: git never writes conflict markers into a state file.
- `clean PATH` and `smudge PATH`: the filter that keeps `[roadmap] source` out of what git
  stores, and puts this machine's back in what it writes (see sources.py).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dlroadmap.errors import StateError

if TYPE_CHECKING:
    from dlroadmap.progress.state import State

# The progress modules are imported where a merge needs them: git runs the filter on every
# state file it stores or writes, and that needs none of them.


def _read(path: Path, which: str, shown: str) -> State:
    from dlroadmap.progress.state import State, decode_state

    data = path.read_bytes()
    if not data.strip():
        return State("", "")  # no common version (both machines added the file)
    try:
        return decode_state(data, Path(shown))
    except StateError as error:
        raise StateError(shown, f"{which} cannot be read: {error.problem}") from None


def merge_states(old: State, mine: State, other: State) -> State:
    """Both machines' progress: what each changed since `old` is kept, our title and source."""
    from dlroadmap.progress.activity import merge_activity
    from dlroadmap.progress.merge import merge
    from dlroadmap.progress.state import State

    return State(
        title=mine.title or other.title,
        source=mine.source,  # where the markdown lives here: never taken from elsewhere
        items=merge(old.items, mine.items, other.items).items,
        activity=merge_activity(old.activity, mine.activity, other.activity),
        extra={**other.extra, **mine.extra},
    )


def merge_files(base: Path, ours: Path, theirs: Path, shown: str) -> None:
    """Merge THEIRS into OURS against BASE; StateError (OURS untouched) if one is unreadable."""
    old = _read(base, "the version both machines started from", shown)
    mine = _read(ours, "this machine's version", shown)
    other = _read(theirs, "the version from the other machine", shown)
    from dlroadmap.common.files import write_atomically
    from dlroadmap.progress.state import dump_state

    write_atomically(ours, dump_state(merge_states(old, mine, other)))


def _filter(command: str, path: str) -> None:
    from dlroadmap.sync.sources import read_map, with_source

    data = sys.stdin.buffer.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        sys.stdout.buffer.write(data)  # not a state file this code could read: as it is
        return
    source = ""
    if command == "smudge":
        git_dir = Path(os.environ.get("GIT_DIR", ".git"))
        source = read_map(git_dir).get(path, "")
    sys.stdout.buffer.write(with_source(text, source).encode("utf-8"))


def main(argv: list[str]) -> int:
    match argv:
        case ["merge", base, ours, theirs, shown]:
            try:
                merge_files(Path(base), Path(ours), Path(theirs), shown)
            except StateError as error:
                print(f"dlroadmap: not merged: {error.path}: {error.problem}", file=sys.stderr)
                return 1
            except OSError as error:
                print(f"dlroadmap: not merged: {shown}: {error}", file=sys.stderr)
                return 1
            return 0
        case [("clean" | "smudge") as command, path]:
            _filter(command, path)
            return 0
    print("usage: python -m dlroadmap.sync.driver merge BASE OURS THEIRS PATH", file=sys.stderr)
    print("       python -m dlroadmap.sync.driver clean|smudge PATH", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
