"""Dates as people in the UK type them: day first, or the international year-first form."""

from __future__ import annotations

import re
from datetime import date

DATE_RULE = "a date written like 31/01/2027 or 2027-01-31"

_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_YEAR_FIRST = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


class DateError(ValueError):
    """Text that is not a real date; the message says how to write one."""


def parse_date_text(text: str) -> date | None:
    """ "31/01/2027" or "2027-01-31" -> a date; blank -> None. Never guesses month-first."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if match := _DAY_FIRST.match(cleaned):
        day, month, year = (int(part) for part in match.groups())
    elif match := _YEAR_FIRST.match(cleaned):
        year, month, day = (int(part) for part in match.groups())
    else:
        raise DateError(f"{cleaned!r} is not {DATE_RULE}")
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError(f"{cleaned!r} is not a real date; check the day and month ({DATE_RULE})") from None


def date_or_none(text: str) -> date | None:
    """The date written, or None when it is blank or not a date: for callers that word their own refusal."""
    try:
        return parse_date_text(text)
    except DateError:
        return None


def format_date_text(day: date | None) -> str:
    """The form shown in date fields: 31/01/2027."""
    return f"{day:%d/%m/%Y}" if day else ""
