"""`dlroadmap export` run as a command: what it prints and writes, what it refuses."""

from __future__ import annotations

import json
import os
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


def where(plan: Path) -> Path:
    result = run_cli("where", plan)
    assert result.returncode == 0, result.stderr
    return Path(result.stdout.strip())


def assert_refused(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    message = result.stderr.strip()
    assert message.startswith("dlroadmap: ") and "Traceback" not in message
    assert len(message.splitlines()) == 1, message
    for fragment in fragments:
        assert fragment in message, (fragment, message)


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("how", ["where", "symlink", "hard link", "copy"])
def test_export_never_writes_over_a_progress_file(
    plan: Path, tmp_path: Path, how: str, force: bool
) -> None:
    state = where(plan)
    target = state
    if how == "symlink":
        target = tmp_path / "progress.md"
        target.symlink_to(state)
    elif how == "hard link":
        target = tmp_path / "progress.md"
        os.link(state, target)
    elif how == "copy":
        target = tmp_path / "backup.toml"
        target.write_bytes(state.read_bytes())
    before = state.read_bytes(), target.read_bytes()

    result = run_cli("export", plan, "-o", target, *(["--force"] if force else []))

    assert_refused(result, str(target), "progress file")
    assert (state.read_bytes(), target.read_bytes()) == before
    assert not target.is_symlink() or target.resolve() == state


def test_export_never_writes_in_the_progress_folder(plan: Path) -> None:
    target = where(plan).parent / "notes.md"

    result = run_cli("export", plan, "-o", target, "--force")

    assert_refused(result, "folder of progress files")
    assert not target.exists()


def test_export_replaces_a_file_it_did_not_write_only_with_force(
    plan: Path, tmp_path: Path
) -> None:
    mine = tmp_path / "notes.md"
    mine.write_text("my own notes, written by hand\n", encoding="utf-8")

    refused = run_cli("export", plan, "-o", mine)

    assert_refused(refused, str(mine), "--force")
    assert mine.read_text(encoding="utf-8") == "my own notes, written by hand\n"

    forced = run_cli("export", plan, "-o", mine, "--force")

    assert forced.returncode == 0, forced.stderr
    assert mine.read_text(encoding="utf-8") == run_cli("export", plan).stdout


def test_export_replaces_its_own_export_until_the_user_changes_it(
    plan: Path, tmp_path: Path
) -> None:
    out = tmp_path / "progress.md"
    assert run_cli("export", plan, "-o", out).returncode == 0
    Store.open(load_roadmap(plan), plan, state_dir()).set_note(
        next(iter(load_roadmap(plan).items())), "a later note"
    )

    again = run_cli("export", plan, "-o", out)

    assert again.returncode == 0, again.stderr
    assert "a later note" in out.read_text(encoding="utf-8")

    # Edited by hand since: the user's work is in it now.
    edited = out.read_text(encoding="utf-8") + "\nmy summary of the week\n"
    out.write_text(edited, encoding="utf-8")

    assert_refused(run_cli("export", plan, "-o", out), "--force")
    assert out.read_text(encoding="utf-8") == edited
