"""`dlroadmap review` on a state file holding a revisit card FSRS could not rate: one
clear paragraph, exit 2, and the file untouched (before, it loaded, then crashed)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from dlroadmap.progress.store import Store
from dlroadmap.roadmap.model import Status
from dlroadmap.roadmap.source import bundled_roadmap_path, load_roadmap
from tests.apptools import find
from tests.ptytools import run_cli

FIRST = "Understand what Deep Learning is"


def _state_with_card(change: dict[str, Any]) -> Path:
    """The bundled roadmap's state file, a topic done, its card changed by `change`."""
    roadmap = bundled_roadmap_path()
    folder = Path(run_cli("where").stdout.strip()).parent
    store = Store.open(load_roadmap(roadmap), roadmap, folder)
    node = find(store.roadmap, FIRST)
    store.set_status(node, Status.DONE)
    data = tomllib.loads(store.path.read_text(encoding="utf-8"))
    data["items"][node.id]["revisit"].update(change)
    store.path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return store.path


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"stability": "abc"}, "revisit.stability should be a number, not 'abc'"),
        ({"due": "2026-03-09T09:30:00"}, "revisit.due is '2026-03-09T09:30:00', a time with no"),
        ({"last_review": "2026-03-01T09:30:00"}, "revisit.last_review is '2026-03-01T09:30:00'"),
        ({"due": "9999-12-31T23:00:00-12:00"}, "revisit.due is 9999-12-31T23:00:00-12:00, too"),
    ],
    ids=[
        "stability not a number",
        "due with no offset",
        "last review with no offset",
        "due at the end of the calendar",
    ],
)
def test_review_refuses_a_card_it_could_not_rate(change: dict[str, Any], field: str) -> None:
    path = _state_with_card(change)
    before = path.read_bytes()

    result = run_cli("review")

    assert result.returncode == 2, result.stdout
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert str(path) in result.stderr and field in result.stderr
    assert path.read_bytes() == before
