"""Parsed roadmaps kept between runs: the same roadmap back, or a fresh parse, never an error."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import mistune
import pytest

from dlroadmap.roadmap.cache import _PARSING_CODE, cached_parse
from dlroadmap.roadmap.model import Roadmap
from dlroadmap.roadmap.parser import parse_roadmap
from dlroadmap.roadmap.source import bundled_roadmap_path, read_text
from tests.repo import ROOT


def shape(roadmap: Roadmap) -> list[tuple[str, str, bool, str]]:
    return [
        (node.id, node.text, node.trackable, node.initial_status.value) for node in roadmap.walk()
    ]


def test_a_cached_roadmap_is_the_parsed_one(tmp_path: Path) -> None:
    text = read_text(bundled_roadmap_path())
    first = cached_parse(text, "plan", tmp_path)
    assert len(list(tmp_path.glob("*.pickle"))) == 1
    again = cached_parse(text, "plan", tmp_path)
    assert shape(again) == shape(first) == shape(parse_roadmap(text, "plan"))
    assert [e.phase_id for e in again.overview] == [e.phase_id for e in first.overview]
    assert again.text == first.text


def test_an_edited_file_is_parsed_again(tmp_path: Path) -> None:
    text = "# Plan\n## One\n- a\n"
    cached_parse(text, "plan", tmp_path)
    edited = cached_parse(text + "- b\n", "plan", tmp_path)
    assert [node.text for node in edited.items()] == ["a", "b"]


def test_a_broken_cache_entry_is_a_miss(tmp_path: Path) -> None:
    text = "# Plan\n## One\n- a\n"
    cached_parse(text, "plan", tmp_path)
    entry = next(tmp_path.glob("*.pickle"))
    entry.write_bytes(b"not a pickle")
    assert [node.text for node in cached_parse(text, "plan", tmp_path).items()] == ["a"]
    assert entry.read_bytes() != b"not a pickle"


def test_a_second_review_does_not_import_the_markdown_parser(tmp_path: Path) -> None:
    env = {
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "PATH": "/usr/bin:/bin",
    }
    command = [sys.executable, "-X", "importtime", "-m", "dlroadmap", "review"]
    first = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    second = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert first.returncode == second.returncode == 0
    assert "mistune" in first.stderr
    assert "mistune" not in second.stderr
    assert second.stdout == first.stdout


# -- keyed by the parsing code ------------------------------------------------------------

_PROBE = """
import sys
from pathlib import Path

import dlroadmap, mistune
from dlroadmap.roadmap.cache import cached_parse

roadmap = cached_parse("# Plan\\n## One\\n- (done)\\n", "plan", Path(sys.argv[1]))
print(Path(dlroadmap.__file__).parent, Path(mistune.__file__).parent)
print(roadmap.phases[0].children[0].text)
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """Copies of dlroadmap and mistune, to edit as a change of code or an upgrade would."""
    folder = tmp_path / "site"
    skip = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "dlroadmap", folder / "dlroadmap", ignore=skip)
    shutil.copytree(Path(mistune.__file__).parent, folder / "mistune", ignore=skip)
    return folder


def parse_with(site: Path, entries: Path) -> str:
    """The first topic's title, as a new process with `site`'s code parses it."""
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, str(entries)],
        capture_output=True,
        text=True,
        cwd=site.parent,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    where, title = result.stdout.splitlines()
    assert where == f"{site / 'dlroadmap'} {site / 'mistune'}"  # the copies, not the checkout
    return title


def test_an_edited_parser_is_a_miss(site: Path, tmp_path: Path) -> None:
    entries = tmp_path / "entries"
    assert parse_with(site, entries) == "(untitled)"
    parser = site / "dlroadmap" / "roadmap" / "parser.py"
    edited = parser.read_text(encoding="utf-8").replace('"(untitled)"', '"(no title)"')
    parser.write_text(edited, encoding="utf-8")

    assert parse_with(site, entries) == "(no title)"
    assert len(list(entries.glob("*.pickle"))) == 2


def test_a_new_mistune_version_is_a_miss(site: Path, tmp_path: Path) -> None:
    entries = tmp_path / "entries"
    parse_with(site, entries)
    assert parse_with(site, entries) == "(untitled)"
    assert len(list(entries.glob("*.pickle"))) == 1  # the second was a hit
    package = site / "mistune" / "__init__.py"
    upgraded = re.sub(
        r'^__version__ = "([^"]+)"',
        r'__version__ = "\1.post1"',
        package.read_text(encoding="utf-8"),
        count=1,
        flags=re.MULTILINE,
    )
    assert upgraded != package.read_text(encoding="utf-8")
    package.write_text(upgraded, encoding="utf-8")

    parse_with(site, entries)
    assert len(list(entries.glob("*.pickle"))) == 2


def _imports(module: str) -> set[str]:
    """Modules `module` imports, anywhere in its file (lazy imports too), by full name."""
    spec = find_spec(module)
    assert spec is not None and spec.origin is not None
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def test_the_parse_cache_names_every_module_the_parser_is_made_of() -> None:
    # The parser and what it imports from dlroadmap, followed through; and the third
    # parties among their imports (mistune). A module split off the parser and left out
    # of _PARSING_CODE would let an edit to it serve parses its old code made.
    made_of = {"dlroadmap.roadmap.parser"}
    third_parties: set[str] = set()
    pending = ["dlroadmap.roadmap.parser"]
    while pending:
        for name in _imports(pending.pop()):
            top = name.split(".")[0]
            if top == "dlroadmap" and name not in made_of:
                made_of.add(name)
                pending.append(name)
            elif top not in ("dlroadmap", "__future__") and top not in sys.stdlib_module_names:
                third_parties.add(top)
    assert made_of | third_parties == set(_PARSING_CODE)
