"""The table of plans shown by `phb list` and the app's plan picker."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime

from plan_store import PlanListing, format_money

from .document import Table
from .finance import budget_position

HEADERS = ["Title", "Person", "Stage", "Budget", "Planned", "Last saved"]


def plan_table(listings: Iterable[PlanListing]) -> Table:
    rows = listing_rows(list(listings))
    return Table(HEADERS, rows, numeric=frozenset({3, 4}))


def listing_rows(listings: list[PlanListing]) -> list[list[str]]:
    """Rows for the table; where two plans share a title, each also shows its file name."""
    titles = Counter(listing.plan.title.casefold() for listing in listings if listing.plan)
    rows = []
    for listing in listings:
        row = listing_row(listing)
        if listing.plan and titles[listing.plan.title.casefold()] > 1:
            row[0] = f"{row[0]} [{listing.slug}]"
        rows.append(row)
    return rows


def listing_row(listing: PlanListing) -> list[str]:
    plan = listing.plan
    if plan is None:
        return [f"{listing.path.name}: CANNOT OPEN", "", "", "", "", ""]
    position = budget_position(plan)
    period = plan.finance.budget_period.short_label
    budget = f"{format_money(position.budget)}{period}" if position.budget is not None else "not set"
    planned = f"{format_money(position.planned)}{period}" if plan.finance.line_items else "none yet"
    return [
        plan.title,
        plan.person.preferred_name or plan.person.name or "not given",
        f"{plan.stage.number} {plan.stage.short_label}",
        budget,
        planned,
        last_saved(plan.updated),
    ]


def last_saved(moment: datetime) -> str:
    """In the person's own time zone, to the minute: "2 Nov 2026 16:40"."""
    local = moment.astimezone()
    return f"{local.day} {local:%b %Y %H:%M}"
