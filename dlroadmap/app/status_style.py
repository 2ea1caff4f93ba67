"""Status colours from the theme, shared by every widget that draws a status glyph.

A widget that uses these declares `COMPONENT_CLASSES = STATUS_COMPONENT_CLASSES`
(Textual collects component classes along the first base only, so no mixin) and
app.tcss colours them.
"""

from rich.style import Style
from textual.widget import Widget

from dlroadmap.roadmap.model import Status

STATUS_CLASSES = {
    Status.DONE: "status--done",
    Status.IN_PROGRESS: "status--in-progress",
    Status.TODO: "status--todo",
    Status.SKIPPED: "status--skipped",
}
MUTED_CLASS = "status--muted"
STATUS_COMPONENT_CLASSES = {*STATUS_CLASSES.values(), MUTED_CLASS}


def status_style(widget: Widget, status: Status) -> Style:
    return widget.get_component_rich_style(STATUS_CLASSES[status], partial=True)


def muted_style(widget: Widget) -> Style:
    return widget.get_component_rich_style(MUTED_CLASS, partial=True)
