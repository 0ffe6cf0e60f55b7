"""What a reviewer would send back: each gap in a plan, with the step that fixes it.

`phb check`, the app and the summary all use this list, so a person sees the same gaps wherever
they look, and nothing is hidden from the health professional who reads the summary. Each rule is
a small function. Gaps are grouped under the questions reviewers ask when they agree a plan (is it
the person's own, does it meet the needs, is it realistic, legal, safe, can it be reviewed), and
name things as the person sees them: "Outcome 2", "item 3: Night care", never an internal id.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from plan_store import (
    EligibilityRoute,
    LineItem,
    ManagementOption,
    ManagementRoute,
    Period,
    Plan,
    SpendCategory,
    format_money,
)

from .finance import Verdict, budget_position, in_both_views, item_cost_each_time
from .outcome_names import outcome_name
from .restricted import needs_a_second_look
from .steps import Step

ALL_CLEAR = "PHB Planner's checks found nothing missing. Your NHS team may still ask about other things."


class Criterion(StrEnum):
    """What reviewers ask of a plan before they agree it, in the order they usually ask."""

    OWN = "own"
    NEEDS = "needs"
    REALISTIC = "realistic"
    LEGAL = "legal"
    SAFE = "safe"
    REVIEWABLE = "reviewable"

    @property
    def question(self) -> str:
        return _QUESTIONS[self]


_QUESTIONS = {
    Criterion.OWN: "Is it the person's own plan?",
    Criterion.NEEDS: "Does it meet the assessed needs and outcomes?",
    Criterion.REALISTIC: "Is it realistic and within budget?",
    Criterion.LEGAL: "Is everything in it allowed?",
    Criterion.SAFE: "Is it safe if something goes wrong?",
    Criterion.REVIEWABLE: "Can it be reviewed?",
}


@dataclass(frozen=True)
class Gap:
    rule: str
    """A stable name for the rule, such as "over-budget"."""
    step: Step
    message: str
    criterion: Criterion

    def __str__(self) -> str:
        return f"{self.message} (step {self.step.number}: {self.step.heading})"


def find_gaps(plan: Plan) -> list[Gap]:
    """What a reviewer would send back, less the rules the person says do not apply (with a reason)."""
    waived = {n.rule for n in plan.not_applicable}
    return [gap for gap in _every_gap(plan) if gap.rule not in waived]


def set_aside(plan: Plan) -> list[tuple[Gap, str]]:
    """Each gap of a rule the person says does not apply, with their reason: the reviewer sees both."""
    reasons = {n.rule: n.reason for n in plan.not_applicable}
    return [(gap, reasons[gap.rule]) for gap in _every_gap(plan) if gap.rule in reasons] if reasons else []


SET_ASIDE_HEADING = "Rules the plan says do not apply, with the reason given (the reviewer decides):"


def set_aside_texts(plan: Plan, found: list[tuple[Gap, str]] | None = None) -> list[str]:
    """Each gap set aside (`found`, when already worked out), with the reason given, as the reviewer reads it."""
    return [f'{gap} Reason given: "{reason}"' for gap, reason in (set_aside(plan) if found is None else found)]


def set_aside_lines(plan: Plan, aside: list[tuple[Gap, str]] | None = None) -> list[str]:
    """The heading and one line for each gap set aside, or nothing when none is."""
    found = set_aside_texts(plan, aside)
    return [SET_ASIDE_HEADING, *(f"  - {text}" for text in found)] if found else []


def _every_gap(plan: Plan) -> list[Gap]:
    gaps = [gap for rule in RULES for gap in rule(plan)]
    order = list(Criterion)
    return sorted(gaps, key=lambda gap: order.index(gap.criterion))  # Stable: rule order within each.


def gaps_by_criterion(gaps: list[Gap]) -> dict[Criterion, list[Gap]]:
    grouped: dict[Criterion, list[Gap]] = {}
    for gap in gaps:
        grouped.setdefault(gap.criterion, []).append(gap)
    return grouped


def _short(text: str, limit: int = 50) -> str:
    first_line = text.strip().splitlines()[0] if text.strip() else ""
    return first_line if len(first_line) <= limit else first_line[: limit - 3] + "..."


def item_name(plan: Plan, item: LineItem, start: bool = False, number: int | None = None) -> str:
    """ "item 3: Waking night care": its number in the financial plan, and what it is.

    `start` gives "Item 3: ...", for the start of a sentence. A caller going through the items in
    order passes the `number`, so naming every item is not a search for each.
    """
    if number is None:
        number = next(n for n, i in enumerate(plan.finance.line_items, 1) if i is item)
    words = _short(item.description)
    name = f"item {number}: {words}" if words else f"item {number}"
    return name[:1].upper() + name[1:] if start else name


# --- Is it the person's own? --------------------------------------------------------------------


def whose_plan(plan: Plan) -> Iterator[Gap]:
    if not plan.person.name.strip():
        yield Gap("no-name", Step.GET_INFORMED, "Whose plan is this? Add the person's name.", Criterion.OWN)
    if not plan.helpers:
        yield Gap(
            "no-author",
            Step.GET_INFORMED,
            "Say who wrote the plan: the person, a family member, or someone helping.",
            Criterion.OWN,
        )


# --- Does it meet the needs? --------------------------------------------------------------------


def needs_unstated(plan: Plan) -> Iterator[Gap]:
    if not plan.assessed_needs.strip():
        yield Gap(
            "no-assessed-needs",
            Step.OUTCOMES,
            "Say what the assessment of needs found, in your own words.",
            Criterion.NEEDS,
        )


def no_outcomes(plan: Plan) -> Iterator[Gap]:
    if not plan.outcomes:
        yield Gap(
            "no-outcomes",
            Step.OUTCOMES,
            "No health and wellbeing outcomes yet: say what the budget is for.",
            Criterion.NEEDS,
        )
    for outcome in plan.outcomes:
        if not outcome.outcome.strip():
            yield Gap(
                "outcome-unwritten",
                Step.OUTCOMES,
                f"{outcome_name(plan, outcome).in_a_sentence} does not yet say what you want to achieve.",
                Criterion.NEEDS,
            )


def served_outcome_ids(plan: Plan) -> set[str]:
    """Outcomes that some spending or other support is linked to."""
    linked = {oid for item in plan.finance.line_items for oid in item.outcome_ids}
    return linked | {oid for resource in plan.resources for oid in resource.outcome_ids}


def outcomes_unserved(plan: Plan) -> Iterator[Gap]:
    linked = served_outcome_ids(plan)
    for number, outcome in enumerate(plan.outcomes, 1):
        if outcome.id not in linked:
            yield Gap(
                "outcome-unserved",
                Step.FINANCE,
                f"{outcome_name(plan, outcome, number).in_a_sentence} has no spending or other support linked to it.",
                Criterion.NEEDS,
            )


def spending_unlinked(plan: Plan) -> Iterator[Gap]:
    for item in plan.finance.line_items:
        if not item.outcome_ids:
            yield Gap(
                "spending-unlinked",
                Step.FINANCE,
                f"Spending {item_name(plan, item)} is not linked to any outcome.",
                Criterion.NEEDS,
            )


# --- Is it realistic and within budget? ---------------------------------------------------------


def management_unchosen(plan: Plan) -> Iterator[Gap]:
    if plan.management.option is None:
        yield Gap(
            "no-management", Step.MANAGEMENT, "No choice yet of how the money will be managed.", Criterion.REALISTIC
        )


def budget_problems(plan: Plan) -> Iterator[Gap]:
    finance = plan.finance
    if finance.budget_amount is None:
        yield Gap(
            "no-budget",
            Step.FINANCE,
            "No budget amount: ask the NHS team for the indicative budget.",
            Criterion.REALISTIC,
        )
        return
    position = budget_position(plan)
    if position.uncounted:
        things = "1 item recurs" if position.uncounted == 1 else f"{position.uncounted} items recur"
        yield Gap(
            "one-off-budget-span",
            Step.FINANCE,
            f"The budget is one amount, but {things}: add the dates the budget starts and runs to, "
            "so their cost over that time can be counted.",
            Criterion.REALISTIC,
        )
    remaining = position.whole_remaining
    assert remaining is not None and position.whole_budget is not None
    with_one_offs = ", with one-off purchases," if position.one_off and position.has_period_view else ""
    if position.verdict == Verdict.NOTHING_PLANNED and not position.uncounted:
        yield Gap(
            "nothing-planned",
            Step.FINANCE,
            f"Nothing is planned yet for the budget of {in_both_views(position, position.whole_budget)}. "
            "Add what it will pay for.",
            Criterion.REALISTIC,
        )
    elif position.verdict == Verdict.OVER:
        yield Gap(
            "over-budget",
            Step.FINANCE,
            f"Planned spending{with_one_offs} is {in_both_views(position, -remaining)} over the budget. "
            "Consider asking for a budget review rather than cutting care you need.",
            Criterion.REALISTIC,
        )
    elif position.verdict == Verdict.UNPLANNED and not position.uncounted and not finance.kept_back_reason.strip():
        # With recurring costs not yet counted, what is left is not known: the dates come first.
        yield Gap(
            "underspend",
            Step.FINANCE,
            f"{in_both_views(position, remaining)} is not planned for. Money left unplanned may be taken back: "
            "plan for what you need, or say why it is kept back.",
            Criterion.REALISTIC,
        )
    for number, item in enumerate(finance.line_items, 1):
        if item.period == Period.ONE_OFF and item_cost_each_time(item) > position.whole_budget:
            yield Gap(
                "one-off-over-budget",
                Step.FINANCE,
                f"{item_name(plan, item, start=True, number=number)} costs the budget "
                f"{format_money(item_cost_each_time(item))}, more than the whole budget of "
                f"{in_both_views(position, position.whole_budget)}. Check the amount, or ask for a budget review.",
                Criterion.REALISTIC,
            )


def contributions_unexplained(plan: Plan) -> Iterator[Gap]:
    for item in plan.finance.line_items:
        if item.contribution and item.contribution_from is None:
            yield Gap(
                "contribution-source",
                Step.FINANCE,
                f"Say who pays the {format_money(item.contribution)} from elsewhere toward {item_name(plan, item)}.",
                Criterion.REALISTIC,
            )


# --- Is everything in it allowed? ---------------------------------------------------------------


def restricted_spending(plan: Plan) -> Iterator[Gap]:
    for item in plan.finance.line_items:
        if kind := needs_a_second_look(item):
            yield Gap(
                "restricted-spending",
                Step.FINANCE,
                f"Spending {item_name(plan, item)} looks like {kind}, which a budget cannot pay for. "
                "If it is not, mark the item as checked and say why.",
                Criterion.LEGAL,
            )


def uses_direct_payment(plan: Plan) -> bool:
    return plan.management.option == ManagementOption.DIRECT_PAYMENT or any(
        item.route == ManagementRoute.DIRECT_PAYMENT for item in plan.finance.line_items
    )


def paid_by_direct_payment(plan: Plan, item: LineItem) -> bool:
    if item.route is not None:
        return item.route == ManagementRoute.DIRECT_PAYMENT
    return plan.management.option == ManagementOption.DIRECT_PAYMENT


_INSURANCE = re.compile(r"(?<!\w)(employer'?s'? liability|liability insurance|insurance)(?!\w)", re.IGNORECASE)


def direct_payment_problems(plan: Plan) -> Iterator[Gap]:
    if not uses_direct_payment(plan):
        return
    if plan.eligibility == EligibilityRoute.WHEELCHAIR:
        yield Gap(
            "wheelchair-direct-payment",
            Step.MANAGEMENT,
            "A personal wheelchair budget cannot be a direct payment: choose notional (with a top-up if you "
            "want one) or third party.",
            Criterion.LEGAL,
        )
        return
    details = plan.management.direct_payment
    if not plan.management.managed_by.strip():
        yield Gap(
            "direct-payment-unmanaged",
            Step.MANAGEMENT,
            "A direct payment needs someone named to manage it.",
            Criterion.LEGAL,
        )
    if details.received_by is None:
        yield Gap(
            "direct-payment-recipient",
            Step.MANAGEMENT,
            "Say who receives the direct payment: you, a representative or a nominee.",
            Criterion.LEGAL,
        )
    if details.held_in is None:
        yield Gap(
            "direct-payment-account",
            Step.MANAGEMENT,
            "Say how the direct payment is held: a separate bank account, a prepaid card or a managed account.",
            Criterion.LEGAL,
        )
    employs = any(
        item.category == SpendCategory.PERSONAL_ASSISTANT and paid_by_direct_payment(plan, item)
        for item in plan.finance.line_items
    )
    insured = any(_INSURANCE.search(f"{item.description} {item.provider}") for item in plan.finance.line_items)
    if employs and not insured:
        yield Gap(
            "employer-insurance",
            Step.FINANCE,
            "A personal assistant is paid by direct payment, but the plan has no employer's liability "
            "insurance. The law requires it from the first day: add its cost as an item. "
            "It is not needed for a PA who is a close relative, such as a parent, child, brother or sister.",
            Criterion.LEGAL,
        )


CARE = {SpendCategory.PERSONAL_ASSISTANT, SpendCategory.AGENCY_CARE, SpendCategory.RESPITE}
"""Spending that is care: people who support the person, or a break for those who usually do."""


def wheelchair_budget_buys_care(plan: Plan) -> Iterator[Gap]:
    if plan.eligibility != EligibilityRoute.WHEELCHAIR:
        return
    for item in plan.finance.line_items:
        if item.category in CARE:
            yield Gap(
                "wheelchair-buys-care",
                Step.FINANCE,
                f"{item_name(plan, item, start=True)} is care, but a personal wheelchair budget pays for the "
                "wheelchair and what goes with it. Care needs a separate budget or service.",
                Criterion.LEGAL,
            )


def contributions_not_allowed(plan: Plan) -> Iterator[Gap]:
    if plan.eligibility == EligibilityRoute.WHEELCHAIR:
        return  # Topping up a wheelchair budget is allowed.
    for item in plan.finance.line_items:
        if item.contribution:
            yield Gap(
                "contribution-not-allowed",
                Step.FINANCE,
                f"{item_name(plan, item, start=True)} has {format_money(item.contribution)} from elsewhere toward "
                "its price. Outside wheelchair budgets, nobody may be asked to pay toward assessed needs: "
                "keep private extras separate, out of the budget and this plan.",
                Criterion.LEGAL,
            )


# --- Is it safe? --------------------------------------------------------------------------------


def risk_problems(plan: Plan) -> Iterator[Gap]:
    if not plan.risks:
        yield Gap(
            "no-risks", Step.REVIEW, "No risks listed: what could go wrong, and how is it handled?", Criterion.SAFE
        )
    if not plan.contingency_plan.strip():
        yield Gap(
            "no-contingency-plan",
            Step.REVIEW,
            "No contingency plan: say what happens, and who to call, if planned support does not turn up.",
            Criterion.SAFE,
        )


# --- Can it be reviewed? ------------------------------------------------------------------------


def review_problems(plan: Plan) -> Iterator[Gap]:
    if plan.reviews.first_review is None:
        yield Gap(
            "no-review-date",
            Step.REVIEW,
            "No review date: the first review is usually within three months.",
            Criterion.REVIEWABLE,
        )
    if not plan.reviews.monitored_by.strip():
        yield Gap("no-monitor", Step.REVIEW, "Say who keeps an eye on the plan between reviews.", Criterion.REVIEWABLE)


def unknown_rules_set_aside(plan: Plan) -> Iterator[Gap]:
    for marked in plan.not_applicable:
        if marked.rule not in RULE_IDS:
            yield Gap(
                "not-applicable-unknown",
                Step.REVIEW,
                f'The plan says the rule "{marked.rule}" does not apply, but there is no rule of that name. '
                "Check its spelling against phb check --json.",
                Criterion.REVIEWABLE,
            )


RULES: list[Callable[[Plan], Iterator[Gap]]] = [
    whose_plan,
    needs_unstated,
    no_outcomes,
    outcomes_unserved,
    spending_unlinked,
    management_unchosen,
    budget_problems,
    contributions_unexplained,
    restricted_spending,
    direct_payment_problems,
    wheelchair_budget_buys_care,
    contributions_not_allowed,
    risk_problems,
    review_problems,
    unknown_rules_set_aside,
]

# The rules a reviewer would write, beyond fields filled in, live in a module of their own; they
# use the names above, so they join the list here, once those names exist.
from .reviewer_rules import REVIEWER_RULES  # noqa: E402

RULES[-1:-1] = REVIEWER_RULES

RULE_IDS = frozenset(
    {
        *("no-name", "no-author", "no-assessed-needs", "no-outcomes", "outcome-unwritten", "outcome-unserved"),
        *("spending-unlinked", "no-management", "no-budget", "one-off-budget-span", "over-budget", "underspend"),
        *("contribution-source", "restricted-spending", "wheelchair-direct-payment", "direct-payment-unmanaged"),
        *("direct-payment-recipient", "direct-payment-account", "employer-insurance", "wheelchair-buys-care"),
        *("contribution-not-allowed", "no-risks", "no-contingency-plan", "no-review-date", "no-monitor"),
        *("pay-below-minimum", "recipient-cannot-receive", "recipient-contradicts", "open-question", "week-hours"),
        *("no-contingency-fund", "private-explanation", "risk-unhandled", "first-review-late", "review-overdue"),
        *("no-flexibility", "not-applicable-unknown", "calculator-lines-out-of-date"),
    }
)
"""Every rule's name, so a rule the person sets aside can be checked for a slip in its spelling."""
