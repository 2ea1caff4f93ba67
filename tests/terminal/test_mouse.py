"""The mouse on a real terminal: taken by the app unless --no-mouse leaves it alone."""

from __future__ import annotations

from pathlib import Path

from tests.ptytools import Terminal, state_home


def test_no_mouse_leaves_the_mouse_to_the_terminal(tmp_path: Path) -> None:
    env = state_home(tmp_path)
    with_mouse = Terminal([], env)
    assert with_mouse.wait_for(b"Deep Learning Study Plan")
    assert with_mouse.quit() == 0
    assert b"\x1b[?1000h" in with_mouse.output
    without = Terminal(["--no-mouse"], env)
    assert without.wait_for(b"Deep Learning Study Plan")
    assert without.quit() == 0
    assert b"\x1b[?1000h" not in without.output
