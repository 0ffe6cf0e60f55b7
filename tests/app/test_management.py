"""Step 3: the self-assessment gives a suggestion with reasons, which can be taken or left."""

from __future__ import annotations

from textual.widgets import Button, Static

from phb_tui.planning.steps import Step
from plan_store import EligibilityRoute, ManagementOption, PlanStore, new_plan

from .helpers import choose, fill, plan_open_at, saved, screen_text


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
    async with plan_open_at(store) as (app, pilot, _path):
        await choose(pilot, "#field-eligibility", "personal_wheelchair_budget")
        await pilot.press("f8", "f8")
        await pilot.pause()
        await choose(pilot, "#field-control_wanted", "a_lot")
        await choose(pilot, "#field-managing_money", "confident")
        assert "cannot be paid as a direct payment" in suggestion(app)
        assert "Suggested: Third-party budget." in suggestion(app)


def choice_note(app: object) -> str:
    return str(app.screen.query_one("#choice-note", Static).render())  # type: ignore[attr-defined]


async def test_a_wheelchair_budget_says_its_rules_beside_the_choice(store: PlanStore) -> None:
    plan = new_plan("Chair")
    plan.eligibility = EligibilityRoute.WHEELCHAIR
    async with plan_open_at(store, plan, Step.MANAGEMENT) as (app, pilot, _path):
        assert "cannot be a direct payment" in choice_note(app)
        await choose(pilot, "#field-option", "third_party")
        assert "you usually own the chair, and pay for its repairs yourself" in choice_note(app)
        await choose(pilot, "#field-option", "direct_payment")
        assert choice_note(app).startswith("A direct payment is not allowed for a wheelchair budget")


async def test_direct_payment_details_are_chosen_with_each_role_explained(store: PlanStore) -> None:
    async with plan_open_at(store, step=Step.MANAGEMENT, size=(80, 40)) as (app, pilot, path):
        field = app.screen.query_one("#field-received_by").parent
        assert field is not None and field.parent is not None
        field.parent.scroll_visible(animate=False, top=True)  # The whole field: its box, then its help.
        await pilot.pause()
        await pilot.pause()
        text = " ".join(screen_text(app).split())
        assert "A nominee: Someone you choose to receive and manage the money for you" in text
        await choose(pilot, "#field-received_by", "nominee")
        await choose(pilot, "#field-held_in", "managed_account")
        await pilot.press("ctrl+s")
    details = saved(store, path).management.direct_payment
    assert (details.received_by, details.held_in, details.agreement_signed) == ("nominee", "managed_account", False)
