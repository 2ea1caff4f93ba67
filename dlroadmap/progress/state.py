"""The saved progress of one roadmap, and its TOML form.

Pure data and a codec: no file I/O here. The file is the user's too, so it is
written to be read: keys in a stable order, notes as multi-line strings, and
anything this version does not know is kept as it was found.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import tomli_w

from dlroadmap.errors import StateError
from dlroadmap.progress.activity import Activity, DayActivity
from dlroadmap.progress.revisit import (
    CARD_EASIEST,
    CARD_FIELDS_MAYBE_NONE,
    CARD_FIELDS_NEEDED,
    CARD_HARDEST,
    CARD_REVIEW,
    CARD_STATES,
    Card,
)
from dlroadmap.roadmap.model import Status

# 2 added the daily activity and the revisit cards. A file of an older schema is
# read as it is; the store migrates it, keeping a copy of the original.
SCHEMA = 2

_ITEM_KEYS = ("text", "within", "status", "status_changed", "note", "note_changed", "revisit")
_TOP_KEYS = ("schema", "roadmap", "brought_back", "items", "activity")
_DAY_LISTS = ("done", "notes", "revisited")

T = TypeVar("T")


def now() -> datetime:
    """Local time, to the second: what a person reads back in the file."""
    return datetime.now().astimezone().replace(microsecond=0)


@dataclass(frozen=True, slots=True)
class ItemState:
    """What the user did with one item. Frozen: a change is a new ItemState."""

    text: str
    status: Status | None = None
    status_changed: datetime | None = None
    note: str = ""
    note_changed: datetime | None = None
    # The FSRS card of a done topic, as the fsrs package writes it (see revisit.py).
    revisit: Card | None = None
    # The texts of the headings the item sat under, outermost first: with its own text,
    # which topic this is, whatever its id (None: saved by a release that did not say).
    within: tuple[str, ...] | None = None
    # Keys a newer dlroadmap wrote; kept so that saving here does not drop them.
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def with_status(self, status: Status, when: datetime) -> ItemState:
        return replace(self, status=status, status_changed=when)

    def with_note(self, note: str, when: datetime) -> ItemState:
        return replace(self, note=note, note_changed=when)

    def to_toml(self) -> dict[str, Any]:
        table: dict[str, Any] = {"text": self.text}
        if self.within is not None:
            table["within"] = list(self.within)
        if self.status is not None:
            table["status"] = self.status.value
        if self.status_changed is not None:
            table["status_changed"] = self.status_changed
        if self.note:
            table["note"] = self.note
        if self.note_changed is not None:
            table["note_changed"] = self.note_changed
        if self.revisit is not None:
            # TOML has no null: an unset field of the card is left out.
            table["revisit"] = {k: v for k, v in self.revisit.items() if v is not None}
        table.update((key, self.extra[key]) for key in sorted(self.extra))
        return table


@dataclass(slots=True)
class State:
    """Everything saved for one roadmap: its items, its activity, and keys we keep as read."""

    title: str
    source: str
    items: dict[str, ItemState] = field(default_factory=dict)
    activity: Activity = field(default_factory=dict)
    # Top-level tables a newer dlroadmap wrote, kept as they were.
    extra: dict[str, Any] = field(default_factory=dict)
    # The schema the file was written with (older ones are migrated by the store).
    schema: int = SCHEMA
    # The ids of sections the parser set aside (a licence, a table of contents) that
    # the learner brought into the plan. A file without it (any before) has none.
    brought_back: tuple[str, ...] = ()

    def copy(self) -> State:
        """A copy whose tables can change without touching this one."""
        return State(
            self.title,
            self.source,
            dict(self.items),
            dict(self.activity),
            dict(self.extra),
            self.schema,
            self.brought_back,
        )

    def head_toml(self) -> dict[str, Any]:
        """Everything but the activity and the items, which are written table by table."""
        data: dict[str, Any] = {
            "schema": SCHEMA,
            "roadmap": {"title": self.title, "source": self.source},
        }
        if self.brought_back:
            data["brought_back"] = sorted(self.brought_back)
        data.update((key, self.extra[key]) for key in sorted(self.extra))
        return data


class StateWriter:
    """Writes states as TOML, remembering each table's text between saves.

    A save after one change writes one item anew and reuses the rest: on a roadmap
    of 10,000 topics that is the difference between a keypress and a pause.
    """

    def __init__(self) -> None:
        self._items: dict[str, tuple[ItemState, str]] = {}
        self._days: dict[str, tuple[DayActivity, str]] = {}

    def snapshot(self) -> StateWriter:
        """A writer holding the tables this one holds now (dump() replaces, never edits them)."""
        copy = StateWriter()
        copy._items, copy._days = self._items, self._days
        return copy

    def tables(self) -> tuple[dict[str, tuple[ItemState, str]], dict[str, tuple[DayActivity, str]]]:
        """The item and day tables last written, each with what it was written from."""
        return self._items, self._days

    @classmethod
    def holding(
        cls, items: dict[str, tuple[ItemState, str]], days: dict[str, tuple[DayActivity, str]]
    ) -> StateWriter:
        """A writer that already wrote these tables (as a cache read them back)."""
        writer = cls()
        writer._items, writer._days = items, days
        return writer

    def dump(self, state: State) -> str:
        parts = [tomli_w.dumps(state.head_toml())]
        days: dict[str, tuple[DayActivity, str]] = {}
        for day in sorted(state.activity):
            activity = state.activity[day]
            cached = self._days.get(day)
            if cached is None or cached[0] is not activity:
                cached = (activity, tomli_w.dumps({"activity": {day: activity.to_toml()}}))
            days[day] = cached
            parts.append(cached[1])
        items: dict[str, tuple[ItemState, str]] = {}
        for key in sorted(state.items):
            item = state.items[key]
            known = self._items.get(key)
            if known is None or known[0] is not item:
                known = (item, _item_toml(key, item))
            items[key] = known
            parts.append(known[1])
        self._items, self._days = items, days
        return "\n".join(parts)


def _item_toml(key: str, item: ItemState) -> str:
    # Multi-line strings read best, but tomli-w writes a CR LF in them as LF; a note
    # holding a CR is kept byte for byte by falling back to an escaped string.
    has_cr = "\r" in item.note or "\r" in item.text
    return tomli_w.dumps({"items": {key: item.to_toml()}}, multiline_strings=not has_cr)


def dump_state(state: State) -> str:
    return StateWriter().dump(state)


def _expect(value: object, kind: type[T], path: Path, where: str) -> T:
    # bool is an int to Python, never to a person writing `schema = true`.
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        name = _TOML_NAMES.get(kind, f"a {kind.__name__}")
        raise StateError(path, f"{where} should be {name}, not {value!r}.")
    return value


# What each Python type is called in TOML, for messages a person reads.
_TOML_NAMES: dict[type, str] = {
    dict: "a table",
    str: "a string",
    int: "an integer",
    list: "an array",
    datetime: "a date-time",
    bool: "a boolean",
}


def _optional_time(table: dict[str, Any], key: str, path: Path, where: str) -> datetime | None:
    if key not in table:
        return None
    return _on_calendar(
        _expect(table[key], datetime, path, f"{where}.{key}"), path, f"{where}.{key}"
    )


# A time within two days of either end has no date in some zone: reading it in this
# machine's would overflow (a UTC offset is under a day either way).
_FIRST_DAY, _LAST_DAY = date(1, 1, 3), date(9999, 12, 29)


def _on_calendar(moment: datetime, path: Path, where: str) -> datetime:
    if not _FIRST_DAY <= moment.date() <= _LAST_DAY:
        raise StateError(
            path,
            f"{where} is {moment.isoformat()}, too near an end of the calendar to be read "
            "in every time zone.",
        )
    return moment


def _item(key: str, raw: Any, path: Path) -> ItemState:
    where = f'items."{key}"'
    table = _expect(raw, dict, path, where)
    status_text = _expect(table.get("status", ""), str, path, f"{where}.status")
    try:
        status = Status(status_text) if status_text else None
    except ValueError:
        allowed = ", ".join(s.value for s in Status)
        raise StateError(
            path, f"{where}.status is {status_text!r}; it should be one of {allowed}."
        ) from None
    return ItemState(
        text=_expect(table.get("text", ""), str, path, f"{where}.text"),
        status=status,
        status_changed=_optional_time(table, "status_changed", path, where),
        note=_expect(table.get("note", ""), str, path, f"{where}.note"),
        note_changed=_optional_time(table, "note_changed", path, where),
        revisit=_card(table, path, where),
        within=_within(table, path, where),
        extra={k: v for k, v in table.items() if k not in _ITEM_KEYS},
    )


def _within(table: dict[str, Any], path: Path, where: str) -> tuple[str, ...] | None:
    if "within" not in table:
        return None
    texts = _expect(table["within"], list, path, f"{where}.within")
    return tuple(_expect(text, str, path, f"{where}.within[]") for text in texts)


def _card(table: dict[str, Any], path: Path, where: str) -> Card | None:
    """The item's revisit card, with every field FSRS reads checked: a card it cannot
    rate is refused as the file is read, not when the user rates it."""
    if "revisit" not in table:
        return None
    where = f"{where}.revisit"
    card = dict(_expect(table["revisit"], dict, path, where))
    for key in CARD_FIELDS_NEEDED:
        if key not in card:
            raise StateError(path, f"{where} has no {key}; every revisit card has one.")
    _expect(card["card_id"], int, path, f"{where}.card_id")
    state = _expect(card["state"], int, path, f"{where}.state")
    if state not in CARD_STATES:
        named = ", ".join(f"{number} ({name})" for number, name in CARD_STATES.items())
        raise StateError(path, f"{where}.state is {state}; it should be one of {named}.")
    if "step" in card:
        if _expect(card["step"], int, path, f"{where}.step") < 0:
            raise StateError(path, f"{where}.step is {card['step']}; it should be 0 or more.")
    elif state != CARD_REVIEW:
        raise StateError(path, f"{where} has no step; a card in {CARD_STATES[state]} needs one.")
    stability = _card_number(card, "stability", path, where)
    if stability is not None and stability <= 0:
        raise StateError(path, f"{where}.stability is {stability!r}; it should be above 0.")
    difficulty = _card_number(card, "difficulty", path, where)
    if difficulty is not None and not CARD_EASIEST <= difficulty <= CARD_HARDEST:
        raise StateError(
            path,
            f"{where}.difficulty is {difficulty!r}; it should be from {CARD_EASIEST:g} "
            f"to {CARD_HARDEST:g}.",
        )
    _card_time(card, "due", path, where)
    _card_time(card, "last_review", path, where)
    # Fields the file leaves out (TOML has no null) are None to the scheduler.
    return {**dict.fromkeys(CARD_FIELDS_MAYBE_NONE), **card}


def _card_number(card: Card, key: str, path: Path, where: str) -> float | None:
    if key not in card:
        return None
    value = card[key]
    # An int too: TOML reads 3 as one where a person typed it for 3.0.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise StateError(path, f"{where}.{key} should be a number, not {value!r}.")
    # TOML has nan and inf; FSRS's arithmetic has no room for either.
    if not math.isfinite(value):
        raise StateError(path, f"{where}.{key} is {value!r}; it should be a finite number.")
    return value


def _card_time(card: Card, key: str, path: Path, where: str) -> None:
    if key not in card:
        return
    text = _expect(card[key], str, path, f"{where}.{key}")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise StateError(path, f"{where}.{key} is {text!r}, not a date and time.") from None
    _on_calendar(moment, path, f"{where}.{key}")
    # A time with no offset could be any of 24 hours: FSRS counts in UTC, and refuses it.
    if moment.utcoffset() is None:
        raise StateError(
            path,
            f"{where}.{key} is {text!r}, a time with no UTC offset; "
            "it should end with one, as in 2026-03-01T09:00:00+00:00.",
        )


def _day(key: str, raw: Any, path: Path) -> DayActivity:
    where = f'activity."{key}"'
    try:
        # Days are looked up by this form: "20260131" or "2026-W05-6" would go unseen.
        named = date.fromisoformat(key).isoformat() == key
    except ValueError:
        named = False
    if not named:
        raise StateError(path, f"{where} should be named by a date like 2026-01-31.")
    table = _expect(raw, dict, path, where)

    def ids(name: str) -> tuple[str, ...]:
        values = _expect(table.get(name, []), list, path, f"{where}.{name}")
        return tuple(_expect(v, str, path, f"{where}.{name}[]") for v in values)

    return DayActivity(
        actions=_expect(table.get("actions", 0), int, path, f"{where}.actions"),
        done=ids("done"),
        notes=ids("notes"),
        revisited=ids("revisited"),
        extra={k: v for k, v in table.items() if k not in ("actions", *_DAY_LISTS)},
    )


def decode_state(data: bytes, path: Path) -> State:
    """The state in a file's bytes."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise StateError(path, "it is not UTF-8 text.") from None
    return parse_state(text, path)


def parse_state(text: str, path: Path) -> State:
    """The state in `text`; unknown keys are kept, wrong types are refused."""
    # Imported here: a start that finds the state cached never needs it.
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise StateError(path, f"it is not valid TOML ({error}).") from None
    schema = _expect(data.get("schema", SCHEMA), int, path, "schema")
    if schema < 1:
        raise StateError(path, f"its schema should be a positive whole number, not {schema!r}.")
    if schema > SCHEMA:
        raise StateError(
            path,
            f"it was written by a newer dlroadmap (schema {schema}; this one reads {SCHEMA}). "
            "Upgrade dlroadmap to use it.",
        )
    roadmap = _expect(data.get("roadmap", {}), dict, path, "[roadmap]")
    items = _expect(data.get("items", {}), dict, path, "[items]")
    activity = _expect(data.get("activity", {}), dict, path, "[activity]")
    brought_back = _expect(data.get("brought_back", []), list, path, "brought_back")
    return State(
        title=_expect(roadmap.get("title", ""), str, path, "roadmap.title"),
        source=_expect(roadmap.get("source", ""), str, path, "roadmap.source"),
        items={key: _item(key, raw, path) for key, raw in items.items()},
        activity={key: _day(key, raw, path) for key, raw in activity.items()},
        extra={k: v for k, v in data.items() if k not in _TOP_KEYS},
        schema=schema,
        brought_back=tuple(_expect(v, str, path, "brought_back[]") for v in brought_back),
    )
