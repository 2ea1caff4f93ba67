"""`dlroadmap export` run as a command: what it prints and writes, what it refuses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dlroadmap.locations import state_dir
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Status
from dlroadmap.roadmap.parser import parse_roadmap
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap
from tests.ptytools import run_cli

CYCLE = (Status.DONE, Status.TODO, Status.IN_PROGRESS, Status.SKIPPED)


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """A copy of the seed with progress and a note, saved the usual way."""
    path = tmp_path / "roadmaps" / "plan.md"
    path.parent.mkdir()
    path.write_bytes(bundled_roadmap_path().read_bytes())
    roadmap = load_roadmap(path)
    store = Store.open(roadmap, path, state_dir())
    items = list(roadmap.items())
    for index, item in enumerate(items[:8]):
        store.set_status(item, CYCLE[index % 4])
    store.set_note(items[1], "- not an item\n# nor a heading")
    return path


def test_export_prints_markdown_and_changes_no_file(plan: Path) -> None:
    source_before = plan.read_bytes()
    state_files = sorted(state_dir().glob("*.toml"))
    states_before = [path.read_bytes() for path in state_files]

    result = run_cli("export", plan)

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "- [x] Understand what Deep Learning is" in result.stdout
    assert "- [ ] What is Deep Learning? _(in progress)_" in result.stdout
    assert "  > \\- not an item\\" in result.stdout
    assert plan.read_bytes() == source_before
    assert sorted(state_dir().glob("*.toml")) == state_files
    assert [path.read_bytes() for path in state_files] == states_before

    again = parse_roadmap(result.stdout, "x")
    roadmap = load_roadmap(plan)
    store = Store.open(roadmap, plan, state_dir(), writable=False)
    assert {item.id: item.initial_status for item in again.items()} == {
        item.id: store.status(item) for item in roadmap.items()
    }


def test_export_to_a_file_and_as_json(plan: Path, tmp_path: Path) -> None:
    printed = run_cli("export", plan).stdout
    out = tmp_path / "exports" / "plan-progress.md"

    result = run_cli("export", plan, "-o", out)

    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8") == printed

    result = run_cli("export", plan, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    first = data["phases"][0]["children"][0]["children"][0]
    assert (first["title"], first["status"]) == ("Understand what Deep Learning is", "done")
    assert data["phases"][0]["children"][0]["children"][1]["note"].startswith("- not an item")


@pytest.mark.parametrize("how", ["same path", "symlink", "relative"])
def test_export_over_the_roadmap_itself_is_refused(
    plan: Path, how: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = plan.read_bytes()
    target: Path = plan
    if how == "symlink":
        target = plan.parent / "link.md"
        target.symlink_to(plan)
    elif how == "relative":
        monkeypatch.chdir(plan.parent)
        target = Path("..") / plan.parent.name / plan.name

    result = run_cli("export", plan, "-o", target)

    assert result.returncode == 2
    assert result.stdout == ""
    assert "roadmap being exported" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert plan.read_bytes() == before


def test_export_errors_are_one_paragraph(tmp_path: Path, plan: Path) -> None:
    missing = run_cli("export", tmp_path / "missing.md")
    assert missing.returncode == 2
    assert "no such file" in missing.stderr and "Traceback" not in missing.stderr

    folder = tmp_path / "a-folder"
    folder.mkdir()
    unwritable = run_cli("export", plan, "-o", folder)
    assert unwritable.returncode == 2
    assert "cannot be written" in unwritable.stderr
    assert len(unwritable.stderr.strip().splitlines()) == 1


def test_export_never_imports_textual(plan: Path) -> None:
    code = (
        "import sys, contextlib, io\n"
        "from dlroadmap.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['export', {str(plan)!r}]) == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
