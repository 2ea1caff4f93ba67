"""Keys named as people say them (`shift+↑`, `esc`), for the footer's neighbours: the help
screen, the palette's help lines and the hints in the detail pane."""

from __future__ import annotations

from collections.abc import Mapping

from textual.markup import escape

from dlroadmap.app.commands import Command, keys_in_force

# Key names as people say them; the rest (p, x, ctrl+p) read fine as they are.
_KEY_NAMES = {
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "question_mark": "?",
    "slash": "/",
    "minus": "-",
    "plus": "+",
    "equals_sign": "=",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "less_than_sign": "<",
    "greater_than_sign": ">",
    "full_stop": ".",
    "comma": ",",
}
# Where room is short (the help screen's narrow key column, the palette's help line).
_SHORT_NAMES = {"escape": "esc"}


def key_names(keys: str, *, short: bool = True) -> str:
    """`shift+up,k` as `shift+↑ k`."""
    names = []
    for key in keys.split(","):
        modifiers, _, name = key.strip().rpartition("+")
        name = _KEY_NAMES.get(name) or (_SHORT_NAMES.get(name, name) if short else name)
        names.append(f"{modifiers}+{name}" if modifiers else name)
    return " ".join(names)


def named_keys(
    command_id: str, keymap: Mapping[str, str], *, first: bool = False, short: bool = True
) -> str:
    """A command's keys in force, named as hints name them (`first`: only its first key)."""
    keys = keys_in_force(command_id, keymap)
    return key_names(keys.split(",")[0] if first else keys, short=short)


def palette_help(command: Command, keymap: Mapping[str, str]) -> str:
    """The line under a command in the palette: what it does, and its keys. Markup, as the
    palette reads it: the keys come from the user's file, so they are escaped."""
    if not command.keys:
        return command.description
    return escape(f"{command.description} · {key_names(keys_in_force(command.id, keymap))}")
