"""`o` in the real app over SSH: the link goes to the terminal's clipboard as OSC 52."""

from __future__ import annotations

import base64
import re
import time
from pathlib import Path

from tests.ptytools import Terminal, state_home

URL = "https://example.org/course?id=1"
PLAN = f"# Plan\n\n## Phase\n\n- [The course]({URL})\n- Another topic\n"
_STYLING = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


def test_o_over_ssh_copies_the_link_to_the_terminals_clipboard(tmp_path: Path) -> None:
    plan = tmp_path / "plan.md"
    plan.write_text(PLAN, encoding="utf-8")
    # A display too: over SSH (a forwarded X display) the browser would open far away.
    env = {**state_home(tmp_path), "SSH_TTY": "/dev/pts/9", "DISPLAY": ":0"}
    terminal = Terminal([str(plan)], env)
    assert terminal.wait_for(b"The course")
    terminal.type("o")
    osc52 = b"\x1b]52;c;" + base64.b64encode(URL.encode()) + b"\x07"
    assert terminal.wait_for(osc52, seconds=20)
    deadline = time.monotonic() + 20
    while b"Copied to your" not in _STYLING.sub(b"", terminal.output):
        assert time.monotonic() < deadline, "no notice that the link was copied"
        terminal.read(0.1)
    assert terminal.quit() == 0
