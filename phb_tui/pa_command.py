"""`phb pa-costs`: the whole yearly cost of employing personal assistants, in plain text or JSON.

With a PLAN it reads the answers the app's calculator keeps in the plan, so it gives the same
figures as the app and the summary; a flag changes one answer for this printout only. Without a
PLAN it costs one PA described by flags. The heavy modules load only when the command runs, so
`phb --help` stays quick.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from plan_store.errors import PlanError

from .completion import plan_names

if TYPE_CHECKING:
    from plan_store import PlanStore


def pa_costs_arguments(pa: argparse.ArgumentParser) -> None:
    pa.add_argument(
        "plan",
        metavar="PLAN",
        nargs="?",
        help="work out the costs for every PA a plan pays by the hour, with the answers kept in the plan (optional)",
    ).completer = plan_names  # type: ignore[attr-defined]  # Read by argcomplete.
    pa.add_argument("--who", default="Personal assistant", help="who the PA is, for the printout")
    pa.add_argument("--rate", metavar="POUNDS", help="hourly rate, like 12.71 (needed without a PLAN)")
    pa.add_argument("--hours", metavar="HOURS", help="hours a week, like 20 (needed without a PLAN)")
    pa.add_argument("--days", metavar="DAYS", help="days a week (default 5; holiday is at most 28 days)")
    pa.add_argument("--sleep-ins", metavar="NIGHTS", help="sleep-in nights a week (default 0)")
    pa.add_argument("--sleep-in-rate", metavar="POUNDS", help="paid for each sleep-in night")
    pa.add_argument(
        "--pension",
        choices=["automatic", "opted_in", "not_in"],  # PensionChoice's values, without loading it to start.
        help="automatic (aged 22 to State Pension age; the default), opted_in, or not_in",
    )
    pa.add_argument(
        "--pay-period",
        choices=["month", "week"],  # PayPeriod's values.
        help="how often the PA is paid: month (the default) or week; National Insurance is worked out for each",
    )
    pa.add_argument(
        "--no-holiday-cover", action="store_const", const=False, dest="holiday_cover", help="nobody covers holidays"
    )
    pa.add_argument("--sick-weeks", metavar="WEEKS", help="weeks off sick to budget for (default 1)")
    pa.add_argument(
        "--no-employment-allowance",
        action="store_const",
        const=False,
        dest="claim_employment_allowance",
        help="do not claim the Employment Allowance",
    )
    for name in ("insurance", "payroll", "recruitment", "training", "redundancy"):
        pa.add_argument(f"--{name}", metavar="POUNDS", help=f"{name} a year")
    pa.add_argument("--json", action="store_true", help="for scripts: the figures as JSON (money as text)")


_PA_FLAGS = {
    "who": "--who",
    "hourly_rate": "--rate",
    "hours_per_week": "--hours",
    "days_per_week": "--days",
    "sleep_in_nights": "--sleep-ins",
    "sleep_in_rate": "--sleep-in-rate",
    "pension": "--pension",
    "pay_period": "--pay-period",
    "holiday_cover": "--no-holiday-cover",
    "sick_weeks": "--sick-weeks",
    "claim_employment_allowance": "--no-employment-allowance",
    "insurance_per_year": "--insurance",
    "payroll_per_year": "--payroll",
    "recruitment_per_year": "--recruitment",
    "training_per_year": "--training",
    "redundancy_per_year": "--redundancy",
}
_PA_ANSWERS = (
    "days_per_week",
    "sleep_in_nights",
    "sleep_in_rate",
    "pension",
    "pay_period",
    "holiday_cover",
    "sick_weeks",
)


def pa_costs(store: PlanStore, arguments: argparse.Namespace) -> int:
    """The PA costs of a plan, from the answers kept in it (the app's calculator keeps them), or
    of one PA described by flags. A flag given with a PLAN changes that answer for this printout only."""
    from pydantic import BaseModel, ValidationError

    from plan_store import FinancialPlan
    from plan_store.clock import today
    from plan_store.employing import EmployerCosts, PersonalAssistant
    from plan_store.validation import problems_from

    from .pa_report import pa_costs_json, pa_costs_text
    from .planning.employer_rates import load_rates
    from .planning.pa_plan import plan_assistants, plan_costs

    flags = {
        "days_per_week": arguments.days,
        "sleep_in_nights": arguments.sleep_ins,
        "sleep_in_rate": arguments.sleep_in_rate,
        "pension": arguments.pension,
        "pay_period": arguments.pay_period,
        "holiday_cover": arguments.holiday_cover,
        "sick_weeks": arguments.sick_weeks,
        "claim_employment_allowance": arguments.claim_employment_allowance,
        **{
            f"{name}_per_year": getattr(arguments, name)
            for name in ("insurance", "payroll", "recruitment", "training", "redundancy")
        },
    }
    given = {name: value for name, value in flags.items() if value is not None}
    answers = {name: value for name, value in given.items() if name in _PA_ANSWERS}
    employer_answers = {name: value for name, value in given.items() if name not in _PA_ANSWERS}

    def checked(model: type[BaseModel], values: dict[str, object]) -> Any:
        try:
            return model.model_validate(values)
        except ValidationError as error:
            problems = [
                f"{_PA_FLAGS.get(problem.path, problem.path)} {problem.message}"
                for problem in problems_from(error, model)
            ]
            raise PlanError("The figures were not worked out: " + "; ".join(problems) + ".") from None

    if arguments.plan:
        plan = store.open(store.resolve(arguments.plan)).plan
        finance = plan.finance
        found = plan_assistants(finance)
        if not found:
            raise PlanError(
                f'"{plan.title}" pays no personal assistant by the hour yet: give --rate and --hours instead.'
            )
        stored_employer = EmployerCosts.model_validate(
            {name: getattr(finance.employing, name) for name in EmployerCosts.model_fields}
        )
    else:
        if arguments.rate is None or arguments.hours is None:
            raise PlanError("Give the hourly rate and hours a week, like: phb pa-costs --rate 12.71 --hours 20")
        finance = FinancialPlan()
        found = [
            checked(
                PersonalAssistant,
                {"who": arguments.who, "hourly_rate": arguments.rate, "hours_per_week": arguments.hours},
            )
        ]
        stored_employer = EmployerCosts()
    pas = [checked(PersonalAssistant, {**pa.model_dump(), **answers}) for pa in found]
    employer = checked(EmployerCosts, {**stored_employer.model_dump(), **employer_answers})
    rates = load_rates()
    costs = plan_costs(finance, rates.rates, today(), pas, employer)
    print(pa_costs_json(costs, rates) if arguments.json else pa_costs_text(costs, rates), end="")
    return 0  # EXIT_OK: the figures are printed.
