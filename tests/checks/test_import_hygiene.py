"""The layer under the app never imports Textual or Rich, so quick commands stay quick."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import dlroadmap

UI_PACKAGE = "dlroadmap.app"
MUST_STAY_LIGHT = {
    f"dlroadmap.{name}"
    for name in (
        "roadmap.model",
        "roadmap.parser",
        "roadmap.source",
        "roadmap.ids",
        "roadmap.tally",
        "progress.store",
        "common.printable",
        "common.glyphs",
        "locations",
        "errors",
    )
}


def lower_layer_modules() -> list[str]:
    names = ["dlroadmap"]
    for module in pkgutil.walk_packages(dlroadmap.__path__, prefix="dlroadmap."):
        if module.name == UI_PACKAGE or module.name.startswith(UI_PACKAGE + "."):
            continue
        names.append(module.name)
    return sorted(names)


def test_the_listed_modules_are_all_found() -> None:
    found = set(lower_layer_modules())
    assert found >= MUST_STAY_LIGHT | {"dlroadmap", "dlroadmap.cli"}
    assert not any(name.startswith(UI_PACKAGE) for name in found)


@pytest.mark.parametrize("module", lower_layer_modules())
def test_module_imports_neither_textual_nor_rich(module: str) -> None:
    code = (
        f"import sys, {module}; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]", f"{module} pulls in {result.stdout.strip()}"


def test_the_check_itself_detects_textual() -> None:
    """The same probe does see Textual when it is imported, so the check above can fail."""
    code = (
        "import sys, textual.app; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "'textual'" in result.stdout
