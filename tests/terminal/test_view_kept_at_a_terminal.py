"""At a real terminal: the status view and the split outlive the session, and `ctrl+c`
quits cleanly (saving), as in any terminal program."""

from __future__ import annotations

import time
from pathlib import Path

from tests.ptytools import Terminal, state_home


def test_hide_done_and_the_split_kept_across_a_restart_and_ctrl_c_quits(tmp_path: Path) -> None:
    env = state_home(tmp_path)
    terminal = Terminal([], env)
    assert terminal.wait_for(b"Roadmap")
    terminal.type(".>")
    assert terminal.wait_for(b"not done only")
    terminal.type("\x03")  # ctrl+c
    end = time.monotonic() + 20
    while terminal.process.poll() is None and time.monotonic() < end:
        terminal.read(0.2)
    assert terminal.close() == 0
    settings = (tmp_path / "config" / "dlroadmap" / "config.toml").read_text(encoding="utf-8")
    assert 'show = "not_done"' in settings
    assert "tree_width = 55" in settings

    again = Terminal([], env)
    assert again.wait_for(b"not done only")
    assert again.quit() == 0
