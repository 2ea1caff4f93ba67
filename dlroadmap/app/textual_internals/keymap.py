"""The keymap Textual applies: the App sets it (`set_keymap`) but has no public reader."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.app import App


def keymap_in_force(app: App[Any]) -> Mapping[str, str]:
    """Binding id to keys, as the user remapped them (keys normalised: `?` as `question_mark`)."""
    return app._keymap
