"""The main screen: the roadmap tree beside the selected node's detail and notes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import cached_property, partial
from typing import TYPE_CHECKING, Literal

from textual import events, on
from textual.app import ComposeResult
from textual.widgets import Footer, Input, Tree

from dlroadmap.app.commands import Scope, bindings, commands_in
from dlroadmap.app.detail_views import view_of
from dlroadmap.app.edits import Edits, Notice
from dlroadmap.app.lifecycle import terminal_handed_over
from dlroadmap.app.messages import NoteEdited, NoteEditorClosed, RoadmapsWanted
from dlroadmap.app.notices import tell
from dlroadmap.app.open_note import OpenNote
from dlroadmap.app.roadmap_changes import reattached_notice
from dlroadmap.app.screens.tree_view import TreeViewScreen
from dlroadmap.app.shown_roadmap import ShownRoadmap
from dlroadmap.app.view import View
from dlroadmap.app.widgets.detail import DetailPane
from dlroadmap.app.widgets.progress_header import ProgressHeader
from dlroadmap.app.widgets.roadmap_tree import RoadmapTree, TreeData
from dlroadmap.app.widgets.tree_pane import TreePane
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Node, Roadmap, Status

if TYPE_CHECKING:
    from pathlib import Path

    from dlroadmap.app.node_keys import NodeKeys
    from dlroadmap.app.notes_keys import NotesKeys
    from dlroadmap.app.open_link import Browse
    from dlroadmap.progress.history import Direction

# How often to look for what another session saved (a stat() call, once a save is
# seconds old; until then a read of the file, see Store._unchanged).
REFRESH_SECONDS = 2.0
# While typing, letters are text: only these of the main screen's commands stay in force.
_WHILE_TYPING = frozenset(("clear_filter", "switch_pane"))
_ITEM_ACTIONS = {c.action.partition("(")[0] for c in commands_in(Scope.MAIN)} - _WHILE_TYPING


class MainScreen(TreeViewScreen):
    BINDINGS = bindings(Scope.MAIN)

    def __init__(
        self,
        store: Store,
        *,
        ascii_glyphs: bool = False,
        today: Callable[[], date] = date.today,
        browse: Browse | Literal["system"] | None = None,  # opens a link (open_link.py)
        view: View | None = None,
        weekly_goal: int | None = None,
        source: Path | None = None,  # the markdown file, for where its links lead
    ) -> None:
        super().__init__(view or View())
        self._browse = browse
        self._hold(store, source)
        self._today = today
        self._ascii = ascii_glyphs
        self._weekly_goal = weekly_goal
        self._resumed = False

    @cached_property
    def node_keys(self) -> NodeKeys:
        # Loaded at the first such key: the first frame does not need it (nor its modules).
        from dlroadmap.app.node_keys import NodeKeys

        return NodeKeys(self, self._browse)

    @cached_property
    def notes_keys(self) -> NotesKeys:
        from dlroadmap.app.notes_keys import NotesKeys  # when the Notes screen first opens

        return NotesKeys(self)

    def _hold(self, store: Store, source: Path | None) -> None:
        self.store = store
        self.shown = ShownRoadmap(store, source)
        self.edits = Edits(store, self._node, self._tell)
        self.open_note = OpenNote(lambda: self.detail, self.edits, self._node, store.note)

    def compose(self) -> ComposeResult:
        yield ProgressHeader(ascii_glyphs=self._ascii, id="header")
        yield TreePane(
            self.store.status,
            self.store.notes,
            self.store.note,
            show=self.view.show,
            ascii_glyphs=self._ascii,
            id="tree-pane",
        )
        yield DetailPane(ascii_glyphs=self._ascii, id="detail")
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While typing in the editor or the filter, letters are text, not commands:
        # hide those bindings from the footer too.
        if action == "clear_filter":
            # From the tree only while a filter is on; in the filter, always (leaves it).
            return bool(self.tree_pane.filter_text) or isinstance(self.focused, Input)
        typing = isinstance(self.focused, Input) or self.focused is self.detail.editor
        return not (action in _ITEM_ACTIONS and typing)

    @property
    def roadmap(self) -> Roadmap:
        return self.shown.roadmap

    @property
    def roadmap_tree(self) -> RoadmapTree:
        return self.tree_pane.roadmap_tree

    @property
    def detail(self) -> DetailPane:
        return self.query_one(DetailPane)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.ScreenResume) and not self._resumed:
            # The first resume comes right after the mount, which has just styled every
            # widget: Textual's restyle of the whole screen there would only redo it (a
            # twentieth of a start-up). Coming back from another screen restyles as usual.
            self._resumed = True
            event.refresh_styles = False
        await super().on_event(event)

    def on_mount(self) -> None:
        self._show_held()
        # Another session (a second SSH login) may save too: look for its changes now
        # and then, and whenever the terminal regains focus.
        self.set_interval(REFRESH_SECONDS, self.take_in_other_sessions)

    async def show_other(self, store: Store, source: Path) -> None:
        """Show another roadmap and its progress in place of this one (saved by now)."""
        self._hold(store, source)
        await self.recompose()
        self._show_held()
        # The new header's width is known once laid out: its progress bar is drawn then.
        self.call_after_refresh(self._show_progress)

    def _show_held(self) -> None:
        self.shown.count()
        self._show_tree(self.shown.first_open_item())
        self.roadmap_tree.focus()
        # Filled now, not on the first messages: the first frame is the whole screen.
        self._show_progress()
        self._refresh_detail()
        # Once the first frame is out: its thread would hold the GIL while it is drawn.
        self.call_after_refresh(self._warm_up_store)
        notice = reattached_notice(self.store.reattached)
        if notice is not None:
            self._tell(notice)
        self._tell_warnings(self.roadmap, ())
        if self.store.writable:
            self.edits.take_back_leftovers()

    def _warm_up_store(self) -> None:
        if self.store.writable:
            self.run_worker(partial(self.store.warm_up, self.store.state.copy()), thread=True)

    def take_in_other_sessions(self) -> None:
        """Show what another session saved since we last looked."""
        changed = self.edits.catch_up()
        if self.store.roadmap is not self.roadmap:
            self.plan_changed(None)  # another session brought a section in or set it aside
        if changed:
            self.after_change(changed)
            self.open_note.changed_elsewhere(changed)

    def _tell(self, notice: Notice) -> None:
        tell(self, notice)

    def _tell_warnings(self, roadmap: Roadmap, told: Sequence[str]) -> None:
        """How the file was read, where the learner must know (an unclosed fence); on a
        reload, only what was not told already."""
        for warning in roadmap.warnings:
            if warning not in told:
                self._tell(Notice(warning, title="Roadmap file", severity="warning", timeout=15))

    def replace_roadmap(self, roadmap: Roadmap) -> None:
        """The markdown was edited on disk: show the new tree, keeping the cursor and state.

        A note being typed stays open, focused, its text and cursor as they were: the
        keys that follow are still text, never commands on the tree.
        """
        editor = self.detail.editor
        # Saved under the id it has now, so the store carries it where its topic went.
        self.open_note.save_typed()
        keep = self.selected_node()
        told = self.roadmap.warnings
        new_ids, notice = self.shown.replace(roadmap)
        followed = self.open_note.follow(new_ids, roadmap)
        kept_id = followed if editor is not None else keep.id if keep else None
        kept_id = new_ids.get(kept_id, kept_id) if kept_id is not None else None
        cursor = self._node(kept_id) if kept_id is not None else None
        self._show_tree(cursor or self.shown.first_open_item())
        self._show_progress()
        self._refresh_detail()
        if notice is not None:
            self._tell(notice)
        self._tell_warnings(roadmap, told)

    def _show_tree(self, cursor: Node | None) -> None:
        """The tree anew, as the filter says; with no filter, the cursor on `cursor`."""
        shown = self.shown
        self.tree_pane.show(shown.roadmap, shown.tallies, list(shown.unmatched.values()), cursor)

    def on_resize(self) -> None:
        self._show_progress()

    def _show_progress(self) -> None:
        self.query_one(ProgressHeader).show(self.roadmap.title, self.shown.overall())

    # -- what is selected ---------------------------------------------------

    def selected_node(self) -> Node | None:
        return self.tree_pane.selected_node()

    def selected_item(self) -> Node | None:
        node = self.selected_node()
        if node is None or not node.is_topic:
            self._tell(Notice("Select an item (not a phase or section) first.", severity="warning"))
            return None
        return node

    @on(Tree.NodeHighlighted)
    def _show_selected(self, event: Tree.NodeHighlighted[TreeData]) -> None:
        event.stop()
        editor = self.detail.editor
        if editor is not None and editor.has_focus:
            # Moved by the app (the tree rebuilt on a reload), not by the learner, whose
            # keys go to the editor: typing goes on.
            return
        self.end_editing()  # the cursor moved on (a click): save what was typed
        self._refresh_detail()

    def _refresh_detail(self) -> None:
        if self.detail.editor is not None:
            return  # the note being edited stays on screen; shown anew when editing ends
        node = self.selected_node()
        unmatched = node is not None and node.id in self.shown.unmatched
        self.detail.view = view_of(
            node,
            self.roadmap,
            self.store,
            self.shown.tallies,
            unmatched=unmatched,
            follow=self.shown.follow,
        )

    # -- status ------------------------------------------------------------

    def action_toggle_done(self) -> None:
        self.node_keys.status_key(self.selected_node(), Status.DONE, toggle=True)

    def action_set_status(self, status: str) -> None:
        self.node_keys.status_key(self.selected_node(), Status(status))

    def action_open_link(self) -> None:
        self.node_keys.open_link(self.selected_node())

    def action_toggle_plan(self) -> None:
        self.node_keys.toggle_plan(self.selected_node())

    def plan_changed(self, cursor_id: str | None) -> None:  # a section came in or left
        keep = cursor_id or (node.id if (node := self.selected_node()) else None)
        self.shown.take_plan()
        self._show_tree(self._node(keep) if keep else None)
        self._show_progress()
        self._refresh_detail()

    def after_change(self, changed: list[str]) -> None:
        if any(self.roadmap.get(node_id) is None for node_id in changed):
            # A note whose topic left the markdown changed: the unmatched list did too.
            self.shown.find_unmatched()
            self._show_tree(self.selected_node())
        self.shown.recount(changed)
        self.tree_pane.update_tallies(self.shown.tallies, changed)
        # A topic marked done leaves a tree that hides done ones.
        self.tree_pane.statuses_changed(changed)
        self._show_progress()
        if self.detail.editor is None:
            self._refresh_detail()

    # -- notes -------------------------------------------------------------

    async def action_activate(self) -> None:
        """Enter in the tree: an item opens its note; a branch opens or closes."""
        data = self.roadmap_tree.selected
        if isinstance(data, Node) and data.is_topic:
            await self.action_edit_note()
        else:
            self.roadmap_tree.toggle_cursor()

    async def action_edit_note(self) -> None:
        node = self.selected_item()
        if node is not None:
            await self.open_note.open(node)

    @on(NoteEdited)
    def _note_edited(self, event: NoteEdited) -> None:
        self.open_note.save(event.node_id, event.text, event.base)
        self.tree_pane.update_tallies(self.shown.tallies, [event.node_id])  # its note mark

    def _node(self, node_id: str) -> Node | None:
        found = self.shown.node(node_id)
        editing = self.open_note.node
        if found is None and editing is not None and editing.id == node_id:
            # Its topic left the markdown while its note was open: still saved, it will
            # show under "Unmatched notes".
            return editing
        return found

    def action_close_editor(self) -> None:
        """Escape in the editor: save, back to the read-only note, focus to the tree."""
        self.end_editing()
        self.set_focus(self.roadmap_tree)

    @on(NoteEditorClosed)
    def _editor_left(self) -> None:
        # Focus went elsewhere (a click, the palette): save and let it go there.
        self.end_editing()

    def end_editing(self) -> None:
        gone = self.open_note.close(self.roadmap, self.shown.unmatched)
        if gone is None:
            return
        if gone:
            # Its topic left the markdown while it was edited: list it with the unmatched.
            self.shown.find_unmatched()
            self._show_tree(self.selected_node())
        self._refresh_detail()

    def commit(self) -> None:
        """Save whatever is still only on screen, now: the app is about to exit."""
        self.end_editing()

    def action_edit_externally(self) -> None:
        """`e`: the note in the user's own editor, the app suspended meanwhile."""
        node = self.selected_item()
        if node is None:
            return
        self.end_editing()  # what was typed in the pane is saved first, not lost
        handed_over = partial(terminal_handed_over, self.app)
        if self.edits.edit_externally(node, handed_over, self.take_in_other_sessions):
            self.after_change([node.id])

    # -- undo and redo -----------------------------------------------------

    def action_undo(self) -> None:
        self._undo_or_redo("undo")

    def action_redo(self) -> None:
        self._undo_or_redo("redo")

    def _undo_or_redo(self, direction: Direction) -> None:
        self.end_editing()  # an edit still in the pane is the last change: save it first
        done = self.edits.undo(direction, self.take_in_other_sessions)
        if done.outcome == "applied" and done.change is not None:
            self.after_change(done.node_ids)
            # The cursor goes to what changed, so the user sees it.
            self.roadmap_tree.select_id(done.change.node_id)

    def show_node(self, node_id: str) -> None:
        """Put the cursor on a node (the palette): the whole tree, its branch opened."""
        self.end_editing()
        self.tree_pane.go_to(node_id)
        self.set_focus(self.roadmap_tree)

    # -- panes and filter --------------------------------------------------

    def action_switch_pane(self) -> None:
        if self.roadmap_tree.has_focus:
            editor = self.detail.editor
            (editor or self.query_one("#detail-body")).focus()
        else:
            self.end_editing()
            self.set_focus(self.roadmap_tree)

    def _set_status(self, node: Node, status: Status) -> None:
        """A status set on the Today screen: undone, saved and shown as from the tree."""
        if self.edits.set_status(node, status):
            self.after_change([node.id])

    def action_today(self) -> None:
        # Imported here: the review's code loads when first wanted, not at every start.
        from dlroadmap.app.screens.today import TodayScreen

        self.app.push_screen(
            TodayScreen(
                self.store,
                self._set_status,
                ascii_glyphs=self._ascii,
                today=self._today,
                weekly_goal=self._weekly_goal,
            ),
            self._back_from_today,
        )

    def action_notes(self) -> None:
        self.notes_keys.open()

    def action_roadmaps(self) -> None:
        self.post_message(RoadmapsWanted())

    def _back_from_today(self, node_id: str | None) -> None:
        # Revisit ratings may have changed what the detail pane shows.
        if node_id is not None:
            self.tree_pane.go_to(node_id)
        self._refresh_detail()

    @on(TreePane.Filtered)
    def _filtered(self) -> None:
        if self.detail.editor is None:
            self._refresh_detail()
