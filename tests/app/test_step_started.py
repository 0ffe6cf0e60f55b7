"""A step counts as started once anything its forms edit is filled in: the journey bar reads the
same declarations the forms are drawn from, so no field can be left out of one and not the other."""

from __future__ import annotations

from phb_tui.planning.steps import Step
from plan_store import PlanStore

from .helpers import fill, keys, plan_open_at, saved, screen_text


async def test_a_helper_a_gp_and_a_preferred_name_start_step_one(store: PlanStore) -> None:
    async with plan_open_at(store, size=(100, 30)) as (app, pilot, path):
        assert "Step 1 of 7: Get informed (not started)." in screen_text(app)
        await fill(pilot, "#field-preferred_name", "Mira")
        await fill(pilot, "#field-gp", "Riverside Surgery")
        app.screen.query_one("#helpers VirtualTable").focus()
        await pilot.press("a", "tab", *keys("Sam Okafor"), "escape")
        await pilot.pause()
        shown = screen_text(app)
        await pilot.press("ctrl+s")
    plan = saved(store, path)
    assert (plan.person.preferred_name, plan.contacts.gp) == ("Mira", "Riverside Surgery")
    assert [helper.name for helper in plan.helpers] == ["Sam Okafor"]
    assert not plan.person.name and not plan.icb_name and plan.eligibility is None
    assert "Step 1 of 7: Get informed (in progress)." in shown


async def test_a_budget_with_nothing_planned_is_not_a_finished_financial_plan(store: PlanStore) -> None:
    async with plan_open_at(store, step=Step.FINANCE, size=(100, 30)) as (app, pilot, path):
        await fill(pilot, "#field-budget_amount", "18000")
        await fill(pilot, "#field-budget_start", "01/04/2027")
        await fill(pilot, "#field-budget_end", "31/03/2028")
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = screen_text(app)
    plan = saved(store, path)
    assert plan.finance.budget_amount and not plan.finance.line_items  # The budget is in, and nothing is planned.
    assert "Step 5 of 7: Financial plan (in progress)." in shown, shown
    assert "5 Finance~" in shown and "5 Finance✓" not in shown, shown
