"""The summary's part on employing personal assistants: what a reviewer needs to check the costs.

A reviewer cannot see the calculator, so this part shows its workings: per PA the wages, holiday,
sick pay, cover, employer's National Insurance (and how often it is worked out) and pension; the
Employment Allowance, and what happens to the plan if it cannot be claimed; the employer's own
costs; and the sick weeks, cover and rates assumed, with the rates file named and dated. The
figures are the analysis's, which come from `plan_costs`, as in the app and `phb pa-costs PLAN`,
so all three agree.
"""

from __future__ import annotations

from decimal import Decimal

from plan_store import Period, Plan, format_money, round_pennies
from plan_store.vocabulary import PayPeriod, PensionChoice

from ..planning.analysis import PlanAnalysis
from ..planning.employer_rates import LoadedRates
from ..planning.finance import BudgetPosition, budget_words, convert, is_one_off_budget
from ..planning.pa_costs import Costs, PACost
from .document import Alert, Block, BulletList, Facts, Paragraph, Section, Subheading
from .sections import section


def employing_section(plan: Plan, analysis: PlanAnalysis) -> Section:
    """The part, or an empty section (which the summary leaves out) when the plan has no PAs."""
    costs, loaded = analysis.figures.pa_costs, analysis.figures.pa_rates
    if costs is None or loaded is None:
        return section("employing", [])
    count = len(costs.per_pa)
    blocks: list[Block] = [
        Paragraph(
            f"The person employs {count} personal assistant{'s (PAs)' if count != 1 else ' (PA)'}. "
            "Each figure is for a year, worked out from the answers kept in the plan."
        )
    ]
    for cost in costs.per_pa:
        blocks += _one_pa(cost, costs)
    blocks += _employer(plan, costs, analysis.position)
    blocks += [Paragraph("Assumed:"), BulletList(_assumed(costs, loaded))]
    return section("employing", blocks)


def _one_pa(cost: PACost, costs: Costs) -> list[Block]:
    pa = cost.pa
    period = "monthly" if pa.pay_period is PayPeriod.MONTH else "weekly"
    heading = f"{pa.who}: {format_money(pa.hourly_rate)} an hour, {pa.hours_per_week:f} hours a week, paid {period}"
    if not pa.wage_line:
        heading += " (described, but not yet in the plan's costs)"
    ni = format_money(cost.ni_before_allowance)
    if costs.allowance_used:
        ni += f" due; {format_money(cost.part('ni'))} after the Employment Allowance"
    rows = [
        ("Wages", format_money(cost.part("wages"))),
        ("Holiday pay", format_money(cost.part("holiday_pay"))),
        ("Sick pay, at full pay", format_money(cost.part("sick_pay"))),
    ]
    if cost.part("sleep_ins"):
        rows.append(("Sleep-in nights", format_money(cost.part("sleep_ins"))))
    rows += [
        ("Cover while on holiday or off sick", format_money(cost.part("holiday_cover") + cost.part("sick_cover"))),
        (f"Employer's National Insurance, worked out {period}", ni),
        ("Workplace pension (employer's share)", format_money(cost.part("pension"))),
        ("In all", format_money(cost.yearly)),
    ]
    return [Subheading(heading), Facts(rows)]


def _employer(plan: Plan, costs: Costs, position: BudgetPosition) -> list[Block]:
    rows: list[tuple[str, str]] = []
    if costs.allowance_used:
        rows.append(
            ("Employment Allowance", f"claimed, taking {format_money(costs.allowance_used)} off National Insurance")
        )
    else:
        rows.append(("Employment Allowance", "not claimed"))
    for part in costs.employer:
        if part.key in ("insurance", "payroll") or part.yearly:
            rows.append((_EMPLOYER_LABELS[part.key], _employer_cost(part.key, part.yearly, costs)))
    rows.append(("Total cost of employing, a year", format_money(costs.yearly)))
    blocks: list[Block] = [Subheading("The person as the employer"), Facts(rows)]
    if costs.allowance_used:
        blocks.append(Paragraph(_without_allowance(plan, costs.allowance_used, position)))
    if not any(part.key == "insurance" and part.yearly for part in costs.employer):
        blocks.append(Alert("No cost is planned for employer's liability insurance, a legal requirement."))
    return blocks


_EMPLOYER_LABELS = {
    "insurance": "Employer's liability insurance",
    "payroll": "Payroll service",
    "recruitment": "Recruiting PAs, with DBS checks",
    "training": "Training for PAs",
    "redundancy": "Set aside for redundancy pay",
}


def _employer_cost(key: str, yearly: Decimal, costs: Costs) -> str:
    if key in costs.own_lines:
        return f"{format_money(yearly)} (a line of the plan's own)"
    return format_money(yearly) if yearly else "none planned"


def _without_allowance(plan: Plan, extra: Decimal, position: BudgetPosition) -> str:
    """What it costs if the allowance cannot be claimed, and where the plan would then stand."""
    said = f"If the Employment Allowance cannot be claimed, employing costs {format_money(extra)} a year more."
    finance = plan.finance
    if position.remaining is None:
        return said
    if is_one_off_budget(finance):
        if position.span_months is None:
            return said
        in_period = extra * position.span_months / 12
    else:
        in_period = convert(extra, Period.YEAR, finance.budget_period, finance.year)
    left = round_pennies(position.remaining - in_period)
    words = budget_words(finance)
    if left < 0:
        return f"{said} The plan would then be over budget by {format_money(-left)} {words}."
    return f"{said} The plan would then have {format_money(left)} {words} left over."


def _assumed(costs: Costs, loaded: LoadedRates) -> list[str]:
    rates = loaded.rates
    source = loaded.source.replace("your own file", "the person's own file")  # The reviewer reads this.
    said = []
    for cost in costs.per_pa:
        pa = cost.pa
        weeks = "week" if pa.sick_weeks == 1 else "weeks"
        cover = "covered by a cover worker" if pa.holiday_cover else "cover not counted here"
        pension = {
            PensionChoice.AUTOMATIC: "joins the workplace pension if they earn over the trigger",
            PensionChoice.OPTED_IN: "chose to join the workplace pension",
            PensionChoice.NOT_IN: "is not in the workplace pension",
        }[pa.pension]
        said.append(f"{pa.who}: off sick {pa.sick_weeks:f} {weeks} a year, paid in full; holiday {cover}; {pension}.")
    said += [
        f"Sick pay: at least Statutory Sick Pay is due, {format_money(rates.ssp_weekly_rate)} a week or "
        f"{rates.ssp_earnings_share:.0%} of pay if less.",
        f"National Insurance: {rates.employer_ni_rate:.0%} of each pay above {format_money(rates.employer_ni_threshold_weekly)} "
        f"a week or {format_money(rates.employer_ni_threshold_monthly)} a month. Cover workers are paid weekly.",
        f"Employment Allowance: up to {format_money(rates.employment_allowance)} a year, one claim for the employer.",
        f"Holiday: {rates.holiday_weeks:f} weeks a year. A cover worker builds up {rates.holiday_accrual_share:.2%} "
        "of their hours as holiday.",
        f"Workplace pension: {rates.pension_employer_rate:.0%} of pay between {format_money(rates.pension_lower_limit)} "
        f"and {format_money(rates.pension_upper_limit)} a year.",
        f"Rates file: {source}, for {rates.valid_from:%-d %B %Y} to {rates.valid_to:%-d %B %Y}.",
    ]
    return said
