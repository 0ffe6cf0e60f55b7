"""Step 5: the budget and what it buys; money typed in any sensible way, and refused otherwise."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from textual.widgets import Static

from phb_tui.planning.steps import Step
from plan_store import ManagementRoute, Period, Plan, PlanStore
from screens.pa_calculator import PACalculatorDialog

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
        ("-5", "cannot be less than £0"),
        ("abc", "is not an amount"),
        ("1,20", "is not an amount"),
    ],
)
async def test_bad_amounts_are_refused_and_nothing_is_saved(
    store: PlanStore, example_plan: Plan, typed: str, says: str
) -> None:
    async with plan_open_at(store, example_plan, Step.FINANCE) as (app, pilot, path):
        before = saved(store, path).finance
        await fill(pilot, "#field-budget_amount", typed)
        assert says in error_text(app, "budget_amount")
        assert "Not saved" in error_text(app, "budget_amount")
        await pilot.press("ctrl+s")
        # Not even the text on the way to the refusal ("12.34" of "12.345"): the amount from before.
        assert saved(store, path).finance == before


async def test_line_items_are_added_and_the_total_shows_over_budget_in_words(store: PlanStore) -> None:
    async with plan_open_at(store, step=Step.FINANCE) as (app, pilot, path):
        await fill(pilot, "#field-budget_amount", "100")
        await choose(pilot, "#field-budget_period", "week")
        assert "Nothing is planned yet: add what the budget will pay for." in totals(app)
        app.screen.query_one("#line-items VirtualTable").focus()
        await pilot.press("a")
        await pilot.press(*keys("PA mornings"))
        await choose(pilot, "#field-category", "personal_assistant")
        await fill(pilot, "#field-provider", "Jo Bloggs")
        await fill(pilot, "#field-unit_cost", "£14.50")
        await fill(pilot, "#field-quantity", "7.5")
        await choose(pilot, "#field-route", "direct_payment")
        await pilot.press("escape")
        assert "✗ Over budget by £455.00 a year (£8.75 a week)" in totals(app)
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
        app.screen.query_one("#line-items VirtualTable").focus()
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


async def test_the_pa_calculator_at_80x24_adds_only_what_is_missing_and_never_twice(
    store: PlanStore, example_plan: Plan
) -> None:
    # The plan already pays Sam and Lee by the hour, and has its own insurance and payroll lines.
    wages = {item.id: item for item in example_plan.finance.line_items if item.id in ("pa-mornings", "pa-evenings")}
    async with plan_open_at(store, example_plan, Step.FINANCE, size=(80, 24)) as (app, pilot, path):
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, PACalculatorDialog)
        assert app.focused is not None and app.focused.id == "pa-result"  # The figures, first.
        seen = set()
        for _ in range(30):  # Every figure can be reached by keyboard: PageDown through them all.
            seen |= set(screen_text(app).split("\n"))
            await pilot.press("pagedown")
            await pilot.pause()
        shown = "\n".join(seen)
        assert "Rates used: Rates for 2026 to 2027" in shown
        assert "(already in the plan)" in shown and "Total, a year" in shown
        # Lines the person wrote in their own words that may be the same costs are pointed out.
        assert "Employer's liability insurance" in shown and "may be some of these costs" in shown
        await pilot.press("f9")
        await pilot.pause()
        first = [item.id for item in app.session.plan.finance.line_items]  # type: ignore[union-attr]
        at = first.index("pa-mornings")
        # Sam's holiday is covered by the agency line, as the answers kept in the plan say.
        assert first[at + 1 : at + 3] == ["pa-mornings-sickcover", "pa-mornings-pension"]
        await pilot.press("f6")
        await pilot.pause()
        await pilot.press("f9")  # Again: the same lines, updated.
        await pilot.pause()
        await pilot.press("ctrl+s")
    items = saved(store, path).finance.line_items
    assert [item.id for item in items] == first
    assert len({item.id for item in items}) == len(items)
    for line_id, wage in wages.items():  # The wages themselves are untouched, and not counted twice.
        assert next(item for item in items if item.id == line_id) == wage
        extras = [item for item in items if item.id.startswith(f"{line_id}-")]
        assert extras and all(item.outcome_ids == wage.outcome_ids for item in extras)
        assert not any("wages" in item.description for item in extras)


async def test_a_pa_not_in_the_plan_can_be_costed_and_a_low_wage_is_warned(store: PlanStore) -> None:
    async with plan_open_at(store, step=Step.FINANCE, size=(100, 50)) as (app, pilot, path):
        await pilot.press("f6")
        await pilot.pause()
        await fill(pilot, "#field-hourly_rate", "11.00")
        await pilot.press("f5")
        await pilot.pause()
        assert "below the National Living Wage" in screen_text(app)
        await pilot.press("escape")
        assert saved(store, path).finance.line_items == []


async def test_a_second_pa_is_added_only_by_asking_and_its_questions_come_into_view(store: PlanStore) -> None:
    async with plan_open_at(store, step=Step.FINANCE) as (app, pilot, _path):
        await pilot.press("f6")
        await pilot.pause()
        assert "Describe one below" in screen_text(app)  # One PA to describe is there already.
        await pilot.press("f3")
        await pilot.pause()
        assert "A PA not yet in the plan: Personal assistant 2" in screen_text(app)
        assert app.focused is not None and app.focused in app.screen.query_one("#pa-1").query("*")


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

        app.screen.query_one("#line-items VirtualTable").focus()
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
        assert "In all: budget £3,000.00 · planned £3,000.00" in screen_text(app)
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
        app.screen.query_one("#line-items VirtualTable").focus()
        await pilot.press("a")
        await paste(pilot, "Hoist sling")
        await pilot.press("escape")
        await pilot.pause()
        app.screen.query_one("#line-items").scroll_visible(animate=False)
        await pilot.pause()
        # The wide "nothing yet" row is gone, and the columns are as wide as what they hold now.
        rows = [line for line in screen_text(app).splitlines() if "£0.00 a week" in line]
        assert len(rows) == 1 and 0 < rows[0].index("Hoist sling") < 10, rows


async def test_a_wheelchair_budget_with_nothing_planned_is_not_done_until_the_chair_is_added(store: PlanStore) -> None:
    """Step 5 is ticked only when the money is planned: a budget alone is not a financial plan."""
    async with plan_open_at(store, step=Step.FINANCE) as (app, pilot, _path):
        await fill(pilot, "#field-budget_amount", "3000")
        await choose(pilot, "#field-budget_period", "one_off")
        bar = str(app.screen.query_one("#journey").render())
        assert "Step 5 of 7: Financial plan (in progress). Still to do here: Nothing is planned yet" in " ".join(
            bar.split()
        )
        assert "Nothing is planned yet" in totals(app)
        app.screen.query_one("#line-items VirtualTable").focus()
        await pilot.press("a")
        await pilot.press(*keys("Lightweight wheelchair"))
        await fill(pilot, "#field-unit_cost", "2800")
        await choose(pilot, "#field-period", "one_off")
        await pilot.press("escape")
        await pilot.pause()
        assert "Left over: £200.00 in all." in totals(app)
        bar = " ".join(str(app.screen.query_one("#journey").render()).split())
        assert "Nothing is planned yet" not in bar and "Still to do here: Spending item 1" in bar
