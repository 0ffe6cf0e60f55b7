"""Step 2: outcomes are added, reordered and removed, and unlinked ones are pointed out."""

from __future__ import annotations

from textual.widgets import Static

from phb_tui.planning.steps import Step
from plan_store import Plan, PlanStore, Priority

from .helpers import choose, paste, plan_open_at, saved


async def test_an_outcome_is_added_with_every_field(store: PlanStore) -> None:
    async with plan_open_at(store, step=Step.OUTCOMES) as (app, pilot, path):
        app.screen.query_one("#outcomes VirtualTable").focus()
        await pilot.press("a")
        # Pasted: typing letter by letter is tested elsewhere, and Pilot waits for idle after each key.
        for text in (
            "Seeing my friends",
            "I go to lunch club every week",
            "I have not missed a week",
            "Loneliness makes my COPD worse",
            "Isolation and more hospital stays",
        ):
            await paste(pilot, text)
            await pilot.press("tab")
        await choose(pilot, "#field-priority", "high")
        await pilot.press("escape", "ctrl+s")
        assert "Not yet linked to any spending" in str(app.screen.query_one("#unlinked", Static).render())
    outcome = saved(store, path).outcomes[0]
    assert outcome.id == "o1"
    assert outcome.what_matters == "Seeing my friends"
    assert outcome.outcome == "I go to lunch club every week"
    assert outcome.how_i_will_know == "I have not missed a week"
    assert outcome.evidence == "Loneliness makes my COPD worse"
    assert outcome.risk_if_not_met == "Isolation and more hospital stays"
    assert outcome.priority == Priority.HIGH


async def test_outcomes_are_reordered_with_alt_arrows(store: PlanStore, example_plan: Plan) -> None:
    async with plan_open_at(store, example_plan, Step.OUTCOMES) as (app, pilot, path):
        app.screen.query_one("#outcomes VirtualTable").focus()
        await pilot.press("down", "alt+up", "ctrl+s")
    assert [o.id for o in saved(store, path).outcomes] == ["o2", "o1"]


async def test_removing_an_outcome_asks_first_and_unlinks_spending(store: PlanStore, example_plan: Plan) -> None:
    async with plan_open_at(store, example_plan, Step.OUTCOMES) as (app, pilot, path):
        app.screen.query_one("#outcomes VirtualTable").focus()
        await pilot.press("down", "delete")
        await pilot.press("n")  # Changed my mind.
        await pilot.press("ctrl+s")
        assert [o.id for o in saved(store, path).outcomes] == ["o1", "o2"]
        await pilot.press("delete", "y", "ctrl+s")
    plan = saved(store, path)
    assert [o.id for o in plan.outcomes] == ["o1"]
    swim = next(i for i in plan.finance.line_items if i.id == "swim")
    cushion = next(i for i in plan.finance.line_items if i.id == "cushion")
    assert swim.outcome_ids == [] and cushion.outcome_ids == ["o1"]
    assert all("o2" not in r.outcome_ids for r in plan.resources)
