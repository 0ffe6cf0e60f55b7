"""Step 5, Financial plan: the budget, what it buys, money set aside, what may change, and the
PA cost calculator's questions (a dialog over this step, working on a copy of its answers)."""

from __future__ import annotations

from plan_store import FinancialPlan, Flexibility, LineItem
from plan_store.employing import EmployerCosts, PersonalAssistant

from ..fields import FieldSpec, form, listed
from ..restricted import KINDS
from ..steps import Step
from .entry import StepEntry, StepKey

BUDGET = form(
    FinancialPlan,
    [
        FieldSpec(
            "budget_amount",
            "Indicative budget (£)",
            placeholder="amount in pounds",
            help="The amount your NHS team has told you. Ask for it if you have not been told.",
        ),
        FieldSpec(
            "budget_period",
            "The budget is for",
            help="Choose one-off for one amount, such as a personal wheelchair budget.",
        ),
        FieldSpec("budget_start", "The budget starts on", placeholder="dd/mm/yyyy", reported="Budget starts"),
        FieldSpec(
            "budget_end",
            "The budget runs to",
            placeholder="dd/mm/yyyy",
            help="The last day it covers, if it has one. A wheelchair budget usually covers about 5 years for an adult, 3 for a child.",
            reported="Budget runs to",
        ),
    ],
    at=lambda plan: plan.finance,
)

ITEMS = listed(
    LineItem,
    [
        FieldSpec("description", "What will be bought", placeholder="Personal assistant, mornings"),
        FieldSpec("category", "Kind of spending"),
        FieldSpec("provider", "From whom"),
        FieldSpec(
            "unit_cost",
            "Cost of one unit (£)",
            placeholder="amount in pounds",
            help="For example the hourly rate, or the price of one session.",
        ),
        FieldSpec(
            "quantity",
            "How many units each time",
            placeholder="how many",
            help="For example hours a week. Up to two decimal places.",
        ),
        FieldSpec("period", "How often"),
        FieldSpec(
            "contribution",
            "Money from elsewhere toward the price (£, each time)",
            placeholder="amount in pounds",
            help="For a wheelchair budget top-up, or a charity or agency paying part. Only the rest comes from the budget.",
        ),
        FieldSpec("contribution_from", "Who pays that part"),
        FieldSpec("contributor", "Their name", placeholder="For example the charity's name"),
        FieldSpec(
            "route",
            "How it is paid for",
            help="Only needed when the plan mixes ways of managing the money.",
            reported="Paid by",
        ),
        FieldSpec(
            "outcome_ids",
            "Which outcomes it serves",
            help="Space to tick or untick. Spending must serve at least one outcome.",
        ),
        FieldSpec("notes", "Notes"),
        FieldSpec(
            "checked_reason",
            "If this item is flagged: why it is allowed",
            placeholder="For example: this is non-alcoholic",
            help=(
                f"Needed only for a flag: {', '.join(KINDS)}. Tick it if the flag is "
                "wrong, and say why. The reviewer sees the flag and your reason."
            ),
        ),
        FieldSpec("checked_allowed", "Checked", placeholder="I have checked: a budget can pay for this"),
    ],
    entries=lambda plan: plan.finance.line_items,
)

SET_ASIDE = form(
    FinancialPlan,
    [
        FieldSpec(
            "contingency",
            "Contingency fund (£, for the same period as the budget)",
            placeholder="amount in pounds",
            help="Money set aside for the unexpected, such as cover when a PA is ill. Some ICBs (Integrated Care Boards) suggest a week of costs.",
        ),
        FieldSpec("contingency_notes", "What the contingency fund is for"),
        FieldSpec(
            "kept_back_reason",
            "Why some of the budget is left unplanned (if it is)",
            help="For example, saving for a short break each year, or held back as agreed with the ICB. The reviewer sees this as your reason.",
        ),
    ],
    at=lambda plan: plan.finance,
)

FLEXIBILITY = form(
    Flexibility,
    [
        FieldSpec("free_to_change", "What I may change without asking", reported="Free to change without asking"),
        FieldSpec("must_ask_first", "What I must ask about first", reported="Must ask first"),
        FieldSpec(
            "evidence_of_spending", "When they may ask for receipts or statements", reported="Evidence of spending"
        ),
    ],
    at=lambda plan: plan.flexibility,
)

# The PA calculator works on copies of its answers, kept in the plan when it closes: its forms have
# no place in the plan of their own (`at`).
NEW_PA = form(
    PersonalAssistant,
    [
        FieldSpec("who", "Who", placeholder="Personal assistant, evenings"),
        FieldSpec("hourly_rate", "Hourly rate (£)", placeholder="amount in pounds"),
        FieldSpec("hours_per_week", "Hours a week", placeholder="how many"),
    ],
)
PA = form(
    PersonalAssistant,
    [
        FieldSpec("days_per_week", "Days a week", help="Holiday is 5.6 weeks, but at most 28 days."),
        FieldSpec("sleep_in_nights", "Sleep-in nights a week", help="Nights asleep at your home, on call."),
        FieldSpec("sleep_in_rate", "Paid for a sleep-in night (£)", help="As you agree with the PA."),
        FieldSpec("pension", "Workplace pension"),
        FieldSpec("holiday_cover", "Holiday cover", placeholder="Someone else covers while they are on holiday"),
        FieldSpec(
            "sick_weeks",
            "Weeks off sick to budget for",
            help="Paid in full, as the wage line pays every week; and cover while they are off.",
        ),
        FieldSpec(
            "pay_period", "Paid", help="National Insurance is worked out for each pay day. Most payroll is monthly."
        ),
    ],
)
NEW_PA_LINKS = form(
    PersonalAssistant,
    [FieldSpec("outcome_ids", "Which outcomes their support serves", help="Space to tick or untick.")],
)
EMPLOYER = form(
    EmployerCosts,
    [
        FieldSpec(
            "claim_employment_allowance",
            "Employment Allowance",
            placeholder="I will claim the Employment Allowance",
            help=(
                "National Insurance is a tax an employer pays on wages. One claim for you as the employer "
                "takes the allowance off every PA's National Insurance, up to the yearly limit."
            ),
        ),
        FieldSpec(
            "insurance_per_year",
            "Employer's liability insurance a year (£)",
            help="The law asks for it, unless every PA is a close relative, such as a parent, child or sister.",
        ),
        FieldSpec("payroll_per_year", "Payroll service a year (£)", help="Enter 0 if you will do payroll yourself."),
        FieldSpec("recruitment_per_year", "Recruiting a year (£)", help="Adverts, and DBS checks for new PAs."),
        FieldSpec("training_per_year", "Training a year (£)"),
        FieldSpec(
            "redundancy_per_year", "Set aside for redundancy a year (£)", help="For PAs with you 2 years or more."
        ),
    ],
)

ENTRY = StepEntry(
    Step.FINANCE,
    "Financial plan",
    "Finance",
    (BUDGET, ITEMS, SET_ASIDE, FLEXIBILITY, NEW_PA, PA, NEW_PA_LINKS, EMPLOYER),
    keys=(StepKey("finance.pa_costs", "f6", "PA costs"),),
)
