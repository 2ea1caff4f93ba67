"""The command palette (ctrl+p): jump to any phase, section or topic by a few of its letters.

The app's commands (Mark done, Undo, Today, Export, Change theme, Keys, Quit...) come from
the table of commands (app/commands.py) through `RoadmapApp.get_system_commands` and
Textual's own system-commands provider, next to these.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, ClassVar

from textual.command import Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape
from textual.screen import Screen
from textual.style import Style

from dlroadmap.app.screens.main import MainScreen
from dlroadmap.common.printable import printable
from dlroadmap.roadmap.model import Node

# Matching is on the event loop: hand it back now and then, so typing stays smooth
# on a roadmap with thousands of topics.
NODES_PER_BREATH = 200
# Textual's fuzzy matcher tries every way the letters fit, which explodes on a line with
# many repeats of them ("level 1 - level 2 - ..."): past this many ways, the first fit is
# scored instead.
MATCH_BUDGET = 300
# The palette shows a dozen; drawing thousands of hits on every key is what makes it lag.
MAX_HITS = 50
# A hit shows this much of a very long line.
SHOWN_CHARACTERS = 200
_PATH_SEPARATOR = " › "
PATH_PARTS = 4


@dataclass(frozen=True, slots=True)
class _Target:
    """A node as the palette lists it."""

    node_id: str
    text: str  # as shown: control characters made visible
    where: str  # the phases and sections above it
    kind: str  # "phase", "section", "topic" or "not in the plan"


class RoadmapCommands(Provider):
    """Every node of the roadmap on the main screen; choosing one puts the cursor on it.

    Nothing before a letter is typed: the empty palette keeps to the app's commands
    (Today, Keys...), not hundreds of topics.
    """

    KINDS: ClassVar[tuple[str, ...]] = ("phase", "section", "topic", "not in the plan")

    def __init__(self, screen: Screen[Any], match_style: Style | None = None) -> None:
        super().__init__(screen, match_style)
        self._targets: list[_Target] = []

    async def startup(self) -> None:
        screen = self.screen
        if not isinstance(screen, MainScreen):
            return  # the Today screen has no tree to jump in
        # A stack carrying the path down, so targets come in roadmap order.
        stack: list[tuple[Node, tuple[str, ...]]] = [
            (phase, ()) for phase in reversed(screen.roadmap.phases)
        ]
        while stack:
            node, above = stack.pop()
            text = printable(node.text)
            kind = "topic" if node.is_topic else ("section" if above else "phase")
            if node.aside:
                kind = "not in the plan"
            if kind in self.KINDS:
                self._targets.append(_Target(node.id, text, _where(above), kind))
            stack.extend((child, (*above, text)) for child in reversed(node.children))

    def _go(self, node_id: str) -> Callable[[], None]:
        screen = self.screen
        assert isinstance(screen, MainScreen)
        return partial(screen.show_node, node_id)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        found: list[tuple[float, Sequence[int], _Target]] = []
        for number, target in enumerate(self._targets):
            if number and not number % NODES_PER_BREATH:
                await asyncio.sleep(0)
            score, offsets = _match(matcher, target.text)
            if score > 0:
                found.append((score, offsets, target))
        found.sort(key=lambda hit: -hit[0])  # stable: equals stay in roadmap order
        for score, offsets, target in found[:MAX_HITS]:
            yield Hit(
                score,
                _highlight(target.text, offsets, matcher.match_style),
                self._go(target.node_id),
                text=target.text,
                help=escape(" · ".join(filter(None, (target.kind.capitalize(), target.where)))),
            )


def _match(matcher: Matcher, candidate: str) -> tuple[float, Sequence[int]]:
    """Textual's fuzzy score and matched offsets, in bounded time."""
    search = matcher.fuzzy_search
    query, text = matcher.query.lower(), candidate.lower()
    if query in text or _ways_to_fit(query, text) <= MATCH_BUDGET:
        return search.match(matcher.query, candidate)
    offsets = _first_fit(query, text)
    return (search.score(text, offsets), offsets) if offsets else (0.0, ())


def _ways_to_fit(query: str, text: str) -> int:
    """An upper bound on the ways the query's letters can be picked out of the text."""
    ways = 1
    for letter in query:
        ways *= text.count(letter)
        if ways == 0 or ways > MATCH_BUDGET:
            return ways
    return ways


def _first_fit(query: str, text: str) -> list[int]:
    """Each letter of the query at its first place after the previous; [] if none."""
    offsets: list[int] = []
    start = 0
    for letter in query:
        start = text.find(letter, start)
        if start < 0:
            return []
        offsets.append(start)
        start += 1
    return offsets


def _where(above: tuple[str, ...]) -> str:
    """The path to a node, its middle left out when deep: the line has room for little."""
    if len(above) > PATH_PARTS:
        above = (*above[:1], "…", *above[1 - PATH_PARTS :])
    return _PATH_SEPARATOR.join(above)


def _highlight(text: str, offsets: Sequence[int], style: Style) -> Content:
    """The text with the matched letters marked, taken literally: Matcher.highlight would
    read `[bold]` in a topic's name as markup."""
    shown = text if len(text) <= SHOWN_CHARACTERS else text[: SHOWN_CHARACTERS - 1] + "…"
    content = Content(shown)
    for offset in offsets:
        # (Offsets are into the lower-cased text, which may differ in length.)
        if offset < SHOWN_CHARACTERS - 1 and offset < len(text) and not text[offset].isspace():
            content = content.stylize(style, offset, offset + 1)
    return content


def topic_picker(chosen: Callable[[str], None]) -> type[Provider]:
    """Every topic, to choose one by a few of its letters: `chosen` gets its id."""

    class TopicPicker(RoadmapCommands):
        KINDS = ("topic",)

        def _go(self, node_id: str) -> Callable[[], None]:
            return partial(chosen, node_id)

    return TopicPicker
