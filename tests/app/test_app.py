"""The app driven as a user drives it: keys in, screen and state file out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import TextArea

from dlroadmap.app.screens.help import HelpScreen
from dlroadmap.app.widgets import note_editor
from dlroadmap.app.widgets.detail import DetailPane
from dlroadmap.app.widgets.roadmap_tree import RoadmapTree
from dlroadmap.roadmap.model import Node, OverviewEntry
from tests.apptools import Told, find, make_app, saved, screen_text, type_ahead, until

SIZE = (100, 30)


def tree_of(app) -> RoadmapTree:
    return app.screen.query_one(RoadmapTree)


def cursor_text(app) -> str:
    data = tree_of(app).cursor_node.data
    assert isinstance(data, Node)
    return data.text


def visible_items(app) -> list[str]:
    tree = tree_of(app)
    texts = []
    for line in range(tree.last_line + 1):
        node = tree.get_node_at_line(line)
        if node is not None and isinstance(node.data, Node) and node.data.trackable:
            texts.append(node.data.text)
    return texts


async def test_starts_on_the_first_open_item(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert cursor_text(app) == "Understand what Deep Learning is"
        assert tree_of(app).has_focus


async def test_j_k_and_arrows_move(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j")
        assert cursor_text(app) == "Learn key math foundations"
        await pilot.press("down")
        assert cursor_text(app) == "📘 Topics"
        await pilot.press("k", "up")
        assert cursor_text(app) == "Understand what Deep Learning is"


async def test_l_and_h_expand_and_collapse_a_phase(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = tree_of(app)
        phase2 = find(app.roadmap, "🧱 Phase 2: Neural Network Architectures")
        tree.select_id(phase2.id)
        await pilot.pause()
        assert "Feedforward Neural Networks" not in visible_items(app)
        await pilot.press("l")
        assert "Feedforward Neural Networks" in visible_items(app)
        await pilot.press("h")
        assert "Feedforward Neural Networks" not in visible_items(app)
        await pilot.press("right")
        assert "Feedforward Neural Networks" in visible_items(app)
        await pilot.press("left")
        assert "Feedforward Neural Networks" not in visible_items(app)
        await pilot.press("enter")
        assert "Feedforward Neural Networks" in visible_items(app)


async def test_h_on_an_item_goes_to_its_section(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h")
        assert cursor_text(app) == "🎯 Goals"


async def test_space_toggles_done_and_saves(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = find(app.roadmap, "Understand what Deep Learning is")
        await pilot.press("space")
        assert saved(app)[item.id]["status"] == "done"
        assert saved(app)[item.id]["text"] == "Understand what Deep Learning is"
        assert "status_changed" in saved(app)[item.id]
        await pilot.press("space")
        assert saved(app)[item.id]["status"] == "todo"


@pytest.mark.parametrize(("key", "status"), [("p", "in_progress"), ("x", "skipped")])
async def test_status_keys(tmp_path: Path, key: str, status: str) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = find(app.roadmap, "Understand what Deep Learning is")
        await pilot.press(key)
        assert saved(app)[item.id]["status"] == status
        await pilot.press("t")
        assert saved(app)[item.id]["status"] == "todo"


async def test_status_change_updates_counts_and_header(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        header_before = str(app.screen.query_one("#header").render())
        await pilot.press("space")
        await pilot.pause()
        header_after = str(app.screen.query_one("#header").render())
        assert header_before != header_after
        goals = tree_of(app).cursor_node.parent
        label = tree_of(app).render_label(goals, app.screen.rich_style, app.screen.rich_style)
        assert "1/2" in label.plain


async def test_status_keys_on_a_section_change_every_topic_under_it(tmp_path: Path) -> None:
    # Once a warning that changed nothing; now how a learner marks a whole section.
    app = make_app(tmp_path)
    told = Told()
    async with app.run_test(size=SIZE, message_hook=told.hook) as pilot:
        await pilot.pause()
        await pilot.press("h", "space")
        await pilot.pause()
        section = tree_of(app).cursor_node
        assert section is not None and section.data is not None
        under = [node.id for node in section.data.walk() if node.is_topic]
        assert sorted(saved(app)) == sorted(under)
        assert {item["status"] for item in saved(app).values()} == {"done"}
        assert f"Done: {len(under)} topics in “{section.data.text}”. u undoes it." in told.messages


async def test_overview_tick_follows_the_phase(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = tree_of(app)
        overview = next(child for child in tree.root.children if child.data is None)
        first = overview.children[0]
        assert isinstance(first.data, OverviewEntry)
        glyph = tree.render_label(first, app.screen.rich_style, app.screen.rich_style).plain[0]
        assert glyph == "○"
        phase1 = app.roadmap.phases[0]
        items = [node for node in phase1.walk() if node.trackable]
        for item in items:
            tree.select_id(item.id)
            await pilot.pause()
            await pilot.press("space")
        glyph = tree.render_label(first, app.screen.rich_style, app.screen.rich_style).plain[0]
        assert glyph == "✓"


async def test_n_edits_a_note_escape_saves_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = find(app.roadmap, "Understand what Deep Learning is")
        await pilot.press("n")
        assert isinstance(app.focused, TextArea)
        await pilot.press(*"ReLU = max(0, x)")
        await pilot.press("escape")
        await pilot.pause()
        assert saved(app)[item.id]["note"] == "ReLU = max(0, x)"
        assert tree_of(app).has_focus
        assert "ReLU = max(0, x)" in str(app.screen.query_one("#detail-text").render())
        # The hint is about the read-only note again, not the editor just left.
        text = screen_text(app)
        assert "escape done editing" not in text
        assert "n note · space done" in text


async def test_enter_on_an_item_opens_the_note(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        assert isinstance(app.focused, TextArea)
        await pilot.press("h", "i", "enter", "x")
        await pilot.press("escape")
        item = find(app.roadmap, "Understand what Deep Learning is")
        assert saved(app)[item.id]["note"] == "hi\nx"


async def test_note_is_saved_after_a_pause_in_typing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(note_editor, "SAVE_AFTER_SECONDS", 0.3)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n", *"draft")
        item = find(app.roadmap, "Understand what Deep Learning is")
        assert item.id not in saved(app)
        await until(pilot, lambda: item.id in saved(app))
        assert saved(app)[item.id]["note"] == "draft"
        assert isinstance(app.focused, TextArea)


async def test_quit_while_editing_keeps_the_note(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n", *"last words")
        await app.action_quit()
    item = find(app.roadmap, "Understand what Deep Learning is")
    assert saved(app)[item.id]["note"] == "last words"


async def test_state_is_there_after_a_restart(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("space", "n", *"remember", "escape", "q")
    again = make_app(tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = find(again.roadmap, "Understand what Deep Learning is")
        tree_of(again).select_id(item.id)
        await pilot.pause()
        detail = str(again.screen.query_one("#detail-text").render())
        assert "remember" in detail
        assert "done" in str(again.screen.query_one("#detail-status").render())
        # The cursor starts on the next open item, past the one just done.
        assert again.roadmap.get(item.id) is not None


async def test_tab_switches_panes(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("tab")
        assert app.focused is not None
        assert app.screen.query_one(DetailPane) in app.focused.ancestors
        await pilot.press("tab")
        assert tree_of(app).has_focus


async def test_tab_out_of_the_editor_saves(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n", *"tabbed", "tab")
        await pilot.pause()
        assert tree_of(app).has_focus
        item = find(app.roadmap, "Understand what Deep Learning is")
        assert saved(app)[item.id]["note"] == "tabbed"


async def test_filter_narrows_and_enter_jumps(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"backprop")
        await pilot.pause()
        assert visible_items(app) == ["Gradient Descent & Backpropagation"]
        await pilot.press("enter")
        await pilot.pause()
        assert tree_of(app).has_focus
        assert cursor_text(app) == "Gradient Descent & Backpropagation"
        await pilot.press("space")
        item = find(app.roadmap, "Gradient Descent & Backpropagation")
        assert saved(app)[item.id]["status"] == "done"


async def test_detail_follows_the_first_match_while_typing(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"yolo")
        await pilot.pause()
        assert "Object Detection (YOLO, SSD)" in str(app.screen.query_one("#detail-title").render())
        assert app.screen.query_one("#filter").has_focus


async def test_escape_in_an_empty_filter_goes_back_to_the_tree(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", "escape", "j")
        await pilot.pause()
        assert tree_of(app).has_focus
        assert cursor_text(app) == "Learn key math foundations"
        assert app.screen.query_one("#filter").value == ""


async def test_filter_matches_notes(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n", *"zebra", "escape")
        await pilot.press("slash", *"zebr")
        await pilot.pause()
        assert visible_items(app) == ["Understand what Deep Learning is"]


async def test_escape_clears_the_filter(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"optuna")
        await pilot.pause()
        assert visible_items(app) == ["Optuna"]
        await pilot.press("escape")
        await pilot.pause()
        assert len(visible_items(app)) > 1
        assert tree_of(app).has_focus
        assert app.screen.query_one("#filter").value == ""


async def test_escape_in_the_tree_clears_the_filter(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"optuna", "enter")
        await pilot.pause()
        assert tree_of(app).has_focus
        assert visible_items(app) == ["Optuna"]
        await pilot.press("escape")
        await pilot.pause()
        assert len(visible_items(app)) > 1
        assert cursor_text(app) == "Optuna"


async def test_keys_typed_fast_after_slash_go_to_the_filter(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_ahead(pilot, ["/", *"atten"])
        assert app.screen.query_one("#filter").value == "atten"
        assert visible_items(app) == ["Attention Mechanism"]
        assert saved(app) == {}


async def test_a_burst_of_keys_lands_where_a_user_means(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # Filter, go to the match, mark it done, write a note, leave the editor, clear
        # the filter, mark the next topic: all typed ahead, as keys arrive over SSH.
        await type_ahead(
            pilot, ["/", *"atten", "enter", "space", "n", *"Q, K, V", "escape", "escape", "j", "p"]
        )
        attention = find(app.roadmap, "Attention Mechanism")
        after = find(app.roadmap, "BERT, GPT architectures")
        assert saved(app)[attention.id]["status"] == "done"
        assert saved(app)[attention.id]["note"] == "Q, K, V"
        assert saved(app)[after.id]["status"] == "in_progress"
        assert app.screen.query_one("#filter").value == ""


async def test_clicking_the_filter_line_opens_the_filter(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.click("#filter-hint")
        await pilot.press(*"relu")
        await pilot.pause()
        assert app.screen.query_one("#filter").has_focus
        assert app.screen.query_one("#filter").value == "relu"
        assert "Activation Functions" in screen_text(app)


async def test_help_lists_every_key(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    # Wide enough that no description wraps, so each can be found whole.
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        await pilot.press("end")  # the rest, scrolled to with the keys
        text += screen_text(app)
        for description in (
            "In progress",
            "Skipped (counts as neither)",
            "Back to to do",
            "Filter items and notes",
            "Save and quit",
            "Switch pane",
        ):
            assert description in text
        for key in ("space", "enter", "esc", "tab", "/", "?", "q", "j", "k", "h", "l", "p", "x"):
            assert re.search(rf"(?<![\w+]){re.escape(key)}(?![\w+])", text), key
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_q_quits(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


HOSTILE = """# Hostile [red]roadmap[/red]

## Phase 1: Use [bold] tags [/]

### Topics
- Use [bold] tags [/]
- Title \x1b]0;pwned\x07 here
- Colour \x1b[31mred\x1b[0m text
"""


async def test_markup_and_escapes_show_literally(tmp_path: Path) -> None:
    roadmap = tmp_path / "hostile.md"
    roadmap.write_text(HOSTILE, encoding="utf-8")
    app = make_app(tmp_path / "state", roadmap)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = tree_of(app)
        labels = [
            tree.render_label(tree.get_node_at_line(line), tree.rich_style, tree.rich_style).plain
            for line in range(tree.last_line + 1)
        ]
        assert any("Use [bold] tags [/]" in label for label in labels)
        text = screen_text(app)
        assert "Use [bold] tags [/]" in text
        assert "Hostile [red]roadmap[/red]" in text
        assert "\x1b" not in app.export_screenshot()
        assert "\x07" not in "".join(labels)
        assert "\x1b" not in "".join(labels)


@pytest.mark.parametrize("size", [(80, 24), (40, 12), (30, 8)])
async def test_small_terminals_do_not_crash(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press(
            "down", "space", "n", "a", "escape", "slash", "x", "enter", "question_mark"
        )
        await pilot.pause()
        await pilot.press("escape", "q")
    assert app.return_code == 0


async def test_no_color(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("space")
        await pilot.pause()
        assert app.no_color
        assert "Deep Learning Study Plan" in screen_text(app)


def _big_roadmap(path: Path, phases: int = 20, items: int = 100) -> Path:
    lines = ["# Big plan"]
    for phase in range(phases):
        lines.append(f"## Phase {phase}: part {phase}")
        lines.append("### Topics")
        lines += [f"- topic {phase}.{item}\n  - detail {phase}.{item}" for item in range(items)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


async def test_closed_branches_are_filled_when_opened(tmp_path: Path) -> None:
    app = make_app(tmp_path / "state", _big_roadmap(tmp_path / "big.md"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = tree_of(app)
        # Only the open phase's lines exist at first, not 20 phases x 200 topics.
        assert tree.last_line < 250
        last = find(app.roadmap, "detail 19.99")
        assert tree.select_id(last.id)
        await pilot.pause()
        assert cursor_text(app) == "detail 19.99"
        await pilot.press("space")
        assert saved(app)[last.id]["status"] == "done"
        tree.select_id(find(app.roadmap, "Phase 5: part 5").id)
        await pilot.pause()
        await pilot.press("l")
        assert "topic 5.0" in visible_items(app)


async def test_typing_without_a_pause_is_saved_while_it_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A steady typist never pauses long enough for the save after a pause."""
    monkeypatch.setattr(note_editor, "SAVE_AFTER_SECONDS", 60)
    monkeypatch.setattr(note_editor, "SAVE_AT_LEAST_EVERY_SECONDS", 0.3)
    app = make_app(tmp_path)
    typed = "one key at a time, never stopping, for a long while"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        item = find(app.roadmap, "Understand what Deep Learning is")
        seen: set[str] = set()
        for character in typed:
            await pilot.press(character if character != " " else "space")
            await pilot.pause(0.05)
            seen.add(saved(app).get(item.id, {}).get("note", ""))
        assert isinstance(app.focused, TextArea)
    seen.discard("")
    # Saved more than once while the typing went on, each save what was typed so far.
    assert len(seen) >= 2
    assert all(typed.startswith(note) for note in seen)
