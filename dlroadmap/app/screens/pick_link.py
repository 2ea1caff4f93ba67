"""`o` on an item with several links: which one? A number picks it at once; the arrows
and `enter` too (the list's own keys); `esc` opens none. Typed keys, as in a list: not
in the table of commands, which has no room for a key per number."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from dlroadmap.app.detail_views import Link
from dlroadmap.common.printable import printable

# Links past this many are picked with the arrows only.
NUMBERED = 9


class PickLinkScreen(ModalScreen[str | None]):
    """Dismissed with the URL picked, or None."""

    DEFAULT_CSS = """
    PickLinkScreen { align: center middle; }
    #links {
        width: 90%; max-width: 100; height: auto; max-height: 80%;
        border: round $border; background: $surface;
    }
    """

    def __init__(self, title: str, links: tuple[Link, ...]) -> None:
        super().__init__()
        self._title = title
        self._links = links

    def compose(self) -> ComposeResult:
        options = []
        for number, link in enumerate(self._links, 1):
            label = Text(f"{number if number <= NUMBERED else ' '} ", style=Style(bold=True))
            text, url = printable(link.text), printable(link.url)
            if text and text != url:
                label.append(f"{text}\n  ")
            label.append(url, Style(dim=True))
            options.append(Option(label))
        picker = OptionList(*options, id="links")
        picker.border_title = f"Links of “{printable(self._title)}”"
        picker.border_subtitle = f"1-{min(len(self._links), NUMBERED)} or ↑↓ enter · esc none"
        yield picker

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._links[event.option_index].url)

    def on_key(self, event: events.Key) -> None:
        if event.key == "escape":
            event.stop()
            self.dismiss(None)
            return
        character = event.character or ""
        if len(character) == 1 and character in "123456789"[: len(self._links)]:
            event.stop()
            self.dismiss(self._links[int(character) - 1].url)
