"""What the person told the PA cost calculator, kept in the plan as `[finance.employing]`.

These answers (sick weeks, cover, pension, pay period, the employer's own costs) decide what
employing personal assistants costs. Kept in the plan, they survive closing and reopening it, and
the app, `phb pa-costs` and the summary all work from the same answers, so they give the same
figures. The lines the calculator last wrote are remembered too, so a line the person has since
edited is never changed or removed without asking first.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from .fields import Identifier, Line, PlanModel, Quantity
from .money import Money
from .vocabulary import PayPeriod, PensionChoice

MOST_HOURS_A_WEEK = Decimal(168)
"""Every hour of a week: more than this cannot be worked, so it is a mistake."""

MOST_SICK_WEEKS = Decimal(28)
"""Statutory Sick Pay is paid for at most 28 weeks in a spell of sickness."""


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
    sick_weeks: Quantity = Field(default=Decimal(1), le=MOST_SICK_WEEKS)
    """Weeks off sick to budget for in a year: paid in full, with cover while they are off."""
    pay_period: PayPeriod = PayPeriod.MONTH
    """Most payroll services pay monthly, so that is the default."""
    wage_line: Identifier | None = None
    """The plan's line item that pays this PA's wages, if there is one."""
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


class WrittenLine(PlanModel):
    """A line item as the calculator last wrote it: if the plan's line now differs, the person
    edited it, and the calculator asks before changing it again."""

    id: Identifier
    description: Line
    unit_cost: Money


class Employing(EmployerCosts):
    """The calculator's answers for the plan: each PA, the employer's own costs, and what it wrote."""

    assistants: list[PersonalAssistant] = []
    written: list[WrittenLine] = []
