"""The layers' import contracts (pyproject.toml, [tool.importlinter]) hold, checked statically."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import dlroadmap
from tests.repo import ROOT

# Beside the interpreter running the tests: the venv's own import-linter, on this checkout.
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
# What may load Textual: the app, and the entry points that start it.
UI_SIDE = {"dlroadmap.app", "dlroadmap.cli", "dlroadmap.__main__"}


def lint_imports(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-logo", "--no-cache", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def contracts() -> dict[str, dict[str, Any]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {c["id"]: c for c in config["tool"]["importlinter"]["contracts"]}


def test_the_import_contracts_are_kept() -> None:
    result = lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(contracts())} kept, 0 broken" in result.stdout


def test_every_module_below_the_app_is_under_the_no_ui_contract() -> None:
    """A package added later is held to the contract too, not silently left out of it."""
    top = {f"dlroadmap.{m.name}" for m in pkgutil.iter_modules(dlroadmap.__path__)}
    listed = set(contracts()["no-ui-below-the-app"]["source_modules"])
    assert listed == top - UI_SIDE


def test_a_broken_contract_fails_the_check(tmp_path: Path) -> None:
    """The same check fails on an import the layers do have, so a real break is caught."""
    config = tmp_path / "contracts.toml"
    config.write_text(
        '[tool.importlinter]\nroot_package = "dlroadmap"\n\n'
        "[[tool.importlinter.contracts]]\n"
        'name = "The store reads no roadmap (false: it does)"\n'
        'type = "forbidden"\n'
        'source_modules = ["dlroadmap.progress.store"]\n'
        'forbidden_modules = ["dlroadmap.roadmap.model"]\n',
        encoding="utf-8",
    )
    result = lint_imports(str(config))
    assert result.returncode != 0
    assert "1 broken" in result.stdout
    assert "dlroadmap.progress.store -> dlroadmap.roadmap.model" in result.stdout
