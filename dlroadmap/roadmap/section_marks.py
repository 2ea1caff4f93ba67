"""A status key pressed on a phase or section: what it does to the topics under it.

`x` skips and `p` starts every topic not done yet (done stays done), `space` marks
them all done (all done already: back to to do), `t` takes them all back to to do.
"""

from __future__ import annotations

from dlroadmap.roadmap.model import Node, Status
from dlroadmap.roadmap.tally import StatusOf

# Keys that leave what is done as it is.
_KEEPS_DONE = (Status.SKIPPED, Status.IN_PROGRESS)


def section_marks(
    section: Node, status: Status, status_of: StatusOf, *, toggle: bool = False
) -> list[tuple[Node, Status]]:
    """The topics under `section` whose status the key changes, each with its new one.

    `toggle` (space): marking done a section that is all done already takes it back to to do.
    """
    topics = [node for node in section.walk() if node.is_topic]
    if toggle and status is Status.DONE and all(status_of(n) is Status.DONE for n in topics):
        status = Status.TODO
    return [
        (node, status)
        for node in topics
        if status_of(node) is not status
        and not (status in _KEEPS_DONE and status_of(node) is Status.DONE)
    ]
