"""When a plan is next due for review, and how that stands against today.

A plan records its first review date, how many months apart later reviews are, and a log of the
reviews that happened. The log may begin with a review of an earlier plan (held before this plan's
first review), so only reviews on or after the first review date count towards the next one.
Reviews are at least once a year, so when the plan does not say how often, it is every 12 months.
A plan with no first review date has no review date set, whatever its log holds.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plan_store import Reviews

MONTHS_IF_NOT_SAID = 12


@dataclass(frozen=True)
class NextReview:
    due: date
    first: bool
    """The plan's first review, rather than one that follows a review already held."""

    @property
    def kind(self) -> str:
        return "first review" if self.first else "next review"


def next_review(reviews: Reviews) -> NextReview | None:
    """The first review until one is held on or after its date; then the last one held, plus the
    months between reviews. None when the plan sets no first review date."""
    first = reviews.first_review
    if first is None:
        return None
    held = max((entry.reviewed_on for entry in reviews.log if entry.reviewed_on >= first), default=None)
    if held is None:
        return NextReview(first, first=True)
    return NextReview(add_months(held, reviews.every_months or MONTHS_IF_NOT_SAID), first=False)


def add_months(day: date, months: int) -> date:
    """The same day of the month `months` later; the month's last day where it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def timing_words(due: date, on: date) -> str:
    """ "overdue by 12 days", "due today", "due tomorrow", "due in 3 days"."""
    days = (due - on).days
    if days < 0:
        return f"overdue by {_days(-days)}"
    if days == 0:
        return "due today"
    if days == 1:
        return "due tomorrow"
    return f"due in {_days(days)}"


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count:,} days"
