"""Roadmaps from a URL, at the shell: added, opened (offline too), updated with progress
following its topics, and one clear line when the server cannot be had. The server is a
local one (tests/served.py): no test reaches the internet."""

from __future__ import annotations

import json
from pathlib import Path

from dlroadmap.locations import state_dir
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Status
from dlroadmap.roadmap.source import load_roadmap
from tests.apptools import find
from tests.ptytools import Terminal, run_cli
from tests.served import Served, serving

PLAN = "# Served Plan\n\n## One\n\n- first\n- second\n- third\n\n## Two\n\n- later\n"
# "second" gone, "fourth" new, "third" moved to phase Two.
NEW_PLAN = "# Served Plan\n\n## One\n\n- first\n- fourth\n\n## Two\n\n- later\n- third\n"


def _added(served: Served) -> tuple[str, Path]:
    url = served.put("/plan.md", PLAN)
    result = run_cli("add", url)
    assert result.returncode == 0, result.stderr
    (entry,) = json.loads(run_cli("list", "--json").stdout)
    return url, Path(entry["source"])


def test_add_keeps_a_copy_and_puts_it_on_the_shelf(tmp_path: Path) -> None:
    with serving() as served:
        url, copy = _added(served)
        assert copy.read_text() == PLAN
        assert copy.is_relative_to(tmp_path / "xdg-data")
        again = run_cli("add", url)
        assert again.returncode == 0 and "Already on your shelf" in again.stdout
    line = run_cli("list").stdout
    assert "Served Plan" in line and "0/4" in line and url in line
    # On the shelf with the server gone: by its URL, or its title.
    assert "0/4 done" in run_cli("review", url).stdout
    assert run_cli("where", "served").stdout == run_cli("where", url).stdout


def test_dlroadmap_url_opens_it_and_it_opens_offline_afterwards(tmp_path: Path) -> None:
    with serving() as served:
        url = served.put("/plan.md", PLAN)
        terminal = Terminal([url], {})
        assert terminal.wait_for(b"Served Plan")
        assert terminal.quit() == 0
    offline = Terminal([url], {})
    assert offline.wait_for(b"Served Plan")
    assert offline.quit() == 0
    assert "Served Plan" in run_cli("review").stdout.splitlines()[0]  # the one opened last


def _progress(copy: Path) -> None:
    store = Store.open(load_roadmap(copy), copy, state_dir())
    store.set_status(find(store.roadmap, "first"), Status.DONE)
    store.set_status(find(store.roadmap, "third"), Status.IN_PROGRESS)
    store.set_note(find(store.roadmap, "third"), "halfway through")


def test_update_says_what_changed_and_progress_follows(tmp_path: Path) -> None:
    with serving() as served:
        url, copy = _added(served)
        _progress(copy)
        assert "is up to date" in run_cli("update", "served").stdout
        served.put("/plan.md", NEW_PLAN)
        result = run_cli("update", "served")  # not at a terminal: applied
    assert result.returncode == 0, result.stderr
    assert "1 added, 1 removed, 1 moved or renamed" in result.stdout
    assert "  + fourth" in result.stdout and "  - second" in result.stdout
    assert "  moved: third" in result.stdout
    assert copy.read_text() == NEW_PLAN
    exported = run_cli("export", url).stdout
    assert "- [x] first" in exported
    assert "third" in exported.split("## Two")[1] and "halfway through" in exported
    assert "(in progress)" in exported.split("## Two")[1]


def test_update_asks_at_a_terminal(tmp_path: Path) -> None:
    with serving() as served:
        _url, copy = _added(served)
        served.put("/plan.md", NEW_PLAN)
        asked = Terminal(["update", "served"], {})
        assert asked.wait_for(b"[y/N]")
        assert b"  moved: third" in asked.output  # no progress: known by its text
        asked.type("n\r")
        assert asked.wait_for(b"Nothing changed.")
        assert asked.close() == 1
        assert copy.read_text() == PLAN
        told = Terminal(["update", "--yes", "served"], {})
        assert told.wait_for(b"Applied")
        assert told.close() == 0
        assert b"[y/N]" not in told.output
    assert copy.read_text() == NEW_PLAN


def test_offline_update_fails_in_one_line_and_changes_nothing(tmp_path: Path) -> None:
    with serving() as served:
        _url, copy = _added(served)
        _progress(copy)
        state = Path(run_cli("where", "served").stdout.strip())
        before = state.read_bytes()
    result = run_cli("update", "served")
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Cannot fetch" in result.stderr and "could not be reached" in result.stderr
    assert copy.read_text() == PLAN and state.read_bytes() == before


def test_update_of_a_roadmap_not_from_a_url_is_a_clear_error(tmp_path: Path) -> None:
    plan = tmp_path / "local.md"
    plan.write_text(PLAN)
    result = run_cli("update", plan)
    assert result.returncode == 2
    assert "was not added from a URL" in result.stderr


def test_an_address_that_is_not_one_is_a_clear_error_to_add_and_to_update(
    tmp_path: Path,
) -> None:
    # An unclosed [ cannot be split into host and path: add and update crashed on it.
    added = run_cli("add", "http://[::1/plan.md")
    assert added.returncode == 2, added.stderr
    assert "Traceback" not in added.stderr and len(added.stderr.strip().splitlines()) == 1
    assert "http://[::1/plan.md" in added.stderr
    with serving() as served:
        _url, copy = _added(served)
    copy.with_suffix(".url").write_text("http://[::1/plan.md", encoding="utf-8")
    updated = run_cli("update", "served")
    assert updated.returncode == 2, updated.stderr
    assert "Traceback" not in updated.stderr and len(updated.stderr.strip().splitlines()) == 1
    assert copy.read_text() == PLAN
