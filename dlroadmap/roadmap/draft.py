"""The parser's node before ids exist, as the rules beside the parser (aside.py,
overview.py) read it: a Protocol, so that they need not import the parser."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from dlroadmap.roadmap.model import Inline


class Draft(Protocol):
    aside: str  # why it is not the plan; "" when it is (set by aside.py)

    @property
    def title(self) -> Inline: ...

    @property
    def heading_level(self) -> int: ...  # 0 for a list item

    @property
    def lists(self) -> int: ...  # lists directly under a heading

    @property
    def subheadings(self) -> bool: ...

    @property
    def children(self) -> Sequence[Draft]: ...
