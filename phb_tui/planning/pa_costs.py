"""What employing personal assistants really costs the budget, beyond the hourly wage.

One employer (the person, or whoever employs for them) with one or more PAs. For each PA: wages,
paid holiday, sick weeks, sleep-in nights, cover while they are on holiday or off sick (the cover
worker has employer costs too), employer's National Insurance and the employer's workplace
pension. For the employer: one Employment Allowance shared by every PA's National Insurance, and
the costs that belong to the employer rather than to any one PA (insurance, payroll, recruitment
and checks, training, a provision for redundancy). Every figure is a year, exact until each part
is rounded once. Every rate comes from the dated rates file (`employer_rates`), never from this code.

A PA's wage line pays every week of the year at full pay, so sick weeks are budgeted at full pay
too (at least Statutory Sick Pay is due, and many employers pay more). Wages, holiday pay and sick
pay therefore add up exactly to the wage line's yearly cost, and National Insurance and pension
are worked out on that same figure, so the plan and the calculator never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from plan_store import clock, format_money, round_pennies
from plan_store.employing import EmployerCosts, PersonalAssistant
from plan_store.models import YearConvention
from plan_store.vocabulary import PayPeriod, PensionChoice

from .employer_rates import EmployerRates


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
    ni_before_allowance: Decimal = Decimal(0)
    """This PA's employer's National Insurance (with their cover worker's) before the allowance."""

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
    own_lines: dict[str, str] = field(default_factory=dict)
    """Employer costs the plan already pays in a line of its own, by key ("insurance"): the line's id."""

    @property
    def yearly(self) -> Decimal:
        return sum((pa.yearly for pa in self.per_pa), Decimal(0)) + sum(
            (part.yearly for part in self.employer), Decimal(0)
        )


WAGE_KEYS = frozenset({"wages", "holiday_pay", "sick_pay"})
"""Parts a wage line item already pays: the wage is paid every week of the year."""


@dataclass(frozen=True)
class OwnLine:
    """An employer cost the plan already pays in a line the person wrote, such as their insurance."""

    line_id: str
    description: str
    yearly: Decimal


@dataclass(frozen=True)
class _Worked:
    """One PA's pay for the year, before the Employment Allowance is shared out."""

    pa: PersonalAssistant
    hours_pay: Decimal
    """A week's pay for the hours worked: what the wage line pays each week."""
    weekly_pay: Decimal
    """With sleep-in nights: what a week off costs in cover."""
    holiday_weeks: Decimal
    ssp_weekly: Decimal
    paid: Decimal
    """The wage line's yearly cost, rounded once: wages, holiday and sick pay add up to it."""
    sleep_ins: Decimal
    cover_weekly: Decimal
    cover_weeks: Decimal
    working_weeks: Decimal
    ni: Decimal

    @property
    def earnings(self) -> Decimal:
        return self.paid + self.sleep_ins


def employment_costs(
    pas: list[PersonalAssistant],
    employer: EmployerCosts,
    rates: EmployerRates,
    today: date | None = None,
    year: YearConvention | None = None,
    own_lines: dict[str, OwnLine] | None = None,
) -> Costs:
    """The whole cost of these PAs for a year. `own_lines` are employer costs the plan already
    pays in lines the person wrote: counted at their cost, and never asked for or added again."""
    convention = year or YearConvention()
    own = own_lines or {}
    worked = [_work_out(pa, rates, convention) for pa in pas]
    total_ni = sum((w.ni for w in worked), Decimal(0))
    allowance = min(total_ni, rates.employment_allowance) if employer.claim_employment_allowance else Decimal(0)
    shares = _shared_out(allowance, [w.ni for w in worked])
    per_pa = [_parts(w, share, rates) for w, share in zip(worked, shares, strict=True)]
    employer_parts = []
    for key, description, amount in (
        ("insurance", "Employer's liability insurance", employer.insurance_per_year),
        ("payroll", "Payroll service", employer.payroll_per_year),
        ("recruitment", "Recruiting PAs: adverts and DBS checks", employer.recruitment_per_year),
        ("training", "Training for PAs", employer.training_per_year),
        ("redundancy", "Set aside for redundancy pay", employer.redundancy_per_year),
    ):
        if amount is None and key in own:
            description, amount = f"{description} (already in the plan)", own[key].yearly
        employer_parts.append(CostPart(key, description, round_pennies(amount or Decimal(0))))
    warnings = _warnings(pas, employer, rates, today, set(own))
    used = {key: line.line_id for key, line in own.items() if _amount(employer, key) is None}
    return Costs(per_pa, employer_parts, round_pennies(allowance), warnings, used)


def _amount(employer: EmployerCosts, key: str) -> Decimal | None:
    value: Decimal | None = getattr(employer, f"{key}_per_year")
    return value


def _work_out(pa: PersonalAssistant, rates: EmployerRates, year: YearConvention) -> _Worked:
    weeks = year.weeks
    hours_pay = pa.hourly_rate * pa.hours_per_week
    weekly_pay = hours_pay + pa.sleep_in_rate * pa.sleep_in_nights
    # 5.6 weeks, but never more than 28 days: someone working six days a week gets 28 days.
    holiday_weeks = min(rates.holiday_weeks, rates.holiday_days_at_most / pa.days_per_week)
    ssp_weekly = min(rates.ssp_weekly_rate, rates.ssp_earnings_share * weekly_pay)
    paid = round_pennies(hours_pay * weeks)
    sleep_ins = round_pennies(pa.sleep_in_rate * pa.sleep_in_nights * weeks)
    cover_weeks = (holiday_weeks if pa.holiday_cover else Decimal(0)) + pa.sick_weeks
    # A cover worker on irregular hours builds up paid holiday on the hours they work.
    cover_weekly = weekly_pay * (1 + rates.holiday_accrual_share)
    # The cover worker is paid weekly, for the weeks they cover, so each such week is worked out alone.
    ni = employer_ni(paid + sleep_ins, pa.pay_period, rates, year) + weekly_ni(cover_weekly, rates) * cover_weeks
    return _Worked(
        pa,
        hours_pay,
        weekly_pay,
        holiday_weeks,
        ssp_weekly,
        paid,
        sleep_ins,
        cover_weekly,
        cover_weeks,
        weeks - holiday_weeks - pa.sick_weeks,
        ni,
    )


def employer_ni(yearly_pay: Decimal, pay_period: PayPeriod, rates: EmployerRates, year: YearConvention) -> Decimal:
    """Employer's National Insurance for a year of even pay, worked out per pay period as HMRC does:
    the rate on the pay above that period's threshold, in every period of the year."""
    if pay_period is PayPeriod.WEEK:
        return weekly_ni(yearly_pay / year.weeks, rates) * year.weeks
    above = max(Decimal(0), yearly_pay / year.months - rates.employer_ni_threshold_monthly)
    return rates.employer_ni_rate * above * year.months


def weekly_ni(weekly_pay: Decimal, rates: EmployerRates) -> Decimal:
    """Employer's National Insurance on one week's pay."""
    return rates.employer_ni_rate * max(Decimal(0), weekly_pay - rates.employer_ni_threshold_weekly)


def _shared_out(allowance: Decimal, amounts: list[Decimal]) -> list[Decimal]:
    """The allowance divided between the PAs in proportion to their National Insurance."""
    total = sum(amounts, Decimal(0))
    if not total:
        return [Decimal(0) for _ in amounts]
    return [allowance * amount / total for amount in amounts]


def _parts(w: _Worked, allowance_share: Decimal, rates: EmployerRates) -> PACost:
    pa = w.pa
    who = pa.who or "Personal assistant"
    pension = Decimal(0)
    joins = pa.pension == PensionChoice.OPTED_IN or (
        pa.pension == PensionChoice.AUTOMATIC and w.earnings > rates.pension_trigger
    )
    if joins and w.earnings > rates.pension_lower_limit:
        qualifying = min(w.earnings, rates.pension_upper_limit) - rates.pension_lower_limit
        pension = rates.pension_employer_rate * qualifying
    holiday_pay = round_pennies(w.hours_pay * w.holiday_weeks)
    sick_pay = round_pennies(w.hours_pay * pa.sick_weeks)
    nights = f"{pa.sleep_in_nights:f} a week, every week of the year"
    sick = (
        f"{who}: sick pay, at full pay for {_weeks(pa.sick_weeks)} off sick (Statutory Sick Pay of "
        f"{format_money(round_pennies(w.ssp_weekly))} a week is the least due)"
    )
    holiday_cover = w.cover_weekly * w.holiday_weeks if pa.holiday_cover else Decimal(0)
    period = "monthly" if pa.pay_period is PayPeriod.MONTH else "weekly"
    parts = [
        CostPart("wages", f"{who}: wages ({_weeks(w.working_weeks)} of work)", w.paid - holiday_pay - sick_pay),
        CostPart("holiday_pay", f"{who}: paid holiday ({_weeks(w.holiday_weeks)})", holiday_pay),
        CostPart("sick_pay", sick, sick_pay),
        CostPart("sleep_ins", f"{who}: sleep-in nights ({nights})", w.sleep_ins),
        CostPart("holiday_cover", f"{who}: cover while on holiday ({_weeks(w.holiday_weeks)})", holiday_cover),
        CostPart(
            "sick_cover", f"{who}: cover while off sick ({_weeks(pa.sick_weeks)})", w.cover_weekly * pa.sick_weeks
        ),
        CostPart(
            "ni",
            f"{who}: employer's National Insurance (worked out {period}; the cover worker's weekly)",
            w.ni - allowance_share,
        ),
        CostPart("pension", f"{who}: workplace pension (employer's share)", pension),
    ]
    rounded = [CostPart(p.key, p.description, round_pennies(p.yearly)) for p in parts]
    return PACost(pa, rounded, round_pennies(w.ni))


def _weeks(count: Decimal) -> str:
    shown = f"{round(count, 2).normalize():f}"
    return f"{shown} week" if count == 1 else f"{shown} weeks"


def _warnings(
    pas: list[PersonalAssistant],
    employer: EmployerCosts,
    rates: EmployerRates,
    today: date | None,
    in_plan: set[str],
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
    if not employer.insurance_per_year and "insurance" not in in_plan:
        warnings.append(
            "No cost yet for employer's liability insurance. It is a legal requirement from a PA's first day, "
            f"with cover of at least {format_money(rates.liability_cover_at_least).removesuffix('.00')}. "
            "Get a quote and add it."
        )
    if employer.payroll_per_year is None and "payroll" not in in_plan:
        warnings.append(
            "No cost yet for payroll. Most PA employers pay a payroll service to work out pay, tax and "
            "National Insurance each month. Ask your support organisation for a quote, or enter 0 if you "
            "will do it yourself."
        )
    return warnings
