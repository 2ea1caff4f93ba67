"""The shelf at the shell: `dlroadmap` alone reopens the roadmap used last, `list` shows
every roadmap with progress, a ROADMAP may be its title, and `review` alone lists the rest."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from dlroadmap.locations import state_cache_dir, state_dir
from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Status
from dlroadmap.roadmap.source import load_roadmap
from tests.ptytools import Terminal, run_cli


def _roadmap(folder: Path, name: str, title: str, topics: list[str]) -> Path:
    path = folder / f"{name}.md"
    path.write_text(f"# {title}\n\n## Phase\n\n" + "".join(f"- {t}\n" for t in topics))
    return path


def _study(path: Path, days_ago: int, done: int = 1, started: str | None = None) -> Store:
    """Mark the first `done` topics done `days_ago` days ago, and `started` in progress."""
    store = Store.open(load_roadmap(path), path, state_dir())
    when = datetime.now().astimezone() - timedelta(days=days_ago)
    items = list(store.roadmap.items())
    for node in items[:done]:
        store.set_status(node, Status.DONE, when)
    for node in items:
        if node.text == started:
            store.set_status(node, Status.IN_PROGRESS, when)
    return store


def _three(tmp_path: Path) -> tuple[Path, Path, Path]:
    alpha = _roadmap(tmp_path, "alpha", "Alpha Plan", ["one", "two", "three"])
    beta = _roadmap(tmp_path, "beta", "Beta Course", ["uno", "dos"])
    gamma = _roadmap(tmp_path, "gamma", "Alpha Extras", ["x", "y", "z", "w"])
    _study(alpha, 3, done=2)
    _study(beta, 0, done=1, started="dos")
    _study(gamma, 40, done=1)
    return alpha, beta, gamma


def test_list_shows_every_roadmap_last_studied_first(tmp_path: Path) -> None:
    _alpha, beta, gamma = _three(tmp_path)
    result = run_cli("list")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split("  ")[0] for line in lines] == ["Beta Course", "Alpha Plan", "Alpha Extras"]
    assert "1/2" in lines[0] and "studied today" in lines[0] and str(beta) in lines[0]
    assert "2/3" in lines[1] and "studied 3 days ago" in lines[1]
    listed = json.loads(run_cli("list", "--json").stdout)
    assert [(e["title"], e["done"], e["total"]) for e in listed] == [
        ("Beta Course", 1, 2),
        ("Alpha Plan", 2, 3),
        ("Alpha Extras", 1, 4),
    ]
    assert listed[2]["source"] == str(gamma) and listed[2]["found"] is True


def test_list_flags_a_roadmap_whose_markdown_is_gone(tmp_path: Path) -> None:
    alpha, _beta, _gamma = _three(tmp_path)
    alpha.rename(tmp_path / "moved.md")
    line = next(line for line in run_cli("list").stdout.splitlines() if "Alpha Plan" in line)
    assert f"GONE (was {alpha})" in line
    entry = next(e for e in json.loads(run_cli("list", "--json").stdout) if e["found"] is False)
    assert entry["title"] == "Alpha Plan"
    # Opened where it is now, its progress comes along and the shelf knows the new place.
    assert run_cli("where", tmp_path / "moved.md").returncode == 0
    assert run_cli("export", tmp_path / "moved.md").stdout.count("- [x]") == 2


def test_a_roadmap_is_named_by_its_title_or_the_start_of_it(tmp_path: Path) -> None:
    alpha, beta, _gamma = _three(tmp_path)
    by_path = run_cli("where", beta).stdout
    assert run_cli("where", "beta").stdout == by_path
    assert run_cli("where", "BETA COURSE").stdout == by_path
    assert run_cli("where", "alpha plan").stdout == run_cli("where", alpha).stdout
    assert "- [x] one" in run_cli("export", "Alpha P").stdout


def test_an_ambiguous_or_unknown_title_is_a_clear_error(tmp_path: Path) -> None:
    _three(tmp_path)
    ambiguous = run_cli("review", "alpha")
    assert ambiguous.returncode == 2
    assert '"Alpha Plan"' in ambiguous.stderr and '"Alpha Extras"' in ambiguous.stderr
    assert ambiguous.stdout == ""
    unknown = run_cli("where", "delta")
    assert unknown.returncode == 2
    assert "nor a roadmap on your shelf by that title" in unknown.stderr


def test_review_alone_lists_the_other_roadmaps_of_the_last_four_weeks(tmp_path: Path) -> None:
    alpha, _beta, _gamma = _three(tmp_path)
    _open_in_the_app(alpha, "Alpha Plan")
    result = run_cli("review")
    assert result.returncode == 0, result.stderr
    head, _, below = result.stdout.partition("Other roadmaps studied in the last four weeks")
    assert head.splitlines()[0].strip() == "Alpha Plan"  # the full review of the last opened
    assert "2/3 done" in head
    assert "Beta Course · 1/2 done · now: dos" in below
    assert "Alpha Extras" not in below  # studied 40 days ago
    others = json.loads(run_cli("review", "--json").stdout)["others"]
    assert [(o["title"], o["now"], o["revisits_due"]) for o in others] == [
        ("Beta Course", ["dos"], 0)
    ]
    # Named, a roadmap's review is as before: no others.
    named = run_cli("review", alpha)
    assert "Other roadmaps" not in named.stdout
    assert "others" not in json.loads(run_cli("review", alpha, "--json").stdout)


def test_the_streak_counts_a_day_studied_on_any_roadmap(tmp_path: Path) -> None:
    alpha = _roadmap(tmp_path, "alpha", "Alpha Plan", ["one", "two", "three"])
    beta = _roadmap(tmp_path, "beta", "Beta Course", ["uno", "dos"])
    _study(alpha, 0)
    _study(beta, 1)
    _study(alpha, 2, done=2)
    assert json.loads(run_cli("review", "--json", alpha).stdout)["streak"] == 1
    assert json.loads(run_cli("review", "--json", beta).stdout)["streak"] == 1
    _open_in_the_app(alpha, "Alpha Plan")
    assert json.loads(run_cli("review", "--json").stdout)["streak"] == 3


def _open_in_the_app(path: Path | None, title: str, *args: str) -> bytes:
    terminal = Terminal([*args, *([str(path)] if path else [])], {})
    assert terminal.wait_for(title.encode()), terminal.output[-2000:]
    assert terminal.quit() == 0
    return terminal.output


def test_dlroadmap_alone_reopens_the_roadmap_opened_last(tmp_path: Path) -> None:
    alpha, beta, _gamma = _three(tmp_path)
    _open_in_the_app(None, "Deep Learning")  # a fresh machine: the bundled plan
    _open_in_the_app(alpha, "Alpha Plan")
    _open_in_the_app(None, "Alpha Plan")
    assert run_cli("where").stdout == run_cli("where", alpha).stdout
    _open_in_the_app(None, "Deep Learning", "--bundled")
    _open_in_the_app(beta, "Beta Course")
    assert "Beta Course" in run_cli("review").stdout.splitlines()[0]


def test_the_roadmap_opened_last_gone_is_a_clear_error(tmp_path: Path) -> None:
    alpha, _beta, _gamma = _three(tmp_path)
    _open_in_the_app(alpha, "Alpha Plan")
    alpha.unlink()
    result = run_cli("review")
    assert result.returncode == 2
    assert "the roadmap you opened last is no longer there" in result.stderr
    assert str(alpha) in result.stderr


def test_list_on_a_warm_cache_imports_neither_textual_nor_the_parser(tmp_path: Path) -> None:
    _three(tmp_path)
    assert run_cli("list").returncode == 0  # fills the caches
    imported = run_cli("list", python_options=("-X", "importtime")).stderr
    assert "dlroadmap.shelf.listing" in imported  # the probe sees the command's modules
    for heavy in ("textual", "rich", "mistune"):
        assert f" {heavy}" not in imported.replace("|", " "), heavy


def test_review_of_the_shelf_writes_no_state_cache_and_list_fills_it(tmp_path: Path) -> None:
    _three(tmp_path)
    assert run_cli("review").returncode == 0
    assert not state_cache_dir().exists()  # review writes no state cache, shelf or not
    assert run_cli("list").returncode == 0
    assert len(list(state_cache_dir().iterdir())) == 3  # the next listing reads these
