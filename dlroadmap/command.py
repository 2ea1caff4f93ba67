"""One subcommand of `dlroadmap`, as the command line declares it and `--help` lists it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse


@dataclass(frozen=True, slots=True)
class Command:
    """`dlroadmap NAME [ROADMAP] [options]`: one subcommand, as `--help` lists it."""

    name: str
    summary: str  # its line in `dlroadmap --help`
    description: str  # its own `--help`
    options: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    takes_roadmap: bool = True
