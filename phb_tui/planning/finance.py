"""Costs and totals for a financial plan, exact to the penny.

Every conversion between periods goes through a year, using the convention stored in the plan
(usually 52 weeks, 13 four-week periods, 12 months). Arithmetic stays exact until a figure is
shown, and each figure is rounded once, half-up. Breakdowns (by outcome, route or category) are
shared out so that their rounded parts always add up to the rounded total, to the penny.

Only the budget's share of an item counts against the budget: its full price less any money from
elsewhere (the person's own top-up, a charity). A budget recurs (a week ... a year) or is one
amount for a span of time (a personal wheelchair budget); recurring costs against a one-off budget
are counted over that span, in whole months, and the summary says how many.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_FLOOR, Context, Decimal, localcontext
from enum import StrEnum

from plan_store import LineItem, Period, Plan, format_money, round_pennies
from plan_store.models import Costed, FinancialPlan, YearConvention

PENNY = Decimal("0.01")
EXACT_DIGITS = 60
"""Enough digits that no rounding happens before a figure is rounded to the penny on purpose."""
WHOLE_PERIODS = (Period.YEAR, Period.ONE_OFF)
"""Budgets whose own period is the whole view: a year's, and a one-off budget."""
NO_OUTCOME = ""
"""The key under which spending linked to no outcome is totalled."""


def periods_per_year(convention: YearConvention, period: Period) -> Decimal:
    return {
        Period.WEEK: convention.weeks,
        Period.FOUR_WEEKS: convention.four_week_periods,
        Period.MONTH: convention.months,
        Period.YEAR: Decimal(1),
    }[period]


_ONE_PERIOD = {Period.WEEK: "a week", Period.FOUR_WEEKS: "four weeks", Period.MONTH: "a month"}


def convention_text(finance: FinancialPlan) -> str:
    """How every figure was counted, in a few plain sentences, for the summary and the exports."""
    convention = finance.year
    text = (
        f"A year is counted as {convention.weeks:f} weeks, {convention.four_week_periods:f} "
        f"four-week periods or {convention.months:f} months. Each line is rounded to the penny, "
        "and the totals add up the lines as shown."
    )
    if finance.budget_period in _ONE_PERIOD:
        count = periods_per_year(convention, finance.budget_period)
        text += (
            f" Figures for {_ONE_PERIOD[finance.budget_period]} are a year's figures divided by {count:f}. "
            "A one-off purchase counts once, in the year it is bought."
        )
    return text


_EXACT = Context(prec=EXACT_DIGITS)
"""For the one sum done for every item many times over, where entering a local context each time
would cost more than the sum."""


def _exact(calculation: Callable[[], Decimal]) -> Decimal:
    """Run a calculation with enough digits that no rounding happens before we choose to round."""
    with localcontext() as context:
        context.prec = EXACT_DIGITS
        return calculation()


def item_price_each_time(item: Costed) -> Decimal:
    """The full price each time the item recurs (or once, for a one-off), whoever pays: exact."""
    return item.unit_cost * item.quantity


def item_cost_each_time(item: Costed) -> Decimal:
    """The budget's share each time: the full price less money from elsewhere. Exact."""
    return item_price_each_time(item) - item.contribution


def item_cost_per_year(item: Costed, convention: YearConvention | None = None) -> Decimal:
    """The budget's share over a year, exact; a one-off counts once, in the year it is bought."""
    if item.period == Period.ONE_OFF:
        return item_cost_each_time(item)
    per_year = periods_per_year(convention or YearConvention(), item.period)
    return _EXACT.multiply(item_cost_each_time(item), per_year)


def span_months(finance: FinancialPlan) -> int | None:
    """How many months a budget with a start and an end covers, to the nearest whole month.

    The end is the last day covered: 1 December 2026 to 30 November 2031 is 60 months.
    """
    if finance.budget_start is None or finance.budget_end is None:
        return None
    return max(1, _months_between(finance.budget_start, finance.budget_end + timedelta(days=1)))


def _months_between(start: date, after: date) -> int:
    months = (after.year - start.year) * 12 + after.month - start.month
    days = after.day - start.day
    return months + (1 if days >= 15 else -1 if days <= -15 else 0)


def is_one_off_budget(finance: FinancialPlan) -> bool:
    return finance.budget_period == Period.ONE_OFF


def item_cost_over_span(item: Costed, finance: FinancialPlan) -> Decimal | None:
    """The budget's share of an item over the whole of a one-off budget; None if its span is unknown."""
    if item.period == Period.ONE_OFF:
        return item_cost_each_time(item)
    months = span_months(finance)
    if months is None:
        return None
    yearly = item_cost_per_year(item, finance.year)
    return _exact(lambda: yearly * months / finance.year.months)


def item_cost_on_basis(item: Costed, finance: FinancialPlan) -> Decimal:
    """What an item counts for in breakdowns: a year of it, or, for a one-off budget, all of it.

    A recurring item against a one-off budget with no end date cannot be counted; it counts as
    nothing here, and the readiness check asks for the end date.
    """
    if is_one_off_budget(finance):
        return item_cost_over_span(item, finance) or Decimal(0)
    return item_cost_per_year(item, finance.year)


def budget_words(finance: FinancialPlan) -> str:
    """The span an amount of the budget is for, after the amount: "a year", or "in all" for one amount."""
    return "in all" if is_one_off_budget(finance) else finance.budget_period.label


def budget_short_words(finance: FinancialPlan) -> str:
    """The same for a narrow list: "£12,000.00/yr", "£3,000.00 in all"."""
    return " in all" if is_one_off_budget(finance) else finance.budget_period.short_label


def basis_words(finance: FinancialPlan) -> str:
    """How breakdowns are counted, in words that follow an amount: "£20.00 a year"."""
    return "over the whole budget" if is_one_off_budget(finance) else "a year"


def convert(amount: Decimal, from_period: Period, to_period: Period, convention: YearConvention) -> Decimal:
    """An amount for one period expressed for another, through a year: exact, not rounded."""
    return _exact(lambda: amount * periods_per_year(convention, from_period) / periods_per_year(convention, to_period))


class Verdict(StrEnum):
    """Where the plan stands against its budget, the same whatever period the budget is stated for."""

    NO_BUDGET = "no budget"
    NOTHING_PLANNED = "nothing planned"
    OVER = "over"
    UNPLANNED = "unplanned"
    """More than UNDERSPEND_SHARE of the budget is left unplanned."""
    WITHIN = "within"


UNDERSPEND_SHARE = Decimal("0.10")
"""Planning to leave more than this share of the budget unspent invites the money being taken back."""


@dataclass(frozen=True)
class BudgetPosition:
    """Where the plan stands against its budget, to the penny, in two views that always agree.

    The whole view is a year for a budget that recurs (a week, four weeks, a month or a year) and
    the whole span for a one-off budget: every cost counts there, one-off purchases included, and
    the verdict is judged there. The period view is the same figures in the budget's own period
    (a year's figures divided by the periods in a year), so a four-weekly budget reads in four
    weeks and nothing is left out of it.
    """

    period: Period
    budget: Decimal | None
    """The budget as stated, for `period` (for a one-off budget, the whole amount)."""
    recurring: Decimal
    """Recurring spending in the budget period (for a one-off budget, over its span), rounded once."""
    one_off: Decimal
    """One-off purchases, each counted once."""
    planned: Decimal
    """All planned spending, one-offs included, in the budget period: `whole_planned` converted."""
    contingency: Decimal
    whole_budget: Decimal | None
    """The budget for a year (or the whole span of a one-off budget), rounded to the penny."""
    whole_planned: Decimal
    """Every line's cost for a year (or the whole span), added up exactly as the lines are shown."""
    whole_contingency: Decimal
    verdict: Verdict
    span_months: int | None = None
    """For a one-off budget with a start and an end: the months its recurring costs are counted over."""
    uncounted: int = 0
    """Recurring items that could not be counted: a one-off budget with no end date."""
    periods_in_whole: Decimal = Decimal(1)
    """How many budget periods make the whole: 13 for a four-weekly budget, 1 for a year or a one-off."""

    @property
    def has_period_view(self) -> bool:
        """A budget for a week, four weeks or a month is shown in its own period and for a year."""
        return self.period not in WHOLE_PERIODS

    def in_period(self, whole: Decimal) -> Decimal:
        """An amount of the whole view as the budget period's share of it, to the penny."""
        return round_pennies(_EXACT.divide(whole, self.periods_in_whole))

    @property
    def remaining(self) -> Decimal | None:
        """Budget less planned spending less contingency in the budget period; negative is over."""
        whole = self.whole_remaining
        if whole is None:
            return None
        return self.in_period(whole) if self.has_period_view else whole

    @property
    def whole_remaining(self) -> Decimal | None:
        """The same for a year (or the whole span): negative means over budget by that much."""
        if self.whole_budget is None:
            return None
        return self.whole_budget - self.whole_planned - self.whole_contingency

    @property
    def share_used(self) -> Decimal | None:
        """Planned spending and contingency as a share of the budget (1 is all of it)."""
        if not self.whole_budget:
            return None
        return (self.whole_planned + self.whole_contingency) / self.whole_budget


def budget_position(plan: Plan) -> BudgetPosition:
    return position_against_budget(plan.finance, plan.finance.line_items)


def position_against_budget(finance: FinancialPlan, items: Sequence[Costed]) -> BudgetPosition:
    """The budget and year convention come from `finance`; the spending from `items`.

    Every figure is worked out once for the whole (a year, or a one-off budget's span) from the
    lines as they are shown, rounded to the penny; the budget period's figures are those divided
    by the periods in a year. So a plan reaches the same verdict whether its budget is written
    for a week, four weeks, a month or a year.
    """
    convention = finance.year
    one_off_budget = is_one_off_budget(finance)
    months = span_months(finance)
    whole_planned = Decimal(0)
    recurring_whole = Decimal(0)
    one_off = Decimal(0)
    uncounted = 0
    for item in items:
        if item.period == Period.ONE_OFF:
            cost = round_pennies(item_cost_each_time(item))
            one_off += cost
        elif one_off_budget and months is None:
            uncounted += 1
            continue
        else:
            cost = round_pennies(item_cost_on_basis(item, finance))
            recurring_whole += cost
        whole_planned += cost
    periods = (
        Decimal(1) if finance.budget_period in WHOLE_PERIODS else periods_per_year(convention, finance.budget_period)
    )
    budget = finance.budget_amount
    whole_budget = None if budget is None else round_pennies(_EXACT.multiply(budget, periods))
    whole_contingency = round_pennies(_EXACT.multiply(finance.contingency, periods))
    return BudgetPosition(
        period=finance.budget_period,
        budget=budget,
        recurring=round_pennies(_EXACT.divide(recurring_whole, periods)),
        one_off=one_off,
        planned=round_pennies(_EXACT.divide(whole_planned, periods)),
        contingency=finance.contingency,
        whole_budget=whole_budget,
        whole_planned=whole_planned,
        whole_contingency=whole_contingency,
        verdict=_verdict(whole_budget, whole_planned, whole_contingency, items, finance),
        span_months=months if one_off_budget else None,
        uncounted=uncounted,
        periods_in_whole=periods,
    )


def _verdict(
    budget: Decimal | None, planned: Decimal, contingency: Decimal, items: Sequence[Costed], finance: FinancialPlan
) -> Verdict:
    if budget is None:
        return Verdict.NO_BUDGET
    if not any(item_cost_each_time(item) > 0 for item in items):
        return Verdict.NOTHING_PLANNED
    left = budget - planned - contingency
    if left < 0:
        return Verdict.OVER
    if left > budget * UNDERSPEND_SHARE:
        return Verdict.UNPLANNED
    return Verdict.WITHIN


def in_both_views(position: BudgetPosition, whole: Decimal) -> str:
    """An amount of the whole view in words, with the budget period's share where it has one:
    "£3,800.00 a year (£292.31 every four weeks)", "£120.00 a year", "£9,000.00 in all"."""
    if position.period == Period.ONE_OFF:
        return f"{format_money(whole)} in all"
    text = f"{format_money(whole)} a year"
    if position.has_period_view:
        text += f" ({format_money(position.in_period(whole))} {position.period.label})"
    return text


def whole_words(finance: FinancialPlan) -> str:
    """The span of the whole view, after an amount: "a year", or "in all" for a one-off budget."""
    return "in all" if is_one_off_budget(finance) else "a year"


def line_costs(finance: FinancialPlan) -> list[Decimal]:
    """Each line on the breakdowns' basis (a year, or the whole of a one-off budget), rounded to the
    penny as the table shows it: the figures every breakdown and total of the lines adds up."""
    return [round_pennies(item_cost_on_basis(item, finance)) for item in finance.line_items]


def basis_total(plan: Plan, costs: Sequence[Decimal] | None = None) -> Decimal:
    """All spending on the breakdowns' basis: the sum of the lines as the table shows them, so the
    total is what they add to. `costs` are the lines' `line_costs`, when already worked out."""
    return sum(line_costs(plan.finance) if costs is None else costs, Decimal(0))


def apportion(exact: dict[str, Decimal], total: Decimal) -> dict[str, Decimal]:
    """Round each part to pennies so the parts add up to `total` exactly.

    Each part is rounded down, then the pennies left over go to the parts that lost most in
    rounding (the largest remainder method), ties going to the earlier part.
    """
    floors = {key: value.quantize(PENNY, rounding=ROUND_FLOOR) for key, value in exact.items()}
    spare = int((total - sum(floors.values(), Decimal(0))) / PENNY)
    by_remainder = sorted(exact, key=lambda key: exact[key] - floors[key], reverse=True)
    for key in by_remainder[: max(spare, 0)]:
        floors[key] += PENNY
    return floors


def totals_by(
    plan: Plan, shares: Callable[[LineItem], Iterable[tuple[str, Decimal]]], costs: Sequence[Decimal] | None = None
) -> dict[str, Decimal]:
    """Spending on the basis of `basis_words`, grouped by `shares`: which groups an item counts in, how much.
    `costs` are the lines' `line_costs`, when already worked out."""
    costs = line_costs(plan.finance) if costs is None else costs
    exact: dict[str, Decimal] = {}
    with localcontext() as context:
        context.prec = EXACT_DIGITS
        for item, cost in zip(plan.finance.line_items, costs, strict=True):  # Each line as the table shows it.
            for key, fraction in shares(item):
                exact[key] = exact.get(key, Decimal(0)) + cost * fraction
    return apportion(exact, basis_total(plan, costs)) if exact else {}


def by_outcome(plan: Plan, costs: Sequence[Decimal] | None = None) -> dict[str, Decimal]:
    """Spending for each outcome id (NO_OUTCOME for unlinked); a shared item is split equally."""

    def shares(item: LineItem) -> list[tuple[str, Decimal]]:
        if not item.outcome_ids:
            return [(NO_OUTCOME, Decimal(1))]
        part = _exact(lambda: Decimal(1) / len(item.outcome_ids))
        return [(outcome_id, part) for outcome_id in item.outcome_ids]

    totals = totals_by(plan, shares, costs)
    ordered = {o.id: totals.get(o.id, Decimal("0.00")) for o in plan.outcomes}
    if NO_OUTCOME in totals:
        ordered[NO_OUTCOME] = totals[NO_OUTCOME]
    return ordered


def by_category(plan: Plan, costs: Sequence[Decimal] | None = None) -> dict[str, Decimal]:
    return totals_by(plan, lambda item: [(item.category.value, Decimal(1))], costs)


def by_route(plan: Plan, costs: Sequence[Decimal] | None = None) -> dict[str, Decimal]:
    """By how each item is paid for; items with no route follow the plan's single option."""
    fallback = plan.management.option.value if plan.management.option else "not_chosen"
    return totals_by(plan, lambda item: [(item.route.value if item.route else fallback, Decimal(1))], costs)
