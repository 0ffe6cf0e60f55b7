"""The readiness check: each rule speaks up on a plan built to break it, and is quiet on a good one."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from phb_tui.planning.checks import find_gaps
from phb_tui.planning.steps import Step
from plan_store import (
    EligibilityRoute,
    LineItem,
    ManagementOption,
    ManagementRoute,
    Outcome,
    Period,
    Plan,
    SpendCategory,
)


def rules(plan: Plan) -> set[str]:
    return {gap.rule for gap in find_gaps(plan)}


def test_a_good_plan_has_no_gaps(example_plan: Plan) -> None:
    assert find_gaps(example_plan) == []


def _item(description: str, **changes: object) -> LineItem:
    return LineItem(
        id="x1",
        description=description,
        unit_cost=Decimal("10.00"),
        period=Period.ONE_OFF,
        outcome_ids=["o1"],
        **changes,
    )  # type: ignore[arg-type]


def _no_outcomes(plan: Plan) -> None:
    for linker in [*plan.finance.line_items, *plan.resources]:
        linker.outcome_ids = []
    plan.outcomes = []


def _unwritten(plan: Plan) -> None:
    plan.outcomes[1].outcome = "  "


def _unserved(plan: Plan) -> None:
    plan.outcomes = [*plan.outcomes, Outcome(id="o3", outcome="Sleep well")]


def _unlinked(plan: Plan) -> None:
    plan.finance.line_items[2].outcome_ids = []


def _over(plan: Plan) -> None:
    plan.finance.budget_amount = Decimal("40000.00")


def _under(plan: Plan) -> None:
    plan.finance.budget_amount = Decimal("60000.00")
    plan.finance.kept_back_reason = ""


def _no_budget(plan: Plan) -> None:
    plan.finance.budget_amount = None


def _no_option(plan: Plan) -> None:
    plan.management.option = None


def _unmanaged(plan: Plan) -> None:
    plan.management.option = ManagementOption.DIRECT_PAYMENT
    plan.management.managed_by = ""


def _wheelchair(plan: Plan) -> None:
    plan.eligibility = EligibilityRoute.WHEELCHAIR


def _no_risks(plan: Plan) -> None:
    plan.risks = []


def _no_contingency(plan: Plan) -> None:
    plan.contingency_plan = ""


def _no_review(plan: Plan) -> None:
    plan.reviews.first_review = None


@pytest.mark.parametrize(
    ("breaks", "rule", "step"),
    [
        (_no_outcomes, "no-outcomes", Step.OUTCOMES),
        (_unwritten, "outcome-unwritten", Step.OUTCOMES),
        (_unserved, "outcome-unserved", Step.FINANCE),
        (_unlinked, "spending-unlinked", Step.FINANCE),
        (_over, "over-budget", Step.FINANCE),
        (_under, "underspend", Step.FINANCE),
        (_no_budget, "no-budget", Step.FINANCE),
        (_no_option, "no-management", Step.MANAGEMENT),
        (_unmanaged, "direct-payment-unmanaged", Step.MANAGEMENT),
        (_wheelchair, "wheelchair-direct-payment", Step.MANAGEMENT),
        (_no_risks, "no-risks", Step.REVIEW),
        (_no_contingency, "no-contingency-plan", Step.REVIEW),
        (_no_review, "no-review-date", Step.REVIEW),
    ],
)
def test_each_rule_speaks_up_on_a_plan_that_breaks_it(
    example_plan: Plan, breaks: Callable[[Plan], None], rule: str, step: Step
) -> None:
    breaks(example_plan)
    gaps = [gap for gap in find_gaps(example_plan) if gap.rule == rule]
    assert gaps, f"{rule} stayed quiet"
    assert all(gap.step == step for gap in gaps)


def test_over_budget_names_the_amount_and_suggests_a_review(example_plan: Plan) -> None:
    _over(example_plan)
    (gap,) = [g for g in find_gaps(example_plan) if g.rule == "over-budget"]
    # 50,160.49 planned + 837.50 contingency fund - 40,000.00 budget.
    assert "£10,997.99 a year over the budget" in gap.message and "budget review" in gap.message


def test_a_direct_payment_item_in_a_mixed_plan_also_needs_a_manager(example_plan: Plan) -> None:
    example_plan.management.managed_by = ""
    assert example_plan.management.option == ManagementOption.MIXED
    assert "direct-payment-unmanaged" in rules(example_plan)
    for item in example_plan.finance.line_items:
        item.route = ManagementRoute.NOTIONAL
    assert "direct-payment-unmanaged" not in rules(example_plan)


@pytest.mark.parametrize(
    ("description", "kind"),
    [
        ("Bottle of wine for Christmas", "alcohol"),
        ("Cigarettes", "tobacco"),
        ("Vape refills", "tobacco"),
        ("Lottery tickets", "gambling"),
        ("Credit card repayment", "debt repayment"),
        ("Private GP appointment", "GP or emergency care"),
        ("A&E visit", "GP or emergency care"),
    ],
)
def test_things_a_budget_cannot_pay_for_are_spotted(example_plan: Plan, description: str, kind: str) -> None:
    example_plan.finance.line_items = [*example_plan.finance.line_items, _item(description)]
    (gap,) = [g for g in find_gaps(example_plan) if g.rule == "restricted-spending"]
    assert f"looks like {kind}" in gap.message and gap.step == Step.FINANCE


@pytest.mark.parametrize(
    "description",
    [
        "Ginger tea",
        "Engine oil for the wheelchair van",
        "Begin physio",
        "Betty's hairdresser",
        "Rumble strips",
        "Regular swim",
    ],
)
def test_ordinary_words_containing_those_letters_are_not_flagged(example_plan: Plan, description: str) -> None:
    example_plan.finance.line_items = [
        *example_plan.finance.line_items,
        _item(description, category=SpendCategory.OTHER),
    ]
    assert "restricted-spending" not in rules(example_plan)


def test_a_false_alarm_marked_as_checked_is_cleared(example_plan: Plan) -> None:
    example_plan.finance.line_items[6].checked_allowed = False  # "budgeting and debt advice"
    assert "restricted-spending" in rules(example_plan)
    example_plan.finance.line_items[6].checked_allowed = True
    assert "restricted-spending" not in rules(example_plan)
