"""How a status looks on a terminal, with an ASCII fallback for terminals without the symbols."""

from dlroadmap.roadmap.model import Status

UNICODE = {
    Status.DONE: "✓",
    Status.IN_PROGRESS: "◐",
    Status.TODO: "○",
    Status.SKIPPED: "–",
}
ASCII = {
    Status.DONE: "x",
    Status.IN_PROGRESS: "~",
    Status.TODO: "o",
    Status.SKIPPED: "-",
}
LABELS = {
    Status.DONE: "done",
    Status.IN_PROGRESS: "in progress",
    Status.TODO: "to do",
    Status.SKIPPED: "skipped",
}


# Beside a topic in the tree: it has a note.
NOTE_MARK = "✎"
NOTE_MARK_ASCII = "*"


def note_mark(ascii_only: bool) -> str:
    return NOTE_MARK_ASCII if ascii_only else NOTE_MARK


def glyphs(ascii_only: bool) -> dict[Status, str]:
    return ASCII if ascii_only else UNICODE


def bar(fraction: float, width: int, ascii_only: bool = False) -> str:
    filled = round(max(0.0, min(1.0, fraction)) * width)
    full, empty = ("#", ".") if ascii_only else ("█", "░")
    return full * filled + empty * (width - filled)
