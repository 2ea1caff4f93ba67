"""Roadmaps and notes nobody should trust: a clean render or a clear error, never a crash."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dlroadmap.progress.state import ItemState, State, dump_state, parse_state
from dlroadmap.roadmap.model import Node
from dlroadmap.roadmap.parser import parse_roadmap
from dlroadmap.roadmap.source import MAX_BYTES
from tests.apptools import make_app, screen_text

SIZE = (100, 30)

HOSTILE = {
    "markup": (
        "# [red]Plan[/red]\n## Phase 1: [bold]x[/bold] [/]\n"
        "- Use [link=http://x]y[/link] [@click=app.quit]q[/]\n"
    ),
    "escapes": (
        "# Title \x1b]0;pwned\x07 here\n## Phase \x1b[31mred\x1b[0m\n"
        "- bell \x07 and \x1b[2J clear\n- osc \x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\\n"
    ),
    "controls": "# Ctl\n## P\n- nul-free \x01\x02\x7f\x85 \u202e reversed \u202c text\n",
    "rtl-and-wide": "# مرحبا 你好\n## المرحلة ١\n- 深度学习 🧑‍💻 e\u0301 ﷽\n",
    "empty": "",
    "no-headings": "just a paragraph\n\n- and\n- a list\n",
    "no-lists": "# Title\n\nprose only\n\n## Section\n\nmore prose\n",
    "deep": "# Deep\n" + "".join("  " * depth + f"- level {depth}\n" for depth in range(1000)),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
async def test_hostile_roadmaps_render_cleanly(tmp_path: Path, name: str) -> None:
    roadmap = tmp_path / f"{name}.md"
    roadmap.write_text(HOSTILE[name], encoding="utf-8")
    app = make_app(tmp_path / "state", roadmap)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down", "space", "n", *"ok", "escape", "question_mark", "escape")
        await pilot.pause()
        svg = app.export_screenshot()
        text = screen_text(app)
    # Nothing from the file reaches the terminal as a control sequence.
    assert "\x1b" not in svg
    assert "\x07" not in svg
    if name == "markup":
        assert "[red]Plan[/red]" in text
        assert "[@click=app.quit]q[/]" in text or "[@click=app.quit]" in text
    assert app.return_code is None  # still running: [@click=app.quit] did not quit it


def test_a_roadmap_over_the_size_limit_is_refused_clearly(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_bytes(b"# Big\n" + b"- item\n" * (MAX_BYTES // 7 + 1))
    result = subprocess.run(
        [sys.executable, "-m", "dlroadmap", "where", str(big)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert str(big) in result.stderr
    assert "MiB" in result.stderr
    assert "Traceback" not in result.stderr


markdown_lines = st.lists(
    st.one_of(
        st.sampled_from(
            ["#", "##", "###", "####", "-", "*", "+", "1.", "  -", "    -", ">", "```"]
        ).flatmap(lambda marker: st.text(max_size=30).map(lambda text: f"{marker} {text}")),
        st.text(max_size=40),
        st.sampled_from(
            ["---", "===", "| a | b |", "|---|---|", "<div>", "- [x] done", "x -> Done"]
        ),
    ),
    max_size=40,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_lines)
def test_the_parser_takes_any_text(lines: list[str]) -> None:
    roadmap = parse_roadmap("\n".join(lines), "fallback")
    ids = [node.id for node in roadmap.walk()]
    assert len(ids) == len(set(ids))
    for node in roadmap.walk():
        assert isinstance(node, Node)
        assert node.id and "/" not in node.id.rsplit("/", 1)[-1]
        assert node.trackable or node.children


notes = st.text(alphabet=st.characters(codec="utf-8"), max_size=200) | st.sampled_from(
    ['"""', "a\\b", "\\u0000", "x\r\ny", "\r", "''' \"\"\" '''", "\x1b[31m", "\x00", "\ud7ff"]
)


@settings(max_examples=300)
@given(note=notes, text=notes)
def test_any_note_round_trips_byte_for_byte(note: str, text: str) -> None:
    state = State("title", "/source.md", {"id": ItemState(text=text, note=note)})
    again = parse_state(dump_state(state), Path("state.toml"))
    assert again.items["id"].note.encode("utf-8", "surrogatepass") == note.encode(
        "utf-8", "surrogatepass"
    )
    assert again.items["id"].text == text


def test_a_megabyte_note_round_trips() -> None:
    note = ('ünïcode """ \\ \x1b \r\n' * 60_000)[:1_000_000]
    state = State("title", "/source.md", {"id": ItemState(text="t", note=note)})
    assert parse_state(dump_state(state), Path("s.toml")).items["id"].note == note
