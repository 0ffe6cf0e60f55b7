"""What employing a personal assistant really costs the budget, beyond the hourly wage.

From an hourly rate and hours a week: wages, paid holiday, cover while the PA is on holiday,
employer's National Insurance (less the Employment Allowance where it is claimed), the employer's
workplace pension when the PA qualifies, employer's liability insurance, payroll, and cover for
sickness. Every figure is a year, exact until each part is rounded once.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from plan_store import LineItem, ManagementRoute, Period, SpendCategory, format_money, round_pennies
from plan_store.fields import Identifier, Line, PlanModel, Quantity
from plan_store.models import YearConvention
from plan_store.money import Money

from .employer_rates import EmployerRates


class PAInputs(PlanModel):
    """What the person tells the calculator; edited with the same form as the plan."""

    who: Line = "Personal assistant"
    hourly_rate: Money = Decimal("12.71")
    hours_per_week: Quantity = Decimal(20)
    claim_employment_allowance: bool = True
    pension_eligible: bool = True
    """Aged 22 or over and under State Pension age."""
    holiday_cover: bool = True
    insurance_per_year: Money = Decimal("0.00")
    payroll_per_year: Money = Decimal("0.00")
    sickness_cover_weeks: Quantity = Decimal(1)
    outcome_ids: list[Identifier] = []
    """The outcomes the PA's support serves, given to every line item added."""


@dataclass(frozen=True)
class CostPart:
    description: str
    yearly: Decimal


@dataclass(frozen=True)
class PACosts:
    parts: list[CostPart]
    warnings: list[str]

    @property
    def yearly(self) -> Decimal:
        return sum((part.yearly for part in self.parts), Decimal(0))


def pa_costs(inputs: PAInputs, rates: EmployerRates, year: YearConvention | None = None) -> PACosts:
    weeks = (year or YearConvention()).weeks
    weekly_pay = inputs.hourly_rate * inputs.hours_per_week
    holiday = rates.holiday_weeks
    gross = weekly_pay * weeks  # Wages for the whole year, paid holiday included.
    ni = rates.employer_ni_rate * max(Decimal(0), gross - rates.employer_ni_threshold)
    if inputs.claim_employment_allowance:
        ni = max(Decimal(0), ni - rates.employment_allowance)
    pension = Decimal(0)
    if inputs.pension_eligible and gross > rates.pension_trigger:
        qualifying = min(gross, rates.pension_upper_limit) - rates.pension_lower_limit
        pension = rates.pension_employer_rate * max(Decimal(0), qualifying)

    who = inputs.who or "Personal assistant"
    parts = [
        CostPart(f"{who}: wages for hours worked ({weeks - holiday:f} weeks)", weekly_pay * (weeks - holiday)),
        CostPart(f"{who}: holiday pay ({holiday:f} weeks)", weekly_pay * holiday),
    ]
    if inputs.holiday_cover:
        parts.append(CostPart(f"{who}: cover while on holiday ({holiday:f} weeks)", weekly_pay * holiday))
    parts += [
        CostPart(f"{who}: employer's National Insurance", ni),
        CostPart(f"{who}: workplace pension (employer)", pension),
        CostPart("Employer's liability insurance", inputs.insurance_per_year),
        CostPart("Payroll service", inputs.payroll_per_year),
        CostPart(
            f"{who}: cover for sickness ({_weeks(inputs.sickness_cover_weeks)})",
            weekly_pay * inputs.sickness_cover_weeks,
        ),
    ]
    parts = [CostPart(part.description, round_pennies(part.yearly)) for part in parts]
    return PACosts(parts, _warnings(inputs, rates))


def _weeks(count: Decimal) -> str:
    return f"{count:f} week" if count == 1 else f"{count:f} weeks"


def _warnings(inputs: PAInputs, rates: EmployerRates) -> list[str]:
    warnings = []
    if inputs.hourly_rate < rates.national_living_wage:
        warnings.append(
            f"{format_money(inputs.hourly_rate)} an hour is below the National Living Wage "
            f"({format_money(rates.national_living_wage)} an hour for workers aged 21 and over)."
        )
    if not inputs.insurance_per_year:
        warnings.append(
            "No cost for employer's liability insurance: it is a legal requirement from the first day, "
            "with cover of at least £5 million. Get a quote and add it."
        )
    if inputs.claim_employment_allowance:
        warnings.append("The Employment Allowance is shared by all your employees: claim it only once across them.")
    return warnings


def as_line_items(costs: PACosts, first_id: int, taken: set[str], outcome_ids: list[str]) -> list[LineItem]:
    """Each part of the cost as its own yearly line item, paid by direct payment."""
    items: list[LineItem] = []
    number = first_id
    for part in costs.parts:
        if not part.yearly:
            continue
        while f"pa{number}" in taken:
            number += 1
        taken.add(f"pa{number}")
        items.append(
            LineItem(
                id=f"pa{number}",
                description=part.description[:300],
                category=SpendCategory.PERSONAL_ASSISTANT,
                unit_cost=part.yearly,
                period=Period.YEAR,
                route=ManagementRoute.DIRECT_PAYMENT,
                outcome_ids=outcome_ids,
            )
        )
    return items
