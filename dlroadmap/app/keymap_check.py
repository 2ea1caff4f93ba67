"""What in a user's `[keymap]` cannot work as meant: ids that name no binding, keys taken twice."""

from __future__ import annotations

from collections.abc import Mapping

from dlroadmap.app.commands import BORROWED, BY_ID, COMMANDS, Command, Scope, keys_in_force
from dlroadmap.app.key_names import key_names

# Scopes whose keys are in force at the same moment (a focused widget, its screen, the
# app): two commands there must not share a key.
_TOGETHER = (
    {Scope.TREE, Scope.MAIN, Scope.APP},
    {Scope.EDITOR, Scope.MAIN, Scope.APP},
    {Scope.FILTER, Scope.MAIN, Scope.APP},
    {Scope.TODAY, Scope.APP},
    {Scope.NOTES, Scope.APP},
    {Scope.ROADMAPS, Scope.APP},
    {Scope.CONFIRM, Scope.APP},
    {Scope.HELP, Scope.APP},
)


def keymap_problems(keymap: Mapping[str, str]) -> list[str]:
    """What in a keymap cannot work as meant: an id that names no binding, or a key that
    another command in force at the same time answers to as well."""
    problems: list[str] = []
    told: set[frozenset[str]] = set()
    for command_id, keys in keymap.items():
        command = BY_ID.get(command_id)
        if command is None or not command.keys:
            problems.append(f'[keymap] "{command_id}" is not a binding id')
            continue
        # A default kept is taken from no one: only the keys a remap adds can clash.
        defaults = _split(command.keys)
        for key in (key for key in _split(keys) if key not in defaults):
            for other in COMMANDS:
                pair = frozenset((command.id, other.id))
                if (
                    other is not command
                    and pair not in told
                    and _together(command, other)
                    and key in _split(keys_in_force(other.id, keymap))
                ):
                    told.add(pair)
                    problems.append(
                        f'[keymap] "{command_id}" = "{keys}" takes {key_names(key)}, '
                        f'already the key of "{other.id}" ({other.description})'
                    )
    return problems


def _split(keys: str) -> list[str]:
    return [key.strip() for key in keys.split(",") if key.strip()]


def _together(one: Command, other: Command) -> bool:
    return any(_in(one, scopes) and _in(other, scopes) for scopes in _TOGETHER)


def _in(command: Command, scopes: set[Scope]) -> bool:
    """Bound in one of `scopes`: its own, or one that borrows it (see BORROWED)."""
    return command.scope in scopes or any(command.id in BORROWED.get(s, ()) for s in scopes)
