"""The plan worked out once: the analysis against plans worked out by hand, in every shape of budget.

Each figure below is worked out in the test from the plan's own numbers (52 weeks, 13 four-week
periods, 12 months to a year), never read back from the code. Properties (hypothesis) hold the
analysis to what the summary prints and to one verdict whatever the budget's period.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from phb_tui.planning.analysis import AnalysisCache, analyse
from phb_tui.planning.checks import Criterion, find_gaps, set_aside
from phb_tui.planning.finance import Verdict
from phb_tui.summary.exporting import export_text
from plan_store import LineItem, Outcome, Period, Plan, format_money, new_plan
from plan_store.employing import PersonalAssistant
from plan_store.models import NotApplicable
from plan_store.vocabulary import ManagementOption, ManagementRoute, PensionChoice, SpendCategory

from .conftest import PINNED_TODAY

D = Decimal


def hand_plan(amount: str, period: Period) -> Plan:
    """A PA 10 hours a week at £15.00, a gym at £40.00 a month, a course at £520.00 a year and a
    cushion bought once for £260.00; a contingency fund of £20.00 a week (in the budget's period)."""
    plan = new_plan("Worked by hand")
    plan.outcomes = [Outcome(id="o1", outcome="Stay well at home"), Outcome(id="o2", outcome="Get out more")]
    plan.management.option = ManagementOption.MIXED
    plan.finance.budget_amount = D(amount)
    plan.finance.budget_period = period
    plan.finance.line_items = [
        LineItem(id="pa", description="PA (Sam)", category=SpendCategory.PERSONAL_ASSISTANT, unit_cost=D("15.00"),
                 quantity=D(10), period=Period.WEEK, route=ManagementRoute.DIRECT_PAYMENT, outcome_ids=["o1"]),
        LineItem(id="gym", description="Gym", unit_cost=D("40.00"), period=Period.MONTH,
                 route=ManagementRoute.NOTIONAL, outcome_ids=["o2"]),
        LineItem(id="course", description="Course", unit_cost=D("520.00"), period=Period.YEAR,
                 route=ManagementRoute.NOTIONAL, outcome_ids=["o1", "o2"]),
        LineItem(id="cushion", description="Cushion", category=SpendCategory.EQUIPMENT, unit_cost=D("260.00"),
                 period=Period.ONE_OFF, route=ManagementRoute.DIRECT_PAYMENT, outcome_ids=["o1"]),
    ]  # fmt: skip
    return plan


# A year: PA 15 x 10 x 52 = 7,800; gym 40 x 12 = 480; course 520; cushion 260 once.
PA_YEAR, GYM_YEAR, COURSE_YEAR, CUSHION = D("7800.00"), D("480.00"), D("520.00"), D("260.00")
PLANNED_YEAR = PA_YEAR + GYM_YEAR + COURSE_YEAR + CUSHION  # 9,060.00


@pytest.mark.parametrize(
    ("amount", "period", "whole_budget", "whole_contingency", "planned_in_period"),
    [
        # £250 a week is £13,000 a year; £20 a week of contingency is £1,040; 9,060 / 52 = 174.2307...
        ("250.00", Period.WEEK, D("13000.00"), D("1040.00"), D("174.23")),
        # £1,000 every four weeks is £13,000 a year; 9,060 / 13 = 696.923...
        ("1000.00", Period.FOUR_WEEKS, D("13000.00"), D("260.00"), D("696.92")),
        # £1,083.34 a month is £13,000.08 a year; 9,060 / 12 = 755.00
        ("1083.34", Period.MONTH, D("13000.08"), D("240.00"), D("755.00")),
        ("13000.00", Period.YEAR, D("13000.00"), D("20.00"), PLANNED_YEAR),
    ],
)
def test_the_money_in_every_shape_of_budget(
    amount: str, period: Period, whole_budget: Decimal, whole_contingency: Decimal, planned_in_period: Decimal
) -> None:
    plan = hand_plan(amount, period)
    plan.finance.contingency = D("20.00")
    analysis = analyse(plan, PINNED_TODAY)
    position = analysis.position
    assert (position.whole_budget, position.whole_planned, position.one_off) == (whole_budget, PLANNED_YEAR, CUSHION)
    assert position.whole_contingency == whole_contingency
    assert position.planned == planned_in_period
    assert position.whole_remaining == whole_budget - PLANNED_YEAR - whole_contingency
    # Left over is more than a tenth of the budget in every shape, so the verdict is the same.
    assert position.verdict == Verdict.UNPLANNED
    figures = analysis.figures
    assert figures.line_costs == (PA_YEAR, GYM_YEAR, COURSE_YEAR, CUSHION)
    assert figures.basis_total == PLANNED_YEAR
    # The course serves both outcomes, so each gets half: 260.00.
    assert dict(figures.by_outcome) == {"o1": PA_YEAR + D("260.00") + CUSHION, "o2": GYM_YEAR + D("260.00")}
    assert dict(figures.by_route) == {"direct_payment": PA_YEAR + CUSHION, "notional": GYM_YEAR + COURSE_YEAR}
    assert dict(figures.by_category) == {"personal_assistant": PA_YEAR, "other": GYM_YEAR + COURSE_YEAR,
                                         "equipment": CUSHION}  # fmt: skip
    assert analysis.serving == {"o1": (1, 3, 4), "o2": (2, 3)}


def test_a_one_off_budget_counts_recurring_costs_over_its_span() -> None:
    plan = hand_plan("12000.00", Period.ONE_OFF)
    plan.finance.budget_start, plan.finance.budget_end = date(2026, 12, 1), date(2027, 5, 31)  # 6 months
    position = analyse(plan, PINNED_TODAY).position
    # Half a year of each recurring cost: 3,900 + 240 + 260; the cushion once.
    assert (position.span_months, position.whole_planned) == (6, D("3900.00") + D("240.00") + D("260.00") + CUSHION)
    assert position.verdict == Verdict.UNPLANNED  # 12,000 - 4,660 = 7,340 left, over a tenth.
    plan.finance.budget_end = None
    position = analyse(plan, PINNED_TODAY).position
    assert (position.uncounted, position.whole_planned) == (3, CUSHION)  # Recurring costs wait for the dates.


def test_the_calculators_costs_for_a_pa() -> None:
    plan = hand_plan("13000.00", Period.YEAR)
    sam = PersonalAssistant(who="Sam", hourly_rate=D("15.00"), hours_per_week=D(10), holiday_cover=False,
                            sick_weeks=D(0), wage_line="pa", pension=PensionChoice.OPTED_IN)  # fmt: skip
    plan.finance.employing.assistants = [sam]
    costs = analyse(plan, PINNED_TODAY).figures.pa_costs
    assert costs is not None
    (pa,) = costs.per_pa
    # Wages are the wage line's year, 7,800; the pension is 3% of pay above the lower limit, 6,240.
    assert pa.part("wages") + pa.part("holiday_pay") + pa.part("sick_pay") == PA_YEAR
    assert pa.part("pension") == (PA_YEAR - D("6240.00")) * D("0.03") == D("46.80")
    assert analyse(new_plan("No PAs"), PINNED_TODAY).figures.pa_costs is None


def test_gaps_are_grouped_by_the_questions_reviewers_ask_and_set_aside_ones_kept_apart() -> None:
    plan = new_plan("Empty")
    plan.not_applicable = [NotApplicable(rule="no-risks", reason="Nothing can go wrong here.")]
    analysis = analyse(plan, PINNED_TODAY)
    assert list(analysis.gaps) == find_gaps(plan) and list(analysis.set_aside) == set_aside(plan)
    assert [gap.rule for gap, _ in analysis.set_aside] == ["no-risks"]
    assert "no-risks" not in {gap.rule for gap in analysis.gaps} and not analysis.ready
    assert list(analysis.gaps_by_criterion) == [c for c in Criterion if any(g.criterion == c for g in analysis.gaps)]
    assert analysis.gaps_by_criterion[Criterion.OWN][0].rule == "no-name"
    (aside,) = analysis.set_aside_texts
    assert aside.startswith("No risks listed: what could go wrong") and aside.endswith(
        'Reason given: "Nothing can go wrong here."'
    )


def test_one_analysis_for_each_revision() -> None:
    plan = hand_plan("13000.00", Period.YEAR)
    cache = AnalysisCache()
    first = cache.of(plan, 1, PINNED_TODAY)
    assert cache.of(plan, 1, PINNED_TODAY) is first
    plan.finance.line_items.pop()  # An edit: the app counts it as the next revision.
    second = cache.of(plan, 2, PINNED_TODAY)
    assert second is not first and second.position.whole_planned == PLANNED_YEAR - CUSHION


pennies = st.integers(min_value=1, max_value=500_000)


@settings(max_examples=40, deadline=None)
@given(
    weekly_thirds=st.integers(min_value=1, max_value=300_000),
    costs=st.lists(st.tuples(pennies, st.sampled_from([p for p in Period])), min_size=1, max_size=8),
)
def test_every_shape_of_budget_gives_the_same_verdict(weekly_thirds: int, costs: list[tuple[int, Period]]) -> None:
    """The same budget written for a week, four weeks, a month or a year: one verdict, one whole."""
    week = D(weekly_thirds * 3) / 100  # A multiple of 3p, so a month (52 / 12 weeks) is whole pennies.
    shapes = {Period.WEEK: week, Period.FOUR_WEEKS: week * 4, Period.MONTH: week * 13 / 3, Period.YEAR: week * 52}
    found = set()
    for period, amount in shapes.items():
        plan = hand_plan(f"{amount:.2f}", period)
        plan.finance.line_items = [
            LineItem(id=f"i{n}", description=f"Cost {n}", unit_cost=D(cost) / 100, period=often, outcome_ids=["o1"])
            for n, (cost, often) in enumerate(costs)
        ]
        position = analyse(plan, PINNED_TODAY).position
        found.add((position.verdict, position.whole_budget, position.whole_planned))
    assert len(found) == 1


@settings(max_examples=15, deadline=None)
@given(costs=st.lists(st.tuples(pennies, st.sampled_from([p for p in Period])), min_size=1, max_size=6))
def test_the_summary_prints_the_analysis_figures(costs: list[tuple[int, Period]]) -> None:
    plan = hand_plan("13000.00", Period.YEAR)
    plan.finance.line_items = [
        LineItem(id=f"i{n}", description=f"Cost {n}", unit_cost=D(cost) / 100, period=often, outcome_ids=["o1"])
        for n, (cost, often) in enumerate(costs)
    ]
    analysis = analyse(plan, PINNED_TODAY)
    text = " ".join(export_text(plan, "txt", prepared_on=PINNED_TODAY).split())
    position = analysis.position
    assert f"Planned: {format_money(position.whole_planned)} a year" in text
    assert f"Total, a year: {format_money(position.whole_planned)}" in text or (
        f"Total, a year {format_money(position.whole_planned)}" in text
    )
    remaining = position.whole_remaining
    assert remaining is not None
    said = "Left over" if remaining >= 0 else "Over budget by"
    assert f"{said}: {format_money(abs(remaining))} a year" in text
    assert sum(analysis.figures.by_outcome.values(), D(0)) == analysis.figures.basis_total == position.whole_planned
