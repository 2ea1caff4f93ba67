"""The one way the app tells the user something: a Notice, made printable, never markup.

Notices carry text from roadmaps, notes and file names; any of it may hold escape
sequences (an OSC 52 would write the terminal's clipboard) or `[markup]`. `Notice`
makes its text printable as it is made, and `tell` shows it as plain text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from dlroadmap.app.edits import Notice


def tell(node: DOMNode, notice: Notice) -> None:
    """Show `notice` as a notification of `node`'s app."""
    node.app.notify(
        notice.message,
        title=notice.title,
        severity=notice.severity,
        markup=False,
        timeout=notice.timeout,
    )
