"""Page 1 of every export: what a reviewer needs first, in the order they check it.

A reviewer decides from the front sheet whether the plan can be agreed, then reads the details
for what they doubt. So it holds who the plan is for; the money against the budget in the budget's
own period and for the whole; each outcome with what it costs; who receives and manages the money
and who employs any PAs; the top risks and the first number to call; the first review; whether it
is agreed; and every open item (gaps, flags, late tasks, questions). The details follow it, each
thing said once.
"""

from __future__ import annotations

import re
from decimal import Decimal

from plan_store import LineItem, Plan, format_money
from plan_store.nhs_number import format_nhs_number
from plan_store.vocabulary import ManagementOption, ManagementRoute, SpendCategory

from ..planning.analysis import PlanAnalysis
from ..planning.checks import SET_ASIDE_HEADING, paid_by_direct_payment
from ..planning.finance import basis_words, in_both_views
from ..planning.outcome_names import outcome_name
from .changes import status_words
from .document import Alert, Block, BulletList, Facts, Paragraph, Section, Subheading
from .money import route_label
from .sections import section
from .wording import NOT_GIVEN, long_date, or_missing, visible

REVIEWER_ALL_CLEAR = (
    "PHB Planner's checks found nothing missing. They cannot judge everything a reviewer looks at, "
    "such as whether the care meets the assessed needs."
)
"""The checks' all clear, said to the reviewer (phb check says ALL_CLEAR to the person)."""

TOP_RISKS = 3
"""Risks named on the front sheet; the rest are in the details."""

# A UK phone number as people write it: 01234 567890, 07700 900123, +44 20 7946 0000, 111.
_PHONE = re.compile(r"(?:\+44\s?\(?0?\)?\s?|\b0)\d(?:[\s-]?\d){8,9}\b|\b(?:111|999)\b")


def front_sheet(plan: Plan, analysis: PlanAnalysis) -> Section:
    blocks: list[Block] = [Paragraph(_status(plan, analysis))]
    blocks.append(Facts(_who(plan)))
    blocks.append(Facts(_money(plan, analysis)))
    blocks += _outcomes(plan, analysis)
    blocks.append(Facts(_management(plan) + _safety(plan) + _review(plan)))
    blocks += _open_items(plan, analysis)
    return section("front-sheet", blocks)


def _status(plan: Plan, analysis: PlanAnalysis) -> str:
    agreement = status_words(plan) or _signed_off(plan)
    gaps = analysis.gaps
    if gaps:
        count = "1 open item" if len(gaps) == 1 else f"{len(gaps)} open items"
        return f"Not yet complete: {count}, listed at the end of this sheet. {agreement}"
    return f"Ready for review. {agreement}"


def _signed_off(plan: Plan) -> str:
    """Who signed the plan off, for a plan with no agreed version kept (`phb agree`)."""
    signed = [
        f"{s.name}{f', {s.role}' if s.role else ''}, on {long_date(s.agreed_on)}" for s in plan.sign_off if s.agreed_on
    ]
    return f"Signed off by {'; '.join(signed)}." if signed else "Not yet agreed: nobody has signed it off."


def _who(plan: Plan) -> list[tuple[str, str]]:
    person = plan.person
    rows = [("Person", or_missing(person.name))]
    rows.append(("Date of birth", long_date(person.date_of_birth) if person.date_of_birth else NOT_GIVEN))
    rows.append(("NHS number", format_nhs_number(person.nhs_number) if person.nhs_number else NOT_GIVEN))
    rows.append(("Eligibility", plan.eligibility.label if plan.eligibility else NOT_GIVEN))
    rows.append(("ICB", or_missing(plan.icb_name)))
    return rows


def _money(plan: Plan, analysis: PlanAnalysis) -> list[tuple[str, str]]:
    finance = plan.finance
    position = analysis.position
    if position.whole_budget is None:
        return [("Budget", NOT_GIVEN)]
    dates = ""
    if finance.budget_start:
        dates = f", from {long_date(finance.budget_start)}"
        dates += f" to {long_date(finance.budget_end)}" if finance.budget_end else ", no end date given"
    rows = [("Budget", in_both_views(position, position.whole_budget) + dates)]
    rows.append(("Planned", in_both_views(position, position.whole_planned)))
    rows.append(("Contingency fund", in_both_views(position, position.whole_contingency)))
    remaining = position.whole_remaining
    if remaining is not None:
        rows.append(("Left over" if remaining >= 0 else "Over budget by", in_both_views(position, abs(remaining))))
    routes = analysis.figures.by_route
    if routes:
        basis = basis_words(finance)
        split = "; ".join(f"{route_label(key)}: {format_money(amount)} {basis}" for key, amount in routes.items())
        rows.append(("How it is paid", split))
    return rows


def _outcomes(plan: Plan, analysis: PlanAnalysis) -> list[Block]:
    if not plan.outcomes:
        return [Paragraph(f"Outcomes: {NOT_GIVEN}.")]
    totals = analysis.figures.by_outcome
    basis = basis_words(plan.finance)
    lines = []
    for number, outcome in enumerate(plan.outcomes, 1):
        items = list(analysis.serving.get(outcome.id, ()))
        paid = f"{format_money(totals.get(outcome.id, Decimal(0)))} {basis}"
        which = f"; {'items' if len(items) > 1 else 'item'} {_runs(items)}" if items else "; no item linked yet"
        text = or_missing(outcome_name(plan, outcome, number).words).rstrip(".")
        lines.append(f"Outcome {number} ({paid}{which}): {text}.")
    return [Paragraph("Outcomes, with what each costs:"), BulletList(lines)]


def _runs(numbers: list[int]) -> str:
    """ "1 to 4, 6 and 9": item numbers with each unbroken run said once."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    parts = [part for run in runs for part in ([f"{run[0]} to {run[-1]}"] if len(run) > 2 else map(str, run))]
    return ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else parts[0]


def _management(plan: Plan) -> list[tuple[str, str]]:
    management = plan.management
    rows = [("Money held as", management.option.label if management.option else NOT_GIVEN)]
    rows.append(("Managed by", or_missing(management.managed_by)))
    direct = any(paid_by_direct_payment(plan, i) for i in plan.finance.line_items)
    if direct or management.option == ManagementOption.DIRECT_PAYMENT:
        received = management.direct_payment.received_by
        rows.append(("Direct payment paid to", received.label if received else NOT_GIVEN))
    pas = [i for i in plan.finance.line_items if i.category == SpendCategory.PERSONAL_ASSISTANT]
    if pas:
        rows.append(("Employer of the PAs", _employer(plan, pas)))
    return rows


def _employer(plan: Plan, pas: list[LineItem]) -> str:
    """Whoever receives the money employs the PAs it pays for: the person, a representative or a
    nominee for a direct payment; the organisation holding a third-party budget."""
    if any(paid_by_direct_payment(plan, item) for item in pas):
        received = plan.management.direct_payment.received_by
        if received is None:
            return "whoever receives the direct payment (not yet said)"
        return f"{received.label}, who receives the direct payment"
    option = plan.management.option
    option = None if option == ManagementOption.MIXED else option  # A mix says it line by line.
    routes = {item.route or option for item in pas}
    if None in routes:
        return "not known yet: how the money is managed is not chosen"
    if ManagementRoute.THIRD_PARTY in routes or ManagementOption.THIRD_PARTY in routes:
        return "the organisation holding the budget"
    return "the care provider the NHS arranges"


def _safety(plan: Plan) -> list[tuple[str, str]]:
    risks = [r.description.strip().splitlines()[0].rstrip(".") for r in plan.risks if r.description.strip()]
    risks = risks[:TOP_RISKS]
    more = len(plan.risks) - len(risks)
    shown = "; ".join(risks) + (f"; and {more} more" if more > 0 else "") if risks else NOT_GIVEN
    phone = _PHONE.search(plan.contingency_plan)
    call = phone.group(0).strip() if phone else "no phone number given in the contingency plan"
    return [("Top risks", shown), ("If support fails, call", call)]


def _review(plan: Plan) -> list[tuple[str, str]]:
    reviews = plan.reviews
    first = long_date(reviews.first_review) if reviews.first_review else NOT_GIVEN
    return [("First review", first), ("Monitored by", or_missing(reviews.monitored_by))]


def _open_items(plan: Plan, analysis: PlanAnalysis) -> list[Block]:
    blocks: list[Block] = []
    gaps = analysis.gaps
    if gaps:
        count = "1 thing" if len(gaps) == 1 else f"{len(gaps)} things"
        blocks.append(Alert(f"Open items: {count} still to do before sign-off."))
        for criterion, found in analysis.gaps_by_criterion.items():
            blocks += [Subheading(criterion.question), BulletList([str(gap) for gap in found])]
    else:
        blocks.append(Paragraph(REVIEWER_ALL_CLEAR))
    if tasks := analysis.tasks_to_settle:
        blocks.append(Alert(tasks))
    if aside := analysis.set_aside_texts:
        blocks += [Paragraph(SET_ASIDE_HEADING), BulletList(list(aside))]
    if checked := _checked_flags(analysis):
        blocks += [Paragraph("Flagged, then checked by whoever wrote the plan; please confirm:"), BulletList(checked)]
    open_questions = [q for q in plan.informed.questions if not q.answered]
    if questions := list(visible(open_questions, False)):
        count = "1 question" if len(questions) == 1 else f"{len(questions)} questions"
        blocks.append(Paragraph(f"Still to discuss: {count} not yet answered, listed under To discuss."))
    return blocks


def _checked_flags(analysis: PlanAnalysis) -> list[str]:
    return [
        f"{flag.name}: looked like {flag.kind}. Reason given: {flag.reason}" for flag in analysis.flags if flag.checked
    ]
