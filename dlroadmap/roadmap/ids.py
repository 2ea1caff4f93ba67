"""Stable node ids: a path of slugs, one per ancestor, joined with "/".

An id depends only on the node's own text and the texts of its ancestors (plus a
"-2", "-3" suffix for a sibling whose slug repeats an earlier sibling's), so that
editing or inserting unrelated lines elsewhere never moves saved progress. The
numbered suffix depends on order, so an id alone never proves which topic it is:
saved progress also keeps its topic's text and headings (see progress/reattach.py).
"""

from __future__ import annotations

import re
import unicodedata

SEPARATOR = "/"
UNTITLED = "untitled"
MAX_SLUG_LENGTH = 60

# Word boundaries closer to the start than this are not worth cutting at: a hard cut
# keeps more of the text.
_MIN_WORD_CUT = MAX_SLUG_LENGTH // 2

_ASCII_RUN = re.compile(r"[^a-z0-9]+")

# A "+" or "#" ending a word is part of its name: C, C++ and C# are three languages,
# A+ is a grade. Spelled out, they stay apart in ids; elsewhere ("#1", "a + b") they
# separate words like other symbols.
_SYMBOL_WORDS = {"+": "-plus-", "#": "-sharp-"}
_WORD_SYMBOLS = re.compile(r"(?<=[^\W_])[+#]+")


def _spell_symbols(match: re.Match[str]) -> str:
    return "".join(_SYMBOL_WORDS[char] for char in match.group())


def _is_variation_selector(char: str) -> bool:
    code = ord(char)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


def _keep(char: str) -> bool:
    category = unicodedata.category(char)
    if category[0] in "LN":
        return True
    # Spacing and non-spacing marks are part of words in many scripts (Devanagari
    # vowel signs, Thai tone marks...); variation selectors are Mn too but only
    # decorate emoji. Enclosing marks (Me) are keycaps and the like.
    return category in ("Mn", "Mc") and not _is_variation_selector(char)


def slugify(text: str, max_length: int = MAX_SLUG_LENGTH, *, spell_symbols: bool = True) -> str:
    """Lowercase letters and numbers of any script; every other run becomes "-".

    Emoji, pictographs, ZWJ, variation selectors, punctuation and symbols all count
    as separators, so "📚 Phase 1: Foundations" gives "phase-1-foundations", except
    a "+" or "#" ending a word, spelled out ("C++" gives "c-plus-plus") unless
    `spell_symbols` is off (the rule of releases before it, which gave "c").
    Accents are kept (NFKC composes them), so Spanish and Chinese text survive.
    """
    normal = unicodedata.normalize("NFKC", text).lower()
    if spell_symbols and ("+" in normal or "#" in normal):
        normal = _WORD_SYMBOLS.sub(_spell_symbols, normal)
    if normal.isascii():
        # Fast path: most titles are ASCII and a 10,000-item file slugs every one.
        slug = _ASCII_RUN.sub("-", normal).strip("-")
    else:
        out: list[str] = []
        pending_dash = False
        for char in normal:
            if _keep(char):
                if pending_dash and out:
                    out.append("-")
                pending_dash = False
                out.append(char)
            else:
                pending_dash = True
        slug = "".join(out)
    if len(slug) > max_length:
        cut = slug.rfind("-", 0, max_length + 1)
        slug = slug[:cut] if cut >= _MIN_WORD_CUT else slug[:max_length]
        slug = slug.strip("-")
    return slug or UNTITLED


class SiblingSlugs:
    """Hands out slugs unique among one node's children, in document order.

    A repeat gets "-2", "-3"...; the next number to try is remembered per slug so
    10,000 identical siblings stay linear rather than quadratic.
    """

    __slots__ = ("_next", "_taken")

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._next: dict[str, int] = {}

    def claim(self, slug: str) -> str:
        candidate = slug
        if candidate in self._taken:
            number = self._next.get(slug, 2)
            candidate = f"{slug}-{number}"
            while candidate in self._taken:
                number += 1
                candidate = f"{slug}-{number}"
            self._next[slug] = number + 1
        self._taken.add(candidate)
        return candidate


def join_id(parent_id: str | None, slug: str) -> str:
    return slug if not parent_id else f"{parent_id}{SEPARATOR}{slug}"
