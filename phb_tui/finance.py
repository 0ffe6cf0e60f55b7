"""Costs and totals for a financial plan, exact to the penny.

Every conversion between periods goes through a year, using one stated convention (52 weeks,
13 four-week periods, 12 months). Nothing is rounded until a figure is shown or totalled, and then
once, half-up, so totals always equal what a person would get adding the shown parts by hand
from the unrounded values.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from plan_store import FinancialPlan, LineItem, Period, Plan, round_pennies

PERIODS_PER_YEAR: dict[Period, Decimal] = {
    Period.WEEK: Decimal(52),
    Period.FOUR_WEEKS: Decimal(13),
    Period.MONTH: Decimal(12),
    Period.YEAR: Decimal(1),
}

CONVENTION = "A year is counted as 52 weeks, 13 four-week periods or 12 months."


def item_cost_each_time(item: LineItem) -> Decimal:
    """What the item costs each period it recurs (or once, for a one-off), unrounded."""
    return item.unit_cost * item.quantity


def item_cost_per_year(item: LineItem) -> Decimal:
    """A recurring item over a year; a one-off counts once, in the year it is bought."""
    if item.period == Period.ONE_OFF:
        return item_cost_each_time(item)
    return item_cost_each_time(item) * PERIODS_PER_YEAR[item.period]


def per_period(yearly: Decimal, period: Period) -> Decimal:
    """A yearly amount spread over one budget period, unrounded."""
    return yearly / PERIODS_PER_YEAR[period]


@dataclass(frozen=True)
class BudgetPosition:
    """Where the plan stands against its budget, in the budget's own period, to the penny."""

    period: Period
    budget: Decimal | None
    recurring: Decimal
    """Recurring spending converted to the budget period."""
    one_off: Decimal
    """One-off purchases; counted inside an annual budget, shown beside any other."""
    contingency: Decimal

    @property
    def planned(self) -> Decimal:
        """Planned spending within the budget period (one-offs included for a yearly budget)."""
        if self.period == Period.YEAR:
            return round_pennies(self.recurring + self.one_off)
        return self.recurring

    @property
    def remaining(self) -> Decimal | None:
        """Budget less planned spending less contingency; negative means over budget."""
        if self.budget is None:
            return None
        return self.budget - self.planned - self.contingency


def budget_position(plan: Plan) -> BudgetPosition:
    finance: FinancialPlan = plan.finance
    recurring_yearly = sum(
        (item_cost_per_year(i) for i in finance.line_items if i.period != Period.ONE_OFF), Decimal(0)
    )
    one_off = sum((item_cost_each_time(i) for i in finance.line_items if i.period == Period.ONE_OFF), Decimal(0))
    return BudgetPosition(
        period=finance.budget_period,
        budget=finance.budget_amount,
        recurring=round_pennies(per_period(recurring_yearly, finance.budget_period)),
        one_off=round_pennies(one_off),
        contingency=finance.contingency,
    )
