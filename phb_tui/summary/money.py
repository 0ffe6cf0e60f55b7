"""The money in the summary: the budget, the costed table, who pays what, and where it goes.

Only the budget's share of each item counts against the budget. Where money comes from elsewhere
(a top-up, a charity), the reviewer sees the full price, the budget's share and who pays the rest.
Every note on an item that is not private is shown, so a justification the reviewer needs is
never lost between the plan and the summary.
"""

from __future__ import annotations

from plan_store import FinancialPlan, LineItem, Plan, format_money
from plan_store.vocabulary import ManagementOption, ManagementRoute, Period, SpendCategory

from ..planning.analysis import Figures, PlanAnalysis
from ..planning.checks import item_name
from ..planning.finance import (
    NO_OUTCOME,
    BudgetPosition,
    basis_words,
    convention_text,
    in_both_views,
    is_one_off_budget,
    item_cost_each_time,
    item_price_each_time,
    whole_words,
)
from ..planning.wizard import label
from .document import Alert, Bar, BarChart, Block, BulletList, Facts, Paragraph, Section, Table
from .sections import section
from .wording import NOT_GIVEN, long_date, visible


def budget_facts(plan: Plan, position: BudgetPosition) -> list[tuple[str, str]]:
    finance = plan.finance
    if finance.budget_amount is None or position.whole_budget is None:
        amount = NOT_GIVEN
    elif is_one_off_budget(finance):
        amount = f"{format_money(finance.budget_amount)}, one amount"
    elif position.has_period_view:
        amount = (
            f"{format_money(finance.budget_amount)} {finance.budget_period.label} "
            f"({format_money(position.whole_budget)} a year)"
        )
    else:
        amount = f"{format_money(finance.budget_amount)} {finance.budget_period.label}"
    rows = [
        ("Budget", amount),
        (label(FinancialPlan, "budget_start"), long_date(finance.budget_start) if finance.budget_start else NOT_GIVEN),
        (
            label(FinancialPlan, "budget_end"),
            long_date(finance.budget_end) if finance.budget_end else "no end date given",
        ),
    ]
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


def money_section(plan: Plan, analysis: PlanAnalysis, include_private: bool) -> Section:
    finance = plan.finance
    figures = analysis.figures
    position = figures.position
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
    headers += [label(LineItem, "route")] if show_route else []
    rows = []
    numbers = _outcome_numbers(plan)
    uncounted = "not counted" if position.uncounted else None
    for item, basis in zip(finance.line_items, figures.line_costs, strict=True):
        cost = format_money(item_cost_each_time(item))
        if item.quantity != 1:
            cost += f" ({item.quantity:f} x {format_money(item.unit_cost)})"
        linked = ", ".join(numbers.get(oid, oid) for oid in item.outcome_ids) or "none"
        shown = uncounted if uncounted and item.period != Period.ONE_OFF else format_money(basis)
        row = [item.description, item.provider, cost, item.period.label, shown, linked]
        rows.append(row + ([item.route.label if item.route else ""] if show_route else []))

    # One total, at the foot of the column it adds up: the budget, the contingency fund and what is
    # left follow in their own list, in the budget's period and for the whole.
    total_label = "Total, in all" if one_off_budget else "Total, a year"
    totals = [[total_label, "", "", "", format_money(position.whole_planned), ""] + ([""] if show_route else [])]
    remaining = position.whole_remaining
    periodic = position.has_period_view

    blocks: list[Block] = []
    if rows:
        blocks.append(Table(headers, rows, numeric=frozenset({2, 4}), totals=totals, numbered=True))
    else:
        blocks.append(Paragraph("Nothing is planned yet."))
    blocks.append(Facts(budget_against_plan(position)))
    if remaining is not None and remaining < 0:
        with_one_offs = ", with one-off purchases," if position.one_off and periodic else ""
        blocks.append(
            Alert(f"Planned spending{with_one_offs} is over the budget by {in_both_views(position, -remaining)}.")
        )
    blocks += _how_counted(plan, position)
    if finance.kept_back_reason.strip():
        left = f"{in_both_views(position, remaining)} is" if remaining and remaining > 0 else "Part of the budget is"
        blocks.append(
            Paragraph(f"Kept back on purpose: {left} left unplanned. The reason: {finance.kept_back_reason.strip()}")
        )
    if finance.contingency_notes:
        blocks.append(Paragraph(f"Contingency fund (money set aside for the unexpected): {finance.contingency_notes}"))
    blocks += _from_elsewhere(plan)
    blocks += _item_notes(plan, include_private)
    blocks += spending_charts(plan, figures)
    blocks += _breakdowns(plan, figures)
    blocks.append(Paragraph(convention_text(finance)))
    return section("money", blocks)


def budget_against_plan(position: BudgetPosition) -> list[tuple[str, str]]:
    """The budget, what is planned and what is left, in the budget's own period and for the whole:
    every cost counted, one-off purchases included, so the verdict reads the same in every shape."""
    rows = [("Budget", NOT_GIVEN if position.whole_budget is None else in_both_views(position, position.whole_budget))]
    regular = position.whole_planned - position.one_off
    if position.uncounted:
        rows.append(("Regular costs", "not counted until the budget's start and end dates are given"))
    elif position.one_off:
        rows.append(("Regular costs", in_both_views(position, regular)))
        once = "counted once, in the year" if position.period != Period.ONE_OFF else "each counted once"
        rows.append(("One-off purchases", f"{format_money(position.one_off)}, {once}"))
    rows.append(
        (
            "Planned spending, one-offs included"
            if position.one_off and position.has_period_view
            else "Planned spending",
            in_both_views(position, position.whole_planned),
        )
    )
    rows.append(("Contingency fund", in_both_views(position, position.whole_contingency)))
    remaining = position.whole_remaining
    if remaining is not None:
        label = "Left over" if remaining >= 0 else "Over budget by"
        rows.append((label, in_both_views(position, abs(remaining))))
    return rows


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


def spending_charts(plan: Plan, figures: Figures) -> list[Block]:
    """Spending for each outcome, and how much of the budget is used: as bars and figures."""
    blocks: list[Block] = []
    total = figures.basis_total
    basis = basis_words(plan.finance)
    if total:
        names = {o.id: f"Outcome {n}" for n, o in enumerate(plan.outcomes, 1)}
        names[NO_OUTCOME] = "Not linked to an outcome"
        bars = [
            Bar(names[key], f"{format_money(amount)} {basis}", amount / total)
            for key, amount in figures.by_outcome.items()
        ]
        shared = any(len(item.outcome_ids) > 1 for item in plan.finance.line_items)
        note = " (an item serving several outcomes is shared equally between them)" if shared else ""
        blocks += [Paragraph(f"Spending for each outcome{note}:"), BarChart(bars)]
    position = figures.position
    if position.whole_budget and position.share_used is not None:
        used = position.whole_planned + position.whole_contingency
        label = f"Budget used, with the contingency fund ({whole_words(plan.finance)})"
        blocks.append(
            BarChart(
                [Bar(label, f"{format_money(used)} of {format_money(position.whole_budget)}", position.share_used)]
            )
        )
    return blocks


def _breakdowns(plan: Plan, figures: Figures) -> list[Block]:
    basis = basis_words(plan.finance)
    routes = figures.by_route
    blocks: list[Block] = []
    if len(routes) > 1:
        rows = [(route_label(key), f"{format_money(amount)} {basis}") for key, amount in routes.items()]
        blocks += [Paragraph("By how it is paid for:"), Facts(rows)]
    categories = figures.by_category
    if len(categories) > 1:
        rows = [(SpendCategory(key).label, f"{format_money(amount)} {basis}") for key, amount in categories.items()]
        blocks += [Paragraph("By kind of spending:"), Facts(rows)]
    return blocks


def route_label(key: str) -> str:
    """Items carry a route; items without one follow the plan's option, which may be unset."""
    for choices in (ManagementRoute, ManagementOption):
        if key in {member.value for member in choices}:
            return choices(key).label
    return "Not chosen yet"


def _outcome_numbers(plan: Plan) -> dict[str, str]:
    """Each outcome's number by its id, looked up once for all the costs."""
    return {outcome.id: str(n) for n, outcome in enumerate(plan.outcomes, 1)}
