"""The plan set against what was really spent, for a period: pure figures, exact to the penny.

A period of D days is D/7 weeks, and a year is the plan's own number of weeks (usually 52), so a
line's planned figure for the period is its cost for a year times D / (7 x weeks in a year): a
13-week quarter is exactly a quarter of a year whatever period the line or the budget is written
for. A one-off line is planned in full in any period: it is bought once, and the difference says
what is still to buy. Each line is rounded once, half-up; outcomes share a line equally, with the
pennies apportioned so the parts add up to the whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, localcontext
from typing import NamedTuple

from plan_store import LineItem, Period, Plan, clock, round_pennies
from plan_store.spending import Rule, SpendingRecord, Split, Transaction, opening_balance, squeezed
from plan_store.vocabulary import ManagementOption, ManagementRoute

from ..planning.finance import (
    EXACT_DIGITS,
    NO_OUTCOME,
    apportion,
    is_one_off_budget,
    item_cost_each_time,
    item_cost_per_year,
    periods_per_year,
)
from ..planning.restricted import restricted_kind_in_words
from .hours import HoursFigures, hours_figures

ZERO = Decimal("0.00")

SOME_ICBS_WEEKS = Decimal(4)
MOST_ICBS_WEEKS = Decimal(8)
"""ICBs often take back money above about 4 to 8 weeks of the plan's costs (NHS (Direct Payments)
Regulations 2013, regulation 15, lets them recover money that builds up)."""
LOW_WEEKS = Decimal(1)
"""Less than a week of costs in hand: a late payment in would leave bills unpaid."""


@dataclass(frozen=True)
class LineFigures:
    line: str
    description: str
    outcome_ids: tuple[str, ...]
    planned: Decimal
    spent: Decimal
    one_off: bool

    @property
    def difference(self) -> Decimal:
        """Planned less spent: more than nothing is money not yet spent, less is overspent."""
        return self.planned - self.spent


@dataclass(frozen=True)
class OutcomeFigures:
    outcome: str
    """The outcome's id, or NO_OUTCOME for lines linked to none."""
    words: str
    planned: Decimal
    spent: Decimal

    @property
    def difference(self) -> Decimal:
        return self.planned - self.spent


class Matched(NamedTuple):
    """A named tuple: one is made for each transaction in the period, 100,000 in a long record."""

    transaction: Transaction
    splits: tuple[Split, ...]
    """Empty when not yet matched to a plan line."""
    by_rule: bool


@dataclass(frozen=True)
class SpendingView:
    start: date
    end: date
    opening: Decimal
    """The balance at the start of the first day, worked out from the record."""
    money_in: Decimal
    money_out: Decimal
    closing: Decimal
    """Opening plus money in less money out."""
    statement_closing: Decimal | None
    """The last balance a statement gave on or before the last day, if any."""
    statement_gap: Decimal
    """The record's balance less the statement's at that same point: nothing when they agree."""
    budget: Decimal | None
    """The budget for the period (for a one-off budget, the whole amount)."""
    lines: list[LineFigures]
    outcomes: list[OutcomeFigures]
    transactions: list[Matched]
    not_in_plan: list[Matched]
    restricted: list[tuple[Transaction, str]]
    weekly_cost: Decimal | None
    weeks_in_hand: Decimal | None
    hours: list[HoursFigures] = field(default_factory=list)
    """Each PA's hours in each pay period that starts in the period, against the plan's."""

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def weeks(self) -> Decimal:
        return round_pennies(Decimal(self.days) / 7)

    @property
    def planned(self) -> Decimal:
        return sum((line.planned for line in self.lines), ZERO)

    @property
    def spent_on_plan(self) -> Decimal:
        return sum((line.spent for line in self.lines), ZERO)

    @property
    def reconciled(self) -> bool | None:
        return None if self.statement_closing is None else self.statement_gap == 0

    @property
    def unmatched(self) -> list[Matched]:
        return [m for m in self.transactions if not m.splits and m.transaction.amount < 0]


def matched(transaction: Transaction, rules: list[Rule], line_ids: set[str]) -> Matched:
    """The plan lines a transaction paid for: the person's own splits, else the first rule that fits."""
    return _Matcher(rules, line_ids)(transaction)


class _Matcher:
    """`matched` for many transactions: each rule's words are squeezed once, not once a transaction."""

    def __init__(self, rules: list[Rule], line_ids: set[str]) -> None:
        self.rules = [(squeezed(rule.payee), rule.line) for rule in rules if rule.line in line_ids]
        self.known: dict[str, str] = {}
        """The line for each description met so far ("" for none): wages are paid to the same words."""

    def __call__(self, transaction: Transaction) -> Matched:
        if transaction.splits:
            return Matched(transaction, transaction.splits, False)
        if self.rules:
            line = self.known.get(transaction.description)
            if line is None:
                line = self.known[transaction.description] = self._line_for(transaction.description)
            if line:
                return Matched(transaction, (Split(line, abs(transaction.amount)),), True)
        return Matched(transaction, (), False)

    def _line_for(self, description: str) -> str:
        words = squeezed(description)
        return next((line for payee, line in self.rules if payee in words), "")


def from_the_account(plan: Plan) -> list[LineItem]:
    """The lines paid from the direct payment's account: not those the NHS or a third party pays.

    A line with no route follows the plan's way of holding the money; in a mixed plan, or one not
    yet chosen, it is taken as paid from the account.
    """
    option = plan.management.option
    fallback = (
        {
            ManagementOption.NOTIONAL: ManagementRoute.NOTIONAL,
            ManagementOption.THIRD_PARTY: ManagementRoute.THIRD_PARTY,
        }.get(option)
        if option
        else None
    )
    return [
        i
        for i in plan.finance.line_items
        if (i.route or fallback or ManagementRoute.DIRECT_PAYMENT) == ManagementRoute.DIRECT_PAYMENT
    ]


def planned_for_days(plan: Plan, days: int) -> dict[str, Decimal]:
    """Each line's planned figure for a period of `days` days, rounded once (see the module's rule)."""
    weeks_a_year = plan.finance.year.weeks
    figures = {}
    for item in from_the_account(plan):
        if item.period == Period.ONE_OFF:
            exact = item_cost_each_time(item)
        else:
            exact = _exact_share(item_cost_per_year(item, plan.finance.year), days, weeks_a_year)
        figures[item.id] = round_pennies(exact)
    return figures


def _exact_share(yearly: Decimal, days: int, weeks_a_year: Decimal) -> Decimal:
    with localcontext() as context:
        context.prec = EXACT_DIGITS
        return yearly * days / (7 * weeks_a_year)


def budget_for_days(plan: Plan, days: int) -> Decimal | None:
    finance = plan.finance
    if finance.budget_amount is None:
        return None
    if is_one_off_budget(finance):
        return finance.budget_amount
    yearly = finance.budget_amount * (
        Decimal(1) if finance.budget_period == Period.YEAR else periods_per_year(finance.year, finance.budget_period)
    )
    return round_pennies(_exact_share(yearly, days, finance.year.weeks))


def weekly_cost(plan: Plan) -> Decimal | None:
    """What the plan's recurring lines cost a week, for weeks of money in hand; None if nothing recurs."""
    yearly = sum(
        (item_cost_per_year(i, plan.finance.year) for i in from_the_account(plan) if i.period != Period.ONE_OFF),
        Decimal(0),
    )
    if yearly <= 0:
        return None
    return round_pennies(_exact_share(yearly, 7, plan.finance.year.weeks))


def spending_view(
    plan: Plan, record: SpendingRecord, start: date | None = None, end: date | None = None
) -> SpendingView:
    """The figures for the days from `start` to `end`, both included (the whole record when not given)."""
    everything = record.transactions
    first = start or (everything[0].on if everything else clock.today())
    last = end or (everything[-1].on if everything else first)
    match = _Matcher(record.rules, {item.id for item in plan.finance.line_items})
    running = opening_balance(record)
    opening = None
    statement_closing: Decimal | None = None
    gap = ZERO
    chosen: list[Matched] = []
    for transaction in everything:
        if transaction.on > last:
            break
        if transaction.on >= first and opening is None:
            opening = running
        running += transaction.amount
        if transaction.balance is not None:
            statement_closing, gap = transaction.balance, running - transaction.balance
        if transaction.on >= first:
            chosen.append(match(transaction))
    opening = running if opening is None else opening
    money_in = sum((m.transaction.money_in for m in chosen), ZERO)
    money_out = sum((m.transaction.money_out for m in chosen), ZERO)
    days = (last - first).days + 1
    lines = _line_figures(plan, chosen, days)
    weekly = weekly_cost(plan)
    closing = opening + money_in - money_out
    return SpendingView(
        start=first,
        end=last,
        opening=opening,
        money_in=money_in,
        money_out=money_out,
        closing=closing,
        statement_closing=statement_closing,
        statement_gap=gap if statement_closing is not None else ZERO,
        budget=budget_for_days(plan, days),
        lines=lines,
        outcomes=_outcome_figures(plan, lines),
        transactions=chosen,
        not_in_plan=[m for m in chosen if not m.splits and m.transaction.amount < 0],
        restricted=[
            (m.transaction, kind)
            for m in chosen
            if m.transaction.amount < 0 and (kind := restricted_kind_in_words(m.transaction.description))
        ],
        weekly_cost=weekly,
        weeks_in_hand=None if weekly is None else (closing / weekly).quantize(Decimal("0.1")),
        hours=hours_figures(plan, record.hours, first, last),
    )


def _line_figures(plan: Plan, chosen: list[Matched], days: int) -> list[LineFigures]:
    spent: dict[str, Decimal] = {}
    for match in chosen:
        sign = 1 if match.transaction.amount < 0 else -1  # Money back from a supplier (a refund) lowers spending.
        for split in match.splits:
            spent[split.line] = spent.get(split.line, ZERO) + sign * split.amount
    planned = planned_for_days(plan, days)
    return [
        LineFigures(
            item.id,
            item.description,
            tuple(item.outcome_ids),
            planned[item.id],
            spent.get(item.id, ZERO),
            item.period == Period.ONE_OFF,
        )
        for item in from_the_account(plan)
    ]


def _outcome_figures(plan: Plan, lines: list[LineFigures]) -> list[OutcomeFigures]:
    planned_parts: dict[str, Decimal] = {}
    spent_parts: dict[str, Decimal] = {}
    for line in lines:
        keys = line.outcome_ids or (NO_OUTCOME,)
        for key in keys:
            planned_parts[key] = planned_parts.get(key, Decimal(0)) + line.planned / len(keys)
            spent_parts[key] = spent_parts.get(key, Decimal(0)) + line.spent / len(keys)
    planned = _shared(planned_parts, sum((line.planned for line in lines), ZERO))
    spent = _shared(spent_parts, sum((line.spent for line in lines), ZERO))
    words = {o.id: o.outcome or o.what_matters or o.id for o in plan.outcomes}
    order = [o.id for o in plan.outcomes] + ([NO_OUTCOME] if NO_OUTCOME in planned_parts else [])
    return [
        OutcomeFigures(key, words.get(key, "Not linked to an outcome"), planned.get(key, ZERO), spent.get(key, ZERO))
        for key in order
    ]


def _shared(parts: dict[str, Decimal], total: Decimal) -> dict[str, Decimal]:
    """Parts rounded so they add up to `total`; apportion works on amounts of either sign by shifting."""
    if not parts:
        return {}
    if all(value >= 0 for value in parts.values()) and total >= 0:
        return apportion(parts, total)
    return {key: round_pennies(value) for key, value in parts.items()}


NOTE = "note"
WARNING = "warning"


@dataclass(frozen=True)
class MoneyNotice:
    """What the money in hand means. A `note` (4 to 8 weeks) asks the person to check their ICB's
    rules; a `warning` (more than 8 weeks, or less than one) asks them to act, so it is labelled
    as one. The label is in words, never in colour alone."""

    severity: str
    text: str

    @property
    def label(self) -> str:
        return self.severity.capitalize()


def money_notice(view: SpendingView) -> MoneyNotice | None:
    """Plain words when the money in hand is more than ICBs usually allow, or is running low."""
    weeks = view.weeks_in_hand
    if weeks is None or view.weekly_cost is None:
        return None
    if weeks > MOST_ICBS_WEEKS:
        return MoneyNotice(
            WARNING,
            f"The account holds about {weeks} weeks of the plan's costs. ICBs often take back money "
            f"above {SOME_ICBS_WEEKS} to {MOST_ICBS_WEEKS} weeks of costs. Talk to your NHS team before it "
            "builds up more, unless the plan agrees savings for something.",
        )
    if weeks > SOME_ICBS_WEEKS:
        return MoneyNotice(
            NOTE,
            f"The account holds about {weeks} weeks of the plan's costs. Some ICBs take back money above "
            f"{SOME_ICBS_WEEKS} weeks of costs; check what yours allows.",
        )
    if weeks < LOW_WEEKS:
        return MoneyNotice(
            WARNING,
            f"The account holds less than a week of the plan's costs ({weeks} weeks). "
            "If a payment in is late, bills may go unpaid: tell your NHS team.",
        )
    return None


def money_warning(view: SpendingView) -> str | None:
    """The notice's words alone, note or warning, as lists of many plans give them."""
    notice = money_notice(view)
    return None if notice is None else notice.text
