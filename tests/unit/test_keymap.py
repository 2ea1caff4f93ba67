"""Which remaps the table of commands finds wrong, and a README that says what the table does."""

from __future__ import annotations

import re
import tomllib

from textual.binding import Binding

from dlroadmap.app.commands import BORROWED, COMMANDS, Scope, commands_in
from dlroadmap.app.keymap_check import keymap_problems
from tests.repo import ROOT


def _settings_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("\n## Settings\n", 1)[1].split("\n## ", 1)[0]


def test_the_default_keys_take_no_key_from_one_another() -> None:
    defaults = {command.id: command.keys for command in COMMANDS if command.keys}
    assert keymap_problems(defaults) == []


def test_a_key_taken_from_a_command_in_force_at_the_same_time_is_found() -> None:
    (problem,) = keymap_problems({"today.open": "t,r"})
    assert '"today.open"' in problem and '"status.todo"' in problem


def test_a_tree_key_given_to_an_app_command_is_found() -> None:
    (problem,) = keymap_problems({"app.help": "h"})
    assert '"tree.collapse"' in problem


def test_keys_swapped_or_shared_between_screens_are_no_problem() -> None:
    swapped = {"status.in_progress": "x", "status.skipped": "p"}
    other_screen = {"today.again": "n"}  # the Today screen: writing a note is not in force
    assert keymap_problems(swapped | other_screen) == []


def test_a_today_key_given_a_status_key_the_today_screen_uses_too_is_found() -> None:
    # The Today screen's items take the status keys: p would rate and set in progress.
    (problem,) = keymap_problems({"today.again": "p"})
    assert '"today.again"' in problem and '"status.in_progress"' in problem
    (problem,) = keymap_problems({"today.good": "j"})
    assert '"tree.down"' in problem


def test_every_scope_of_keys_is_checked_against_the_apps() -> None:
    # A scope left out of the check would take any key unseen, the app's own included.
    app_keys = [key for c in commands_in(Scope.APP) for key in c.keys.split(",")]
    for scope in Scope:
        command = next((c for c in commands_in(scope) if c.scope is not Scope.APP), None)
        if command is not None:
            taken = next(key for key in app_keys if key not in command.keys.split(","))
            assert keymap_problems({command.id: taken}), scope


def test_the_today_screen_binds_what_the_table_says_it_borrows() -> None:
    from dlroadmap.app.screens.today import TodayList, TodayScreen

    bound = {b.id for b in (*TodayScreen.BINDINGS, *TodayList.BINDINGS) if isinstance(b, Binding)}
    assert bound == {c.id for c in commands_in(Scope.TODAY)} | set(BORROWED[Scope.TODAY])


def test_an_unknown_id_and_a_palette_only_command_are_no_bindings() -> None:
    problems = keymap_problems({"status.dun": "d", "app.export": "ctrl+e"})
    assert len(problems) == 2
    assert '"status.dun"' in problems[0] and '"app.export"' in problems[1]


def test_the_readmes_example_settings_work_as_written() -> None:
    (example,) = re.findall(r"```toml\n(.*?)```", _settings_section(), flags=re.DOTALL)
    keymap = tomllib.loads(example)["keymap"]
    assert keymap and keymap_problems(keymap) == []


def test_the_readme_lists_every_binding_id() -> None:
    listed = set(re.findall(r"`([a-z_]+\.[a-z_]+)`", _settings_section()))
    assert listed == {command.id for command in COMMANDS if command.keys}


def test_the_readme_names_palette_commands_as_the_palette_does() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quoted = set(re.findall(r"`ctrl\+p` → \"([^\"]+)\"", readme))
    named = {command.palette for command in COMMANDS if command.palette}
    assert quoted and quoted <= named
