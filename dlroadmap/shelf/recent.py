"""Which roadmap was opened last: what `dlroadmap` alone reopens.

One small file in the data folder holding the markdown's path, byte for byte (a name
that is not UTF-8 included). Written only when it changes, so a start costs one read.
"""

from __future__ import annotations

import os
from pathlib import Path

from dlroadmap.common.files import write_atomically
from dlroadmap.locations import data_dir, private_folder

_NAME = "last-opened"


def _record() -> Path:
    return data_dir() / _NAME


def last_opened() -> Path | None:
    """The markdown opened last, as it was then (it may have gone since); None: never."""
    try:
        data = _record().read_bytes().rstrip(b"\n")
    except OSError:
        return None
    return Path(os.fsdecode(data)) if data else None


def remember_opened(source: Path) -> None:
    """Record `source` (absolute) as the roadmap opened last; failing costs only that."""
    data = os.fsencode(source.resolve()) + b"\n"
    record = _record()
    try:
        if record.read_bytes() == data:
            return
    except OSError:
        pass
    try:
        private_folder(record.parent)
        write_atomically(record, data)
    except OSError:
        pass  # the next `dlroadmap` opens the one before: nothing saved is lost
