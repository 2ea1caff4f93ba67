"""Revisit cards read back from the state file: one FSRS could not rate is refused as the
file is read, in a sentence naming the file and the field; one it can still rates."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from dlroadmap.errors import StateError
from dlroadmap.progress.revisit import Rating, due, first_card, rate
from dlroadmap.progress.state import parse_state

DONE_AT = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
PATH = Path("/home/me/.local/share/dlroadmap/roadmaps/plan.toml")


def _file(card: dict[str, Any]) -> str:
    item = {"text": "Tensors", "status": "done", "revisit": card}
    return tomli_w.dumps({"schema": 2, "items": {"tensors": item}})


def _rated_card() -> dict[str, Any]:
    """A card as the app writes it: FSRS's, its empty fields left out (TOML has no null)."""
    card = rate(first_card(DONE_AT), Rating.GOOD, due(first_card(DONE_AT)))
    return {key: value for key, value in card.items() if value is not None}


def _read_card(card: dict[str, Any]) -> dict[str, Any]:
    revisit = parse_state(_file(card), PATH).items["tensors"].revisit
    assert revisit is not None
    return revisit


@pytest.mark.parametrize(
    ("change", "told"),
    [
        ({"stability": "abc"}, 'items."tensors".revisit.stability should be a number'),
        ({"difficulty": True}, "revisit.difficulty should be a number"),
        ({"stability": -2.5}, "revisit.stability is -2.5; it should be above 0"),
        ({"stability": float("inf")}, "revisit.stability is inf; it should be a finite"),
        ({"difficulty": float("nan")}, "revisit.difficulty is nan"),
        ({"difficulty": 11.5}, "revisit.difficulty is 11.5; it should be from 1 to 10"),
        ({"due": "2026-03-09T09:30:00"}, "revisit.due is '2026-03-09T09:30:00', a time with no"),
        ({"last_review": "2026-03-03 09:30"}, "revisit.last_review is '2026-03-03 09:30', a"),
        ({"due": "next week"}, "revisit.due is 'next week', not a date and time"),
        ({"due": 5}, "revisit.due should be a string"),
        ({"state": 7}, "revisit.state is 7; it should be one of 1 (learning), 2 (review)"),
        ({"state": "review"}, "revisit.state should be an integer"),
        ({"state": 1}, "revisit has no step; a card in learning needs one"),
        ({"step": -1}, "revisit.step is -1; it should be 0 or more"),
        ({"step": 0.5}, "revisit.step should be an integer"),
        ({"card_id": "x"}, "revisit.card_id should be an integer"),
    ],
    ids=repr,
)
def test_a_card_fsrs_could_not_rate_is_refused_as_the_file_is_read(
    change: dict[str, Any], told: str
) -> None:
    with pytest.raises(StateError) as caught:
        _read_card(_rated_card() | change)
    message = str(caught.value)
    assert told in message
    assert str(PATH) in message
    assert "left exactly as it was" in message


@pytest.mark.parametrize("field", ["card_id", "state", "due"])
def test_a_card_missing_a_field_every_card_has_is_refused(field: str) -> None:
    card = _rated_card()
    del card[field]
    with pytest.raises(StateError, match=f"revisit has no {field}"):
        _read_card(card)


@pytest.mark.parametrize(
    "change",
    [
        {},
        {"stability": 3, "difficulty": 5},  # whole numbers, as a person might type them
        {"due": "2026-03-09T09:30:00Z", "last_review": "2026-03-03T10:30:00+01:00"},
        {"state": 1, "step": 0},  # in learning, at its first step
    ],
    ids=repr,
)
def test_a_card_that_reads_well_still_rates(change: dict[str, Any]) -> None:
    card = _read_card(_rated_card() | change)
    when = due(card)
    again = rate(card, Rating.HARD, when)
    assert due(again) > when
    assert _read_card({k: v for k, v in again.items() if v is not None}) is not None
