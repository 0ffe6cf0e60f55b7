"""The one place PHB Planner reads the clock.

Dates the product reasons about (a review overdue, a task late, the day a summary was prepared, a
date of birth in the future, rates in force) come from `today()`, which honours PHB_TODAY so a
person can see their plans as they will stand on another day, and so the tests can pin the day
once for the whole suite. Moments that record when something really happened (a save, a rescue
copy's name) come from `now()`, which is always the real time: a file must never claim to have
been saved at a time it was not.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

from .dates import DATE_RULE, DateError, parse_date_text
from .errors import PlanError

TODAY_VARIABLE = "PHB_TODAY"
"""Set to a date to see plans as they will stand on that day (tests fix it this way too)."""


def today() -> date:
    """Today, unless PHB_TODAY names another day; a PlanError names a PHB_TODAY that is not a date."""
    text = os.environ.get(TODAY_VARIABLE, "").strip()
    if not text:
        return date.today()
    try:
        chosen = parse_date_text(text)
    except DateError:
        chosen = None
    if chosen is None:
        raise PlanError(f'{TODAY_VARIABLE} is set to "{text}", which is not {DATE_RULE}. Unset it to use today.')
    return chosen


def now() -> datetime:
    """The real moment, in local time with its offset: for records of when something happened."""
    return datetime.now().astimezone()


def utc_now() -> datetime:
    """The real moment in UTC, to whole seconds: sub-second stamps add noise to files people diff."""
    return datetime.now(UTC).replace(microsecond=0)
