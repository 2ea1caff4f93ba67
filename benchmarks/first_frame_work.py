"""Start dlroadmap, or the bare Static app, exactly as its command does, and exit the
moment its first frame is made.

    python benchmarks/first_frame_work.py dlroadmap [ARG...]
    python benchmarks/first_frame_work.py static LINE...

run.py runs this under `valgrind --tool=cachegrind` to count the instructions a start
executes up to its first frame: the work itself, which the machine's timing noise does
not touch (on a 2-core VM the wall-clock first paint of one app swings by a quarter
from run to run). Headless: the frame is made, not written to a terminal. Textual is
patched from an import hook, once it is loaded, so each app imports it when and as it
always does (dlroadmap with the collector paused, the bare app with it running).
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any

COLUMNS, LINES = 120, 36
# The exit status that says the first frame was made (anything else: it was not).
FRAME_MADE = 75


def _patch(app_module: ModuleType) -> None:
    app_class: Any = app_module.App
    run = app_class.run

    def headless_run(self: Any, *args: Any, **kwargs: Any) -> Any:
        kwargs.update(headless=True, size=(COLUMNS, LINES))
        return run(self, *args, **kwargs)

    def first_frame_made(self: Any, *args: Any, **kwargs: Any) -> None:
        os._exit(FRAME_MADE)

    app_class.run = headless_run
    app_class._display = first_frame_made


class _PatchTextual(importlib.abc.MetaPathFinder):
    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname != "textual.app":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return None
        loader: Any = spec.loader
        execute = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            execute(module)
            _patch(module)

        loader.exec_module = exec_module
        return spec


def main(argv: list[str]) -> None:
    mode, *rest = argv
    sys.meta_path.insert(0, _PatchTextual())
    if mode == "dlroadmap":
        from dlroadmap.cli import main as dlroadmap_main

        sys.exit(dlroadmap_main(rest))
    import bare_app  # beside this file, on sys.path as the script's folder

    bare_app.main([mode, *rest])


if __name__ == "__main__":
    main(sys.argv[1:])
