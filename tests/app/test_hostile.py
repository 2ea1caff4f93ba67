"""Roadmaps and notes nobody should trust: a clean render or a clear error, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

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
