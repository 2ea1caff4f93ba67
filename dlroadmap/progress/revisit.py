"""Spaced revisits of done topics, scheduled by FSRS (the `fsrs` package).

A topic marked done gets a card; when it comes due, the user rates how well it
held (again, hard, good, easy) and FSRS sets the next date. Days, not minutes:
no learning steps, no fuzzing (dates a person can predict and a test can check).
The card is kept as FSRS's own dict in the state file.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import IntEnum
from functools import cache
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from fsrs import Scheduler
    from fsrs.card import CardDict

# FSRS's card as a TOML table (fsrs.Card.to_dict), checked field by field when read back.
Card = dict[str, Any]
# The card's fields that FSRS may leave None (and the state file, having no null, out).
CARD_FIELDS_MAYBE_NONE = ("step", "stability", "difficulty", "last_review")
# The fields every card has.
CARD_FIELDS_NEEDED = ("card_id", "state", "due")
# FSRS's states of a card (fsrs.State): one in learning or relearning is at some step.
CARD_STATES = {1: "learning", 2: "review", 3: "relearning"}
CARD_REVIEW = 2
# FSRS keeps a card's difficulty within these.
CARD_EASIEST, CARD_HARDEST = 1.0, 10.0

# A sane cap: a backlog after a week away comes back a few topics a day.
DAILY_CAP = 3


class Rating(IntEnum):
    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


@cache
def _scheduler() -> Scheduler:
    # Imported here: only a rating pays for it, never start-up or `review`.
    from fsrs import Scheduler

    return Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


def _rate(card: Card | None, rating: Rating, when: datetime) -> Card:
    from fsrs import Card as FsrsCard
    from fsrs import Rating as FsrsRating

    # FSRS counts in UTC; the dates shown are converted back to local time.
    moment = when.astimezone(UTC)
    # The table FSRS itself wrote (to_dict below), kept in the state file as it was.
    current = FsrsCard.from_dict(cast("CardDict", card)) if card else FsrsCard(due=moment)
    reviewed, _log = _scheduler().review_card(current, FsrsRating(int(rating)), moment)
    return dict(reviewed.to_dict())


def first_card(done_at: datetime) -> Card:
    """The card of a topic just marked done: learnt once, well."""
    return _rate(None, Rating.GOOD, done_at)


def rate(card: Card, rating: Rating, when: datetime) -> Card:
    return _rate(card, rating, when)


def due(card: Card) -> datetime:
    return datetime.fromisoformat(card["due"])
