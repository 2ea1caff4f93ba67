"""Parsed roadmaps kept between runs: the same roadmap back, or a fresh parse, never an error."""

from __future__ import annotations

import ast
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

from dlroadmap.common.content_cache import SUFFIX
from dlroadmap.roadmap import cache
from dlroadmap.roadmap.cache import _PARSING_CODE, cached_parse
from dlroadmap.roadmap.model import Roadmap
from dlroadmap.roadmap.parser import parse_roadmap
from dlroadmap.roadmap.source import bundled_roadmap_path, read_text


def shape(roadmap: Roadmap) -> list[tuple[str, str, bool, str]]:
    return [
        (node.id, node.text, node.trackable, node.initial_status.value) for node in roadmap.walk()
    ]


def test_a_cached_roadmap_is_the_parsed_one(tmp_path: Path) -> None:
    text = read_text(bundled_roadmap_path())
    first = cached_parse(text, "plan", tmp_path)
    assert len(list(tmp_path.glob(f"*{SUFFIX}"))) == 1
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
    entry = next(tmp_path.glob(f"*{SUFFIX}"))
    entry.write_bytes(b"not an entry")
    assert [node.text for node in cached_parse(text, "plan", tmp_path).items()] == ["a"]
    assert entry.read_bytes() != b"not an entry"


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


ROWS_AND_PARAGRAPHS = """\
# Plan
## Courses
| Course | Weeks | Link |
|---|---|---|
| [Algorithms](https://a.example) | 6 | [notes](https://n.example) |
| **Compilers** | 8 | |

## Projects

**Calculator** - add [numbers](https://calc.example).

**Clock** - tell the time.

## Books
- [ ] Deep Learning
    - [PDF](https://dl.example/pdf)
    - errata

## Databases
Read the [Red Book](https://red.example).
"""


def full_shape(roadmap: Roadmap) -> list[tuple[object, ...]]:
    return [
        (node.id, node.title, node.trackable, node.description, node.fields, node.resources)
        for node in roadmap.walk()
    ]


def test_the_cache_keeps_descriptions_fields_and_resources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = parse_roadmap(ROWS_AND_PARAGRAPHS, "plan")
    # Each kind is there to be kept: a field, a description, a resource.
    assert any(node.fields for node in parsed.walk())
    assert any(node.description for node in parsed.walk())
    assert any(node.resources for node in parsed.walk())
    cached_parse(ROWS_AND_PARAGRAPHS, "plan", tmp_path)

    def no_parse(text: str, fallback_title: str) -> Roadmap:
        raise AssertionError("a cache hit parses nothing")

    monkeypatch.setattr(cache, "_parse", no_parse)
    again = cached_parse(ROWS_AND_PARAGRAPHS, "plan", tmp_path)
    assert full_shape(again) == full_shape(parsed)
    assert [node.urls for node in again.walk()] == [node.urls for node in parsed.walk()]
