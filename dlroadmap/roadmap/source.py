"""Reading a roadmap file from disk into the model, with errors a user can act on."""

from __future__ import annotations

from pathlib import Path

from dlroadmap.common.files import NotAFile, open_file
from dlroadmap.common.printable import path_text
from dlroadmap.errors import RoadmapError
from dlroadmap.roadmap.cache import cached_parse
from dlroadmap.roadmap.model import Roadmap

BUNDLED_NAME = "deep-learning-study-plan.md"
# Far beyond any real roadmap (50,000 topics take about 3 MiB); a larger file is
# refused at once rather than parsed for minutes.
MAX_BYTES = 8 * 1024 * 1024


def bundled_roadmap_path() -> Path:
    """The study plan shipped inside the package, opened when no file is given."""
    # In the package's data folder in every install pip makes (importlib.resources would find it
    # too, for tens of milliseconds of every start).
    return Path(__file__).parent.parent / "data" / BUNDLED_NAME


def read_text(path: Path) -> str:
    """The file's text, or a RoadmapError saying plainly why it cannot be had."""
    try:
        with open_file(path) as file:
            data = file.read(MAX_BYTES + 1)
    except NotAFile as error:
        raise RoadmapError(path, f"it is {error.kind}, not a markdown file.") from None
    except FileNotFoundError:
        raise RoadmapError(path, "no such file. Check the path and try again.") from None
    except PermissionError:
        raise RoadmapError(path, "permission denied; the file is not readable.") from None
    except OSError as error:
        raise RoadmapError(path, f"{error.strerror or error}.") from None
    return markdown_text(data, path)


def markdown_text(data: bytes, path: Path | str) -> str:
    """The text of a roadmap's bytes (read from `path`, a file or a URL), or a
    RoadmapError saying why they are not a roadmap."""
    if len(data) > MAX_BYTES:
        raise RoadmapError(path, f"it is larger than {MAX_BYTES // 2**20} MiB; not a roadmap.")
    if b"\x00" in data:
        raise RoadmapError(path, "it looks like a binary file (it holds NUL bytes), not markdown.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise RoadmapError(
            path,
            f"it is not UTF-8 text (byte 0x{data[error.start]:02x} at offset {error.start}). "
            "Save it as UTF-8 and try again.",
        ) from None
    return text


def load_roadmap(path: Path, cache: Path | None = None) -> Roadmap:
    """The roadmap in the file; with `cache`, a folder of parses kept between runs."""
    # The file's name, when it titles the roadmap, as text any output and file can hold.
    return cached_parse(read_text(path), path_text(path.stem), cache)
