"""What a reviewer would send back: each gap in a plan, with the step that fixes it.

`phb check`, the app and the summary all use this list, so a person sees the same gaps wherever
they look, and nothing is hidden from the health professional who reads the summary. Each rule is
a small function; the order of `RULES` is the order a reviewer reads the plan in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from plan_store import EligibilityRoute, ManagementOption, ManagementRoute, Plan, format_money

from .finance import budget_position
from .restricted import restricted_kind
from .steps import Step

#: Planning to leave more than this share of the budget unspent invites the money being taken back.
UNDERSPEND_SHARE = Decimal("0.10")


@dataclass(frozen=True)
class Gap:
    rule: str
    """A stable name for the rule, such as "over-budget"."""
    step: Step
    message: str

    def __str__(self) -> str:
        return f"{self.message} (step {self.step.number}: {self.step.title})"


def find_gaps(plan: Plan) -> list[Gap]:
    return [gap for rule in RULES for gap in rule(plan)]


def _short(text: str, fallback: str) -> str:
    first_line = text.strip().splitlines()[0] if text.strip() else fallback
    return first_line if len(first_line) <= 60 else first_line[:57] + "..."


def no_outcomes(plan: Plan) -> Iterator[Gap]:
    if not plan.outcomes:
        yield Gap("no-outcomes", Step.OUTCOMES, "No health and wellbeing outcomes yet: say what the budget is for.")
    for outcome in plan.outcomes:
        if not outcome.outcome.strip():
            yield Gap("outcome-unwritten", Step.OUTCOMES, f'Outcome "{outcome.id}" has no words yet: say what you want to achieve.')


def served_outcome_ids(plan: Plan) -> set[str]:
    """Outcomes that some spending or other support is linked to."""
    linked = {oid for item in plan.finance.line_items for oid in item.outcome_ids}
    return linked | {oid for resource in plan.resources for oid in resource.outcome_ids}


def outcomes_unserved(plan: Plan) -> Iterator[Gap]:
    linked = served_outcome_ids(plan)
    for outcome in plan.outcomes:
        if outcome.id not in linked:
            name = _short(outcome.outcome, outcome.id)
            yield Gap("outcome-unserved", Step.FINANCE, f'Outcome "{name}" has no spending or other support linked to it.')


def spending_unlinked(plan: Plan) -> Iterator[Gap]:
    for item in plan.finance.line_items:
        if not item.outcome_ids:
            name = _short(item.description, item.id)
            yield Gap("spending-unlinked", Step.FINANCE, f'Spending "{name}" is not linked to any outcome.')


def restricted_spending(plan: Plan) -> Iterator[Gap]:
    for item in plan.finance.line_items:
        if kind := restricted_kind(item):
            name = _short(item.description, item.id)
            yield Gap(
                "restricted-spending",
                Step.FINANCE,
                f'Spending "{name}" looks like {kind}, which a budget cannot pay for. '
                'If it is not, mark the item as checked.',
            )


def budget_problems(plan: Plan) -> Iterator[Gap]:
    if plan.finance.budget_amount is None:
        yield Gap("no-budget", Step.FINANCE, "No budget amount: ask the NHS team for the indicative budget.")
        return
    position = budget_position(plan)
    remaining = position.remaining
    assert remaining is not None and position.budget is not None
    period = plan.finance.budget_period.label
    if remaining < 0:
        yield Gap(
            "over-budget",
            Step.FINANCE,
            f"Planned spending is {format_money(-remaining)} {period} over the budget. "
            "Consider asking for a budget review rather than cutting care you need.",
        )
    elif plan.finance.line_items and position.budget and remaining > position.budget * UNDERSPEND_SHARE:
        yield Gap(
            "underspend",
            Step.FINANCE,
            f"{format_money(remaining)} {period} is not planned for. Money left unplanned may be taken back; "
            "plan for what you need, or say why it is kept.",
        )


def management_problems(plan: Plan) -> Iterator[Gap]:
    management = plan.management
    if management.option is None:
        yield Gap("no-management", Step.MANAGEMENT, "No choice yet of how the money will be managed.")
        return
    uses_direct_payment = management.option == ManagementOption.DIRECT_PAYMENT or any(
        item.route == ManagementRoute.DIRECT_PAYMENT for item in plan.finance.line_items
    )
    if uses_direct_payment and not management.managed_by.strip():
        yield Gap("direct-payment-unmanaged", Step.MANAGEMENT, "A direct payment needs someone named to manage it.")
    if uses_direct_payment and plan.eligibility == EligibilityRoute.WHEELCHAIR:
        yield Gap(
            "wheelchair-direct-payment",
            Step.MANAGEMENT,
            "A personal wheelchair budget cannot be a direct payment: choose notional or third party.",
        )


def risk_problems(plan: Plan) -> Iterator[Gap]:
    if not plan.risks:
        yield Gap("no-risks", Step.REVIEW, "No risks listed: what could go wrong, and how is it handled?")
    if not plan.contingency_plan.strip():
        yield Gap("no-contingency-plan", Step.REVIEW, "No contingency plan: say what happens if planned support fails.")


def no_review_date(plan: Plan) -> Iterator[Gap]:
    if plan.reviews.first_review is None:
        yield Gap("no-review-date", Step.REVIEW, "No review date: the first review is usually within three months.")


RULES: list[Callable[[Plan], Iterator[Gap]]] = [
    no_outcomes,
    outcomes_unserved,
    spending_unlinked,
    restricted_spending,
    management_problems,
    budget_problems,
    risk_problems,
    no_review_date,
]
