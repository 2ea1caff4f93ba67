"""The keymap Textual applies: the App sets it (`set_keymap`) but has no public reader."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.app import App


def keymap_in_force(app: App[Any]) -> Mapping[str, str]:
    """Binding id to keys, as the user remapped them (keys normalised: `?` as `question_mark`)."""
    return app._keymap


def show_palette_key(app: App[Any], key: str) -> None:
    """Have the footer show the palette's key in force: Footer finds the palette's binding
    by App.COMMAND_PALETTE_BINDING, a class setting it reads through the app."""
    app.COMMAND_PALETTE_BINDING = key  # type: ignore[misc]
