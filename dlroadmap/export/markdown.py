"""A roadmap with its progress, as markdown (GitHub-flavoured) or as JSON-ready data.

Pure: no I/O, nothing from Textual or Rich. The markdown is written so that opening it
again gives the same items (same ids) with the statuses they had:

- an item is a task list entry: ``- [x]`` done, ``- [ ]`` to do, ``- [ ] … _(in
  progress)_`` in progress and ``- [ ] ~~…~~ _(skipped)_`` skipped; an item written as a
  heading carries the same trailing marker (``_(done)_`` for done), which the parser
  reads and removes from the title;
- a group (a heading with something under it) is a heading again, one level per depth;
- a note is a block quote under its item, escaped so that no line of it reads as a
  list item, heading or nested quote (the parser looks for lists inside quotes).

The parser hangs list items on the nearest heading above them, so an item that follows
a heading among its siblings is written as a heading itself. One shape cannot be
written: an item with sub-items that follows a heading among its siblings (only
possible for lines above a roadmap's title heading). It is written as a heading over
its sub-items, which keeps the sub-items but makes it a group.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from dlroadmap.progress.state import ItemState
from dlroadmap.roadmap.model import Inline, Node, Roadmap, Span, Status, plain
from dlroadmap.roadmap.syntax import (
    DASHES,
    ENTITY,
    MAX_NESTING,
    OVERVIEW_TITLE,
    WRITTEN_MARKERS,
    drops_colon,
    find_status_marker,
    names_overview,
)
from dlroadmap.roadmap.tally import tally_items

__all__ = ["to_json", "to_markdown"]

StatusOf = Callable[[Node], Status]
NoteOf = Callable[[Node], str]
ItemStateOf = Callable[[str], "ItemState | None"]

_INDENT = "  "
# mistune opens no block quote inside a list this deep; a note there is set apart by a
# blank line instead, so it stays out of the item's title.
_QUOTE_DEPTH_LIMIT = MAX_NESTING - 1
# Characters that are markup anywhere in a line of text.
_ALWAYS = frozenset("\\`*[]<")
_ORDERED_START = re.compile(r"[0-9]+(?=[.)])")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(slots=True)
class _Memo:
    """For one export: how the parser reads each rendering of a styled title (checked in
    batches: a parse per title would take seconds on a big roadmap), and the renderings."""

    parsed: dict[str, Inline | None] = field(default_factory=dict)
    candidates: dict[Inline, list[str]] = field(default_factory=dict)


_memo: ContextVar[_Memo | None] = ContextVar("memo", default=None)


# -- markdown ---------------------------------------------------------------------------


def to_markdown(roadmap: Roadmap, status_of: StatusOf, note_of: NoteOf) -> str:
    """The roadmap as markdown: title, tagline, overview, then the tree with progress."""
    token = _memo.set(_Memo())
    try:
        return _to_markdown(roadmap, status_of, note_of)
    finally:
        _memo.reset(token)


def _to_markdown(roadmap: Roadmap, status_of: StatusOf, note_of: NoteOf) -> str:
    _check_in_advance(roadmap, status_of)
    lines: list[str] = [f"# {_heading_text(roadmap.title)}"]
    if roadmap.tagline:
        lines += ["", _tagline(roadmap.tagline)]
    lines.append("")
    overview_at = _overview_position(roadmap)
    base = _base_level(roadmap)
    modes = _top_modes(roadmap.phases)
    for index, (phase, as_heading) in enumerate(zip(roadmap.phases, modes, strict=True)):
        if index == overview_at:
            _write_overview(lines, roadmap, base, status_of)
        _write_tree(lines, phase, as_heading, base, status_of, note_of)
    if overview_at is not None and not roadmap.phases:
        _write_overview(lines, roadmap, base, status_of)
    return "\n".join(_squeeze_blank_lines(lines)) + "\n"


@dataclass(frozen=True, slots=True)
class _Place:
    """How one node is written: as a heading at a level, or as a list item at a depth."""

    heading: bool
    level: int  # heading level, or list nesting depth (0: not nested)


def _write_tree(
    lines: list[str],
    top: Node,
    as_heading: bool,
    base: int,
    status_of: StatusOf,
    note_of: NoteOf,
) -> None:
    # Iterative, in document order: nodes are written before their children.
    stack: list[tuple[Node, _Place]] = [(top, _Place(as_heading, base if as_heading else 0))]
    while stack:
        node, place = stack.pop()
        status = status_of(node)
        note = note_of(node)
        if place.heading:
            lines += ["", _heading_line(node, status, place.level)]
            if note:
                lines += ["", *_quote(note, "")]
            lines.append("")
            child_places = [
                _Place(True, min(place.level + 1, 6)) if heading else _Place(False, 0)
                for heading in _child_modes(node, top_level=node is top)
            ]
        else:
            indent = _INDENT * place.level
            lines.append(indent + _item_line(node, status))
            if note:
                if place.level >= _QUOTE_DEPTH_LIMIT:
                    lines.append("")
                lines += _quote(note, indent + _INDENT)
            child_places = [_Place(False, place.level + 1) for _ in node.children]
        stack.extend(reversed(list(zip(node.children, child_places, strict=True))))


def _top_modes(phases: list[Node]) -> list[bool]:
    """Which top-level nodes are written as headings (phases), which as list items."""
    return _modes(phases, leaves_as_headings=True)


def _child_modes(group: Node, *, top_level: bool) -> list[bool]:
    modes = _modes(group.children, leaves_as_headings=False)
    # A top-level group mentioning "overview" with all its items in one flat list would
    # be taken for the Phases Overview when read again: its last item becomes a heading.
    if (
        top_level
        and modes
        and not any(modes)
        and not any(child.children for child in group.children)
        and names_overview(group.text)
    ):
        modes[-1] = True
    return modes


def _modes(siblings: list[Node], *, leaves_as_headings: bool) -> list[bool]:
    """For each sibling: written as a heading (True) or a list item (False)?

    List items must come before every heading among siblings (after one, they would
    belong to it). Groups must be headings, and so must an item whose title ends in
    something read as a status marker (only a heading can guard it, with a colon).
    An item with sub-items must be a list item. Other items go either way: below a
    group they are list items; at the top they are headings, like phases, unless a
    list item must follow them.
    """
    must_heading = [not node.trackable or _needs_guard(node.title) for node in siblings]
    first_heading = must_heading.index(True) if True in must_heading else len(siblings)
    last_list = max(
        (i for i, node in enumerate(siblings[:first_heading]) if node.children),
        default=-1,
    )
    modes: list[bool] = []
    for index, node in enumerate(siblings):
        if index <= last_list:
            modes.append(False)
        elif index >= first_heading:
            modes.append(True)  # includes the one unwritable shape (see the docstring)
        else:
            modes.append(leaves_as_headings and not node.children)
    return modes


def _heading_line(node: Node, status: Status, level: int) -> str:
    skipped = status is Status.SKIPPED and node.trackable
    text = _heading_text(node.title, struck=skipped)
    before = plain(node.title)
    if _needs_guard(node.title) or drops_colon(node.title):
        text += ":"  # the parser drops one trailing colon from a heading
        before += ":"
    marker = WRITTEN_MARKERS.get(status)
    return f"{'#' * level} {text}" + (_marker(before, marker) if marker else "")


def _item_line(node: Node, status: Status) -> str:
    if status is Status.DONE:
        return f"- [x] {_render(node.title)}"
    if status is Status.SKIPPED:
        text = _render_struck(node.title)
        return f"- [ ] {text}{_marker(plain(node.title), WRITTEN_MARKERS[status])}"
    if status is Status.IN_PROGRESS:
        text = _render(node.title)
        return f"- [ ] {text}{_marker(plain(node.title), WRITTEN_MARKERS[status])}"
    return f"- [ ] {_render(node.title)}"


def _heading_text(title: Inline, *, struck: bool = False) -> str:
    text = _render_struck(title) if struck else _render(title)
    if text.endswith("#"):
        text = text[:-1] + "\\#"  # else a closing sequence, dropped from the heading
    return text


def _tagline(tagline: Inline) -> str:
    return f"_{_render(_unitalic(tagline))}_"


def _unitalic(title: Inline) -> Inline:
    return tuple(
        Span(span.text, span.bold, False, span.code, span.strike, span.link) for span in title
    )


def _needs_guard(title: Inline) -> bool:
    """Does the title end in text the parser would take for a status marker?"""
    return find_status_marker(plain(title)) is not None


def _marker(before: str, marker: str) -> str:
    """The marker after a title; a dash the title ends in would be read as the marker's."""
    # "Topic - (skipped)" is "Topic", skipped: the parser takes the one dash next to the
    # marker, so "Range —" goes out as "Range — - (skipped)".
    return f" - {marker}" if before.rstrip().endswith(tuple(DASHES)) else f" {marker}"


def _render_struck(title: Inline) -> str:
    """The title struck through as a whole, as a skipped item is written."""
    if not any(span.strike for span in title):
        # Read back with every span struck, "~~…~~" vouches for what it wraps too.
        for whole in _struck_candidates(title):
            if _reparsed(whole) == _struck(title):
                return whole
        whole = f"~~{_render(title)}~~"
        parsed = _reparsed(whole)
        if parsed is not None and plain(parsed) == plain(title):
            return whole
    return _render(_struck(title))


def _struck_candidates(title: Inline) -> list[str]:
    return [f"~~{markdown}~~" for markdown in _candidates(title)]


def _struck(title: Inline) -> Inline:
    return tuple(
        Span(span.text, span.bold, span.italic, span.code, True, span.link) for span in title
    )


# -- overview ---------------------------------------------------------------------------


def _overview_position(roadmap: Roadmap) -> int | None:
    """Before the phase its first entry names: where the parser found it."""
    if not roadmap.overview:
        return None
    first = roadmap.overview[0].phase_id
    for index, phase in enumerate(roadmap.phases):
        if phase.id == first:
            return index
    return 0


def _write_overview(lines: list[str], roadmap: Roadmap, level: int, status_of: StatusOf) -> None:
    lines += ["", f"{'#' * level} {OVERVIEW_TITLE}", ""]  # a phase among the phases
    for entry in roadmap.overview:
        done = _phase_done(roadmap, entry.phase_id, status_of)
        lines.append(f"- [{'x' if done else ' '}] {_render(entry.title)}")
    lines.append("")


def _items_of(node: Node) -> Iterator[Node]:
    return (below for below in node.walk() if below.trackable)


# -- heading levels -----------------------------------------------------------------------


def _base_level(roadmap: Roadmap) -> int:
    """Phases are ## under the # title, unless the tree needs every level (then #)."""
    deepest = 0
    modes = _top_modes(roadmap.phases)
    stack = [(phase, 0) for phase, heading in zip(roadmap.phases, modes, strict=True) if heading]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if node.children and not node.trackable:
            child_modes = _child_modes(node, top_level=depth == 0)
            for child, heading in zip(node.children, child_modes, strict=True):
                if heading:
                    stack.append((child, depth + 1))
    return 2 if 2 + deepest <= 6 else 1


# -- notes --------------------------------------------------------------------------------


def _quote(note: str, indent: str) -> list[str]:
    """A note as a block quote, every line shown as written and none read as structure."""
    raw = _LINE_BREAK.split(note.rstrip())
    out: list[str] = []
    for index, line in enumerate(raw):
        if not line.strip():
            out.append(f"{indent}>")
            continue
        text = _note_line(line)
        following = raw[index + 1] if index + 1 < len(raw) else ""
        if following.strip():
            text += "\\"  # a hard line break, so lines stay lines
        out.append(f"{indent}> {text}")
    return out


def _note_line(line: str) -> str:
    stripped = line.lstrip(" \t")
    lead = line[: len(line) - len(stripped)]
    # Indentation shown as non-breaking spaces: leading spaces would be dropped, or
    # make indented code.
    width = sum(4 if char == "\t" else 1 for char in lead)
    text = _escape(stripped.rstrip(), boundary=True, extra="|~_")
    if not lead and text:
        if text[0] in "#>-+=":
            text = "\\" + text  # would start a heading, quote, list or rule
        elif ordered := _ORDERED_START.match(text):
            text = f"{text[: ordered.end()]}\\{text[ordered.end() :]}"  # "1." starts a list
    return "&nbsp;" * width + text


# -- inline --------------------------------------------------------------------------------


def _render(title: Inline) -> str:
    """Spans back to markdown whose plain text, parsed again, is the title's."""
    if not title:
        return ""
    if _is_plain(title):
        return _escape(title[0].text)
    text = plain(title)
    fallback: str | None = None
    for markdown in _candidates(title):
        parsed = _reparsed(markdown)
        if parsed == title:
            return markdown  # every span as it was
        if fallback is None and parsed is not None and plain(parsed) == text:
            fallback = markdown  # the text as it was, if not every style
    return fallback if fallback is not None else _escape(text)


def _candidates(title: Inline) -> list[str]:
    """Ways to write the title, best first."""
    memo = _memo.get()
    if memo is not None and title in memo.candidates:
        return memo.candidates[title]
    if _is_plain(title):
        candidates = [_escape(title[0].text)]
    else:
        # "_" for italics reads best, but cannot open or close inside a word; "*" can.
        italics = ("_", "*") if any(span.italic for span in title) else ("_",)
        candidates = [_render_styled(title, italic) for italic in italics]
    if memo is not None:
        memo.candidates[title] = candidates
    return candidates


def _is_plain(title: Inline) -> bool:
    return len(title) == 1 and title[0] == Span(title[0].text)


def _render_styled(title: Inline, italic: str) -> str:
    out: list[str] = []
    index = 0
    while index < len(title):
        link = title[index].link
        end = index
        while end < len(title) and title[end].link == link:
            end += 1
        inner = _styled_run(title[index:end], italic)
        out.append(inner if link is None else f"[{inner}]({_destination(link)})")
        index = end
    return "".join(out)


def _styled_run(spans: Inline, italic: str) -> str:
    """Spans sharing a link: emphasis opened and closed as their styles change."""
    out: list[str] = []
    open_marks: list[str] = []  # outermost first
    for span in spans:
        wanted = [
            mark
            for mark, on in (("~~", span.strike), ("**", span.bold), (italic, span.italic))
            if on
        ]
        keep = 0
        while keep < len(open_marks) and keep < len(wanted) and open_marks[keep] == wanted[keep]:
            keep += 1
        if keep < len(open_marks):
            _close(out, open_marks[keep:])
            del open_marks[keep:]
        text = span.text
        if wanted[keep:]:
            lead = text[: len(text) - len(text.lstrip())]
            out.append(lead)
            text = text[len(lead) :]
            out.extend(wanted[keep:])
            open_marks.extend(wanted[keep:])
        out.append(_code(text) if span.code else _escape(text, boundary=True))
    _close(out, open_marks)
    return "".join(out)


def _close(out: list[str], marks: list[str]) -> None:
    """Close emphasis after trailing spaces were moved out (else it would not close)."""
    if not marks:
        return
    trail = ""
    while out and not out[-1].strip():
        trail = out.pop() + trail
    if out:
        last = out.pop()
        body = last.rstrip()
        trail = last[len(body) :] + trail
        out.append(body)
    out.extend(reversed(marks))
    out.append(trail)


def _code(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = text.startswith("`") or text.endswith("`")
    pad = pad or (text.startswith(" ") and text.endswith(" ") and bool(text.strip()))
    return f"{fence} {text} {fence}" if pad else f"{fence}{text}{fence}"


def _destination(url: str) -> str:
    out = []
    for char in url:
        if char in "\\()":
            out.append("\\" + char)
        elif char in " <>" or ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"%{ord(char):02X}")
        else:
            out.append(char)
    return "".join(out)


def _escape(text: str, *, boundary: bool = False, extra: str = "") -> str:
    """Plain text as markdown that reads back as the same plain text.

    `boundary`: the text sits next to markup, so an underscore or tilde at either end
    is escaped too (inside a word, neither can open or close anything).
    """
    if not text:
        return text
    out: list[str] = []
    last = len(text) - 1
    for at, char in enumerate(text):
        if char in _ALWAYS or char in extra:
            out.append("\\" + char)
        elif char == "_" or char == "~":
            before = text[at - 1] if at > 0 else ""
            after = text[at + 1] if at < last else ""
            edge = boundary and (at == 0 or at == last)
            if char == "_":
                inside = before.isalnum() and after.isalnum()
            else:
                inside = before != "~" and after != "~"
            out.append(char if inside and not edge else "\\" + char)
        elif char == "&" and ENTITY.match(text, at):
            out.append("\\&")
        else:
            out.append(char)
    return "".join(out)


def _reparsed(markdown: str) -> Inline | None:
    """The title the parser reads from this markdown in a task list item, if it is one."""
    memo = _memo.get()
    if memo is not None and markdown in memo.parsed:
        return memo.parsed[markdown]
    (parsed,) = _parse_items([markdown]) or [None]
    if memo is not None:
        memo.parsed[markdown] = parsed
    return parsed


def _check_in_advance(roadmap: Roadmap, status_of: StatusOf) -> None:
    """Parse the renderings of every styled title in batches: each one's best first."""
    memo = _memo.get()
    if memo is None:
        return
    checked = memo.parsed
    # (what it must read back as, its renderings best first)
    pending: list[tuple[Inline, list[str]]] = [
        (title, _candidates(title))
        for title in (*(entry.title for entry in roadmap.overview), roadmap.title)
        if not _is_plain(title)
    ]
    tagline = _unitalic(roadmap.tagline)
    if tagline and not _is_plain(tagline):
        pending.append((tagline, _candidates(tagline)))
    for node in roadmap.walk():
        if status_of(node) is Status.SKIPPED and not any(span.strike for span in node.title):
            pending.append((_struck(node.title), _struck_candidates(node.title)))
        elif not _is_plain(node.title):
            pending.append((node.title, _candidates(node.title)))
    while pending:
        batch = list(dict.fromkeys(c[0] for _, c in pending if c[0] not in checked))
        parsed = _parse_items(batch)
        if parsed is None:
            return  # each is parsed on its own when needed
        checked.update(zip(batch, parsed, strict=True))
        pending = [(want, c[1:]) for want, c in pending if checked[c[0]] != want and c[1:]]


def _parse_items(markdowns: list[str]) -> list[Inline | None] | None:
    """Each markdown as the parser reads it in a task list item (None: not as one title)."""
    if not markdowns:
        return []
    from dlroadmap.roadmap.parser import (
        parse_roadmap,  # the parser is the judge of what the text says
    )

    # The word after each keeps a marker-like ending from being read as a marker here.
    document = "# t\n\n" + "".join(f"- [ ] {markdown} z\n" for markdown in markdowns)
    items = parse_roadmap(document, "t").phases
    if len(items) != len(markdowns):
        return None
    return [_without_z(item) for item in items]


def _without_z(item: Node) -> Inline | None:
    if item.children or not item.title:
        return None
    *rest, last = item.title
    if last.text == " z" or (last == Span(last.text) and last.text.endswith(" z")):
        trimmed = last.text[:-2]
        return (*rest, Span(trimmed)) if trimmed else tuple(rest)
    return None


def _squeeze_blank_lines(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if line == "" and (not out or out[-1] == ""):
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return out


# -- JSON -----------------------------------------------------------------------------------


def to_json(roadmap: Roadmap, status_of: StatusOf, item_state_of: ItemStateOf) -> dict[str, Any]:
    """The roadmap with progress and notes as JSON-ready data (plain text titles)."""
    phases: list[dict[str, Any]] = []
    stack: list[tuple[Node, list[dict[str, Any]]]] = [
        (phase, phases) for phase in reversed(roadmap.phases)
    ]
    while stack:
        node, siblings = stack.pop()
        entry = _json_node(node, status_of(node), item_state_of(node.id))
        siblings.append(entry)
        stack.extend((child, entry["children"]) for child in reversed(node.children))
    tally = tally_items(roadmap.items(), status_of)
    return {
        "title": roadmap.text,
        "tagline": plain(roadmap.tagline),
        "totals": {
            "done": tally.done,
            "in_progress": tally.in_progress,
            "todo": tally.todo,
            "skipped": tally.skipped,
        },
        "overview": [
            {
                "title": plain(entry.title),
                "phase_id": entry.phase_id,
                "done": _phase_done(roadmap, entry.phase_id, status_of),
            }
            for entry in roadmap.overview
        ],
        "phases": phases,
    }


def _json_node(node: Node, status: Status, saved: ItemState | None) -> dict[str, Any]:
    return {
        "id": node.id,
        "title": node.text,
        "kind": "item" if node.trackable else "group",
        "status": status.value,
        "status_changed": _when(saved.status_changed if saved else None),
        "note": saved.note if saved else "",
        "note_changed": _when(saved.note_changed if saved else None),
        "children": [],
    }


def _phase_done(roadmap: Roadmap, phase_id: str | None, status_of: StatusOf) -> bool:
    phase = roadmap.get(phase_id) if phase_id else None
    return phase is not None and tally_items(_items_of(phase), status_of).complete


def _when(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None
