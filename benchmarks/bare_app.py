"""Reference apps: what stock Textual costs, run through the same pty harness.

    python benchmarks/bare_app.py static LINE...      one Static holding the lines
    python benchmarks/bare_app.py tree ROADMAP.md     stock Tree + TextArea, same roadmap

`static` is the floor: a Textual app that draws one Static. run.py gives it the
same title and first-phase text the real app shows, so one stop condition works.

`tree` is what the same screen costs with stock widgets and no dlroadmap code
beyond the parser: a title line, a `Tree` of the roadmap (phases closed but the
first, everything under it open, as the app opens), a `TextArea` shown by `n`
and hidden by `escape`, and `space` putting a ✓ in front of the cursor's label.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Static, TextArea, Tree
from textual.widgets.tree import TreeNode

if TYPE_CHECKING:
    from dlroadmap.roadmap.model import Node


# Shown (as the editor's border title) while the note editor is open.
EDITING = "editing the note"


class StaticApp(App[None]):
    BINDINGS = [Binding("q", "quit", "Quit")]

    def __init__(self, lines: list[str]) -> None:
        super().__init__()
        self._lines = lines

    def compose(self) -> ComposeResult:
        yield Static("\n".join(self._lines))


class TreeApp(App[None]):
    CSS = """
    #title { height: 1; }
    #panes { height: 1fr; }
    Tree { width: 1fr; border: round $primary; }
    #side { width: 1fr; border: round $primary; }
    #detail { height: auto; }
    TextArea { height: 1fr; display: none; border: round $accent; }
    TextArea.editing { display: block; }
    """
    BINDINGS = [
        Binding("space", "toggle_done", "Done", priority=True),
        Binding("n", "note", "Note"),
        Binding("escape", "close_note", "Done editing"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, source: Path) -> None:
        super().__init__()
        # Imported here: the static app must not pay for dlroadmap.
        from dlroadmap.roadmap.source import load_roadmap

        self.roadmap = load_roadmap(source)

    def compose(self) -> ComposeResult:
        yield Static(f"dlroadmap — {self.roadmap.text}", id="title")
        with Horizontal(id="panes"):
            yield Tree("roadmap")
            with Vertical(id="side"):
                yield Static(id="detail")
                editor = TextArea()
                editor.border_title = EDITING
                yield editor

    def on_mount(self) -> None:
        tree: Tree[str] = self.query_one(Tree)
        tree.show_root = False
        stack: list[tuple[TreeNode[str], Node, bool]] = [
            (tree.root, phase, index == 0)
            for index, phase in reversed(list(enumerate(self.roadmap.phases)))
        ]
        first: TreeNode[str] | None = None
        while stack:
            parent, node, in_open_phase = stack.pop()
            added = parent.add(
                node.text,
                data=node.text,
                expand=in_open_phase and not node.trackable,
                allow_expand=bool(node.children),
            )
            if first is None and node.trackable:
                first = added
            stack.extend((added, child, in_open_phase) for child in reversed(node.children))
        tree.focus()
        if first is not None:
            tree.move_cursor(first)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        self.query_one("#detail", Static).update(str(event.node.data or ""))

    def action_toggle_done(self) -> None:
        node = self.query_one(Tree).cursor_node
        if node is not None:
            label = str(node.label)
            node.set_label(label[2:] if label.startswith("✓ ") else f"✓ {label}")

    def action_note(self) -> None:
        editor = self.query_one(TextArea)
        editor.add_class("editing")
        editor.focus()

    def action_close_note(self) -> None:
        self.query_one(TextArea).remove_class("editing")
        self.query_one(Tree).focus()


def main(argv: list[str]) -> None:
    mode, *rest = argv
    if mode == "static":
        StaticApp(rest).run()
    elif mode == "tree":
        TreeApp(Path(rest[0])).run()
    else:
        raise SystemExit(f"unknown mode {mode!r}: static or tree")


if __name__ == "__main__":
    main(sys.argv[1:])
