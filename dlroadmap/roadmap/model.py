"""The roadmap model: what a roadmap file says, independent of any UI or storage."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple


class Status(StrEnum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    SKIPPED = "skipped"


# Immutable values made at every start are NamedTuples: a frozen dataclass costs
# several times as much to define (its methods are generated and compiled at import).
class Span(NamedTuple):
    """A run of inline text with the emphasis it had in the markdown."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    strike: bool = False
    link: str | None = None


Inline = tuple[Span, ...]


def plain(spans: Inline) -> str:
    return "".join(span.text for span in spans)


@dataclass(slots=True, eq=False)
class Node:
    """A heading or a trackable item.

    Headings with sub-headings or list items group; everything else (list
    items, and headings with nothing under them) is trackable.
    """

    id: str
    title: Inline
    trackable: bool
    initial_status: Status = Status.TODO
    children: list[Node] = field(default_factory=list)
    # Why the node is not part of the plan ("table of contents", "about the repository",
    # ...), set on a set-aside node and everything under it; "" when it is in the plan.
    aside: str = ""
    # What the roadmap says about the node beyond its title: the rest of a paragraph item
    # or the text under a heading, a table row's other cells by column name, and a task's
    # plain sub-bullets (its reading, not to-dos of their own).
    description: Inline = ()
    fields: tuple[tuple[str, Inline], ...] = ()
    resources: tuple[Inline, ...] = ()

    @property
    def text(self) -> str:
        return plain(self.title)

    @property
    def is_topic(self) -> bool:
        """Counted and offered as something to study: trackable and not set aside."""
        return self.trackable and not self.aside

    @property
    def urls(self) -> tuple[str, ...]:
        """Every link the node carries, title first, each once, in document order."""
        runs = [self.title, self.description, *(value for _, value in self.fields)]
        runs.extend(self.resources)
        found = dict.fromkeys(span.link for run in runs for span in run if span.link)
        return tuple(found)

    def walk(self) -> Iterator[Node]:
        """This node and all below it, depth first, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


class OverviewEntry(NamedTuple):
    """One line of a 'Phases Overview' checklist, tied to the phase it names."""

    title: Inline
    phase_id: str | None


@dataclass(slots=True, eq=False)
class Roadmap:
    """A parsed roadmap: its title and tagline, its phases, and an index of its nodes."""

    title: Inline
    tagline: Inline = ()
    phases: list[Node] = field(default_factory=list)
    overview: list[OverviewEntry] = field(default_factory=list)
    # What the learner should be told about how the file was read (an unclosed fence).
    warnings: list[str] = field(default_factory=list)
    _index: dict[str, Node] = field(default_factory=dict, repr=False)
    _parents: dict[str, Node | None] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._reindex()

    def _reindex(self) -> None:
        self._index.clear()
        self._parents.clear()

        def visit(node: Node, parent: Node | None) -> None:
            self._index[node.id] = node
            self._parents[node.id] = parent
            for child in node.children:
                visit(child, node)

        for phase in self.phases:
            visit(phase, None)

    @property
    def text(self) -> str:
        return plain(self.title)

    def walk(self) -> Iterator[Node]:
        for phase in self.phases:
            yield from phase.walk()

    def items(self) -> Iterator[Node]:
        return (node for node in self.walk() if node.is_topic)

    def get(self, node_id: str) -> Node | None:
        return self._index.get(node_id)

    def parent(self, node_id: str) -> Node | None:
        return self._parents.get(node_id)

    def ancestors(self, node_id: str) -> list[Node]:
        """Outermost first, not including the node itself."""
        chain: list[Node] = []
        parent = self.parent(node_id)
        while parent is not None:
            chain.append(parent)
            parent = self.parent(parent.id)
        return chain[::-1]
