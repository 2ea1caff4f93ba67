"""The day a saved moment fell on, for the learner: the review's one rule for it."""

from __future__ import annotations

from datetime import date, datetime, tzinfo


def local_date(moment: datetime, tz: tzinfo | None = None) -> date:
    """The calendar date of `moment` in `tz` (default: this machine's zone).

    A time saved without a zone is taken as local already.
    """
    return moment.date() if moment.tzinfo is None else moment.astimezone(tz).date()
