"""A roadmap with its progress, as markdown (GitHub-flavoured).

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
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dlroadmap.export.titles import (
    check_in_advance,
    checking,
    escape,
    render,
    render_struck,
    unitalic,
)
from dlroadmap.roadmap.model import Inline, Node, Roadmap, Status, plain
from dlroadmap.roadmap.syntax import (
    DASHES,
    MAX_NESTING,
    OVERVIEW_TITLE,
    WRITTEN_MARKERS,
    drops_colon,
    find_status_marker,
    names_overview,
)
from dlroadmap.roadmap.tally import StatusOf, phase_complete

__all__ = ["to_markdown"]

NoteOf = Callable[[Node], str]

_INDENT = "  "
# mistune opens no block quote inside a list this deep; a note there is set apart by a
# blank line instead, so it stays out of the item's title.
_QUOTE_DEPTH_LIMIT = MAX_NESTING - 1
_ORDERED_START = re.compile(r"[0-9]+(?=[.)])")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


# -- markdown ---------------------------------------------------------------------------


def to_markdown(
    roadmap: Roadmap,
    status_of: StatusOf,
    note_of: NoteOf,
    unmatched: Sequence[tuple[str, str]] = (),
) -> str:
    """The roadmap as markdown: title, tagline, overview, then the tree with progress, and
    last the `unmatched` notes (topic text, note) whose topics left the markdown.

    What is set aside (a table of contents, a licence) is written too, as the parser
    made it: read again, it is set aside again.
    """
    with checking():
        text = _to_markdown(roadmap, status_of, note_of)
    # Quotes, which a roadmap passes over: opened again, the export has the same topics.
    for topic, note in unmatched:
        heading = f"Unmatched note on “{topic}” (no longer in the roadmap):"
        text += "\n" + "\n".join([*_quote(heading, ""), ">", *_quote(note, "")]) + "\n"
    return text


def _to_markdown(roadmap: Roadmap, status_of: StatusOf, note_of: NoteOf) -> str:
    check_in_advance(roadmap, status_of)
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
            lines += _about(node, "", bullets=False)
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
            lines += _about(node, indent + _INDENT)
            child_places = [_Place(False, place.level + 1) for _ in node.children]
        stack.extend(reversed(list(zip(node.children, child_places, strict=True))))


def _about(node: Node, indent: str, *, bullets: bool = True) -> list[str]:
    """What the roadmap says of a node beyond its title, under it: its fields on one line
    and its description as paragraphs (read again as text, not items), its resources as
    plain bullets (read again as a task's resources), or under a heading (where bullets
    would be items) as a line of text."""
    paragraphs = []
    if node.fields:
        paragraphs.append(
            " · ".join(f"{escape(name)}: {render(value)}" for name, value in node.fields)
        )
    if node.description:
        paragraphs.append(render(node.description))
    if node.resources and not bullets:
        paragraphs.append("Resources: " + " · ".join(map(render, node.resources)))
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += ["", indent + _not_a_block(paragraph)]
    if node.resources and bullets:
        lines.append("")
        lines += [f"{indent}- {render(resource)}" for resource in node.resources]
    return lines


def _not_a_block(text: str) -> str:
    """A line of text that no parser reads as a heading, quote, list or rule."""
    first = text[:1]
    bullet_or_rule = first in ("-", "+", "*", "_") and (
        text[1:2] in ("", " ", "\t") or not text.replace(" ", "").strip(first)
    )
    if first in ("#", ">", "=") or bullet_or_rule:
        return "\\" + text
    if ordered := _ORDERED_START.match(text):
        return f"{text[: ordered.end()]}\\{text[ordered.end() :]}"
    return text


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
    An item with sub-items (or resources) must be a list item. Other items go either way: below a
    group they are list items; at the top they are headings, like phases, unless a
    list item must follow them.
    """
    must_heading = [not node.trackable or _needs_guard(node.title) for node in siblings]
    first_heading = must_heading.index(True) if True in must_heading else len(siblings)
    last_list = max(
        (i for i, node in enumerate(siblings[:first_heading]) if _has_below(node)),
        default=-1,
    )
    modes: list[bool] = []
    for index, node in enumerate(siblings):
        if index <= last_list:
            modes.append(False)
        elif index >= first_heading:
            modes.append(True)  # includes the one unwritable shape (see the docstring)
        else:
            modes.append(leaves_as_headings and not _has_below(node))
    return modes


def _has_below(node: Node) -> bool:
    """Sub-items or resources: written as a list nested under the item's line."""
    return bool(node.children or node.resources)


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
        return f"- [x] {render(node.title)}"
    if status is Status.SKIPPED:
        text = render_struck(node.title)
        return f"- [ ] {text}{_marker(plain(node.title), WRITTEN_MARKERS[status])}"
    if status is Status.IN_PROGRESS:
        text = render(node.title)
        return f"- [ ] {text}{_marker(plain(node.title), WRITTEN_MARKERS[status])}"
    return f"- [ ] {render(node.title)}"


def _heading_text(title: Inline, *, struck: bool = False) -> str:
    text = render_struck(title) if struck else render(title)
    if text.endswith("#"):
        text = text[:-1] + "\\#"  # else a closing sequence, dropped from the heading
    return text


def _tagline(tagline: Inline) -> str:
    return f"_{render(unitalic(tagline))}_"


def _needs_guard(title: Inline) -> bool:
    """Does the title end in text the parser would take for a status marker?"""
    return find_status_marker(plain(title)) is not None


def _marker(before: str, marker: str) -> str:
    """The marker after a title; a dash the title ends in would be read as the marker's."""
    # "Topic - (skipped)" is "Topic", skipped: the parser takes the one dash next to the
    # marker, so "Range —" goes out as "Range — - (skipped)".
    return f" - {marker}" if before.rstrip().endswith(tuple(DASHES)) else f" {marker}"


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
        done = phase_complete(roadmap, entry.phase_id, status_of)
        lines.append(f"- [{'x' if done else ' '}] {render(entry.title)}")
    lines.append("")


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
    text = escape(stripped.rstrip(), boundary=True, extra="|~_")
    if not lead and text:
        if text[0] in "#>-+=":
            text = "\\" + text  # would start a heading, quote, list or rule
        elif ordered := _ORDERED_START.match(text):
            text = f"{text[: ordered.end()]}\\{text[ordered.end() :]}"  # "1." starts a list
    return "&nbsp;" * width + text


def _squeeze_blank_lines(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if line == "" and (not out or out[-1] == ""):
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return out
