"""Errors the user can act on: each carries one paragraph naming the file and the problem."""

from pathlib import Path

from dlroadmap.common.printable import printable_path


class DlroadmapError(Exception):
    """An error shown to the user as is, never with a traceback."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{printable_path(self.path)}: {problem}")


class RoadmapError(DlroadmapError):
    """The roadmap markdown cannot be opened."""

    def __str__(self) -> str:
        return f"Cannot open the roadmap {printable_path(self.path)}: {self.problem}"


class StateError(DlroadmapError):
    """The saved progress cannot be read or written; nothing in it was changed."""

    def __str__(self) -> str:
        return (
            f"Cannot use the progress file {printable_path(self.path)}: {self.problem} "
            "The file was left exactly as it was."
        )
