"""Asked at quit when changes could not be saved: try again, keep them in a recovery
file and quit, or go back to the roadmap."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from dlroadmap.common.printable import printable

Choice = Literal["retry", "keep", "stay"]
_CHOICES: dict[str, Choice] = {"retry": "retry", "keep": "keep", "stay": "stay"}
# At most this many topics are named; the rest are counted.
NAMED = 5


class UnsavedScreen(ModalScreen[Choice]):
    DEFAULT_CSS = """
    UnsavedScreen { align: center middle; }
    #unsaved-body {
        width: 72; max-width: 100%; height: auto;
        border: thick $error; background: $surface; padding: 1 2;
    }
    #unsaved-choices { height: auto; margin-top: 1; }
    #unsaved-choices Button { margin-right: 1; }
    """

    def __init__(self, problem: str, topics: Sequence[str]) -> None:
        super().__init__()
        self._problem = problem
        self._topics = topics

    def compose(self) -> ComposeResult:
        named = ", ".join(f"“{printable(topic)}”" for topic in self._topics[:NAMED])
        more = len(self._topics) - NAMED
        if more > 0:
            named += f" and {more} more"
        message = (
            f"Changes to {named} are not saved yet.\n\n{printable(self._problem)}\n\n"
            "Try again, or keep them in a recovery file beside the progress file: "
            "the next start merges them back in."
        )
        with Vertical(id="unsaved-body") as body:
            body.border_title = "Unsaved changes"
            # Text, not markup: titles and the problem come from the user's files.
            yield Static(Text(message), id="unsaved-message")
            with Horizontal(id="unsaved-choices"):
                yield Button("Try again", id="retry", variant="primary")
                yield Button("Keep in a file and quit", id="keep", variant="warning")
                yield Button("Back", id="stay")

    def on_mount(self) -> None:
        self.query_one("#retry", Button).focus()

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        self.dismiss(_CHOICES.get(event.button.id or "", "stay"))

    def on_key(self, event: events.Key) -> None:
        if event.key == "escape":
            event.stop()
            self.dismiss("stay")
