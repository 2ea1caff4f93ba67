"""The left pane: the roadmap tree and, under it, the `/` filter that narrows it."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widget import AwaitMount
from textual.widgets import Input, Static

from dlroadmap.app.key_names import named_keys
from dlroadmap.app.textual_internals.keymap import keymap_in_force
from dlroadmap.app.widgets.roadmap_tree import RoadmapTree
from dlroadmap.roadmap.filtering import (
    Show,
    matching_items,
    normalise,
    shown_nodes,
    with_ancestors,
)
from dlroadmap.roadmap.model import Node, OverviewEntry, Roadmap, Status
from dlroadmap.roadmap.tally import Tally


def filter_placeholder(keys: str) -> str:
    """Shown in the empty filter, and where the filter will be before its key first makes
    it: `keys` are the filter's keys in force (`/` unless remapped)."""
    return f"{keys} filter items and notes"


class TreePane(Vertical):
    """Shows a roadmap whole (one phase open) or narrowed to what the filter matches."""

    class Filtered(Message):
        """The filter or the status view changed what the tree shows: the cursor may be
        on another node."""

    def __init__(
        self,
        status_of: Callable[[Node], Status],
        notes: Callable[[], Iterable[tuple[str, str]]],
        note_of: Callable[[Node], str],
        *,
        show: Show = Show.ALL,
        ascii_glyphs: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._show = show
        self.border_title = self._title()
        self._status_of = status_of
        self._notes = notes  # (item id, note) pairs: the filter matches notes too
        self._note_of = note_of
        self._ascii = ascii_glyphs
        self._roadmap = Roadmap(())
        self._tallies: dict[str, Tally] = {}
        self._unmatched: list[Node] = []
        self._query: str | None = ""  # the filter as last applied, normalised
        self._matches: list[str] = []
        self._filter_mounted: AwaitMount | None = None
        # The phases open when a filter narrowed the tree, opened again when it clears.
        self._open_before_filter: set[str] | None = None

    def compose(self) -> ComposeResult:
        yield RoadmapTree(self._note_of, ascii_glyphs=self._ascii, id="tree")
        # The filter's Input is made when `/` is first pressed (an Input and its
        # styles are a tenth of a start-up); until then its line says how.
        yield Static(self._placeholder(), id="filter-hint")

    def _placeholder(self) -> str:
        return filter_placeholder(named_keys("filter.open", keymap_in_force(self.app)))

    @property
    def roadmap_tree(self) -> RoadmapTree:
        return self.query_one(RoadmapTree)

    def show(
        self,
        roadmap: Roadmap,
        tallies: dict[str, Tally],
        unmatched: list[Node],
        cursor: Node | None,
    ) -> None:
        """Show `roadmap` as the filter says; with no filter, the cursor on `cursor`.

        `unmatched` are saved items no longer in the markdown, listed last.
        """
        self._roadmap = roadmap
        self._tallies = tallies
        self._unmatched = unmatched
        self._query = None  # whatever the filter says, show it anew
        if self.filter_text:
            self._apply_filter(self.filter_text)
        else:
            self._query = ""
            self._show_whole(cursor)

    def update_tallies(self, tallies: dict[str, Tally], changed: list[str]) -> None:
        self._tallies = tallies
        self.roadmap_tree.update_tallies(tallies, changed)

    def selected_node(self) -> Node | None:
        """The node under the cursor; on an overview line, the phase it names."""
        data = self.roadmap_tree.selected
        if isinstance(data, OverviewEntry) and data.phase_id:
            return self._roadmap.get(data.phase_id)
        return data if isinstance(data, Node) else None

    def go_to(self, node_id: str) -> None:
        """The cursor on a node, in the whole tree (the filter cleared), its branch open."""
        if self.filter_text:
            self.clear_filter()
        self.roadmap_tree.select_id(node_id)

    # -- which topics show -------------------------------------------------

    def set_show(self, show: Show) -> None:
        """Show only the topics of some statuses (or all), the cursor kept where it can be."""
        cursor = self.selected_node()
        self._show = show
        self.border_title = self._title()
        self._query = None  # the filter's matches change with what shows
        if self.filter_text:
            self._apply_filter(self.filter_text)
        else:
            self._query = ""
            self._show_whole(cursor)
            self.post_message(self.Filtered())

    def statuses_changed(self, changed: list[str]) -> None:
        """With a view on, a topic whose new status it hides leaves the tree (the cursor
        on the line after it); anything else shows the tree anew."""
        if self._show is Show.ALL:
            return
        nodes = [self._roadmap.get(node_id) for node_id in changed]
        if self.filter_text or not all(
            node is not None and not node.children and not self._show.shows(self._status_of(node))
            for node in nodes
        ):
            self.set_show(self._show)
            return
        for node_id in changed:
            self.roadmap_tree.drop(node_id)
        self.post_message(self.Filtered())

    def _title(self) -> str:
        label = self._show.label
        return f"Roadmap · {label} only" if label else "Roadmap"

    def _shown_nodes(self) -> set[str] | None:
        return shown_nodes(self._roadmap, self._status_of, self._show)

    def _show_whole(self, cursor: Node | None) -> None:
        """The whole tree (as the status view has it), the phases open that were (before
        the filter, if there was one) and the cursor's, the cursor on `cursor` or, if it is
        hidden, on the next topic shown."""
        keep = self._shown_nodes()
        if keep is not None:
            # Phases stay, with their counts, when all their topics are hidden.
            keep.update(phase.id for phase in self._roadmap.phases)
            cursor = _next_shown(self._roadmap, cursor, keep)
        phase = self._roadmap.ancestors(cursor.id)[:1] if cursor else []
        opened = self._open_before_filter
        if opened is None:
            opened = self.roadmap_tree.open_phases()
        self._open_before_filter = None
        self.roadmap_tree.show_roadmap(
            self._roadmap,
            self._status_of,
            self._tallies,
            keep=keep,
            open_phases={*opened, *(p.id for p in phase)},
            unmatched=self._unmatched,
        )
        if cursor is not None:
            self.roadmap_tree.select_id(cursor.id)

    # -- the filter --------------------------------------------------------

    @property
    def filter_text(self) -> str:
        """What the filter holds ("" before it is first opened)."""
        found = self.query("#filter")
        return found.first(Input).value if found else ""

    async def open_filter(self) -> None:
        # Awaited and set_focus, not focus(): at once, so keys typed right after `/` land here.
        await self._make_filter()
        self.screen.set_focus(self.query_one("#filter", Input))

    @on(events.Click, "#filter-hint")
    async def _filter_hint_clicked(self) -> None:
        await self.open_filter()

    def _make_filter(self) -> AwaitMount:
        """The filter's Input, in place of the hint line, made once."""
        if self._filter_mounted is None:
            # Its module too: loaded with the Input, at the first `/`.
            from dlroadmap.app.widgets.filter_input import FilterInput

            hint = self.query_one("#filter-hint")
            self._filter_mounted = self.mount(
                FilterInput(self._placeholder(), id="filter"), before=hint
            )
            hint.remove()
        return self._filter_mounted

    @on(Input.Changed, "#filter")
    def _filter_typed(self, event: Input.Changed) -> None:
        event.stop()
        self._apply_filter(event.value)

    def _apply_filter(self, text: str) -> None:
        """Narrow the tree to the items (or notes) matching `text`; empty: the whole tree."""
        query = normalise(text)
        if query == self._query:
            return
        self._query = query
        self.refresh_bindings()  # "esc clear filter" comes and goes with the filter
        self._matches = []
        if not query:
            self._show_whole(self.selected_node())
            self.border_subtitle = ""
        else:
            if self._open_before_filter is None:  # the whole tree is shown yet
                self._open_before_filter = self.roadmap_tree.open_phases()
            shown = self._shown_nodes()
            items = self._roadmap.items()
            if shown is not None:
                items = (item for item in items if item.id in shown)
            notes = list(self._notes())
            matches = matching_items(items, notes, query)
            # Notes whose topic left the markdown are found too, listed last.
            orphans = set(matching_items(self._unmatched, notes, query))
            self._matches = matches + [n.id for n in self._unmatched if n.id in orphans]
            self.roadmap_tree.show_roadmap(
                self._roadmap,
                self._status_of,
                self._tallies,
                keep=with_ancestors(self._roadmap, matches),
                open_all=True,
                unmatched=[node for node in self._unmatched if node.id in orphans],
            )
            count = len(self._matches)
            self.border_subtitle = f"{count} match" + ("" if count == 1 else "es")
            if self._matches:
                self.roadmap_tree.select_id(self._matches[0])
        # The screen shows the node under the cursor explicitly: it may sit on the same
        # line number as before, which the tree does not announce as a move.
        self.post_message(self.Filtered())

    def jump_to_match(self) -> None:
        """Enter in the filter: the cursor to the first match, focus back to the tree."""
        self._apply_filter(self.filter_text)
        if self._matches:
            self.roadmap_tree.select_id(self._matches[0])
        self.screen.set_focus(self.roadmap_tree)

    def next_match(self, direction: int) -> bool:
        """The cursor to the filter's next match (1) or previous one (-1), round the end;
        False if there is none (no filter, or nothing matches)."""
        if not self._matches:
            return False
        tree = self.roadmap_tree
        lines = sorted((tree.line_of(node_id), node_id) for node_id in self._matches)
        here = tree.cursor_line
        after = [entry for entry in lines if (entry[0] - here) * direction > 0]
        if after:
            line, node_id = after[0] if direction > 0 else after[-1]
        else:  # round the end
            line, node_id = lines[0] if direction > 0 else lines[-1]
        tree.select_id(node_id)
        self.border_subtitle = f"match {lines.index((line, node_id)) + 1} of {len(lines)}"
        return True

    def clear_filter(self) -> None:
        """The whole tree again, the cursor where it was, focus on the tree."""
        for filter_input in self.query("#filter").results(Input):
            filter_input.value = ""
        self._apply_filter("")
        self.screen.set_focus(self.roadmap_tree)


def _next_shown(roadmap: Roadmap, cursor: Node | None, keep: set[str]) -> Node | None:
    """`cursor` if it is kept; else the first kept topic after it (or before), else None."""
    if cursor is None or cursor.id in keep:
        return cursor
    items = list(roadmap.items())
    at = next((index for index, item in enumerate(items) if item.id == cursor.id), 0)
    for item in [*items[at:], *reversed(items[:at])]:
        if item.id in keep:
            return item
    return None
