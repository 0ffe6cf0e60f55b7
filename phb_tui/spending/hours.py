"""PA hours: for each PA, the hours worked in each pay period against the hours the plan pays for.

A PA paid weekly has a pay period of seven days from its first day; one paid monthly, a calendar
month from its first day. The plan pays for their weekly hours times the weeks in the period: a
week is one week, and a month is the plan's weeks in a year over its months in a year (52 / 12).
The difference in money is the difference in hours at their hourly rate, before the employer's
National Insurance and pension, which follow the pay.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from plan_store import Plan, round_pennies
from plan_store.employing import PersonalAssistant
from plan_store.spending import Timesheet
from plan_store.vocabulary import PayPeriod

from ..planning.pa_plan import plan_assistants


@dataclass(frozen=True)
class HoursFigures:
    who: str
    start: date
    end: date
    """The last day of the pay period."""
    worked: Decimal
    planned: Decimal
    hourly_rate: Decimal
    evidence: str

    @property
    def difference(self) -> Decimal:
        """Worked less planned: more than nothing is hours beyond what the plan pays for."""
        return self.worked - self.planned

    @property
    def money(self) -> Decimal:
        return round_pennies(self.difference * self.hourly_rate)


def pa_key(pa: PersonalAssistant) -> str:
    """What a timesheet keeps to name the PA: the wage line's id, or their name if they have none."""
    return pa.wage_line or pa.who


def pa_names(plan: Plan) -> dict[str, str]:
    """Each name a PA may be called by on the command line or in a timesheet, and their key."""
    names: dict[str, str] = {}
    for pa in plan_assistants(plan.finance):
        names.setdefault(pa.who, pa_key(pa))
        if pa.wage_line:
            names[pa.wage_line] = pa.wage_line
    return names


def period_end(start: date, period: PayPeriod) -> date:
    if period == PayPeriod.WEEK:
        return start + timedelta(days=6)
    month, year = (start.month % 12) + 1, start.year + (start.month == 12)
    try:
        return start.replace(year=year, month=month) - timedelta(days=1)
    except ValueError:  # 31 January: the month runs to the end of February.
        return date(year, month + 1, 1) - timedelta(days=1) if month < 12 else date(year, 12, 31)


def hours_figures(plan: Plan, sheets: list[Timesheet], first: date, last: date) -> list[HoursFigures]:
    """Each timesheet whose pay period starts from `first` to `last`, PA by PA as the plan lists them."""
    assistants = {pa_key(pa): pa for pa in plan_assistants(plan.finance)}
    place = {key: number for number, key in enumerate(assistants)}
    year = plan.finance.year
    figures = []
    for sheet in sorted(sheets, key=lambda s: (place.get(s.pa, len(place)), s.period_start)):
        pa = assistants.get(sheet.pa)
        if pa is None or not first <= sheet.period_start <= last:
            continue
        weeks = Decimal(1) if pa.pay_period == PayPeriod.WEEK else year.weeks / year.months
        planned = (pa.hours_per_week * weeks).quantize(Decimal("0.01"))
        end = period_end(sheet.period_start, pa.pay_period)
        figures.append(
            HoursFigures(pa.who, sheet.period_start, end, sheet.hours, planned, pa.hourly_rate, sheet.evidence)
        )
    return figures
