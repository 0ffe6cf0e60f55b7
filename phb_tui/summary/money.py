"""The money in the summary: the budget, the costed table, who pays what, and where it goes.

Only the budget's share of each item counts against the budget. Where money comes from elsewhere
(a top-up, a charity), the reviewer sees the full price, the budget's share and who pays the rest.
Every note on an item that is not private is shown, so a justification the reviewer needs is
never lost between the plan and the summary.
"""

from __future__ import annotations

from plan_store import LineItem, Plan, format_money
from plan_store.vocabulary import ManagementOption, ManagementRoute, Period, SpendCategory

from ..planning.checks import item_name
from ..planning.finance import (
    NO_OUTCOME,
    BudgetPosition,
    basis_total,
    basis_words,
    budget_position,
    budget_words,
    by_category,
    by_outcome,
    by_route,
    convention_text,
    is_one_off_budget,
    item_cost_each_time,
    item_cost_over_span,
    item_cost_per_year,
    item_price_each_time,
)
from .document import Alert, Bar, BarChart, Block, BulletList, Facts, Paragraph, Section, Table
from .wording import NOT_GIVEN, long_date, visible


def budget_facts(plan: Plan) -> list[tuple[str, str]]:
    finance = plan.finance
    if finance.budget_amount is None:
        amount = NOT_GIVEN
    elif is_one_off_budget(finance):
        amount = f"{format_money(finance.budget_amount)}, one amount"
    else:
        amount = f"{format_money(finance.budget_amount)} {finance.budget_period.label}"
    rows = [
        ("Budget", amount),
        ("Budget starts", long_date(finance.budget_start) if finance.budget_start else NOT_GIVEN),
        ("Budget runs to", long_date(finance.budget_end) if finance.budget_end else "no end date given"),
    ]
    position = budget_position(plan)
    if position.span_months is not None:
        rows.append(("Recurring costs counted over", _months(position.span_months)))
    return rows


def _months(count: int) -> str:
    return "1 month" if count == 1 else f"{count} months"


def cost_phrase(item: LineItem) -> str:
    """What the budget pays for an item, how often, and the full price when others pay part of it."""
    each = format_money(item_cost_each_time(item))
    often = "one-off" if item.period == Period.ONE_OFF else item.period.label
    if item.contribution:
        return f"{each} {often} from the budget (full price {format_money(item_price_each_time(item))})"
    return f"{each} {often}"


def money_section(plan: Plan, include_private: bool) -> Section:
    finance = plan.finance
    position = budget_position(plan)
    period = budget_words(finance)
    one_off_budget = is_one_off_budget(finance)
    show_route = any(item.route for item in finance.line_items)
    shared = any(item.contribution for item in finance.line_items)
    headers = [
        "Item",
        "Provider",
        "Budget pays" if shared else "Cost",
        "How often",
        "In all" if one_off_budget else "A year",
        "Outcome",
    ]
    headers += ["Paid by"] if show_route else []
    rows = []
    numbers = _outcome_numbers(plan)
    for item in finance.line_items:
        cost = format_money(item_cost_each_time(item))
        if item.quantity != 1:
            cost += f" ({item.quantity:f} x {format_money(item.unit_cost)})"
        linked = ", ".join(numbers.get(oid, oid) for oid in item.outcome_ids) or "none"
        row = [item.description, item.provider, cost, item.period.label, _basis_cell(plan, item), linked]
        rows.append(row + ([item.route.label if item.route else ""] if show_route else []))

    def total(label: str, amount: str, when: str = period) -> list[str]:
        return [label, "", amount, when, "", ""] + ([""] if show_route else [])

    totals = [total("Planned spending", format_money(position.planned))]
    if position.one_offs_on_top:
        totals.append(total("One-off purchases, on top", format_money(position.one_off), "one-off"))
    totals.append(total("Contingency fund", format_money(position.contingency)))
    remaining = position.remaining
    if position.budget is not None and remaining is not None:
        totals.append(total("Budget", format_money(position.budget)))
        totals.append(total("Left over" if remaining >= 0 else "Over budget by", format_money(abs(remaining))))
    else:
        totals.append(total("Budget", NOT_GIVEN, ""))

    blocks: list[Block] = []
    if rows:
        blocks.append(Table(headers, rows, numeric=frozenset({2, 4}), totals=totals, numbered=True))
    else:
        blocks.append(Paragraph("Nothing is planned yet."))
    if remaining is not None and remaining < 0:
        blocks.append(Alert(f"Planned spending is over the budget by {format_money(-remaining)} {period}."))
    blocks += _how_counted(plan, position)
    if finance.kept_back_reason.strip():
        left = f"{format_money(remaining)} {period} is" if remaining and remaining > 0 else "Part of the budget is"
        blocks.append(
            Paragraph(f"Kept back on purpose: {left} left unplanned. The reason: {finance.kept_back_reason.strip()}")
        )
    if finance.contingency_notes:
        blocks.append(Paragraph(f"Contingency fund (money set aside for the unexpected): {finance.contingency_notes}"))
    blocks += _from_elsewhere(plan)
    blocks += _item_notes(plan, include_private)
    blocks += spending_charts(plan)
    blocks += _breakdowns(plan)
    blocks.append(Paragraph(convention_text(finance.year)))
    return Section("Financial plan", blocks)


def _basis_cell(plan: Plan, item: LineItem) -> str:
    if not is_one_off_budget(plan.finance):
        return format_money(item_cost_per_year(item, plan.finance.year))
    over_span = item_cost_over_span(item, plan.finance)
    return format_money(over_span) if over_span is not None else "not counted"


def _how_counted(plan: Plan, position: BudgetPosition) -> list[Block]:
    finance = plan.finance
    if position.span_months is not None and finance.budget_start and finance.budget_end:
        months = _months(position.span_months)
        return [
            Paragraph(
                f"Recurring costs are counted over the {months} the budget covers "
                f"({long_date(finance.budget_start)} to {long_date(finance.budget_end)}); one-off purchases once."
            )
        ]
    if position.uncounted:
        return [Alert("Recurring costs are not counted: the budget is one amount with no start and end dates.")]
    if position.one_off and finance.budget_period == Period.YEAR:
        return [Paragraph("One-off purchases are counted once, in the first year.")]
    return []


def _from_elsewhere(plan: Plan) -> list[Block]:
    lines = []
    for item in plan.finance.line_items:
        if not item.contribution:
            continue
        who = item.contribution_from.label.lower() if item.contribution_from else "someone not yet named"
        if item.contributor:
            who += f" ({item.contributor})"
        often = "" if item.period == Period.ONE_OFF else f" {item.period.label}"
        lines.append(
            f"{item_name(plan, item, start=True)}: full price {format_money(item_price_each_time(item))}{often}; "
            f"the budget pays {format_money(item_cost_each_time(item))} and {format_money(item.contribution)} "
            f"comes from {who}."
        )
    return (
        [Paragraph("Money from elsewhere (only the budget's share counts against the budget):"), BulletList(lines)]
        if lines
        else []
    )


def _item_notes(plan: Plan, include_private: bool) -> list[Block]:
    lines = [
        f"{item_name(plan, item, start=True)}: {text}"
        for item in plan.finance.line_items
        for text in visible([item.notes], include_private)
    ]
    return [Paragraph("Notes on the items:"), BulletList(lines)] if lines else []


def spending_charts(plan: Plan) -> list[Block]:
    """Spending for each outcome, and how much of the budget is used: as bars and figures."""
    blocks: list[Block] = []
    total = basis_total(plan)
    basis = basis_words(plan.finance)
    if total:
        names = {o.id: f"Outcome {n}" for n, o in enumerate(plan.outcomes, 1)}
        names[NO_OUTCOME] = "Not linked to an outcome"
        bars = [
            Bar(names[key], f"{format_money(amount)} {basis}", amount / total)
            for key, amount in by_outcome(plan).items()
        ]
        shared = any(len(item.outcome_ids) > 1 for item in plan.finance.line_items)
        note = " (an item serving several outcomes is shared equally between them)" if shared else ""
        blocks += [Paragraph(f"Spending for each outcome{note}:"), BarChart(bars)]
    position = budget_position(plan)
    if position.budget and position.share_used is not None:
        used = position.planned + position.contingency
        label = f"Budget used, with the contingency fund ({budget_words(plan.finance)})"
        blocks.append(
            BarChart([Bar(label, f"{format_money(used)} of {format_money(position.budget)}", position.share_used)])
        )
    return blocks


def _breakdowns(plan: Plan) -> list[Block]:
    basis = basis_words(plan.finance)
    routes = by_route(plan)
    blocks: list[Block] = []
    if len(routes) > 1:
        rows = [(_route_label(key), f"{format_money(amount)} {basis}") for key, amount in routes.items()]
        blocks += [Paragraph("By how it is paid for:"), Facts(rows)]
    categories = by_category(plan)
    if len(categories) > 1:
        rows = [(SpendCategory(key).label, f"{format_money(amount)} {basis}") for key, amount in categories.items()]
        blocks += [Paragraph("By kind of spending:"), Facts(rows)]
    return blocks


def _route_label(key: str) -> str:
    """Items carry a route; items without one follow the plan's option, which may be unset."""
    for choices in (ManagementRoute, ManagementOption):
        if key in {member.value for member in choices}:
            return choices(key).label
    return "Not chosen yet"


def _outcome_numbers(plan: Plan) -> dict[str, str]:
    """Each outcome's number by its id, looked up once for all the costs."""
    return {outcome.id: str(n) for n, outcome in enumerate(plan.outcomes, 1)}
