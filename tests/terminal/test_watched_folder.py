"""The roadmap's folder changed under a running app, in a real terminal: nothing typed is
lost, and the app quits as usual."""

from __future__ import annotations

from pathlib import Path

import pytest

from dlroadmap.progress.store import Store
from dlroadmap.roadmap.source import load_roadmap
from tests.apptools import find
from tests.ptytools import Terminal, state_home

PLAN = "# Plan\n- Tensors\n- Autograd\n"


def test_a_symlink_loop_made_while_a_note_is_typed(tmp_path: Path) -> None:
    plan = tmp_path / "plan.md"
    plan.write_text(PLAN, encoding="utf-8")
    terminal = Terminal([str(plan)], state_home(tmp_path))
    assert terminal.wait_for(b"Autograd")
    plan.write_text(PLAN + "- Dropout\n", encoding="utf-8")
    assert terminal.wait_for(b"Dropout")  # the watcher is up
    terminal.type("n")
    terminal.type("typed as the loop appeared")
    (tmp_path / "loop-a").symlink_to("loop-b")
    (tmp_path / "loop-b").symlink_to("loop-a")
    assert terminal.wait_for(b"appeared")
    plan.write_text(PLAN + "- Dropout\n- Weight decay\n", encoding="utf-8")
    assert terminal.wait_for(b"Weight decay")
    editing = len(terminal.output)
    terminal.type("\x1b")
    # The footer offers Quit again once the editor is closed (a `q` sent on the heels of
    # the escape would read as alt+q, and any later one would be typed into the note).
    for _ in range(400):
        if b"Quit" in terminal.output[editing:]:
            break
        terminal.read(0.1)
    else:
        pytest.fail("the note editor did not close on escape")
    assert terminal.quit() == 0
    assert b"Traceback" not in terminal.output
    store = Store.open(load_roadmap(plan), plan, tmp_path / "data" / "dlroadmap" / "roadmaps")
    assert store.note(find(store.roadmap, "Tensors")) == "typed as the loop appeared"
