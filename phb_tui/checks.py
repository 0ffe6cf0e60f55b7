"""What a reviewer would send back: each gap in a plan, with the step that fixes it.

`phb check`, the app and the summary all use this list, so a person sees the same gaps wherever
they look, and nothing is hidden from the health professional who reads the summary.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from plan_store import ManagementOption, Plan, format_money

from .finance import budget_position
from .steps import Step


@dataclass(frozen=True)
class Gap:
    step: Step
    message: str

    def __str__(self) -> str:
        return f"{self.message} (step {self.step.number}: {self.step.title})"


def find_gaps(plan: Plan) -> list[Gap]:
    return list(_gaps(plan))


def _gaps(plan: Plan) -> Iterator[Gap]:
    if not plan.outcomes:
        yield Gap(Step.OUTCOMES, "No health and wellbeing outcomes yet: say what the budget is for.")
    linked = {oid for item in plan.finance.line_items for oid in item.outcome_ids}
    linked |= {oid for resource in plan.resources for oid in resource.outcome_ids}
    for outcome in plan.outcomes:
        if not outcome.outcome.strip():
            yield Gap(Step.OUTCOMES, f'Outcome "{outcome.id}" has no words yet: say what you want to achieve.')
        if outcome.id not in linked:
            yield Gap(Step.FINANCE, f'Outcome "{_name(outcome.outcome, outcome.id)}" has no spending or other support linked to it.')
    for item in plan.finance.line_items:
        if not item.outcome_ids:
            yield Gap(Step.FINANCE, f'Spending "{item.description}" is not linked to any outcome.')
    if plan.management.option is None:
        yield Gap(Step.MANAGEMENT, "No choice yet of how the money will be managed.")
    if plan.finance.budget_amount is None:
        yield Gap(Step.FINANCE, "No budget amount: ask the NHS team for the indicative budget.")
    else:
        remaining = budget_position(plan).remaining
        if remaining is not None and remaining < 0:
            yield Gap(
                Step.FINANCE,
                f"Planned spending is {format_money(-remaining)} over the budget. "
                "Consider asking for a budget review rather than cutting care you need.",
            )
    if plan.management.option == ManagementOption.DIRECT_PAYMENT and not plan.management.managed_by.strip():
        yield Gap(Step.MANAGEMENT, "A direct payment needs someone named to manage it.")
    if not plan.risks and not plan.contingency_plan.strip():
        yield Gap(Step.REVIEW, "No risks or contingency plan: say what happens if support falls through.")
    if plan.reviews.first_review is None:
        yield Gap(Step.REVIEW, "No review date: the first review is usually within three months.")


def _name(text: str, fallback: str) -> str:
    first_line = text.strip().splitlines()[0] if text.strip() else fallback
    return first_line if len(first_line) <= 60 else first_line[:57] + "..."
