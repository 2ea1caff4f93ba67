"""Paragraphs that are a list in all but syntax: each one an item, led by its name.

Project lists and reading lists are often written as paragraphs one after another,
each starting with the thing's name in bold or as a link:

    **Find PI to the Nth Digit** - Enter a number and have the program generate PI...

    [Fast.ai](https://course.fast.ai): practical deep learning for coders.

    **[1]** LeCun, Yann, et al. "**Deep learning**." Nature (2015). [[pdf]](...)

A run of such paragraphs (only blank lines between them) under a heading is read as
items when it holds at least two: each is titled by its lead and the rest of the
paragraph is its description. Once a document has shown that it writes its items so,
a lone paragraph led the same way (bold, link or reference) is an item too, where it
is all that its heading holds: the one project of a category, the one paper of a
topic. A numbered reference (`**[1]**`, `[1]`) leads a
citation, whose title is what a reader calls it: the quoted title ("Deep learning"),
failing that its first bold words, failing that its first sentence. A paragraph
whose every line starts with a lead counts as one paragraph per line.

Not leads, so not items:
- prose labels: `**Note:**`, `**Tip:**`, `**Warning:**`, `**Prerequisites:**`,
  `**License:**`... (see _LABELS); they sit in a run without breaking it, but name
  nothing;
- a link to a place in this same document (`[Back to top](#top)`): navigation;
- a bold sentence (more than _MAX_LEAD_WORDS words): emphasis, not a name;
- a picture, linked or not (badges, thumbnails): it names nothing in words;
- a lead alone in the last paragraph before a list: it is the list's caption
  (`**Background Reading**` over the readings), and the list's items are the items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

from dlroadmap.roadmap.inline import Token, drop_trailing_colon, inline_title, text_of
from dlroadmap.roadmap.model import Inline
from dlroadmap.roadmap.spans import cut

__all__ = ["ParagraphItem", "ParagraphRuns"]

Parent = TypeVar("Parent")
LeadKind = Literal["bold", "link", "reference"]

_MIN_ITEMS = 2
_MAX_LEAD_WORDS = 12
_MAX_SENTENCE = 120  # characters of a citation's first sentence, when it is the title

_LABELS = frozenset(
    {"note", "notes", "nb", "n b", "tip", "tips", "hint", "hints", "warning", "caution"}
    | {"important", "attention", "danger", "info", "information", "example", "examples"}
    | {"e g", "eg", "update", "updated", "edit", "ps", "p s", "disclaimer", "remember"}
    | {"reminder", "tl dr", "tldr", "prerequisite", "prerequisites", "requirement"}
    | {"requirements", "goal", "goals", "objective", "objectives", "summary", "overview"}
    | {"description", "why", "how", "time", "duration", "effort", "level", "difficulty"}
    | {"source", "sources", "credit", "credits", "reference", "references", "see also"}
    | {"outcome", "outcomes", "topics", "topics covered", "deliverable", "deliverables"}
    # what a file says about itself rather than about the study
    | {"author", "authors", "license", "licence", "copyright", "contact", "maintainer"}
    | {"maintainers", "contributors", "contributing", "contributions", "version", "status"}
    | {"website", "homepage", "email", "changelog", "sponsor", "sponsors", "donate"}
)
_NOT_WORDS = re.compile(r"[\W\d_]+")
_REFERENCE = re.compile(r"\[\d{1,4}\]")
_TEXT_REFERENCE = re.compile(r"\s*\[\d{1,4}\]\s")
_SEPARATORS = " \t-\u2013\u2014:|"
_QUOTED = re.compile(r"[\"\u201c]([^\"\u201c\u201d]{3,})[\"\u201d]")
_TITLE_END = " .,;:"
_BREAKS = frozenset({"softbreak", "linebreak"})


@dataclass(frozen=True, slots=True)
class ParagraphItem:
    """A paragraph read as an item: its name and the rest of what it says."""

    title: Inline
    description: Inline
    lead: LeadKind
    fields: tuple[tuple[str, Inline], ...] = ()  # none: as a table row's, for one shape


@dataclass(frozen=True, slots=True)
class _Unit:
    """A paragraph, or one line of a paragraph whose every line is led."""

    lead: list[Token] | None  # None: prose, not led
    rest: list[Token]
    reference: bool  # led by a number: a citation


@dataclass(slots=True)
class ParagraphRuns(Generic[Parent]):
    """The paragraph items of one document, run by run, in document order."""

    _kinds: set[LeadKind] = field(default_factory=set)
    _lone: list[tuple[Parent, ParagraphItem]] = field(default_factory=list)

    def read(self, parent: Parent, run: list[Token], captions_list: bool) -> list[ParagraphItem]:
        """The items of a run of consecutive paragraphs under `parent`, in order.

        captions_list: a list follows the run, so a bare lead at its end is the list's caption.
        A lone led paragraph is kept back for lone_items().
        """
        units = [unit for paragraph in run for unit in _units(paragraph)]
        if captions_list and units and units[-1].lead is not None and _is_bare(units[-1]):
            units[-1] = _Unit(None, [], reference=False)
        items: list[ParagraphItem] = []
        stretch: list[ParagraphItem] = []
        for unit in [*units, _Unit(None, [], reference=False)]:
            if unit.lead is None:
                if len(stretch) >= _MIN_ITEMS:
                    items.extend(stretch)
                    self._kinds.update(item.lead for item in stretch)
                elif stretch:
                    self._lone.append((parent, stretch[0]))
                stretch = []
            elif not _is_label(unit.lead):
                stretch.append(_item(unit))
        return items

    def lone_items(self) -> list[tuple[Parent, ParagraphItem]]:
        """Lone led paragraphs led as the document's runs are, with their parents."""
        return [(parent, item) for parent, item in self._lone if item.lead in self._kinds]


def _units(paragraph: Token) -> list[_Unit]:
    children = paragraph.get("children") or []
    lines: list[list[Token]] = [[]]
    for child in children:
        if child["type"] in _BREAKS:
            lines.append([])
        else:
            lines[-1].append(child)
    if len(lines) > 1:
        units = [_unit(line) for line in lines]
        if all(unit.lead is not None for unit in units):
            return units
    return [_unit(children)]


def _unit(tokens: list[Token]) -> _Unit:
    at = 0
    while at < len(tokens) and _is_blank(tokens[at]):
        at += 1
    if at == len(tokens):
        return _Unit(None, [], reference=False)
    first = tokens[at]
    kind = first["type"]
    if kind == "text":
        match = _TEXT_REFERENCE.match(first.get("raw") or "")
        if match is None:
            return _Unit(None, tokens, reference=False)
        lead = {"type": "text", "raw": match.group().strip()}
        rest = {"type": "text", "raw": (first.get("raw") or "")[match.end() :]}
        return _Unit([lead], [rest, *tokens[at + 1 :]], reference=True)
    if kind not in ("strong", "emphasis", "link") or not _names(first) or _is_anchor(first):
        return _Unit(None, tokens, reference=False)
    if kind == "emphasis" and not _wraps_strong(first):
        return _Unit(None, tokens, reference=False)
    words = _words(first)
    reference = kind == "strong" and _REFERENCE.fullmatch(words.strip()) is not None
    if not reference and len(words.split()) > _MAX_LEAD_WORDS:
        return _Unit(None, tokens, reference=False)
    return _Unit([first], tokens[at + 1 :], reference=reference)


def _is_bare(unit: _Unit) -> bool:
    """A lead with nothing after it but a colon."""
    return not _words({"type": "paragraph", "children": unit.rest}).strip(_SEPARATORS)


def _is_anchor(token: Token) -> bool:
    """A link to a place in this same document ("back to top"): navigation, not a name."""
    return token["type"] == "link" and str(token.get("attrs", {}).get("url", "")).startswith("#")


def _is_blank(token: Token) -> bool:
    return token["type"] == "text" and not (token.get("raw") or "").strip()


def _wraps_strong(emphasis: Token) -> bool:
    """`_**Background**_`: emphasis around bold, and nothing else."""
    parts = [child for child in emphasis.get("children") or [] if not _is_blank(child)]
    return len(parts) == 1 and parts[0]["type"] == "strong"


def _names(token: Token) -> bool:
    """Does the lead say something in words (not a picture alone)?"""
    return (
        bool(_NOT_WORDS.sub("", _words(token))) or _REFERENCE.fullmatch(_words(token)) is not None
    )


def _words(token: Token) -> str:
    """The lead's text, pictures left out."""
    parts: list[str] = []
    stack = [token]
    while stack:
        part = stack.pop()
        if part["type"] == "image":
            continue
        if part["type"] in ("text", "codespan"):
            parts.append(part.get("raw") or "")
        stack.extend(reversed(part.get("children") or []))
    return "".join(parts)


def _is_label(lead: list[Token]) -> bool:
    words = " ".join(_NOT_WORDS.sub(" ", _words(lead[0])).split()).casefold()
    return words in _LABELS


def _item(unit: _Unit) -> ParagraphItem:
    assert unit.lead is not None
    lead = drop_trailing_colon(inline_title(unit.lead))
    rest = inline_title(unit.rest)
    text = text_of(rest)
    # "**Title** - what it is": the separator belongs to neither.
    rest = cut(rest, len(text) - len(text.lstrip(_SEPARATORS)), len(text))
    if unit.reference:
        return ParagraphItem(_citation_title(rest) or lead, rest, "reference")
    return ParagraphItem(lead, rest, "link" if unit.lead[0]["type"] == "link" else "bold")


def _citation_title(rest: Inline) -> Inline:
    """What a reader calls a cited work: its quoted title, bold words, linked words (a
    link's whole text, however styled inside) or first sentence."""
    text = text_of(rest)
    quoted = _QUOTED.search(text)
    if quoted is not None:
        start, end = quoted.span(1)
        return cut(rest, start, start + len(text[start:end].rstrip(_TITLE_END)))
    for wanted in (_bold, _linked):
        run = wanted(rest)
        if run is not None:
            start, end = run
            return cut(rest, start, start + len(text[start:end].rstrip(_TITLE_END)))
    sentence_end = text.find(". ")
    end = sentence_end if 0 < sentence_end <= _MAX_SENTENCE else min(len(text), _MAX_SENTENCE)
    return cut(rest, 0, end)


def _bold(spans: Inline) -> tuple[int, int] | None:
    """Where the first bold words are, as offsets into the plain text."""
    at = 0
    for span in spans:
        if span.bold and span.text.strip():
            return at, at + len(span.text)
        at += len(span.text)
    return None


def _linked(spans: Inline) -> tuple[int, int] | None:
    """Where the first link's text is (its spans run on while the link stays the same)."""
    at = 0
    found: tuple[int, int] | None = None
    link: str | None = None
    for span in spans:
        end = at + len(span.text)
        if found is None and span.link and span.text.strip():
            found, link = (at, end), span.link
        elif found is not None:
            if span.link != link:
                break
            found = (found[0], end)
        at = end
    return found
