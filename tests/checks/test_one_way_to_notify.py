"""Notices go one way, `app/notices.py`'s `tell`, whose Notice makes its text printable."""

from __future__ import annotations

import re

from tests.repo import ROOT

_NOTIFY = re.compile(r"\.notify\b")


def test_only_tell_calls_notify() -> None:
    package = ROOT / "dlroadmap"
    callers = [
        str(path.relative_to(ROOT))
        for path in sorted(package.rglob("*.py"))
        if path != package / "app" / "notices.py" and _NOTIFY.search(path.read_text("utf-8"))
    ]
    assert callers == []
