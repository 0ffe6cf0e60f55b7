"""Rules a reviewer would write: a plan can have every field filled in and still be sent back.

Each rule looks past whether a field is filled in: is the pay lawful, is the first review on
time, can the person named receive the money, does the week add up, is a need explained only
where the reviewer cannot see it. Each says in plain words what to do, and which step does it.
The checks cannot judge everything: whether the care is good, whether the costs are fair locally,
or facts the plan does not record, such as a PA's age. The readiness help says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from plan_store import Plan, SpendCategory, format_money, round_pennies
from plan_store.clock import today
from plan_store.vocabulary import ActingRole, DecisionArea, DirectPaymentRecipient, Period

from .checks import CARE, Criterion, Gap, item_name, paid_by_direct_payment, uses_direct_payment
from .employer_rates import EmployerRates, load_rates, own_rates_path
from .finance import item_cost_per_year
from .pa_plan import apply_to_plan, pa_wage_lines, plan_costs
from .person_centred import hours_not_in_the_week
from .reviews import add_months, next_review
from .steps import Step

FIRST_REVIEW_WITHIN_MONTHS = 3
"""A direct payment is first reviewed within three months of the first payment, then at least yearly."""

CHILD_UNDER = 16
"""A child under 16 cannot receive a direct payment: a representative, usually a parent, does."""


# --- Is everything in it allowed? ---------------------------------------------------------------


def rates() -> EmployerRates:
    """The dated rates, read again only when the person's own rates file changes."""
    own = own_rates_path()
    try:
        stamp = own.stat().st_mtime_ns
    except OSError:
        stamp = None
    return _rates(own, stamp)


@lru_cache(maxsize=4)
def _rates(own: Path, stamp: int | None) -> EmployerRates:
    return load_rates(own).rates


def pay_below_minimum(plan: Plan) -> Iterator[Gap]:
    found = rates()
    least = found.national_living_wage
    young = found.minimum_wage
    for pa in pa_wage_lines(plan.finance.line_items):
        if pa.hourly_rate >= least:
            continue
        item = next(i for i in plan.finance.line_items if i.id == pa.wage_line)
        yield Gap(
            "pay-below-minimum",
            Step.FINANCE,
            f"{item_name(plan, item, start=True)} pays {format_money(pa.hourly_rate)} an hour. "
            f"From {_on(found.national_living_wage_from)}, the least for a worker aged 21 or over "
            f"is {format_money(least)}. The plan does not say the PA's age, so this rate is used. "
            f"It is {format_money(young.aged_18_to_20)} at 18 to 20, and {format_money(young.aged_16_to_17)} "
            "at 16 to 17 or for an apprentice.",
            Criterion.LEGAL,
        )


def _on(day: date) -> str:
    return f"{day:%-d %B %Y}"


def age_on(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _child_age(plan: Plan) -> int | None:
    """The person's age when they are a child under 16; None for an adult, or when not known."""
    born = plan.person.date_of_birth
    if born is None:
        return None
    age = age_on(born, today())
    return age if age < CHILD_UNDER else None


def lacks_capacity_for_money(plan: Plan) -> bool:
    """Who decides records that the person cannot make a decision about money."""
    return any(d.area == DecisionArea.MONEY and not d.can_decide for d in plan.who_decides.decisions)


def _called(plan: Plan) -> str:
    return plan.person.preferred_name.strip() or plan.person.name.strip() or "The person"


def recipient_cannot_receive(plan: Plan) -> Iterator[Gap]:
    received_by = plan.management.direct_payment.received_by
    if not uses_direct_payment(plan) or received_by not in (
        DirectPaymentRecipient.PERSON,
        DirectPaymentRecipient.NOMINEE,
    ):
        return
    age = _child_age(plan)
    if age is not None:
        why = f"{_called(plan)} is {age}. A child under 16 cannot receive a direct payment or choose a nominee."
    elif lacks_capacity_for_money(plan):
        why = f"Who decides says {_called(plan)} cannot make decisions about money."
        if received_by == DirectPaymentRecipient.NOMINEE:
            why += " Only an adult who can decide chooses a nominee."
    else:
        return
    yield Gap(
        "recipient-cannot-receive",
        Step.MANAGEMENT,
        f"{why} Choose a representative to receive the money, such as a parent, an attorney or a deputy.",
        Criterion.LEGAL,
    )


_FORMAL = {
    ActingRole.NOMINEE: DirectPaymentRecipient.NOMINEE,
    ActingRole.REPRESENTATIVE: DirectPaymentRecipient.REPRESENTATIVE,
}
_EMPLOYED_BY = re.compile(r"\bemployed by\s+(.+)", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{3,}")


def recipient_contradicts(plan: Plan) -> Iterator[Gap]:
    received_by = plan.management.direct_payment.received_by
    if not uses_direct_payment(plan) or received_by is None:
        return
    role, acting = plan.who_decides.acting_role, plan.who_decides.acting_name.strip()
    named = "" if role is None else f"{role.in_a_sentence} ({acting})" if acting else role.in_a_sentence
    if role in _FORMAL and _FORMAL[role] != received_by:
        yield _contradiction(
            f"Who decides names {named}. But the direct payment is paid to {_receiver(plan)}. "
            "Whoever receives the money employs any PA: make the two agree."
        )
    elif (
        received_by == DirectPaymentRecipient.REPRESENTATIVE
        and _child_age(plan) is None
        and not lacks_capacity_for_money(plan)
    ):
        yield _contradiction(
            "A representative receives the money for a child under 16, or for an adult who lacks capacity. "
            f"If {_called(plan)} can decide but wants help, choose a nominee. If not, record it in Who decides."
        )
    yield from _employer_not_recipient(plan, received_by, acting)


def _receiver(plan: Plan) -> str:
    received_by = plan.management.direct_payment.received_by
    if received_by == DirectPaymentRecipient.PERSON:
        return _called(plan)
    return received_by.label.lower() if received_by else "nobody yet"


def _employer_not_recipient(plan: Plan, received_by: DirectPaymentRecipient, acting: str) -> Iterator[Gap]:
    # Compared by first names: a family shares a surname, so "Anne Price" is not "Daniel Price".
    person = received_by == DirectPaymentRecipient.PERSON
    names = [plan.person.name, plan.person.preferred_name] if person else [acting]
    theirs = {words[0].casefold() for name in names if (words := _WORD.findall(name))}
    if not theirs:
        return
    for item in plan.finance.line_items:
        if item.category != SpendCategory.PERSONAL_ASSISTANT or not paid_by_direct_payment(plan, item):
            continue
        match = _EMPLOYED_BY.search(item.provider)
        if match and not theirs & {word.casefold() for word in _WORD.findall(match.group(1))}:
            yield _contradiction(
                f"{item_name(plan, item, start=True)} says the PA is employed by {match.group(1).strip()}. "
                f"The money is paid to {_receiver(plan)}, and whoever receives it is the employer."
            )


def _contradiction(message: str) -> Gap:
    return Gap("recipient-contradicts", Step.MANAGEMENT, message, Criterion.LEGAL)


# --- Is it realistic? ---------------------------------------------------------------------------


def open_questions(plan: Plan) -> Iterator[Gap]:
    for number, question in enumerate(plan.informed.questions, 1):
        if question.answered or not question.text.strip():
            continue
        # A private question is named by its number only: the reviewer's copy never shows it.
        what = "(marked private)" if question.private else f'("{question.text.strip()}")'
        yield Gap(
            "open-question",
            Step.GET_INFORMED,
            f"Question {number} {what} is not answered yet. Ask it, then mark it as answered.",
            Criterion.REALISTIC,
        )


def week_does_not_add_up(plan: Plan) -> Iterator[Gap]:
    for note in hours_not_in_the_week(plan):
        yield Gap(
            "week-hours",
            Step.RESOURCES,
            f"{note} Show each paid hour, visit or night in the week, or change what is paid for.",
            Criterion.REALISTIC,
        )


def calculator_lines_out_of_date(plan: Plan) -> Iterator[Gap]:
    """A line the PA cost calculator wrote (pension, National Insurance, cover...) that no longer
    matches what it works out now, such as after a PA's wage was changed by hand: the summary's
    part on employing PAs shows the calculator's figure, so the plan would say two things."""
    finance = plan.finance
    written = finance.employing.written
    if not written:
        return
    now = {
        item.id: item
        for item in apply_to_plan(plan_costs(finance, rates(), today()), finance.line_items, written).line_items
    }
    for number, item in enumerate(finance.line_items, 1):
        if not any(record.id == item.id for record in written):
            continue
        has = round_pennies(item_cost_per_year(item, finance.year))
        worked_out = now.get(item.id)
        should = round_pennies(item_cost_per_year(worked_out, finance.year)) if worked_out else Decimal(0)
        if has != should:
            yield Gap(
                "calculator-lines-out-of-date",
                Step.FINANCE,
                f"{item_name(plan, item, start=True, number=number)} is {format_money(has)} a year, as the PA cost "
                f"calculator last wrote it. From the plan as it is now, the calculator works out "
                f"{format_money(should)} a year, the figure the summary shows. Open the PA cost calculator on "
                "this step and put its figures in the plan again.",
                Criterion.REALISTIC,
            )


# --- Is it safe? --------------------------------------------------------------------------------


def no_contingency_fund(plan: Plan) -> Iterator[Gap]:
    if plan.finance.contingency or not pa_wage_lines(plan.finance.line_items):
        return
    yield Gap(
        "no-contingency-fund",
        Step.FINANCE,
        "The plan employs personal assistants but has no contingency fund. Set money aside for cover "
        "when a PA is ill or leaves: often about one week of costs.",
        Criterion.SAFE,
    )


def explained_only_in_private(plan: Plan) -> Iterator[Gap]:
    # Said to the person: the message names the item, never what the private note says.
    for item in plan.finance.line_items:
        if item.category in CARE and item.notes.private and item.notes.text.strip():
            yield Gap(
                "private-explanation",
                Step.FINANCE,
                f"{item_name(plan, item, start=True)} is explained only in a note marked private. "
                "The reviewer's copy leaves it out, so they may see a need with nobody meeting it. "
                "Share the note, or say it in the plan.",
                Criterion.SAFE,
            )
    for number, risk in enumerate(plan.risks, 1):
        if risk.description.strip() and not risk.mitigation.strip():
            yield Gap(
                "risk-unhandled",
                Step.REVIEW,
                f"Risk {number} does not say how it is handled. Say what is done to prevent it, and who acts.",
                Criterion.SAFE,
            )


# --- Can it be reviewed? ------------------------------------------------------------------------


def review_timing(plan: Plan) -> Iterator[Gap]:
    reviews = plan.reviews
    start = plan.management.direct_payment.first_payment or plan.finance.budget_start
    first = reviews.first_review
    if first is not None and start is not None and uses_direct_payment(plan):
        latest = add_months(start, FIRST_REVIEW_WITHIN_MONTHS)
        if first > latest:
            yield Gap(
                "first-review-late",
                Step.REVIEW,
                f"The first review is on {_on(first)}. A direct payment is first reviewed within "
                f"three months of its start ({_on(start)}): set it by {_on(latest)}.",
                Criterion.REVIEWABLE,
            )
    due = next_review(reviews)
    if due is not None and due.due < today():
        yield Gap(
            "review-overdue",
            Step.REVIEW,
            f"The {due.kind} was due on {_on(due.due)}, which has passed. "
            "Record the review when it is held, or set a new date.",
            Criterion.REVIEWABLE,
        )


def flexibility_not_agreed(plan: Plan) -> Iterator[Gap]:
    if plan.finance.budget_period == Period.ONE_OFF:
        return  # One amount for one thing, such as a wheelchair: there is no running plan to change.
    flexibility = plan.flexibility
    if not (flexibility.free_to_change.strip() or flexibility.must_ask_first.strip()):
        yield Gap(
            "no-flexibility",
            Step.FINANCE,
            "Say what you may change without asking, and what you must ask about first.",
            Criterion.REVIEWABLE,
        )


REVIEWER_RULES = [
    pay_below_minimum,
    recipient_cannot_receive,
    recipient_contradicts,
    open_questions,
    week_does_not_add_up,
    calculator_lines_out_of_date,
    no_contingency_fund,
    explained_only_in_private,
    review_timing,
    flexibility_not_agreed,
]
