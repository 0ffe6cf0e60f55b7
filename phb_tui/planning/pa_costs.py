"""What employing personal assistants really costs the budget, beyond the hourly wage.

One employer (the person, or whoever employs for them) with one or more PAs. For each PA: wages,
paid holiday, Statutory Sick Pay, cover while they are on holiday or off sick (the cover worker
has employer costs too), employer's National Insurance and the employer's workplace pension. For
the employer: one Employment Allowance shared by every PA's National Insurance, and the costs
that belong to the employer rather than to any one PA (insurance, payroll, recruitment and checks,
training, a provision for redundancy). Every figure is a year, exact until each part is rounded
once. Every rate comes from the dated rates file (`employer_rates`), never from this code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pydantic import Field

from plan_store import LineItem, ManagementRoute, Period, SpendCategory, clock, format_money, round_pennies
from plan_store.fields import Identifier, Line, PlanModel, Quantity
from plan_store.models import YearConvention
from plan_store.money import Money
from plan_store.vocabulary import Choice

from .employer_rates import EmployerRates

MOST_HOURS_A_WEEK = Decimal(168)
"""Every hour of a week: more than this cannot be worked, so it is a mistake."""


class PensionChoice(Choice):
    AUTOMATIC = "automatic"
    OPTED_IN = "opted_in"
    NOT_IN = "not_in"

    @property
    def label(self) -> str:
        return _PENSION_LABELS[self.value]


_PENSION_LABELS = {
    "automatic": "Aged 22 to State Pension age: joins when earning over the trigger",
    "opted_in": "Chose to join the workplace pension",
    "not_in": "Not in it (opted out, or too young and not joined)",
}


class PersonalAssistant(PlanModel):
    """One PA, as the person describes them to the calculator."""

    who: Line = "Personal assistant"
    hourly_rate: Money = Decimal("12.71")
    hours_per_week: Quantity = Field(default=Decimal(20), le=MOST_HOURS_A_WEEK)
    days_per_week: Quantity = Field(default=Decimal(5), ge=Decimal("0.5"), le=Decimal(7))
    sleep_in_nights: Quantity = Field(default=Decimal(0), le=Decimal(7))
    """Nights a week spent asleep at the person's home, on call; paid as agreed, per night."""
    sleep_in_rate: Money = Decimal("0.00")
    pension: PensionChoice = PensionChoice.AUTOMATIC
    holiday_cover: bool = True
    sick_weeks: Quantity = Field(default=Decimal(1), le=Decimal(28))
    """Weeks off sick to budget for in a year: Statutory Sick Pay, and cover while they are off."""
    wage_line: Identifier | None = None
    """The plan's line item that already pays this PA's wages, if there is one."""
    outcome_ids: list[Identifier] = []
    """For a PA with no wage line yet: the outcomes their support serves."""


class EmployerCosts(PlanModel):
    """What belongs to the employer, whatever the number of PAs."""

    claim_employment_allowance: bool = True
    insurance_per_year: Money | None = None
    """None until the person has a quote: it is a legal requirement, so the calculator asks."""
    payroll_per_year: Money | None = None
    recruitment_per_year: Money = Decimal("0.00")
    training_per_year: Money = Decimal("0.00")
    redundancy_per_year: Money = Decimal("0.00")


@dataclass(frozen=True)
class CostPart:
    key: str
    """Stable name of the part ("ni", "pension"...), so a line item made from it can be updated."""
    description: str
    yearly: Decimal


@dataclass(frozen=True)
class PACost:
    pa: PersonalAssistant
    parts: list[CostPart]

    @property
    def yearly(self) -> Decimal:
        return sum((part.yearly for part in self.parts), Decimal(0))

    def part(self, key: str) -> Decimal:
        return next((part.yearly for part in self.parts if part.key == key), Decimal(0))


@dataclass(frozen=True)
class Costs:
    per_pa: list[PACost]
    employer: list[CostPart]
    allowance_used: Decimal
    warnings: list[str]

    @property
    def yearly(self) -> Decimal:
        return sum((pa.yearly for pa in self.per_pa), Decimal(0)) + sum(
            (part.yearly for part in self.employer), Decimal(0)
        )


WAGE_KEYS = frozenset({"wages", "holiday_pay", "sick_pay"})
"""Parts a wage line item already pays: the wage is paid every week of the year."""


@dataclass(frozen=True)
class _Worked:
    """One PA's pay for the year, before the Employment Allowance is shared out."""

    pa: PersonalAssistant
    weekly_pay: Decimal
    holiday_weeks: Decimal
    ssp_weekly: Decimal
    earnings: Decimal
    cover_pay: Decimal
    ni: Decimal


def employment_costs(
    pas: list[PersonalAssistant],
    employer: EmployerCosts,
    rates: EmployerRates,
    today: date | None = None,
    year: YearConvention | None = None,
) -> Costs:
    weeks = (year or YearConvention()).weeks
    worked = [_work_out(pa, rates, weeks) for pa in pas]
    total_ni = sum((w.ni for w in worked), Decimal(0))
    allowance = min(total_ni, rates.employment_allowance) if employer.claim_employment_allowance else Decimal(0)
    shares = _shared_out(allowance, [w.ni for w in worked])
    per_pa = [_parts(w, share, rates, weeks) for w, share in zip(worked, shares, strict=True)]
    employer_parts = [
        CostPart(key, description, round_pennies(amount or Decimal(0)))
        for key, description, amount in (
            ("insurance", "Employer's liability insurance", employer.insurance_per_year),
            ("payroll", "Payroll service", employer.payroll_per_year),
            ("recruitment", "Recruiting PAs: adverts and DBS checks", employer.recruitment_per_year),
            ("training", "Training for PAs", employer.training_per_year),
            ("redundancy", "Set aside for redundancy pay", employer.redundancy_per_year),
        )
    ]
    return Costs(per_pa, employer_parts, round_pennies(allowance), _warnings(pas, employer, rates, today))


def _work_out(pa: PersonalAssistant, rates: EmployerRates, weeks: Decimal) -> _Worked:
    weekly_pay = pa.hourly_rate * pa.hours_per_week + pa.sleep_in_rate * pa.sleep_in_nights
    # 5.6 weeks, but never more than 28 days: someone working six days a week gets 28 days.
    holiday_weeks = min(rates.holiday_weeks, rates.holiday_days_at_most / pa.days_per_week)
    ssp_weekly = min(rates.ssp_weekly_rate, rates.ssp_earnings_share * weekly_pay)
    sick_weeks = pa.sick_weeks
    earnings = weekly_pay * (weeks - sick_weeks) + ssp_weekly * sick_weeks
    cover_weeks = (holiday_weeks if pa.holiday_cover else Decimal(0)) + sick_weeks
    # A cover worker on irregular hours builds up paid holiday on the hours they work.
    cover_pay = weekly_pay * cover_weeks * (1 + rates.holiday_accrual_share)
    ni = _ni(earnings, rates) + _ni(cover_pay, rates)
    return _Worked(pa, weekly_pay, holiday_weeks, ssp_weekly, earnings, cover_pay, ni)


def _ni(earnings: Decimal, rates: EmployerRates) -> Decimal:
    """Employer's National Insurance on one employee's earnings for the year."""
    return rates.employer_ni_rate * max(Decimal(0), earnings - rates.employer_ni_threshold)


def _shared_out(allowance: Decimal, amounts: list[Decimal]) -> list[Decimal]:
    """The allowance divided between the PAs in proportion to their National Insurance."""
    total = sum(amounts, Decimal(0))
    if not total:
        return [Decimal(0) for _ in amounts]
    return [allowance * amount / total for amount in amounts]


def _parts(w: _Worked, allowance_share: Decimal, rates: EmployerRates, weeks: Decimal) -> PACost:
    pa = w.pa
    who = pa.who or "Personal assistant"
    pension = Decimal(0)
    joins = pa.pension == PensionChoice.OPTED_IN or (
        pa.pension == PensionChoice.AUTOMATIC and w.earnings > rates.pension_trigger
    )
    if joins and w.earnings > rates.pension_lower_limit:
        qualifying = min(w.earnings, rates.pension_upper_limit) - rates.pension_lower_limit
        pension = rates.pension_employer_rate * qualifying
    working_weeks = weeks - w.holiday_weeks - pa.sick_weeks
    sleep_ins = f", with {pa.sleep_in_nights:f} sleep-in nights a week" if pa.sleep_in_nights else ""
    holiday_cover = w.weekly_pay * w.holiday_weeks * (1 + rates.holiday_accrual_share) if pa.holiday_cover else 0
    sick_cover = w.weekly_pay * pa.sick_weeks * (1 + rates.holiday_accrual_share)
    parts = [
        CostPart("wages", f"{who}: wages ({_weeks(working_weeks)} of work{sleep_ins})", w.weekly_pay * working_weeks),
        CostPart("holiday_pay", f"{who}: paid holiday ({_weeks(w.holiday_weeks)})", w.weekly_pay * w.holiday_weeks),
        CostPart(
            "sick_pay", f"{who}: Statutory Sick Pay ({_weeks(pa.sick_weeks)} off sick)", w.ssp_weekly * pa.sick_weeks
        ),
        CostPart("holiday_cover", f"{who}: cover while on holiday ({_weeks(w.holiday_weeks)})", Decimal(holiday_cover)),
        CostPart("sick_cover", f"{who}: cover while off sick ({_weeks(pa.sick_weeks)})", sick_cover),
        CostPart("ni", f"{who}: employer's National Insurance (with the cover worker's)", w.ni - allowance_share),
        CostPart("pension", f"{who}: workplace pension (employer's share)", pension),
    ]
    return PACost(pa, [CostPart(p.key, p.description, round_pennies(p.yearly)) for p in parts])


def _weeks(count: Decimal) -> str:
    shown = f"{round(count, 2).normalize():f}"
    return f"{shown} week" if count == 1 else f"{shown} weeks"


def _warnings(
    pas: list[PersonalAssistant], employer: EmployerCosts, rates: EmployerRates, today: date | None
) -> list[str]:
    warnings = []
    today = today or clock.today()
    if not rates.valid_from <= today <= rates.valid_to:
        warnings.append(
            f"These rates ({rates.name}) are for {rates.valid_from:%-d %B %Y} to {rates.valid_to:%-d %B %Y}, "
            "and today is outside those dates: the figures may have changed. Check them, or use newer rates."
        )
    for pa in pas:
        if pa.hourly_rate < rates.national_living_wage:
            warnings.append(
                f"{pa.who}: {format_money(pa.hourly_rate)} an hour is below the National Living Wage "
                f"({format_money(rates.national_living_wage)} an hour from {rates.national_living_wage_from:%-d %B %Y}, "
                "for workers aged 21 and over)."
            )
        if pa.sleep_in_nights:
            warnings.append(
                f"{pa.who}: a sleep-in night is paid as you agree with the PA. Only time awake and working "
                "counts toward the minimum wage, so wake-up calls in the night are paid as hours worked."
            )
    if not employer.insurance_per_year:
        warnings.append(
            "No cost yet for employer's liability insurance. It is a legal requirement from a PA's first day, "
            f"with cover of at least {format_money(rates.liability_cover_at_least).removesuffix('.00')}. "
            "Get a quote and add it."
        )
    if employer.payroll_per_year is None:
        warnings.append(
            "No cost yet for payroll. Most PA employers pay a payroll service to work out pay, tax and "
            "National Insurance each month. Ask your support organisation for a quote, or enter 0 if you "
            "will do it yourself."
        )
    return warnings


# --- into the plan, never twice -------------------------------------------------------------------

_SUFFIX = {"holiday_cover": "holcover", "sick_cover": "sickcover", "ni": "ni", "pension": "pension"}
"""The line item each employer cost of a PA becomes: `<wage line id>-<suffix>`."""


@dataclass(frozen=True)
class PlanChange:
    line_items: list[LineItem]
    added: int
    updated: int
    removed: int
    new_wage_lines: dict[int, str]
    """For each PA (by position) that had no wage line: the id of the one made for them."""


def pa_wage_lines(items: list[LineItem], year: YearConvention | None = None) -> list[PersonalAssistant]:
    """The PAs a plan already pays wages to, as the calculator's starting point.

    A personal assistant line item paid weekly, as hours times an hourly rate ("20 x £14.50 a
    week"), is a PA's wages. Lines the calculator made itself are not.
    """
    made = {f"-{suffix}" for suffix in _SUFFIX.values()}
    return [
        PersonalAssistant(
            who=_who(item.description),
            hourly_rate=item.unit_cost,
            hours_per_week=min(item.quantity, MOST_HOURS_A_WEEK),
            wage_line=item.id,
        )
        for item in items
        if item.category == SpendCategory.PERSONAL_ASSISTANT
        and item.period == Period.WEEK
        and not any(item.id.endswith(end) for end in made)
    ]


_COST_WORDS = ("cover", "insurance", "payroll", "pension", "sick", "holiday", "recruit", "dbs", "training", "redundan")


def lines_that_may_repeat(items: list[LineItem]) -> list[str]:
    """Lines a person wrote in their own words that may be costs the calculator adds.

    They cannot be matched for certain ("Agency cover while a PA is on holiday" may or may not be
    the cover the calculator costs), so they are named for the person to check, never removed.
    """
    made = {f"-{suffix}" for suffix in _SUFFIX.values()}
    return [
        item.description
        for item in items
        if not item.id.startswith("employer-")
        and not any(item.id.endswith(end) for end in made)
        and any(word in item.description.casefold() for word in _COST_WORDS)
    ]


def _who(description: str) -> str:
    """A short name for the PA, for the lines made beside their wages: "(Sam)" in the wage line's
    description if it names them, else the description itself."""
    named = re.search(r"\(([^()]{1,40})\)\s*$", description)
    return (named.group(1) if named else description.split(":")[0]).strip()[:60] or "Personal assistant"


def apply_to_plan(costs: Costs, items: list[LineItem]) -> PlanChange:
    """The plan's line items with these costs in them: added where missing, updated where there.

    A PA whose wages are already a line item gets only what is missing beside it (cover, National
    Insurance, pension), each linked to the same outcomes as the wages and placed right after
    them, so the summary shows a PA's wage and its employer costs together. A PA with no wage line
    gets one. Running the calculator again updates the same lines, and removes one whose cost has
    become nothing, rather than adding a second set.
    """
    result = [item.model_copy(deep=True) for item in items]
    added = updated = removed = 0
    new_wage_lines: dict[int, str] = {}
    taken = {item.id for item in result}
    all_outcomes: list[str] = []
    for number, cost in enumerate(costs.per_pa):
        pa = cost.pa
        wage = next((item for item in result if item.id == pa.wage_line), None)
        if wage is None:
            wage = LineItem(
                id=_free_id("pa", taken),
                description=f"{pa.who}: wages, every week of the year (holiday and sick pay included)"[:300],
                category=SpendCategory.PERSONAL_ASSISTANT,
                unit_cost=pa.hourly_rate if not pa.sleep_in_nights else _weekly(pa),
                quantity=pa.hours_per_week if not pa.sleep_in_nights else Decimal(1),
                period=Period.WEEK,
                route=ManagementRoute.DIRECT_PAYMENT,
                outcome_ids=list(pa.outcome_ids),
            )
            result.append(wage)
            new_wage_lines[number] = wage.id
            added += 1
        all_outcomes += [o for o in wage.outcome_ids if o not in all_outcomes]
        place = result.index(wage) + 1
        for part in cost.parts:
            if part.key in WAGE_KEYS:
                continue
            line_id = f"{wage.id[:22]}-{_SUFFIX[part.key]}"
            change, place = _put(result, line_id, part, wage.outcome_ids, place)
            added, updated, removed = added + change[0], updated + change[1], removed + change[2]
    for part in costs.employer:
        change, _ = _put(result, f"employer-{part.key}", part, all_outcomes, len(result))
        added, updated, removed = added + change[0], updated + change[1], removed + change[2]
    return PlanChange(result, added, updated, removed, new_wage_lines)


def _weekly(pa: PersonalAssistant) -> Decimal:
    return round_pennies(pa.hourly_rate * pa.hours_per_week + pa.sleep_in_rate * pa.sleep_in_nights)


def _put(
    items: list[LineItem], line_id: str, part: CostPart, outcome_ids: list[str], place: int
) -> tuple[tuple[int, int, int], int]:
    """Add, update or remove one cost's line; (added, updated, removed) and where the next goes."""
    existing = next((item for item in items if item.id == line_id), None)
    if not part.yearly:
        if existing is not None:
            at = items.index(existing)
            items.remove(existing)
            return (0, 0, 1), place - (1 if at < place else 0)
        return (0, 0, 0), place
    if existing is not None:
        existing.description = part.description[:300]
        existing.unit_cost = part.yearly
        existing.quantity = Decimal(1)
        existing.period = Period.YEAR
        existing.outcome_ids = list(outcome_ids)
        return (0, 1, 0), max(place, items.index(existing) + 1)
    items.insert(
        place,
        LineItem(
            id=line_id,
            description=part.description[:300],
            category=SpendCategory.PERSONAL_ASSISTANT,
            unit_cost=part.yearly,
            period=Period.YEAR,
            route=ManagementRoute.DIRECT_PAYMENT,
            outcome_ids=list(outcome_ids),
        ),
    )
    return (1, 0, 0), place + 1


def _free_id(stem: str, taken: set[str]) -> str:
    number = 1
    while f"{stem}{number}" in taken:
        number += 1
    taken.add(f"{stem}{number}")
    return f"{stem}{number}"
