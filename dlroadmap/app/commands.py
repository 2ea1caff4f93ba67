"""Every command of the app, in one table: its keys, its footer word, its help line, its
palette entry. The bindings, the footer, the help screen and the command palette are all
made from it, so they cannot disagree; `[keymap]` in config.toml remaps keys by `id`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping

from textual.binding import BindingType

from dlroadmap.app.command import Command, Scope
from dlroadmap.app.screen_commands import SCREEN_COMMANDS

# Scope and Command too: every user of the table names its scopes.
__all__ = [
    "BY_ID",
    "COMMANDS",
    "Command",
    "Scope",
    "bindings",
    "commands_in",
    "in_palette",
    "keys_in_force",
]


COMMANDS: tuple[Command, ...] = (
    # The tree: its own keys only (Tree's are not inherited), so every one has an id.
    Command("tree.down", "down,j", "cursor_down", "Down", "Move down", Scope.TREE),
    Command("tree.up", "up,k", "cursor_up", "Up", "Move up", Scope.TREE),
    Command("tree.expand", "right,l", "expand_or_enter", "Expand", "Open a branch", Scope.TREE),
    Command(
        "tree.collapse",
        "left,h",
        "collapse_or_leave",
        "Collapse",
        "Close a branch / go to parent",
        Scope.TREE,
    ),
    Command(
        "tree.activate",
        "enter",
        "screen.activate",
        "Open",
        "Item: edit note; branch: open",
        Scope.TREE,
    ),
    Command(
        "tree.previous_sibling",
        "shift+up",
        "cursor_previous_sibling",
        "Previous",
        "Previous sibling",
        Scope.TREE,
    ),
    Command(
        "tree.next_sibling", "shift+down", "cursor_next_sibling", "Next", "Next sibling", Scope.TREE
    ),
    Command(
        "tree.parent", "shift+left", "cursor_parent", "Parent", "Jump to the parent", Scope.TREE
    ),
    Command(
        "tree.parent_next",
        "shift+right",
        "cursor_parent_next_sibling",
        "Parent's next",
        "Parent's next sibling",
        Scope.TREE,
    ),
    Command(
        "tree.toggle_siblings",
        "shift+space",
        "toggle_expand_all",
        "All siblings",
        "Open / close all siblings",
        Scope.TREE,
    ),
    Command("tree.page_up", "pageup", "page_up", "Page up", "A page up", Scope.TREE),
    Command("tree.page_down", "pagedown", "page_down", "Page down", "A page down", Scope.TREE),
    Command("tree.first", "home", "scroll_home", "First", "The first line", Scope.TREE),
    # Pressed twice, as vi's `g g`: Textual binds single keys, the tree counts the presses.
    Command("tree.top", "g", "top_on_second", "Top", "Twice: the first line", Scope.TREE),
    Command("tree.last", "end,G", "scroll_end", "Last", "The last line", Scope.TREE),
    Command("tree.half_down", "ctrl+d", "half_page(1)", "½ down", "Half a page down", Scope.TREE),
    Command("tree.half_up", "ctrl+u", "half_page(-1)", "½ up", "Half a page up", Scope.TREE),
    Command("tree.close_all", "minus", "close_all", "Close all", "Close every branch", Scope.TREE),
    Command(
        "tree.open_all", "plus,equals_sign", "open_all", "Open all", "Open every branch", Scope.TREE
    ),
    # `n` is the note's key: matches go by brackets, and `N` as in vi.
    Command(
        "tree.next_match",
        "right_square_bracket",
        "screen.next_match(1)",
        "Next match",
        "The filter's next match",
        Scope.TREE,
    ),
    Command(
        "tree.previous_match",
        "left_square_bracket,N",
        "screen.next_match(-1)",
        "Previous match",
        "The filter's previous match",
        Scope.TREE,
    ),
    # The main screen: whatever has focus, its item.
    Command(
        "status.done",
        "space",
        "toggle_done",
        "Done",
        "Done (again: back to to do)",
        Scope.MAIN,
        footer=True,
        palette="Mark done",
    ),
    Command(
        "status.in_progress",
        "p",
        "set_status('in_progress')",
        "In progress",
        "In progress",
        Scope.MAIN,
        footer=True,
        palette="Mark in progress",
    ),
    Command(
        "status.skipped",
        "x",
        "set_status('skipped')",
        "Skip",
        "Skipped (counts as neither)",
        Scope.MAIN,
        footer=True,
        palette="Mark skipped",
    ),
    Command(
        "status.todo",
        "t",
        "set_status('todo')",
        "To do",
        "Back to to do",
        Scope.MAIN,
        palette="Mark to do",
    ),
    Command(
        "note.edit",
        "n",
        "edit_note",
        "Note",
        "Edit the item's note",
        Scope.MAIN,
        footer=True,
        palette="Edit note",
    ),
    # Not in the footer (no room at 80 columns): the help screen lists these.
    Command(
        "note.external",
        "e",
        "edit_externally",
        "Editor",
        "Edit the note in $EDITOR",
        Scope.MAIN,
        palette="Edit note in $EDITOR",
    ),
    Command("links.open", "o", "open_link", "Link", "Open a link", Scope.MAIN, palette="Open link"),
    Command(
        "plan.toggle",
        "i",
        "toggle_plan",
        "Plan",
        "Into the plan / set aside again",
        Scope.MAIN,
        palette="Bring into the plan / set aside",
    ),
    Command(
        "history.undo", "u", "undo", "Undo", "Undo the last change", Scope.MAIN, palette="Undo"
    ),
    Command(
        "history.redo", "ctrl+r", "redo", "Redo", "Redo what was undone", Scope.MAIN, palette="Redo"
    ),
    # The filter line under the tree says "/ filter" itself; the footer has no room.
    Command(
        "filter.open",
        "slash",
        "open_filter",
        "Filter",
        "Filter items and notes",
        Scope.MAIN,
        palette="Filter",
    ),
    Command(
        "today.open",
        "r",
        "today",
        "Today",
        "Today: the daily review",
        Scope.MAIN,
        footer=True,
        palette="Today",
    ),
    Command(
        "notes.open",
        "ctrl+n",
        "notes",
        "Notes",
        "Every note, with its topic",
        Scope.MAIN,
        palette="Notes",
    ),
    Command(
        "show.finished",
        "full_stop",
        "toggle_finished",
        "Hide done",
        "Hide / show done and skipped topics",
        Scope.MAIN,
        palette="Hide done and skipped",
    ),
    Command(
        "show.next",
        "comma",
        "next_show",
        "Show",
        "Show all / not done / in progress / to do",
        Scope.MAIN,
        palette="Show next: all, not done, in progress, to do",
    ),
    Command(
        "pane.narrower",
        "less_than_sign",
        "tree_width(-1)",
        "Narrower",
        "Narrower tree, wider detail",
        Scope.MAIN,
    ),
    Command(
        "pane.wider",
        "greater_than_sign",
        "tree_width(1)",
        "Wider",
        "Wider tree, narrower detail",
        Scope.MAIN,
    ),
    Command(
        "shelf.open",
        "b",
        "roadmaps",
        "Roadmaps",
        "Roadmaps: all you follow, to switch",
        Scope.MAIN,
        palette="Roadmaps",
    ),
    Command(
        "filter.clear_from_tree",
        "escape",
        "clear_filter",
        "Clear filter",
        "Clear the filter",
        Scope.MAIN,
        footer=True,
    ),
    Command(
        "pane.switch", "tab", "switch_pane", "Switch pane", "Switch pane: tree / detail", Scope.MAIN
    ),
    # The screen closes the editor at once, so keys typed next reach the tree.
    Command(
        "note.close",
        "escape",
        "screen.close_editor",
        "Done editing",
        "Done editing",
        Scope.EDITOR,
        footer=True,
    ),
    Command(
        "note.leave", "tab", "screen.switch_pane", "Leave", "Leave the editor (saved)", Scope.EDITOR
    ),
    Command(
        "filter.clear",
        "escape",
        "screen.clear_filter",
        "Clear filter",
        "Clear filter",
        Scope.FILTER,
        footer=True,
    ),
    Command("filter.go", "enter", "submit", "Go", "First match, back to the tree", Scope.FILTER),
    # The other screens' own keys (Today, Roadmaps, Notes, a question, Help).
    *SCREEN_COMMANDS,
    Command(
        "app.quit", "q", "quit", "Quit", "Save and quit", Scope.APP, footer=True, palette="Quit"
    ),
    # As in any terminal program; in the editor too, where it would otherwise copy.
    Command(
        "app.interrupt",
        "ctrl+c,ctrl+q",
        "interrupt",
        "Quit",
        "Save and quit, from anywhere",
        Scope.APP,
        priority=True,
    ),
    Command(
        "app.help",
        "question_mark",
        "help",
        "Help",
        "Show this list of keys",
        Scope.APP,
        footer=True,
        palette="Keys",
    ),
    # Textual's own palette binding, given an id (and its word in the footer).
    Command(
        "app.palette",
        "ctrl+p",
        "command_palette",
        "palette",
        "Command palette",
        Scope.APP,
        priority=True,
    ),
    Command(
        "app.export",
        "",
        "export",
        "Export",
        "Write the roadmap with your progress and notes as markdown, here",
        Scope.APP,
        palette="Export",
    ),
    Command(
        "app.update",
        "",
        "update_roadmap",
        "Update",
        "Fetch the latest version of a roadmap added from a URL",
        Scope.APP,
        palette="Update from its URL",
    ),
    Command(
        "app.theme",
        "",
        "change_theme",
        "Theme",
        "Pick the colours (kept for next time)",
        Scope.APP,
        palette="Change theme",
    ),
)

BY_ID: dict[str, Command] = {command.id: command for command in COMMANDS}

# Commands of other scopes that a screen binds too, by the same ids (so a remap follows
# them there): the Today screen's list moves as the tree does, and its items take the
# status keys. Their keys are in force on that screen with its own.
BORROWED: Mapping[Scope, tuple[str, ...]] = {
    Scope.TODAY: (
        *("tree.down", "tree.up", "tree.page_up", "tree.page_down", "tree.first", "tree.last"),
        *("status.done", "status.in_progress", "status.skipped", "status.todo"),
    ),
}


def bindings(scope: Scope) -> list[BindingType]:
    """The `BINDINGS` of the widget, screen or app that `scope` names."""
    return [command.binding() for command in commands_in(scope)]


def commands_in(scope: Scope) -> Iterator[Command]:
    """The commands bound to keys there, in the table's order."""
    return (command for command in COMMANDS if command.scope is scope and command.keys)


def in_palette(scopes: Collection[Scope]) -> Iterator[Command]:
    return (c for c in COMMANDS if c.palette is not None and c.scope in scopes)


def keys_in_force(command_id: str, keymap: Mapping[str, str]) -> str:
    """A command's keys, remapped or not; `keymap` as Textual holds it (see keymap_in_force)."""
    # An empty remap is no remap to Textual either.
    return keymap.get(command_id) or BY_ID[command_id].keys
