"""Step 5: the budget and what it buys; money typed in any sensible way, and refused otherwise."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from textual.widgets import Static

from phb_tui.planning.steps import Step
from plan_store import ManagementRoute, Period, Plan, PlanStore

from .helpers import choose, error_text, fill, keys, paste, plan_open_at, saved, screen_text


def totals(app: object) -> str:
    return str(app.screen.query_one("#totals", Static).render())  # type: ignore[attr-defined]


@pytest.mark.parametrize(("typed", "stored"), [("£1,200.50", "1200.50"), ("1200.5", "1200.50"), ("12000", "12000.00")])
async def test_budget_amounts_people_type_are_accepted(store: PlanStore, typed: str, stored: str) -> None:
    async with plan_open_at(store, step=Step.FINANCE) as (_app, pilot, path):
        await fill(pilot, "#field-budget_amount", typed)
        await pilot.press("ctrl+s")
    assert saved(store, path).finance.budget_amount == Decimal(stored)


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("12.345", "more than two decimal places"),
        ("-5", "cannot be negative"),
        ("abc", "is not an amount"),
        ("1,20", "is not an amount"),
    ],
)
async def test_bad_amounts_are_refused_and_nothing_is_saved(
    store: PlanStore, example_plan: Plan, typed: str, says: str
) -> None:
    async with plan_open_at(store, example_plan, Step.FINANCE) as (app, pilot, path):
        before = path.read_bytes()
        await fill(pilot, "#field-budget_amount", typed)
        assert says in error_text(app, "budget_amount")
        assert "Not saved" in error_text(app, "budget_amount")
        await pilot.press("ctrl+s")
        assert path.read_bytes() == before


async def test_line_items_are_added_and_the_total_shows_over_budget_in_words(store: PlanStore) -> None:
    async with plan_open_at(store, step=Step.FINANCE) as (app, pilot, path):
        await fill(pilot, "#field-budget_amount", "100")
        await choose(pilot, "#field-budget_period", "week")
        assert "Left over: £100.00 a week" in totals(app)
        app.screen.query_one("#line-items DataTable").focus()
        await pilot.press("a")
        await pilot.press(*keys("PA mornings"))
        await choose(pilot, "#field-category", "personal_assistant")
        await fill(pilot, "#field-provider", "Jo Bloggs")
        await fill(pilot, "#field-unit_cost", "£14.50")
        await fill(pilot, "#field-quantity", "7.5")
        await choose(pilot, "#field-route", "direct_payment")
        await pilot.press("escape")
        assert "OVER BUDGET by £8.75 a week" in totals(app)
        await pilot.press("ctrl+s")
    item = saved(store, path).finance.line_items[0]
    assert (item.description, item.provider, item.unit_cost, item.quantity) == (
        "PA mornings",
        "Jo Bloggs",
        Decimal("14.50"),
        Decimal("7.5"),
    )
    assert item.period == Period.WEEK and item.route == ManagementRoute.DIRECT_PAYMENT


async def test_a_bad_unit_cost_keeps_the_earlier_value(store: PlanStore, example_plan: Plan) -> None:
    async with plan_open_at(store, example_plan, Step.FINANCE) as (app, pilot, path):
        app.screen.query_one("#line-items DataTable").focus()
        await pilot.press("enter")
        await fill(pilot, "#field-unit_cost", "14.999")
        assert "more than two decimal places" in error_text(app, "unit_cost")
        await fill(pilot, "#field-provider", "Two PAs")
        await pilot.press("ctrl+s")  # Saves from inside the dialog too.
        assert saved(store, path).finance.line_items[0].provider == "Two PAs"
        await pilot.press("escape", "ctrl+s")
    assert saved(store, path).finance.line_items[0].unit_cost == Decimal("14.50")


async def test_flexibility_answers_are_saved(store: PlanStore) -> None:
    async with plan_open_at(store, step=Step.FINANCE) as (_app, pilot, path):
        await fill(pilot, "#field-free_to_change", "Moving hours between days")
        await pilot.press("ctrl+s")
    assert saved(store, path).flexibility.free_to_change == "Moving hours between days"


async def test_spending_per_outcome_is_drawn_with_figures(store: PlanStore, example_plan: Plan) -> None:
    async with plan_open_at(store, example_plan, Step.FINANCE, size=(100, 40)) as (app, pilot, _path):
        app.screen.query_one("#chart", Static).scroll_visible(animate=False)
        await pilot.pause()
        chart = screen_text(app)
        assert "Outcome 1" in chart and "£49,466.30 a year (99%)" in chart
        assert "Outcome 2" in chart and "£694.19 a year (1%)" in chart
        assert "£50,997.99 of £52,000.00 (98%)" in chart


async def test_the_pa_calculator_adds_each_part_of_the_cost(store: PlanStore, example_plan: Plan) -> None:
    before = len(example_plan.finance.line_items)
    async with plan_open_at(store, example_plan, Step.FINANCE, size=(100, 40)) as (app, pilot, path):
        await pilot.press("f6")
        await pilot.pause()
        await fill(pilot, "#field-hourly_rate", "13.00")
        await fill(pilot, "#field-hours_per_week", "20")
        await fill(pilot, "#field-insurance_per_year", "120")
        await fill(pilot, "#field-payroll_per_year", "180")
        app.screen.query_one("#field-outcome_ids").focus()
        await pilot.press("space")
        app.screen.query_one("#pa-rates").scroll_visible(animate=False)
        await pilot.pause()
        text = screen_text(app)
        assert "Rates used: Rates for 2026 to 2027" in text
        assert "15,754.40" in text
        app.screen.query_one("#add").focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert app.session is not None and not app.session.unsaved
    items = saved(store, path).finance.line_items[before:]
    # With the Employment Allowance (no NI) and a pension: 15,754.40 a year, as worked by hand in
    # tests/test_pa_costs.py; the employer's NI part is nothing, so it is not added.
    assert sum(item.unit_cost for item in items) == Decimal("15754.40")
    assert all(item.outcome_ids == ["o1"] and item.period == Period.YEAR for item in items)
    assert len(items) == 7


async def test_a_wage_below_the_living_wage_is_warned_in_the_calculator(store: PlanStore) -> None:
    async with plan_open_at(store, step=Step.FINANCE, size=(100, 50)) as (app, pilot, path):
        await pilot.press("f6")
        await pilot.pause()
        await fill(pilot, "#field-hourly_rate", "11.00")
        app.screen.query_one("#pa-result").scroll_visible(animate=False)
        await pilot.pause()
        assert "below the National Living Wage" in screen_text(app)
        await pilot.press("escape")
        assert saved(store, path).finance.line_items == []


async def test_a_one_off_wheelchair_budget_with_a_top_up_is_typed_in_and_refusals_change_nothing(
    store: PlanStore,
) -> None:
    async with plan_open_at(store, step=Step.FINANCE, size=(100, 40)) as (app, pilot, path):
        await fill(pilot, "#field-budget_amount", "3000")
        await choose(pilot, "#field-budget_period", "one_off")
        await fill(pilot, "#field-budget_start", "01/12/2026")
        await fill(pilot, "#field-budget_end", "30/11/2025")
        assert "The budget runs to is 30/11/2025, before the budget starts (01/12/2026)" in error_text(
            app, "budget_end"
        )
        await fill(pilot, "#field-budget_end", "30/11/2031")
        assert error_text(app, "budget_end") == ""

        app.screen.query_one("#line-items DataTable").focus()
        await pilot.press("a")
        await paste(pilot, "Lightweight wheelchair")
        await fill(pilot, "#field-unit_cost", "4200")
        await choose(pilot, "#field-period", "one_off")
        await fill(pilot, "#field-contribution", "5000")
        assert "is £5,000.00, more than the full price each time (£4,200.00)" in error_text(app, "contribution")
        await fill(pilot, "#field-contribution", "1200")
        await choose(pilot, "#field-contribution_from", "own_money")
        app.screen.query_one("#field-checked_allowed").focus()
        await pilot.press("space")  # Ticked with no reason given.
        assert "is needed when the item is marked as checked" in error_text(app, "checked_allowed")
        await pilot.press("escape")
        await pilot.pause()
        assert "Budget £3,000.00 in all · planned £3,000.00" in screen_text(app)
        await pilot.press("ctrl+s")

    plan = saved(store, path)
    assert plan.finance.budget_period == Period.ONE_OFF
    assert (plan.finance.budget_start, plan.finance.budget_end) == (date(2026, 12, 1), date(2031, 11, 30))
    (item,) = plan.finance.line_items
    assert (item.unit_cost, item.contribution, item.contribution_from) == (
        Decimal("4200.00"),
        Decimal("1200.00"),
        "own_money",
    )
    assert item.checked_allowed is False


async def test_a_list_fits_its_columns_to_what_it_shows_after_the_first_entry(store: PlanStore) -> None:
    async with plan_open_at(store, step=Step.FINANCE) as (app, pilot, _path):
        app.screen.query_one("#line-items DataTable").focus()
        await pilot.press("a")
        await paste(pilot, "Hoist sling")
        await pilot.press("escape")
        await pilot.pause()
        app.screen.query_one("#line-items").scroll_visible(animate=False)
        await pilot.pause()
        # The wide "nothing yet" row is gone, and the columns are as wide as what they hold now.
        rows = [line for line in screen_text(app).splitlines() if "£0.00 a week" in line]
        assert len(rows) == 1 and 0 < rows[0].index("Hoist sling") < 10, rows
