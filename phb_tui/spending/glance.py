"""Money in hand and the next monitoring return, for a broker's list of many plans.

ICBs audit a direct payment every quarter, so returns are counted in quarters from the first money
paid into the account (the first payment in, or the first entry of any kind if none is in yet).
The return for a quarter can be made from the day after it ends; each ICB sets its own deadline
after that, so `due` is the first day it can be made, never a deadline this program invents.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from plan_store import Plan
from plan_store.spending import SpendingRecord

from ..planning.reviews import add_months
from .figures import money_warning, spending_view

MONTHS_A_RETURN = 3


@dataclass(frozen=True)
class ReturnDue:
    start: date
    end: date

    @property
    def due(self) -> date:
        """The first day the return for this quarter can be made: the day after it ends."""
        return self.end + timedelta(days=1)


@dataclass(frozen=True)
class MoneyGlance:
    balance: Decimal
    as_of: date
    """The last day recorded: a record not brought up to date shows an old balance, and says so."""
    weeks_in_hand: Decimal | None
    """None when the plan has no weekly cost to measure the balance against."""
    warning: str | None
    next_return: ReturnDue


def next_return(first_day: date, today: date) -> ReturnDue:
    """The quarter (counted from `first_day`) that today falls in, or the first one if it has not begun."""
    quarter = 0
    while add_months(first_day, MONTHS_A_RETURN * (quarter + 1)) <= today:
        quarter += 1
    start = add_months(first_day, MONTHS_A_RETURN * quarter)
    return ReturnDue(start, add_months(first_day, MONTHS_A_RETURN * (quarter + 1)) - timedelta(days=1))


def money_glance(plan: Plan, record: SpendingRecord, today: date) -> MoneyGlance | None:
    """The balance now, the weeks of costs it covers and the next return; None if nothing is recorded."""
    transactions = record.transactions
    if not transactions:
        return None
    paid_in = [t.on for t in transactions if t.amount > 0]
    view = spending_view(plan, record)
    first = min(paid_in) if paid_in else transactions[0].on
    return MoneyGlance(view.closing, view.end, view.weeks_in_hand, money_warning(view), next_return(first, today))


def read_glance(plan: Plan, plan_path: Path, today: date) -> MoneyGlance | None:
    """The glance from the record kept beside the plan file."""
    from plan_store.spending_files import read_record, spending_path

    if not spending_path(plan_path).exists():  # Most plans in a list have no record yet: no read at all.
        return None
    return money_glance(plan, read_record(plan_path), today)
