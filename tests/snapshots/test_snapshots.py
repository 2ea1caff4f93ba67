"""SVG snapshots of the main views; `pytest --snapshot-update` after an intended change."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from tests.apptools import DEMO_NOTE_ON, make_demo_app, point_at


async def _on_noted_topic(pilot: Pilot[None]) -> None:
    await point_at(pilot, DEMO_NOTE_ON)


def test_main_view(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(
        make_demo_app(tmp_path), terminal_size=(100, 30), run_before=_on_noted_topic
    )


def test_main_view_80x24(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_demo_app(tmp_path), terminal_size=(80, 24), run_before=_on_noted_topic)


def test_editing_a_note(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(
        make_demo_app(tmp_path),
        terminal_size=(100, 30),
        run_before=_on_noted_topic,
        press=["n", "enter", *"Next: read the GELU paper."],
    )


def test_phase_detail(snap_compare, tmp_path: Path) -> None:
    async def on_phase(pilot: Pilot[None]) -> None:
        await point_at(pilot, "📚 Phase 1: Foundations of Deep Learning")

    assert snap_compare(make_demo_app(tmp_path), terminal_size=(100, 30), run_before=on_phase)


def test_filter(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(
        make_demo_app(tmp_path), terminal_size=(100, 30), press=["slash", *"network"]
    )


def test_help(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_demo_app(tmp_path), terminal_size=(100, 30), press=["question_mark"])


def test_today(snap_compare, tmp_path: Path) -> None:
    assert snap_compare(make_demo_app(tmp_path), terminal_size=(80, 24), press=["r"])
