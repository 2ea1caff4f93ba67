"""What in a roadmap file is not the plan: navigation and boilerplate, set aside.

A list is set aside when most of its items (nested ones counted) are links to anchors in
the same document (a table of contents), links to translated copies or language names (a
translation list), or only pictures (badges); so is every list under a table-of-contents
heading. A heading is set aside, with everything under it, when it names a section about
the repository rather than the study (licence, contributing, sponsors, team...). What is
set aside keeps its place and id, so that it can be shown and brought back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from dlroadmap.roadmap.draft import Draft
from dlroadmap.roadmap.ids import slugify
from dlroadmap.roadmap.inline import Token, text_of
from dlroadmap.roadmap.syntax import names_contents

__all__ = [
    "ABOUT_REPOSITORY",
    "BADGES",
    "CONTENTS",
    "TRANSLATIONS",
    "heading_aside",
    "list_aside",
    "set_aside",
]

CONTENTS = "table of contents"
TRANSLATIONS = "translations"
BADGES = "badges"
ABOUT_REPOSITORY = "about the repository"

# "Most" of a list's items: a table of contents may carry a stray plain line.
_MOST = 0.6
_ITEMS = frozenset({"list_item", "task_list_item"})
_TEXT_BLOCKS = frozenset({"paragraph", "block_text"})

# Words of a heading about the repository. A strong word may come with two others
# ("`Take Two` Change Log", "Contribution guidelines"): "Becoming an Open Source
# Contributor" has three and stays; a weak word must come alone or with filler ("Team",
# "Our Team", "Supported By"): "Team Projects" stays.
_STRONG = frozenset(
    {"license", "licence", "licenses", "licences", "licensing", "copyright"}
    | {"contributing", "contribute", "contribution", "contributions"}
    | {"contributor", "contributors", "conduct", "changelog", "changelogs", "maintainers"}
    | {"maintainer", "sponsor", "sponsors", "sponsorship", "sponsored", "backer", "backers"}
    | {"patron", "patrons", "funding"}
    | {"donate", "donation", "donations", "donating", "stargazers", "citation", "cite"}
    | {"acknowledgement", "acknowledgements", "acknowledgment", "acknowledgments"}
)
_WEAK = frozenset(
    {"team", "teams", "credit", "credits", "thanks", "authors", "author", "contact"}
    | {"disclaimer", "support", "supported", "supporter", "supporters", "feedback"}
    | {"starhistory", "follow"}
    | {"use", "usage"}  # how to use the document itself
)
_FILLER = frozenset(
    {"the", "a", "an", "of", "and", "to", "for", "this", "our", "us", "me", "how", "by"}
    | {"with", "you", "your", "my", "please", "project", "repository", "repo", "guide"}
    | {"guidelines", "special", "code", "core", "members", "people", "list", "all", "it"}
    | {"about"}
)
# Spelt as one word before the heading is split into words.
_JOINED = {"change-log": "changelog", "star-history": "starhistory", "buy-me-a-coffee": "donate"}

# Headings that name a set-aside group the parser made (the markdown export writes them).
_NAVIGATION_HEADINGS = {
    "translations": TRANSLATIONS,
    "translation": TRANSLATIONS,
    "badges": BADGES,
    "badge": BADGES,
}

# Languages a README is translated into, by their names in English and in their own
# script; a translation link's text is one of them, maybe with a qualifier.
_LANGUAGES = frozenset(
    {"english", "spanish", "español", "french", "français", "german", "deutsch"}
    | {"italian", "italiano", "portuguese", "português", "brazilian", "russian", "русский"}
    | {"chinese", "中文", "简体中文", "繁體中文", "繁体中文", "japanese", "日本語", "korean"}
    | {"한국어", "arabic", "العربية", "turkish", "türkçe", "vietnamese", "tiếng", "việt"}
    | {"indonesian", "bahasa", "indonesia", "polish", "polski", "ukrainian", "українська"}
    | {"dutch", "nederlands", "persian", "farsi", "فارسی", "hindi", "हिन्दी", "bengali"}
    | {"bangla", "বাংলা", "thai", "ไทย", "ภาษาไทย", "greek", "ελληνικά", "czech", "čeština"}
    | {"swedish", "svenska", "norwegian", "norsk", "danish", "dansk", "finnish", "suomi"}
    | {"hungarian", "magyar", "romanian", "română", "bulgarian", "български", "hebrew"}
    | {"עברית", "catalan", "català", "galego", "euskara", "filipino", "tagalog", "malay"}
    | {"melayu", "urdu", "اردو", "tamil", "தமிழ்", "telugu", "marathi", "मराठी", "nepali"}
    | {"uzbek", "kazakh", "azerbaijani", "serbian", "srpski", "српски", "croatian"}
    | {"hrvatski", "slovak", "slovenčina", "lithuanian", "latvian", "estonian", "esperanto"}
    | {"afrikaans", "swahili", "kiswahili", "gujarati", "kannada", "malayalam", "punjabi"}
    | {"burmese", "khmer", "mongolian", "georgian", "armenian", "albanian", "bosnian"}
    | {"macedonian", "slovenian", "icelandic", "irish", "traditional", "simplified"}
    | {"kurdish", "brasileiro", "pashto", "sinhala", "amharic", "hausa", "yoruba", "somali"}
    | {"tajik", "kyrgyz", "belarusian", "ўзбекча", "қазақша", "հայերեն", "ქართული"}
)
_LANGUAGE_QUALIFIERS = frozenset(
    {"version", "translation", "brasil", "brazil", "br", "pt", "cn", "tw", "zh", "hk"}
    | {"in", "read", "language", "edition", "portugal", "latam", "mexico", "español"}
)
# Han, kana and hangul names run on without spaces: "中文版本", "臺灣華語版本".
_CJK_NAME = re.compile(r"^(?:中文|简体|簡體|繁體|繁体|正體|台灣|臺灣|日本語|한국어)")
# Text that only decorates an item: emoji, flags, punctuation, ":shortcodes:".
_DECORATION = re.compile(r"^(?::[\w+-]++:|[^\w])*+$")
_TRANSLATED_COPY = re.compile(
    r"(?:readme|index)[-_.][a-z]{2,3}(?:[-_][a-z]{2,4})?\.md\b|/translations?/|/i18n/",
    re.IGNORECASE,
)


def heading_aside(title: str) -> str:
    """Why a heading with this title, and all under it, is not the plan; "" if it is."""
    if names_contents(title):
        return CONTENTS
    slug = slugify(title, max_length=200)
    for phrase, word in _JOINED.items():
        slug = slug.replace(phrase, word)
    if slug in _NAVIGATION_HEADINGS:
        return _NAVIGATION_HEADINGS[slug]
    words = set(slug.split("-"))
    others = words - _STRONG - _WEAK - _FILLER
    if (words & _STRONG and len(others) <= 2) or (words & _WEAK and not others):
        return ABOUT_REPOSITORY
    return ""


def list_aside(list_token: Token) -> str:
    """Why a list is not the plan (navigation or badges), judged by its items; "" if it is.

    Most of its items must say so, and most of its outermost ones: study items each with
    a link or two into the document below them are still study items.
    """
    items = list(_items(list_token))
    if len(items) < 2:
        return ""
    outermost = {id(item) for item in list_token.get("children") or []}
    inlines = [(_text_block(item), id(item) in outermost) for item in items]
    for reason, test in (
        (CONTENTS, _is_anchor),
        (TRANSLATIONS, _is_translation),
        (BADGES, _only_pictures),
    ):
        said = [outer for inline, outer in inlines if test(inline)]
        if len(said) >= _MOST * len(items) and sum(said) >= _MOST * len(outermost):
            return reason
    return ""


def set_aside(top: Sequence[Draft]) -> None:
    """Set aside what the headings say is not the plan, and everything under whatever is
    set aside (with the outermost reason)."""
    stack = [(draft, "") for draft in reversed(top)]
    while stack:
        draft, inherited = stack.pop()
        if inherited:
            draft.aside = inherited
        elif draft.heading_level and (reason := heading_aside(text_of(draft.title))):
            # A contents heading over real sections keeps them: only its lists go.
            if reason != CONTENTS or not draft.subheadings:
                draft.aside = reason
            else:
                for child in draft.children:
                    if not child.heading_level:
                        child.aside = reason
        stack.extend((child, draft.aside) for child in reversed(draft.children))


# -- items --------------------------------------------------------------------------


def _items(list_token: Token) -> Iterator[Token]:
    """Every item of the list, nested ones included."""
    stack = [list_token]
    while stack:
        token = stack.pop()
        for child in token.get("children") or []:
            if child["type"] in _ITEMS:
                yield child
                stack.extend(block for block in child.get("children") or [])
            elif child["type"] == "list":
                stack.append(child)


def _text_block(item: Token) -> list[Token]:
    """The inline tokens of the item's first line of text, decoration left out."""
    for block in item.get("children") or []:
        if block["type"] in _TEXT_BLOCKS:
            return [t for t in block.get("children") or [] if not _is_blank(t)]
    return []


def _is_blank(token: Token) -> bool:
    """Space, or text that is only decoration: "🇪🇸 ", ":es: ", "- "."""
    return token["type"] in ("softbreak", "linebreak") or (
        token["type"] == "text" and bool(_DECORATION.match(token.get("raw", "")))
    )


def _is_anchor(inline: list[Token]) -> bool:
    """Does the item start with a link to a heading of the same document?"""
    while inline and inline[0]["type"] in ("strong", "emphasis"):
        inline = [t for t in inline[0].get("children") or [] if not _is_blank(t)]
    return bool(inline) and inline[0]["type"] == "link" and _url(inline[0]).startswith("#")


def _url(link: Token) -> str:
    return str(link.get("attrs", {}).get("url") or "")


def _is_translation(inline: list[Token]) -> bool:
    """Does the item link to a translated copy, or name only a language and link to it?
    (A list of languages without links is a learner's, not a README's.)"""
    links = [_url(t) for t in _walk(inline) if t["type"] == "link"]
    if not links:
        return False
    if any(_TRANSLATED_COPY.search(url) for url in links):
        return True
    text = " ".join(t.get("raw", "") for t in _walk(inline) if t["type"] == "text")
    words = set(slugify(text, max_length=200).split("-"))
    languages = {word for word in words if word in _LANGUAGES or _CJK_NAME.match(word)}
    return bool(languages) and not words - languages - _LANGUAGE_QUALIFIERS


def _walk(tokens: list[Token]) -> Iterator[Token]:
    stack = list(reversed(tokens))
    while stack:
        token = stack.pop()
        yield token
        stack.extend(reversed(token.get("children") or []))


def _only_pictures(inline: list[Token]) -> bool:
    return bool(inline) and all(_is_picture(token) for token in inline)


def _is_picture(token: Token) -> bool:
    if token["type"] == "image":
        return True
    if token["type"] == "link":
        inner = [t for t in token.get("children") or [] if not _is_blank(t)]
        return bool(inner) and all(t["type"] == "image" for t in inner)
    return False
