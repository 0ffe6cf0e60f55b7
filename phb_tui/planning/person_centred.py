"""Rules for the person-centred planning tools: the usual tasks before a plan starts, the week
set against the money, and the tasks that are late or have nobody to do them.

Everything here is a gentle note, never a block: a week is a picture of a life, not a timesheet.
No other tool we know of checks a plan's week against what its money pays for.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from plan_store import Plan
from plan_store.person_centred import Action, WeekEntry
from plan_store.vocabulary import Day, ManagementOption, ManagementRoute, Period, SpendCategory, TimeOfDay

from .pa_plan import pa_wage_lines

USUAL_TASKS: dict[ManagementOption, list[str]] = {
    ManagementOption.DIRECT_PAYMENT: [
        "Open a separate bank account or prepaid card for the direct payment",
        "Sign the direct payment agreement",
        "Get employer's liability insurance, which covers you if a PA is hurt at work (not needed for a close relative)",
        "Register as an employer with HMRC (the tax office) and set up payroll",
        "Recruit personal assistants",
        "Check each PA's right to work in the UK before their first day",
        "Get criminal record (DBS) checks for new PAs",
        "Give each PA a written statement of their terms from their first day",
        "Set up the workplace pension for PAs who qualify",
        "Send the pension declaration of compliance to The Pensions Regulator within five months",
        "Give each PA a payslip every payday",
        "Arrange training for PAs",
    ],
    ManagementOption.THIRD_PARTY: [
        "Choose the organisation that will hold the money",
        "Agree a contract with the organisation",
    ],
    ManagementOption.NOTIONAL: [
        "Agree with the NHS team which providers will give the support",
    ],
}


FOR_PA_EMPLOYERS = frozenset(USUAL_TASKS[ManagementOption.DIRECT_PAYMENT][2:])
"""The direct payment's tasks that only an employer of personal assistants has."""


def usual_tasks(plan: Plan) -> list[str]:
    """The tasks that usually come before a plan like this one can start, and are not in it yet.

    Only those the plan calls for: a mixed plan's for the ways its costs are paid (every way, while
    no cost says), and an employer's only when the plan pays a personal assistant by direct payment.
    """
    option = plan.management.option
    if option is None:
        return []
    options = [option]
    if option == ManagementOption.MIXED:
        routes = {item.route.value for item in plan.finance.line_items if item.route}
        options = [kind for kind in USUAL_TASKS if not routes or kind.value in routes]
    employs = _employs_pas(plan)
    there = {action.task.strip().casefold() for action in plan.actions}
    return [
        task
        for kind in options
        for task in USUAL_TASKS.get(kind, [])
        if task.casefold() not in there and (employs or task not in FOR_PA_EMPLOYERS)
    ]


def _employs_pas(plan: Plan) -> bool:
    """A PA is paid by direct payment: a PA's wage line (paid that way, in a mixed plan), or a PA
    described in the cost calculator who has no wage line yet."""
    mixed = plan.management.option == ManagementOption.MIXED
    wages = {pa.wage_line for pa in pa_wage_lines(plan.finance.line_items)}
    paid = [
        item
        for item in plan.finance.line_items
        if item.id in wages and (not mixed or item.route in (None, ManagementRoute.DIRECT_PAYMENT))
    ]
    return bool(paid) or any(not pa.wage_line for pa in plan.finance.employing.assistants)


def late_tasks(plan: Plan, today: date) -> list[Action]:
    """Tasks not done whose day has passed."""
    return [a for a in plan.actions if not a.done and a.by is not None and a.by < today]


def unassigned_tasks(plan: Plan) -> list[Action]:
    """Tasks not done that nobody has been given."""
    return [a for a in plan.actions if not a.done and not a.who.strip()]


def task_notes(plan: Plan, today: date) -> list[str]:
    """Tasks that are late, or that nobody has been given, in the plan's order."""
    late = {id(a) for a in late_tasks(plan, today)}
    nobody = {id(a) for a in unassigned_tasks(plan)}
    notes = []
    for action in plan.actions:
        if id(action) in late:
            days = (today - action.by).days if action.by else 0
            ago = "1 day" if days == 1 else f"{days} days"
            notes.append(f'"{action.task}" was due on {action.by:%-d %B %Y} ({ago} ago) and is not done.')
        if id(action) in nobody:
            notes.append(f'Nobody has been given "{action.task}" yet.')
    return notes


def tasks_to_settle(plan: Plan, today: date) -> str | None:
    """One line for the top of the summary, so "ready" never hides a late task or one nobody has."""
    count = len({id(a) for a in [*late_tasks(plan, today), *unassigned_tasks(plan)]})
    if not count:
        return None
    tasks = "1 task" if count == 1 else f"{count} tasks"
    verb = "is" if count == 1 else "are"
    return f"In the action plan, {tasks} {verb} late or {'has' if count == 1 else 'have'} nobody to do {'it' if count == 1 else 'them'} yet: see the action plan below."


def task_flag(plan: Plan, today: date) -> str:
    """A few words for the journey bar, which every step shows: "Tasks: 1 late, 2 with nobody".
    Empty when every task is on time and has someone."""
    parts = []
    if late := len(late_tasks(plan, today)):
        parts.append(f"{late} late")
    if nobody := len(unassigned_tasks(plan)):
        parts.append(f"{nobody} with nobody")
    return f"Tasks: {', '.join(parts)}" if parts else ""


_PER_WEEK = {Period.WEEK: Decimal(1), Period.FOUR_WEEKS: Decimal(4)}
"""How many weeks one period is, for costs that recur within a month; others cannot be placed."""

_PAID_SUPPORT = {SpendCategory.PERSONAL_ASSISTANT, SpendCategory.AGENCY_CARE, SpendCategory.RESPITE}


def week_notes(plan: Plan) -> list[str]:
    """What the week shows set against what the money pays for, and gaps when support is needed
    around the clock. Empty when the week has nothing in it: then there is nothing to compare."""
    if not plan.week.entries:
        return []
    notes = hours_not_in_the_week(plan)
    if plan.week.support_around_the_clock:
        notes += _gaps_around_the_clock(plan)
    return notes


def hours_not_in_the_week(plan: Plan) -> list[str]:
    """Costs paid by the week whose hours (or visits, nights) the week does not show as paid for.
    Empty when the week has nothing in it: the week is optional, so there is nothing to compare."""
    if not plan.week.entries:
        return []
    notes = []
    placed: dict[str, Decimal] = defaultdict(Decimal)
    for entry in plan.week.entries:
        if entry.line_item:
            placed[entry.line_item] += entry.units
    for item in plan.finance.line_items:
        weeks = _PER_WEEK.get(item.period)
        if weeks is None:
            continue
        paid = item.quantity / weeks
        shown = placed.get(item.id, Decimal(0))
        # A cost says how many (hours, visits, nights) but not of what: the heading over the notes
        # says so once (WEEK_NOTES_HEADING).
        if item.id in placed and shown != paid:
            notes.append(f'"{item.description}" is paid for {_amount(paid)} a week; the week shows {_amount(shown)}.')
        elif item.id not in placed and item.category in _PAID_SUPPORT:
            notes.append(f'"{item.description}" is paid for {_amount(paid)} a week, and is not in the week.')
    return notes


WEEK_NOTES_HEADING = (
    "Your week set against what the money pays for, counted in hours, visits or nights as each cost "
    "counts them (notes to talk about, not mistakes):"
)

_DAYTIME = (TimeOfDay.MORNING, TimeOfDay.AFTERNOON, TimeOfDay.EVENING)


def _gaps_around_the_clock(plan: Plan) -> list[str]:
    taken = {(entry.day, entry.time) for entry in plan.week.entries}
    notes = []
    for day in Day:
        night = (day, TimeOfDay.NIGHT) in taken
        daytime = any((day, time) in taken for time in _DAYTIME)
        if not night and not daytime:
            notes.append(f"Nothing is placed on {day.label}, though support is needed all day and night.")
        elif not daytime:
            notes.append(f"Nothing is placed on {day.label} in the day, though support is needed all day.")
        elif not night:
            notes.append(f"Nothing is placed on {day.label} night, though support is needed all night.")
    return notes


def in_week_order(entry: WeekEntry) -> tuple[int, int]:
    """Where an entry falls in a week read Monday to Sunday, morning to night."""
    return list(Day).index(entry.day), list(TimeOfDay).index(entry.time)


def week_by_day(plan: Plan) -> list[tuple[Day, list[WeekEntry]]]:
    """The days that have something in them, each with its entries from morning to night."""
    days: dict[Day, list[WeekEntry]] = {}
    for entry in sorted(plan.week.entries, key=in_week_order):
        days.setdefault(entry.day, []).append(entry)
    return list(days.items())


def weekly_costs(plan: Plan) -> list[tuple[str, str]]:
    """The costs a week's entry can be paid by, as (description, id), described briefly enough to
    fit a list at 80 columns: those that come every week or every four weeks, and any the week
    already links to."""
    linked = {entry.line_item for entry in plan.week.entries}
    return [
        (brief(item.description), item.id)
        for item in plan.finance.line_items
        if item.period in _PER_WEEK or item.id in linked
    ]


def brief(text: str, most: int = 40) -> str:
    """Short enough for a drop-down list at 80 columns."""
    return text if len(text) <= most else text[: most - 3].rstrip() + "..."


def _amount(units: Decimal) -> str:
    return f"{units.normalize():f}"
