"""The roadmap as a collapsible tree: phases, sections and items with their progress."""

from __future__ import annotations

from collections.abc import Callable, Collection

from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from dlroadmap.app.commands import Scope, bindings
from dlroadmap.app.detail_views import UNMATCHED_LABEL
from dlroadmap.app.inline import inline_text
from dlroadmap.app.status_style import STATUS_COMPONENT_CLASSES, muted_style, status_style
from dlroadmap.common.glyphs import BRANCH_ICONS, GUIDES, glyphs, note_mark
from dlroadmap.common.printable import printable
from dlroadmap.roadmap.in_plan import set_aside_sections
from dlroadmap.roadmap.model import Node, OverviewEntry, Roadmap, Status
from dlroadmap.roadmap.tally import Tally

TreeData = Node | OverviewEntry | None
OVERVIEW_LABEL = "Phases overview"
# Where what the parser set aside (a table of contents, a licence...) is listed, last.
ASIDE_LABEL = "Not in the plan"


# Tree's own keys are not inherited: every key here is in the table, with an id to remap
# (and `space` is left to the screen, which marks done).
class RoadmapTree(Tree[TreeData], inherit_bindings=False):
    """Labels are drawn from the live status on every paint, so a change shows at once."""

    COMPONENT_CLASSES = STATUS_COMPONENT_CLASSES
    BINDINGS = bindings(Scope.TREE)

    def __init__(
        self,
        note_of: Callable[[Node], str],
        *,
        ascii_glyphs: bool = False,
        id: str | None = None,
    ) -> None:
        # A Text, not a str: a str label is read as markup, which loads rich's table of
        # emoji names (~25 ms of every start) for a root that is never shown.
        super().__init__(Text("roadmap"), id=id)
        self.show_root = False
        self.auto_expand = True
        self.guide_depth = 3
        self._glyphs = glyphs(ascii_glyphs)
        self._note_of = note_of
        self._note_mark = f" {note_mark(ascii_glyphs)}"
        self.ICON_NODE, self.ICON_NODE_EXPANDED = BRANCH_ICONS[ascii_glyphs]
        # Bold and double guides are never asked for here: the one set serves for all.
        self.LINES = dict.fromkeys(("default", "bold", "double"), GUIDES[ascii_glyphs])
        self._status_of: Callable[[Node], Status] = lambda node: node.initial_status
        self._tallies: dict[str, Tally] = {}
        self._by_id: dict[str, TreeNode[TreeData]] = {}
        self._roadmap: Roadmap | None = None
        self._keep: set[str] | None = None  # None: every node
        self._open_all = False
        # Closed branches whose children are not in the tree yet.
        self._unfilled: set[str] = set()
        self._aside_group: TreeNode[TreeData] | None = None
        # Keys seen, and the count at the last press of `tree.top`: a second press of it
        # right after the first goes to the top.
        self._keys_seen = 0
        self._top_pressed_at = -1

    def show_roadmap(
        self,
        roadmap: Roadmap,
        status_of: Callable[[Node], Status],
        tallies: dict[str, Tally],
        *,
        keep: set[str] | None = None,
        open_all: bool = False,
        open_phases: Collection[str] = (),
        unmatched: list[Node] | None = None,
    ) -> None:
        """Fill the tree; with `keep`, just those nodes (it holds each one's ancestors).

        `open_all` (a filter's matches): every branch open, and no overview. Otherwise
        phases start closed but `open_phases`, so the first screen is about now.
        `unmatched` are saved items no longer in the markdown, listed last.
        """
        self._roadmap = roadmap
        self._status_of = status_of
        self._tallies = tallies
        self._keep = keep
        self._open_all = open_all
        self._by_id.clear()
        self._unfilled.clear()
        self._aside_group = None
        self.clear()
        if roadmap.overview and not open_all:
            overview = self.root.add(Text(OVERVIEW_LABEL), data=None)
            for entry in roadmap.overview:
                overview.add_leaf(inline_text(entry.title), data=entry)
        self._fill(self.root, roadmap.phases, open_phases=open_phases)
        if unmatched:
            group = self.root.add(Text(f"{UNMATCHED_LABEL} ({len(unmatched)})"), data=None)
            for orphan in unmatched:
                self._by_id[orphan.id] = group.add_leaf(Text(), data=orphan)
        aside = set_aside_sections(roadmap)
        if aside and self._keep is None:
            self._aside_group = self.root.add(Text(f"{ASIDE_LABEL} ({len(aside)})"), data=None)
            self._fill(self._aside_group, aside)

    def _fill(
        self, parent: TreeNode[TreeData], nodes: list[Node], open_phases: Collection[str] = ()
    ) -> None:
        """Add `nodes` under `parent` (those kept), and below them what starts open.

        A closed branch gets its children only when first opened: a roadmap of
        50,000 topics shows its first screen without building 50,000 tree lines.
        """
        keep = self._keep
        # A stack, not recursion: nodes come off it in roadmap order (a roadmap is at
        # most 26 levels deep: mistune nests lists 20 levels under 6 heading levels).
        stack = [(parent, node) for node in reversed(nodes)]
        while stack:
            under, node = stack.pop()
            if keep is not None and node.id not in keep:
                continue
            if node.aside and not self._in_aside_group(under):
                continue  # listed under "Not in the plan" instead
            top = under is self.root
            expand = self._open_all or (not node.trackable and (not top or node.id in open_phases))
            children = node.children if keep is None else [c for c in node.children if c.id in keep]
            branch = under.add(Text(), data=node, expand=expand, allow_expand=bool(children))
            self._by_id[node.id] = branch
            if expand:
                stack.extend((branch, child) for child in reversed(children))
            elif children:
                self._unfilled.add(node.id)

    def open_phases(self) -> set[str]:
        """The ids of the phases open now."""
        return {
            branch.data.id
            for branch in self.root.children
            if branch.is_expanded and isinstance(branch.data, Node)
        }

    def _in_aside_group(self, line: TreeNode[TreeData]) -> bool:
        """Whether a line is in the "Not in the plan" group (the group, or a node in it)."""
        return line is self._aside_group or (isinstance(line.data, Node) and bool(line.data.aside))

    def _fill_later(self, branch: TreeNode[TreeData]) -> None:
        """Give a branch that was closed until now its children."""
        node = branch.data
        if isinstance(node, Node) and node.id in self._unfilled:
            self._unfilled.discard(node.id)
            self._fill(branch, node.children)

    @on(Tree.NodeExpanded)
    def _opened(self, event: Tree.NodeExpanded[TreeData]) -> None:
        # Opened by the mouse or Tree's own keys; this widget's keys fill first.
        self._fill_later(event.node)

    def update_tallies(self, tallies: dict[str, Tally], changed: list[str]) -> None:
        """Repaint the lines whose glyph or count changed."""
        self._tallies = tallies
        for node_id in changed:
            tree_node = self._by_id.get(node_id)
            if tree_node is None and self._roadmap is not None:
                # In a branch not filled yet (closed since the start): the lines above it
                # count it all the same.
                shown = (self._by_id.get(a.id) for a in self._roadmap.ancestors(node_id))
                tree_node = next((ln for ln in reversed(list(shown)) if ln is not None), None)
            while tree_node is not None and not tree_node.is_root:
                tree_node.refresh()
                tree_node = tree_node.parent
        for branch in self.root.children:
            if branch.data is None:
                for entry in branch.children:
                    entry.refresh()

    @property
    def selected(self) -> TreeData:
        node = self.cursor_node
        return node.data if node is not None else None

    def select_id(self, node_id: str) -> bool:
        """Move the cursor to a roadmap node, opening the branches above it."""
        for ancestor in self._roadmap.ancestors(node_id) if self._roadmap else []:
            branch = self._by_id.get(ancestor.id)
            if branch is not None:
                self._fill_later(branch)
        tree_node = self._by_id.get(node_id)
        if tree_node is None:
            return False
        parent = tree_node.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent
        # At once, not after a refresh: a key typed next acts on this node.
        self.last_line  # noqa: B018 - lays out the lines, so the node knows where it is
        self.move_cursor(tree_node)
        # Scrolled once laid out (at start-up the tree has no height yet).
        self.call_after_refresh(self._reveal, tree_node)
        return True

    def drop(self, node_id: str) -> None:
        """Take a leaf off the tree (a status view hides it now)."""
        tree_node = self._by_id.pop(node_id, None)
        if tree_node is not None:
            tree_node.remove()

    def line_of(self, node_id: str) -> int:
        """The line a node is on (-1: not in the tree as it is now)."""
        tree_node = self._by_id.get(node_id)
        return tree_node.line if tree_node is not None else -1

    def _reveal(self, tree_node: TreeNode[TreeData]) -> None:
        """A node jumped to sits at least a third of the way down, its phase and section
        above it in view (the tree's own scrolling would put it on the top line)."""
        top, height = self.scroll_offset.y, self.scrollable_content_region.height
        if not top + height // 3 <= tree_node.line < top + height:
            self.scroll_to(y=max(0, tree_node.line - height // 3), animate=False)

    def render_label(self, node: TreeNode[TreeData], base_style: Style, style: Style) -> Text:
        data = node.data
        room = self._room_for_label(node)
        if isinstance(data, Node):
            label = self._node_label(data, room)
        elif isinstance(data, OverviewEntry):
            label = self._overview_label(data)
        else:
            label = node.label.copy() if isinstance(node.label, Text) else Text(str(node.label))
        label.truncate(room, overflow="ellipsis")
        label.stylize(style)
        if node.allow_expand:
            icon = self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE
            return Text.assemble((icon, base_style + Style(bold=True)), label)
        return label

    def get_label_width(self, node: TreeNode[TreeData]) -> int:
        # Every label is cut to the room on its line (see render_label), so the room is
        # its width: Tree otherwise renders each line of an open branch to measure it.
        return self._room_for_label(node) + (len(self.ICON_NODE) if node.allow_expand else 0)

    def _room_for_label(self, node: TreeNode[TreeData]) -> int:
        """Cells left for the label on its line, after the guides and the expand icon."""
        level = 0
        parent = node.parent
        while parent is not None and not parent.is_root:
            level += 1
            parent = parent.parent
        icon = len(self.ICON_NODE) if node.allow_expand else 0
        width = self.scrollable_content_region.width
        return max(4, width - level * self.guide_depth - icon)

    def _status_glyph(self, status: Status) -> Text:
        return Text(self._glyphs[status] + " ", status_style(self, status))

    def _node_label(self, node: Node, room: int) -> Text:
        """Glyph and title; at the right edge, always in view, a mark if it has a note
        and for a branch its count."""
        label = inline_text(node.title)
        if node.is_topic:
            label = Text.assemble(self._status_glyph(self._status_of(node)), label)
        elif node.aside:
            parent = self._roadmap.parent(node.id) if self._roadmap else None
            # The reason once, on the outermost node set aside, unless its title says it.
            said = node.aside.casefold() in node.text.casefold()
            if (parent is None or not parent.aside) and not said:
                label.append(f" · {printable(node.aside)}")
            label.stylize(muted_style(self))
            return label
        tally = self._tallies.get(node.id)
        count = f" {tally.done}/{tally.total}" if tally is not None and tally.total else ""
        mark = self._note_mark if node.trackable and self._note_of(node) else ""
        if not (count or mark):
            return label
        label.truncate(max(1, room - len(count) - len(mark)), overflow="ellipsis", pad=True)
        label.append(mark + count, muted_style(self))
        return label

    def _overview_label(self, entry: OverviewEntry) -> Text:
        tally = self._tallies.get(entry.phase_id or "")
        if tally is not None and not tally.total and tally.skipped:
            status = Status.SKIPPED
        elif tally is None or not (tally.done or tally.in_progress):
            status = Status.TODO
        else:
            status = Status.DONE if tally.complete else Status.IN_PROGRESS
        return Text.assemble(self._status_glyph(status), inline_text(entry.title))

    def action_expand_or_enter(self) -> None:
        node = self.cursor_node
        if node is None or not node.allow_expand:
            return
        if node.is_collapsed:
            self._fill_later(node)
            node.expand()
        elif node.children:
            self.move_cursor(node.children[0])

    def action_collapse_or_leave(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None and not node.parent.is_root:
            self.move_cursor(node.parent)

    def on_key(self, event: events.Key) -> None:
        # Before the key's binding runs: counted whatever it is, handled or not.
        self._keys_seen += 1

    def action_top_on_second(self) -> None:
        if self._top_pressed_at == self._keys_seen - 1:
            self._top_pressed_at = -1
            self.action_scroll_home()
        else:
            self._top_pressed_at = self._keys_seen

    def action_half_page(self, direction: int) -> None:
        """Half a page down (1) or up (-1), the view following, as `ctrl+d` in a pager."""
        step = max(1, self.scrollable_content_region.height // 2)
        self.cursor_line = max(0, self.cursor_line) + direction * step
        self.scroll_relative(y=direction * step, animate=False)
        self.scroll_to_line(self.cursor_line, animate=False)

    def action_close_all(self) -> None:
        """Every branch closed; the cursor on the top-level line it was under."""
        node = self.cursor_node
        while node is not None and node.parent is not None and not node.parent.is_root:
            node = node.parent
        for branch in self.root.children:
            branch.collapse_all()
        if node is not None:
            self.move_cursor(node)
            self.scroll_to_line(node.line, animate=False)

    def action_open_all(self) -> None:
        """Every branch open, its children added first; the cursor stays on its node."""
        node = self.cursor_node
        while self._unfilled:
            for node_id in list(self._unfilled):
                self._fill_later(self._by_id[node_id])
        self.root.expand_all()
        if node is not None:
            self.last_line  # noqa: B018 - lays out the lines, so the node knows where it is
            self.move_cursor(node)
            self.scroll_to_line(node.line, animate=False)

    # The sibling moves stop at the ends of the tree: Textual's would move the cursor to
    # the hidden root, which puts it back on the first line without a word.
    def action_cursor_next_sibling(self) -> None:
        node = self.cursor_node
        if node is not None and (node.next_sibling or _parent_next(node)):
            super().action_cursor_next_sibling()

    def action_cursor_previous_sibling(self) -> None:
        node = self.cursor_node
        if node is not None and (node.previous_sibling or not _under_root(node)):
            super().action_cursor_previous_sibling()

    def action_cursor_parent_next_sibling(self) -> None:
        node = self.cursor_node
        if node is not None and _parent_next(node):
            super().action_cursor_parent_next_sibling()

    def toggle_cursor(self) -> None:
        """Open or close the branch under the cursor; on an overview line, go to its phase."""
        node = self.cursor_node
        if node is None:
            return
        if isinstance(node.data, OverviewEntry) and node.data.phase_id:
            self.select_id(node.data.phase_id)
        elif node.allow_expand:
            self._fill_later(node)
            node.toggle()


def _under_root(node: TreeNode[TreeData]) -> bool:
    return node.parent is None or node.parent.is_root


def _parent_next(node: TreeNode[TreeData]) -> TreeNode[TreeData] | None:
    return None if node.parent is None else node.parent.next_sibling
