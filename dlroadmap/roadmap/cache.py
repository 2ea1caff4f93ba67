"""Parsed roadmaps kept between runs, so a start-up or a `review` skips the parse.

Keyed by the markdown's bytes and the code that parses it (see content_cache.py). An
entry is the roadmap as plain data: a span is its text (plain) or a tuple of its fields,
a node (id, title, trackable, status, children) with, only when it has any, a sixth
member (aside, description, fields, resources), an overview line (title, phase id), and
the roadmap's warnings.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from dlroadmap.common.content_cache import ContentCache, Malformed
from dlroadmap.roadmap.model import Inline, Node, OverviewEntry, Roadmap, Span, Status

# The modules whose code decides what a parse gives; mistune's own package file holds
# its version, so an upgrade of mistune is a miss too.
_PARSING_CODE = (
    "dlroadmap.roadmap.parser",
    "dlroadmap.roadmap.aside",
    "dlroadmap.roadmap.draft",
    "dlroadmap.roadmap.fences",
    "dlroadmap.roadmap.front_matter",
    "dlroadmap.roadmap.gfm_tables",
    "dlroadmap.roadmap.overview",
    "dlroadmap.roadmap.paragraph_items",
    "dlroadmap.roadmap.prose",
    "dlroadmap.roadmap.resources",
    "dlroadmap.roadmap.spans",
    "dlroadmap.roadmap.tables",
    "dlroadmap.roadmap.inline",
    "dlroadmap.roadmap.syntax",
    "dlroadmap.roadmap.title",
    "dlroadmap.roadmap.ids",
    "dlroadmap.roadmap.model",
    "mistune",
)

_STATUSES = {status.value: status for status in Status}


def _encode_inline(spans: Inline) -> str | tuple[object, ...]:
    # Most titles are one plain span: its text alone.
    if len(spans) == 1 and spans[0] == Span(spans[0].text):
        return spans[0].text
    return tuple(
        span.text
        if span == Span(span.text)
        else (span.text, span.bold, span.italic, span.code, span.strike, span.link)
        for span in spans
    )


def _encode_node(node: Node) -> tuple[object, ...]:
    children = [_encode_node(child) for child in node.children]
    core = (node.id, _encode_inline(node.title), node.trackable, node.initial_status.value)
    if not (node.aside or node.description or node.fields or node.resources):
        return (*core, children)
    extra = (
        node.aside,
        _encode_inline(node.description),
        tuple((name, _encode_inline(value)) for name, value in node.fields),
        tuple(_encode_inline(resource) for resource in node.resources),
    )
    return (*core, children, extra)


def encode(roadmap: Roadmap) -> tuple[object, ...]:
    return (
        _encode_inline(roadmap.title),
        _encode_inline(roadmap.tagline),
        [_encode_node(phase) for phase in roadmap.phases],
        [(_encode_inline(entry.title), entry.phase_id) for entry in roadmap.overview],
        tuple(roadmap.warnings),
    )


def _str(value: object) -> str:
    if type(value) is not str:
        raise Malformed
    return value


def _bool(value: object) -> bool:
    if type(value) is not bool:
        raise Malformed
    return value


def _optional_str(value: object) -> str | None:
    return None if value is None else _str(value)


def _span(data: object) -> Span:
    if type(data) is str:
        return Span(data)
    if type(data) is not tuple or len(data) != 6:
        raise Malformed
    text, bold, italic, code, strike, link = data
    return Span(
        _str(text), _bool(bold), _bool(italic), _bool(code), _bool(strike), _optional_str(link)
    )


def _inline(data: object) -> Inline:
    if type(data) is str:
        return (Span(data),)
    if type(data) is not tuple:
        raise Malformed
    return tuple(_span(span) for span in data)


def _node(data: object) -> Node:
    if type(data) is not tuple or len(data) not in (5, 6):
        raise Malformed
    node_id, title, trackable, status, children = data[:5]
    if type(node_id) is not str or type(trackable) is not bool or type(children) is not list:
        raise Malformed
    # A status that is not one of ours, or not even text, is a KeyError or a TypeError.
    spans = (Span(title),) if type(title) is str else _inline(title)
    node = Node(node_id, spans, trackable, _STATUSES[status], [_node(c) for c in children])
    if len(data) == 6:
        _add_extra(node, data[5])
    return node


def _add_extra(node: Node, data: object) -> None:
    if type(data) is not tuple or len(data) != 4:
        raise Malformed
    aside, description, fields, resources = data
    if type(fields) is not tuple or type(resources) is not tuple:
        raise Malformed
    node.aside = _str(aside)
    node.description = _inline(description)
    node.fields = tuple(_field(entry) for entry in fields)
    node.resources = tuple(_inline(resource) for resource in resources)


def _field(data: object) -> tuple[str, Inline]:
    if type(data) is not tuple or len(data) != 2:
        raise Malformed
    return _str(data[0]), _inline(data[1])


def _overview(data: object) -> OverviewEntry:
    if type(data) is not tuple or len(data) != 2:
        raise Malformed
    return OverviewEntry(_inline(data[0]), _optional_str(data[1]))


def decode(data: object) -> Roadmap:
    """The roadmap `encode` made `data` from; Malformed (or KeyError) if it is not such data."""
    if type(data) is not tuple or len(data) != 5:
        raise Malformed
    title, tagline, phases, overview, warnings = data
    if type(phases) is not list or type(overview) is not list or type(warnings) is not tuple:
        raise Malformed
    return Roadmap(
        _inline(title),
        _inline(tagline),
        [_node(phase) for phase in phases],
        [_overview(entry) for entry in overview],
        [_str(warning) for warning in warnings],
    )


@cache
def _cache(folder: Path | None) -> ContentCache[Roadmap]:
    return ContentCache(folder, (*_PARSING_CODE, __name__), encode, decode)


def _parse(text: str, fallback_title: str) -> Roadmap:
    # Imported here: a cache hit never loads mistune.
    from dlroadmap.roadmap.parser import parse_roadmap

    return parse_roadmap(text, fallback_title)


def cached_parse(text: str, fallback_title: str, folder: Path | None) -> Roadmap:
    """The roadmap in `text`, from `folder` if parsed before, else parsed (and kept)."""
    entries = _cache(folder)
    key = entries.key(fallback_title.encode(), text.encode("utf-8", "surrogatepass"))
    roadmap = entries.get(key)
    if roadmap is None:
        roadmap = _parse(text, fallback_title)
        entries.put(key, roadmap)
    return roadmap
