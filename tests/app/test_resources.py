"""Step 4: support beyond money, linked to the outcomes it serves."""

from __future__ import annotations

from phb_tui.planning.steps import Step
from plan_store import Plan, PlanStore, ResourceKind

from .helpers import choose, keys, plan_open_at, saved


async def test_a_resource_is_added_and_linked_to_an_outcome(store: PlanStore, example_plan: Plan) -> None:
    async with plan_open_at(store, example_plan, Step.RESOURCES) as (app, pilot, path):
        app.screen.query_one("#resources VirtualTable").focus()
        await pilot.press("a")
        await choose(pilot, "#field-kind", "person")
        app.screen.query_one("#field-description").focus()
        await pilot.press(*keys("My sister drives me to the pool"))
        app.screen.query_one("#field-outcome_ids").focus()
        await pilot.press("down", "space")  # Tick the second outcome.
        await pilot.press("escape", "ctrl+s")
    added = saved(store, path).resources[-1]
    assert added.kind == ResourceKind.PERSON
    assert added.description == "My sister drives me to the pool"
    assert added.outcome_ids == ["o2"]
