"""Step 3: the self-assessment gives a suggestion with reasons, which can be taken or left."""

from __future__ import annotations

from textual.widgets import Button, Static

from phb_tui.steps import Step
from plan_store import ManagementOption, PlanStore

from .helpers import choose, fill, plan_open_at, saved


def suggestion(app: object) -> str:
    return str(app.screen.query_one("#suggestion", Static).render())  # type: ignore[attr-defined]


async def test_answers_lead_to_a_suggestion_that_can_be_accepted(store: PlanStore) -> None:
    async with plan_open_at(store, step=Step.MANAGEMENT) as (app, pilot, path):
        assert "Answer the questions" in suggestion(app)
        await choose(pilot, "#field-control_wanted", "a_lot")
        await choose(pilot, "#field-managing_money", "confident")
        await choose(pilot, "#field-using_computers", "confident")
        await choose(pilot, "#field-employing_staff", "somewhat")
        assert "Suggested: Direct payment." in suggestion(app)
        assert "You want a lot of control" in suggestion(app)
        app.screen.query_one("#accept", Button).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "This is what you have chosen." in suggestion(app)
        assert app.screen.query_one("#accept", Button).disabled
        await fill(pilot, "#field-managed_by", "Me, with payroll support")
        await pilot.press("ctrl+s")
    management = saved(store, path).management
    assert management.option == ManagementOption.DIRECT_PAYMENT
    assert management.managed_by == "Me, with payroll support"
    assert management.self_assessment.employing_staff == "somewhat"


async def test_the_person_can_overrule_the_suggestion(store: PlanStore) -> None:
    async with plan_open_at(store, step=Step.MANAGEMENT) as (app, pilot, path):
        await choose(pilot, "#field-control_wanted", "a_little")
        assert "Suggested: Notional budget" in suggestion(app)
        await choose(pilot, "#field-option", "third_party")
        assert "which is your decision to make" in suggestion(app)
        await pilot.press("ctrl+s")
    assert saved(store, path).management.option == ManagementOption.THIRD_PARTY


async def test_a_wheelchair_budget_is_never_suggested_as_a_direct_payment(store: PlanStore) -> None:
    async with plan_open_at(store) as (app, pilot, path):
        await choose(pilot, "#field-eligibility", "personal_wheelchair_budget")
        await pilot.press("f8", "f8")
        await pilot.pause()
        await choose(pilot, "#field-control_wanted", "a_lot")
        await choose(pilot, "#field-managing_money", "confident")
        assert "cannot be paid as a direct payment" in suggestion(app)
        assert "Suggested: Third-party budget." in suggestion(app)
