"""Textual's parsed stylesheets, kept between runs as plain data so that a start skips
parsing its CSS (a twentieth of the work before the first frame).

Textual parses app.tcss and each widget class's DEFAULT_CSS as the first screen mounts,
and keeps each parse in its stylesheet's parse cache for the life of one app, keyed by
the CSS text and where it was read from. A StyleCache fills that cache, as the app
loads, with the parses an earlier run kept, and keeps what a run parsed when it ends.

An entry is data, never objects (see content_cache.py): a table of the distinct values
its rules hold, each a tuple tagged with its type (a str, number, bool or None, a tuple
of values, a colour, a scalar, an offset, a spacing, a layout by name), then each CSS
source's rule sets as tuples of their selectors and of their rules, a rule naming its
value by index. Decoding checks every shape and type and builds only those types;
anything else is a miss, and the CSS is parsed as without a cache. A source whose rules
hold any other kind of value is simply not kept. A source is decoded when Textual first
asks for it, so that the styles of screens a start does not show cost it nothing.

An entry is named by Textual's parsing code (its files' bytes), the theme's variables
(substituted as the CSS is parsed) and this module: edited CSS has other text, which
is part of the parse cache's own key, so it is parsed afresh, never served stale.

The parse cache is Textual's private API (`Stylesheet._parse_cache`, `_variables`):
anything unexpected there means no caching, never an error.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import Any

from textual.cache import LRUCache
from textual.color import Color
from textual.css.model import CombinatorType, RuleSet, Selector, SelectorSet, SelectorType
from textual.css.scalar import Scalar, ScalarOffset, Unit
from textual.css.styles import Styles
from textual.css.stylesheet import Stylesheet
from textual.geometry import Spacing
from textual.layout import Layout
from textual.layouts.factory import LAYOUT_MAP

from dlroadmap.common.content_cache import ContentCache, Malformed

# Textual's modules whose code decides what a parse gives: an upgrade changes them.
_PARSING_CODE = (
    "textual.css.parse",
    "textual.css.tokenize",
    "textual.css.tokenizer",
    "textual.css._styles_builder",
    "textual.css.styles",
    "textual.css.model",
    "textual.css.scalar",
    "textual.css.constants",
    "textual.color",
    "textual.geometry",
    "textual.layouts.factory",
    __name__,
)

# The source's key in Textual's parse cache: CSS text, (file, name), defaults?, tie
# breaker, scope.
CssKey = tuple[str, tuple[str, str], bool, int, str]
Parses = dict[CssKey, list[RuleSet]]

_PLAIN = (str, int, float, bool, type(None))
_PLAIN_NAMES: dict[object, type] = {kind.__name__: kind for kind in _PLAIN}


class _Unkept(Exception):
    """A value of a type this cache does not keep."""


def _encode_value(value: object) -> tuple[object, ...]:
    """A style rule's value as a tagged tuple of plain data."""
    if type(value) in _PLAIN:
        # Tagged by type: 1, 1.0 and True are equal, and would be taken for one another.
        return (type(value).__name__, value)
    if type(value) is tuple:
        return ("()", tuple(_encode_value(item) for item in value))
    if type(value) is Color:
        return ("color", *value)
    if type(value) is Scalar:
        return ("scalar", value.value, value.unit.value, value.percent_unit.value)
    if type(value) is ScalarOffset:
        return ("offset", _encode_value(value.x), _encode_value(value.y))
    if type(value) is Spacing:
        return ("spacing", *value)
    if isinstance(value, Layout) and LAYOUT_MAP.get(value.name) is type(value):
        return ("layout", value.name)
    raise _Unkept


class _Values:
    """Each distinct value once (a stylesheet repeats its colours and sizes): its index."""

    def __init__(self) -> None:
        self.index: dict[tuple[object, ...], int] = {}

    def of(self, value: object) -> int:
        return self.index.setdefault(_encode_value(value), len(self.index))


def _encode_rule_set(rule_set: RuleSet, values: _Values) -> tuple[object, ...]:
    if rule_set.errors or type(rule_set.styles) is not Styles:
        raise _Unkept
    selector_sets = tuple(
        (
            tuple(
                (
                    selector.name,
                    selector.combinator.value,
                    selector.type.value,
                    tuple(sorted(selector.pseudo_classes)),
                    selector.specificity,
                    selector.advance,
                )
                for selector in selector_set.selectors
            ),
            selector_set.specificity,
        )
        for selector_set in rule_set.selector_set
    )
    styles = rule_set.styles
    rules = tuple((name, values.of(value)) for name, value in styles._rules.items())
    return (
        selector_sets,
        rules,
        tuple(sorted(styles.important)),
        rule_set.is_default_rules,
        rule_set.tie_breaker,
    )


def encode(parses: Parses) -> tuple[tuple[object, ...], list[tuple[object, ...]]]:
    """The parses as plain data: the distinct values, then each source's rule sets naming
    them by index. A source holding a value of another type is left out."""
    values = _Values()
    kept: list[tuple[object, ...]] = []
    for css_key, rule_sets in parses.items():
        # A source left out leaves no values behind it.
        trial = _Values()
        trial.index = dict(values.index)
        try:
            kept.append((css_key, tuple(_encode_rule_set(rule, trial) for rule in rule_sets)))
        except _Unkept:
            continue
        values = trial
    return tuple(values.index), kept


def _of(kind: type, value: object) -> Any:
    if type(value) is not kind:
        raise Malformed
    return value


def _number(value: object) -> float:
    if type(value) is not float and type(value) is not int:
        raise Malformed
    return value


def _strings(data: object) -> set[str]:
    strings = set(_of(tuple, data))
    if any(type(item) is not str for item in strings):
        raise Malformed
    return strings


def _specificity(data: object) -> tuple[int, int, int]:
    first, second, third = _of(tuple, data)
    if type(first) is not int or type(second) is not int or type(third) is not int:
        raise Malformed
    return (first, second, third)


_UNITS = {unit.value: unit for unit in Unit}
_COMBINATORS = {combinator.value: combinator for combinator in CombinatorType}
_SELECTOR_TYPES = {selector_type.value: selector_type for selector_type in SelectorType}


def _decode_value(data: object) -> object:
    """A value from its tagged tuple; a layout is its class (made afresh for each rule:
    a layout keeps state of its own)."""
    tag, *fields = _of(tuple, data)
    if len(fields) == 1 and _PLAIN_NAMES.get(tag) is type(fields[0]):
        return fields[0]
    if tag == "()" and len(fields) == 1:
        return tuple(_decode_value(item) for item in _of(tuple, fields[0]))
    if tag == "color" and len(fields) == 6:
        red, green, blue, alpha, ansi, auto = fields
        if type(red) is not int or type(green) is not int or type(blue) is not int:
            raise Malformed
        if ansi is not None and type(ansi) is not int:
            raise Malformed
        return Color(red, green, blue, _number(alpha), ansi, _of(bool, auto))
    if tag == "scalar" and len(fields) == 3:
        number, unit, percent_unit = fields
        return Scalar(_number(number), _UNITS[unit], _UNITS[percent_unit])
    if tag == "offset" and len(fields) == 2:
        x, y = (_decode_value(field) for field in fields)
        if type(x) is not Scalar or type(y) is not Scalar:
            raise Malformed
        return ScalarOffset(x, y)
    if tag == "spacing" and len(fields) == 4:
        if any(type(field) is not int for field in fields):
            raise Malformed
        return Spacing(*fields)
    if tag == "layout" and len(fields) == 1:
        return LAYOUT_MAP[fields[0]]
    raise Malformed


def _decode_selector(data: object) -> Selector:
    name, combinator, selector_type, pseudo_classes, specificity, advance = _of(tuple, data)
    return Selector(
        _of(str, name),
        _COMBINATORS[combinator],
        _SELECTOR_TYPES[selector_type],
        _strings(pseudo_classes),
        _specificity(specificity),
        _of(int, advance),
    )


def _decode_rule_set(data: object, values: list[object]) -> RuleSet:
    selector_sets, rules, important, is_default_rules, tie_breaker = _of(tuple, data)
    selector_set = []
    for entry in _of(tuple, selector_sets):
        selectors, specificity = _of(tuple, entry)
        selector_set.append(
            SelectorSet(
                [_decode_selector(selector) for selector in _of(tuple, selectors)],
                _specificity(specificity),
            )
        )
    styles_rules: dict[str, object] = {}
    for rule in _of(tuple, rules):
        name, index = _of(tuple, rule)
        if type(name) is not str or type(index) is not int or not 0 <= index < len(values):
            raise Malformed
        value = values[index]
        styles_rules[name] = value() if isinstance(value, type) else value
    styles = Styles(None, styles_rules, important=_strings(important))  # type: ignore[arg-type]
    rule_set = RuleSet(
        selector_set,
        styles,
        [],
        is_default_rules=_of(bool, is_default_rules),
        tie_breaker=_of(int, tie_breaker),
    )
    # As Textual's parser does once a rule set is made: the names it selects by.
    rule_set._post_parse()
    return rule_set


def _decode_key(data: object) -> CssKey:
    css, read_from, is_default_rules, tie_breaker, scope = _of(tuple, data)
    path, name = _of(tuple, read_from)
    return (
        _of(str, css),
        (_of(str, path), _of(str, name)),
        _of(bool, is_default_rules),
        _of(int, tie_breaker),
        _of(str, scope),
    )


# What decoding a source may raise on data it does not expect: a miss.
_MALFORMED = (Malformed, ValueError, TypeError, KeyError, RecursionError)


class Kept:
    """An entry as read: its values decoded, each source's rule sets decoded only when
    Textual first asks for them (a session's entry holds the styles of screens a start
    does not show), or as a miss if they are not what this cache writes."""

    def __init__(self, values: list[object], sources: dict[CssKey, object]) -> None:
        self._values = values
        self._sources = sources

    def keys(self) -> frozenset[CssKey]:
        return frozenset(self._sources)

    def take(self, css_key: CssKey) -> list[RuleSet] | None:
        """The rule sets kept for this source, once (None: not kept, or malformed)."""
        data = self._sources.pop(css_key, None)
        if data is None:
            return None
        try:
            return [_decode_rule_set(rule, self._values) for rule in _of(tuple, data)]
        except _MALFORMED:
            return None

    def all(self) -> Parses:
        """Every source not yet taken that decodes."""
        parses = {css_key: self.take(css_key) for css_key in self.keys()}
        return {css_key: rules for css_key, rules in parses.items() if rules is not None}


def decode(data: object) -> Kept:
    encoded_values, encoded_sources = _of(tuple, data)
    values = [_decode_value(value) for value in _of(tuple, encoded_values)]
    sources: dict[CssKey, object] = {}
    for entry in _of(list, encoded_sources):
        css_key, rule_sets = _of(tuple, entry)
        sources[_decode_key(css_key)] = rule_sets
    return Kept(values, sources)


class _KeptParses(LRUCache[CssKey, list[RuleSet]]):
    """Textual's parse cache, asking `kept` for what it does not hold yet."""

    __slots__ = ("kept",)

    def __init__(self, maxsize: int, kept: Kept) -> None:
        super().__init__(maxsize)
        self.kept = kept

    def clear(self) -> None:
        # New variables (another theme): what was kept was parsed with the old ones.
        super().clear()
        self.kept = Kept([], {})

    def __getitem__(self, key: CssKey) -> list[RuleSet]:
        try:
            return super().__getitem__(key)
        except KeyError:
            rules = self.kept.take(key)
            if rules is None:
                raise
            self.set(key, rules)
            return rules


class StyleCache:
    """Parsed stylesheets in `folder` (safe to delete, like every cache)."""

    def __init__(self, folder: Path | None) -> None:
        # Written as parses, read back as Kept (each source decoded when first asked for).
        self._entries: ContentCache[Any] = ContentCache(folder, _PARSING_CODE, encode, decode)
        # The entry for the variables the app loaded with, and the sources it held.
        self._loaded_key: str | None = None
        self._restored: frozenset[CssKey] = frozenset()

    def _key(self, stylesheet: Stylesheet) -> str | None:
        variables = getattr(stylesheet, "_variables", None)
        if not isinstance(variables, dict):
            return None
        return self._entries.key(repr(sorted(variables.items())).encode())

    def restore(self, stylesheet: Stylesheet) -> None:
        """Hand Textual the parses kept for this stylesheet's variables, before it parses."""
        try:
            self._restore(stylesheet)
        except Exception:  # a cache only speeds things up: never the reason a start fails
            self._loaded_key = None

    def _restore(self, stylesheet: Stylesheet) -> None:
        key = self._loaded_key = self._key(stylesheet)
        cache = getattr(stylesheet, "_parse_cache", None)
        if key is None or type(cache) is not LRUCache or len(cache):
            return
        kept = self._entries.get(key)
        if kept is None:
            return
        stylesheet._parse_cache = _KeptParses(cache.maxsize, kept)
        self._restored = kept.keys()

    def keep(self, stylesheet: Stylesheet) -> None:
        """Keep what the stylesheet has parsed, if that is more than was restored.

        Only for the variables it loaded with: a theme chosen later is applied by a full
        re-parse, in a stylesheet of its own that no entry serves."""
        with suppress(Exception):  # nor the reason an exit fails
            self._keep(stylesheet)

    def _keep(self, stylesheet: Stylesheet) -> None:
        key = self._key(stylesheet)
        cache = getattr(stylesheet, "_parse_cache", None)
        if key is None or key != self._loaded_key or cache is None or not hasattr(cache, "keys"):
            return
        # An LRUCache, not a dict: it has keys() but cannot be iterated.
        parses: Parses = {css_key: cache.get(css_key) for css_key in list(cache.keys())}
        if parses and not set(parses) <= self._restored:
            if isinstance(cache, _KeptParses):
                # What this run did not need is kept too, for the screens it did not show.
                parses = cache.kept.all() | parses
            self._entries.put(key, parses)
            self._restored = frozenset(parses)
