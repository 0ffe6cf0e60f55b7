"""The period a person asks to see, from the words they typed: one reading for the command line and the app.

A day is written as UK banks write it (31/01/2027) or as ISO dates; a last day before the first
is refused, never swapped, since either may be the typing mistake.
"""

from __future__ import annotations

from datetime import date

from plan_store.errors import PlanError


def day_from_words(text: str, what: str) -> date:
    """The day `text` names, or a `PlanError` that quotes it and says how to write one."""
    from plan_store.dates import DATE_RULE, date_or_none

    found = date_or_none(text.strip())
    if found is None:
        raise PlanError(f'{what}, "{text}", is not {DATE_RULE}.')
    return found


def period_from_words(
    start: str | None, end: str | None, start_name: str = "The first day", end_name: str = "The last day"
) -> tuple[date | None, date | None]:
    """The first and last day asked for; an empty one means "from the first payment" or "to the last"."""
    first = day_from_words(start, start_name) if start and start.strip() else None
    last = day_from_words(end, end_name) if end and end.strip() else None
    if first and last and last < first:
        raise PlanError(f"The last day ({last:%d/%m/%Y}) is before the first ({first:%d/%m/%Y}).")
    return first, last
