"""The person-centred planning tools, filled in by keyboard at 80x24: about me on the Outcomes
step, who decides on the Managing the money step, and the action plan on the Review step."""

from __future__ import annotations

from textual.widgets import DataTable

from phb_tui.planning.person_centred import USUAL_TASKS
from phb_tui.planning.steps import Step
from plan_store import PlanStore, new_plan
from plan_store.vocabulary import ManagementOption

from .helpers import keys, plan_open_at, saved


async def test_about_me_is_typed_in_and_saved(store: PlanStore) -> None:
    async with plan_open_at(store, step=Step.OUTCOMES) as (app, pilot, path):
        app.screen.query_one("#field-important_to_me").focus()
        await pilot.pause()
        await pilot.press(*keys("My garden and my cat"), "tab", "ctrl+s")
        await pilot.pause()
    assert saved(store, path).about_me.important_to_me == "My garden and my cat"


async def test_a_decision_is_added_by_keyboard(store: PlanStore) -> None:
    async with plan_open_at(store, step=Step.MANAGEMENT) as (app, pilot, path):
        app.screen.query_one("#decisions DataTable", DataTable).focus()
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#field-decision").focus()
        await pilot.pause()
        await pilot.press(*keys("Who to employ"), "tab", "escape", "ctrl+s")
        await pilot.pause()
    (decision,) = saved(store, path).who_decides.decisions
    assert decision.decision == "Who to employ" and decision.can_decide


async def test_the_usual_tasks_are_added_with_one_key(store: PlanStore) -> None:
    plan = new_plan("Tasks")
    plan.management.option = ManagementOption.DIRECT_PAYMENT
    async with plan_open_at(store, plan, step=Step.REVIEW) as (_app, pilot, path):
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("f5")  # Again: nothing is offered twice.
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    tasks = [action.task for action in saved(store, path).actions]
    assert tasks == USUAL_TASKS[ManagementOption.DIRECT_PAYMENT]


async def test_a_week_is_filled_in_by_keyboard_and_set_against_the_money(store: PlanStore, example_plan) -> None:  # type: ignore[no-untyped-def]
    example_plan.week.entries = []
    async with plan_open_at(store, example_plan, step=Step.RESOURCES, size=(80, 24)) as (app, pilot, path):
        app.screen.query_one("#week DataTable", DataTable).focus()
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#field-what").focus()
        await pilot.pause()
        await pilot.press(*keys("Sam helps me get up"), "tab")
        dialog.query_one("#field-units").focus()
        await pilot.pause()
        await pilot.press(*keys("4"), "tab")
        dialog.query_one("#field-line_item").value = "pa-mornings"  # As choosing it from the list does.
        await pilot.pause()
        await pilot.press("escape", "ctrl+s")
        await pilot.pause()
        notes = str(app.screen.query_one("#week-notes").render())
        assert "is paid for 20 a week; the week shows 4." in notes
    (entry,) = saved(store, path).week.entries
    assert (entry.what, entry.units, entry.line_item) == ("Sam helps me get up", 4, "pa-mornings")


async def test_a_late_task_with_nobody_to_do_it_shows_on_every_step(store: PlanStore) -> None:
    async with plan_open_at(store, step=Step.REVIEW) as (app, pilot, _path):
        app.screen.query_one("#actions DataTable", DataTable).focus()
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#field-task").focus()
        await pilot.pause()
        await pilot.press(*keys("Sign the agreement"), "tab")
        dialog.query_one("#field-by").focus()
        await pilot.pause()
        await pilot.press(*keys("01/01/2020"), "tab", "escape")
        await pilot.pause()
        bar = str(app.screen.query_one("#journey").render())
        assert "Tasks: 1 late, 1 with nobody (step 6)" in bar
        assert "▶6 Review~◀" in bar  # Begun, and not done while a task is late.
        await pilot.press("f7")
        await pilot.pause()
        assert "Tasks: 1 late, 1 with nobody (step 6)" in str(app.screen.query_one("#journey").render())
