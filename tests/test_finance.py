"""Money that adds up: period conversions, rounding once, and totals that equal their parts."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from phb_tui.planning.finance import (
    apportion,
    basis_total,
    budget_position,
    by_category,
    by_outcome,
    by_route,
    convert,
    item_cost_per_year,
)
from plan_store import LineItem, ManagementRoute, Outcome, Period, SpendCategory, new_plan, round_pennies
from plan_store.models import YearConvention

USUAL = YearConvention()
D = Decimal


@pytest.mark.parametrize(
    ("amount", "from_period", "to_period", "expected"),
    [
        ("100.00", Period.WEEK, Period.YEAR, "5200.00"),
        ("100.00", Period.WEEK, Period.FOUR_WEEKS, "400.00"),
        ("100.00", Period.WEEK, Period.MONTH, "433.33"),  # 5,200 / 12 = 433.333...
        ("1000.00", Period.YEAR, Period.WEEK, "19.23"),  # 1,000 / 52 = 19.2307...
        ("1000.00", Period.YEAR, Period.FOUR_WEEKS, "76.92"),  # 1,000 / 13 = 76.923...
        ("1000.00", Period.MONTH, Period.WEEK, "230.77"),  # 12,000 / 52 = 230.769...
        ("0.01", Period.YEAR, Period.WEEK, "0.00"),  # Less than a penny a week.
        ("0.26", Period.YEAR, Period.WEEK, "0.01"),  # 0.005 exactly: half-up.
        ("1.30", Period.YEAR, Period.FOUR_WEEKS, "0.10"),
        ("130.00", Period.FOUR_WEEKS, Period.MONTH, "140.83"),  # 1,690 / 12 = 140.8333...
    ],
)
def test_period_conversions_by_hand(amount: str, from_period: Period, to_period: Period, expected: str) -> None:
    assert round_pennies(convert(D(amount), from_period, to_period, USUAL)) == D(expected)


def test_another_year_convention_is_used_when_the_plan_says_so() -> None:
    convention = YearConvention(weeks=D("52.14"))
    assert round_pennies(convert(D("100.00"), Period.WEEK, Period.YEAR, convention)) == D("5214.00")


@pytest.mark.parametrize(
    ("unit_cost", "quantity", "period", "yearly"),
    [
        ("14.50", "35", Period.WEEK, "26390.00"),
        ("14.50", "7.25", Period.WEEK, "5466.50"),  # 105.125 a week: exact until the year is added up.
        ("4.80", "8", Period.FOUR_WEEKS, "499.20"),
        ("33.33", "1", Period.MONTH, "399.96"),
        ("389.99", "1", Period.ONE_OFF, "389.99"),  # Counted once.
        ("0.01", "0.5", Period.WEEK, "0.26"),  # Half a penny a week is 26p a year.
    ],
)
def test_item_costs_a_year(unit_cost: str, quantity: str, period: Period, yearly: str) -> None:
    item = LineItem(id="x", description="x", unit_cost=unit_cost, quantity=quantity, period=period)  # type: ignore[arg-type]
    assert round_pennies(item_cost_per_year(item, USUAL)) == D(yearly)


def _plan_with(*items: LineItem, budget: str | None = None, period: Period = Period.YEAR):  # type: ignore[no-untyped-def]
    plan = new_plan("Money")
    plan.outcomes = [Outcome(id="o1", outcome="A"), Outcome(id="o2", outcome="B"), Outcome(id="o3", outcome="C")]
    plan.finance.line_items = list(items)
    plan.finance.budget_period = period
    plan.finance.budget_amount = D(budget) if budget else None
    return plan


def test_rounding_happens_once_not_per_item() -> None:
    # Three items of a third of a penny a week each: rounded one by one they would be 0.00 a week.
    items = [
        LineItem(id=f"i{n}", description="x", unit_cost="0.01", quantity="0.34", period=Period.WEEK) for n in range(3)
    ]
    plan = _plan_with(*items, period=Period.WEEK)
    assert budget_position(plan).planned == D("0.01")  # 3 x 0.0034 = 0.0102


def test_one_offs_count_against_the_budget_in_every_shape() -> None:
    weekly = LineItem(id="a", description="PA", unit_cost="100.00", period=Period.WEEK)
    chair = LineItem(id="b", description="Chair", unit_cost="520.00", period=Period.ONE_OFF)
    yearly = budget_position(_plan_with(weekly, chair, budget="6000.00"))
    assert (yearly.planned, yearly.one_off, yearly.remaining) == (D("5720.00"), D("520.00"), D("280.00"))
    # A weekly budget of £120.00 is £6,240.00 a year: the chair counts once in the year, £10.00 a week.
    week = budget_position(_plan_with(weekly, chair, budget="120.00", period=Period.WEEK))
    assert (week.planned, week.one_off, week.remaining) == (D("110.00"), D("520.00"), D("10.00"))
    assert (week.whole_budget, week.whole_planned, week.whole_remaining) == (D("6240.00"), D("5720.00"), D("520.00"))


def test_a_shared_item_is_split_equally_and_the_parts_add_up() -> None:
    shared = LineItem(
        id="a", description="Taxi", unit_cost="100.00", period=Period.YEAR, outcome_ids=["o1", "o2", "o3"]
    )
    plan = _plan_with(shared)
    assert by_outcome(plan) == {"o1": D("33.34"), "o2": D("33.33"), "o3": D("33.33")}


def test_apportion_gives_spare_pennies_to_the_largest_remainders() -> None:
    parts = apportion({"a": D("1.004"), "b": D("1.006"), "c": D("1.000")}, D("3.01"))
    assert parts == {"a": D("1.00"), "b": D("1.01"), "c": D("1.00")}


# --- properties --------------------------------------------------------------------------------

money = st.decimals(min_value=D("0"), max_value=D("5000"), places=2)
quantities = st.decimals(min_value=D("0"), max_value=D("80"), places=2)
periods = st.sampled_from(list(Period))
budget_periods = st.sampled_from([p for p in Period if p != Period.ONE_OFF])
outcome_links = st.lists(st.sampled_from(["o1", "o2", "o3"]), unique=True, max_size=3)


@st.composite
def line_items(draw: st.DrawFn) -> list[LineItem]:
    count = draw(st.integers(min_value=0, max_value=12))
    return [
        LineItem(
            id=f"i{n}",
            description=f"Item {n}",
            unit_cost=draw(money),
            quantity=draw(quantities),
            period=draw(periods),
            outcome_ids=draw(outcome_links),
            category=draw(st.sampled_from(list(SpendCategory))),
            route=draw(st.sampled_from([None, *ManagementRoute])),
        )
        for n in range(count)
    ]


@settings(max_examples=200, deadline=None)
@given(items=line_items())
def test_every_breakdown_adds_up_to_the_total_exactly(items: list[LineItem]) -> None:
    plan = _plan_with(*items)
    total = basis_total(plan)
    for breakdown in (by_outcome(plan), by_category(plan), by_route(plan)):
        assert sum(breakdown.values(), D(0)) == (total if items else D(0))
        assert all(value >= 0 and value == round_pennies(value) for value in breakdown.values())


@settings(max_examples=200, deadline=None)
@given(items=line_items(), period=budget_periods)
def test_the_yearly_plan_is_the_budget_period_plan_scaled_within_a_penny_per_period(
    items: list[LineItem], period: Period
) -> None:
    plan = _plan_with(*items, period=period)
    recurring = [i for i in items if i.period != Period.ONE_OFF]
    in_period = budget_position(plan).recurring
    yearly = sum((round_pennies(item_cost_per_year(i, USUAL)) for i in recurring), D(0))  # The lines as shown.
    per_year = {Period.WEEK: 52, Period.FOUR_WEEKS: 13, Period.MONTH: 12, Period.YEAR: 1}[period]
    assert abs(in_period * per_year - yearly) <= D("0.005") * per_year + D("0.005")


@settings(max_examples=300, deadline=None)
@given(amount=money, there=budget_periods, back=budget_periods)
def test_converting_there_and_back_comes_home_within_a_penny(amount: Decimal, there: Period, back: Period) -> None:
    away = round_pennies(convert(amount, back, there, USUAL))
    home = round_pennies(convert(away, there, back, USUAL))
    # Rounding at the far end can cost up to half a penny there, scaled by the conversion back.
    scale = max(D(1), convert(D(1), there, back, USUAL))
    assert abs(home - amount) <= D("0.005") * scale + D("0.01")


@settings(max_examples=200, deadline=None)
@given(items=line_items())
def test_no_float_anywhere_in_the_figures(items: list[LineItem]) -> None:
    plan = _plan_with(*items, budget="1000.00")
    position = budget_position(plan)
    figures = [position.planned, position.recurring, position.one_off, basis_total(plan), *by_outcome(plan).values()]
    assert all(isinstance(figure, Decimal) for figure in figures)
