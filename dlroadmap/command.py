"""One subcommand of `dlroadmap`, as the command line declares it and `--help` lists it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import argparse

# The exit status of a command that was asked for something it cannot do as asked.
EXIT_USAGE = 2


# A NamedTuple: defined at every start, at a fraction of a frozen dataclass's cost.
class Command(NamedTuple):
    """`dlroadmap NAME [ROADMAP] [options]`: one subcommand, as `--help` lists it."""

    name: str
    summary: str  # its line in `dlroadmap --help`
    description: str  # its own `--help`
    options: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    takes_roadmap: bool = True
