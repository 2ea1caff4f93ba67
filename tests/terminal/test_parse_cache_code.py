"""The parse cache keyed by the parsing code: a new process with edited code, or another
mistune, parses afresh rather than serve what other code made."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import mistune
import pytest

from dlroadmap.common.content_cache import SUFFIX
from tests.repo import ROOT

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
    assert len(list(entries.glob(f"*{SUFFIX}"))) == 2


def test_a_new_mistune_version_is_a_miss(site: Path, tmp_path: Path) -> None:
    entries = tmp_path / "entries"
    parse_with(site, entries)
    assert parse_with(site, entries) == "(untitled)"
    assert len(list(entries.glob(f"*{SUFFIX}"))) == 1  # the second was a hit
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
    assert len(list(entries.glob(f"*{SUFFIX}"))) == 2
