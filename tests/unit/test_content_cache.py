"""Content caches keyed by the code that works their values out: changed code is a miss,
and code that cannot be read as files means nothing is kept at all."""

from __future__ import annotations

import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from dlroadmap.common.content_cache import ContentCache, Malformed, _code_digest

MODULE = "dlroadmap_test_worker"


@pytest.fixture
def module_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder on sys.path for a module no one imports (the cache only finds it)."""
    folder = tmp_path / "code"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    _code_digest.cache_clear()
    yield folder
    _code_digest.cache_clear()  # no digest of a temp module outlives the test


def counts(data: object) -> dict[str, int]:
    if not isinstance(data, dict):
        raise Malformed
    return data


def cache_over(folder: Path, code: tuple[str, ...]) -> ContentCache[dict[str, int]]:
    return ContentCache(folder, code, dict, counts)


def kept(folder: Path, key_parts: bytes, code: tuple[str, ...]) -> dict[str, int] | None:
    """What a fresh cache over `code` holds for these bytes (as a new process would see)."""
    _code_digest.cache_clear()
    entries = cache_over(folder, code)
    return entries.get(entries.key(key_parts))


def keep(folder: Path, key_parts: bytes, code: tuple[str, ...], value: dict[str, int]) -> None:
    _code_digest.cache_clear()
    entries = cache_over(folder, code)
    entries.put(entries.key(key_parts), value)


def test_an_edited_module_is_a_miss(module_dir: Path, tmp_path: Path) -> None:
    source = module_dir / f"{MODULE}.py"
    source.write_text("def work(text):\n    return len(text)\n", encoding="utf-8")
    entries = tmp_path / "entries"
    keep(entries, b"some bytes", (MODULE,), {"length": 10})
    assert kept(entries, b"some bytes", (MODULE,)) == {"length": 10}

    source.write_text("def work(text):\n    return 2 * len(text)\n", encoding="utf-8")

    assert kept(entries, b"some bytes", (MODULE,)) is None
    assert MODULE not in sys.modules  # found as a file, never imported


def test_an_edit_to_any_of_the_modules_is_a_miss(module_dir: Path, tmp_path: Path) -> None:
    first, second = module_dir / "dlroadmap_test_a.py", module_dir / "dlroadmap_test_b.py"
    first.write_text("A = 1\n", encoding="utf-8")
    second.write_text("B = 1\n", encoding="utf-8")
    code = ("dlroadmap_test_a", "dlroadmap_test_b")
    entries = tmp_path / "entries"
    keep(entries, b"x", code, {"n": 1})

    second.write_text("B = 2\n", encoding="utf-8")

    assert kept(entries, b"x", code) is None


def in_a_zip(module_dir: Path) -> str:
    archive = module_dir / "packed.zip"
    with zipfile.ZipFile(archive, "w") as packed:
        packed.writestr("dlroadmap_test_zipped.py", "Z = 1\n")
    sys.path.insert(0, str(archive))  # the test puts sys.path back
    return "dlroadmap_test_zipped"


@pytest.mark.parametrize(
    "unreadable",
    [
        in_a_zip,
        lambda _: "sys",  # built into the interpreter: no file at all
        lambda _: "dlroadmap_test_nowhere",  # not installed
    ],
    ids=["zipped", "built in", "missing"],
)
def test_code_not_read_as_files_means_no_caching(
    module_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    unreadable: Callable[[Path], str],
) -> None:
    monkeypatch.setattr(sys, "path", list(sys.path))
    readable = module_dir / "dlroadmap_test_plain.py"
    readable.write_text("P = 1\n", encoding="utf-8")
    code = ("dlroadmap_test_plain", unreadable(module_dir))
    entries = tmp_path / "entries"

    keep(entries, b"x", code, {"n": 1})

    # Not kept under a key that leaves the unread module out (say, the version alone).
    assert kept(entries, b"x", code) is None
    assert not entries.exists() or not any(entries.iterdir())
