"""Links in the real command: `o` over SSH puts one on the terminal's clipboard (OSC 52);
the JSON export carries them."""

from __future__ import annotations

import base64
import json
import re
import time
from pathlib import Path

import pytest

from dlroadmap.locations import state_dir
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.source import load_roadmap
from tests.ptytools import Terminal, run_cli, state_home

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


def test_the_json_export_carries_every_items_urls(tmp_path: Path) -> None:
    plan = tmp_path / "plan.md"
    plan.write_text(PLAN + "- See [a](https://a.example) and [b](mailto:b@b.example)\n", "utf-8")
    result = run_cli("export", plan, "--format", "json")
    assert result.returncode == 0, result.stderr
    (phase,) = json.loads(result.stdout)["phases"]
    assert phase["kind"] == "group" and phase["urls"] == []
    assert [(item["kind"], item["urls"]) for item in phase["children"]] == [
        ("item", [URL]),
        ("item", []),
        ("item", ["https://a.example", "mailto:b@b.example"]),
    ]


LICENSED = "# Plan\n\n## Study\n\n- Tensors\n- Autograd\n\n## License\n\n- MIT\n"


def test_review_and_export_count_a_section_brought_back(tmp_path: Path) -> None:
    plan = tmp_path / "plan.md"
    plan.write_text(LICENSED, encoding="utf-8")
    roadmap = load_roadmap(plan)
    if not any(node.aside for node in roadmap.walk()):
        pytest.skip("a licence section is set aside only by the aside parser, not merged here yet")

    def totals() -> int:
        result = run_cli("review", plan, "--json")
        assert result.returncode == 0, result.stderr
        return int(json.loads(result.stdout)["totals"]["total"])

    assert totals() == 2
    Store.open(roadmap, plan, state_dir()).bring_back("license")
    assert totals() == 3
    exported = json.loads(run_cli("export", plan, "--format", "json").stdout)
    assert exported["totals"]["todo"] == 3
