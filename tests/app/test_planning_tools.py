"""The person-centred planning tools, filled in by keyboard at 80x24: about me on the Outcomes
step, who decides on the Managing the money step, and the action plan on the Review step."""

from __future__ import annotations

from textual.pilot import Pilot

from phb_tui.planning.person_centred import USUAL_TASKS
from phb_tui.planning.steps import Step
from phb_tui.widgets.virtual_table import VirtualTable
from plan_store import LineItem, Plan, PlanStore, new_plan
from plan_store.vocabulary import ManagementOption, SpendCategory
from screens.usual_tasks_dialog import UsualTasksDialog

from .helpers import keys, plan_open_at, saved, until


async def _add(pilot: Pilot[None], table: str, fields: dict[str, str | tuple[str, ...]]) -> None:
    """Add an entry to a list as a person does: A, then each field in turn, then Esc. A field's
    value is text to type, or keys to press (for a drop-down)."""
    app = pilot.app
    app.screen.query_one(f"#{table} VirtualTable", VirtualTable).focus()
    await pilot.pause()
    await pilot.press("a")
    await pilot.pause()
    for field, value in fields.items():
        app.screen.query_one(f"#field-{field}").focus()
        await pilot.pause()
        await pilot.press(*(keys(value) if isinstance(value, str) else value), "tab")
        await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()


async def test_about_me_is_typed_in_and_saved(store: PlanStore) -> None:
    async with plan_open_at(store, step=Step.OUTCOMES) as (app, pilot, path):
        app.screen.query_one("#field-important_to_me").focus()
        await pilot.pause()
        await pilot.press(*keys("My garden and my cat"), "tab", "ctrl+s")
        await pilot.pause()
    assert saved(store, path).about_me.important_to_me == "My garden and my cat"


async def test_a_decision_is_added_by_keyboard(store: PlanStore) -> None:
    async with plan_open_at(store, step=Step.MANAGEMENT) as (_app, pilot, path):
        await _add(pilot, "decisions", {"decision": "Who to employ", "who_decides": "Me, with Mum"})
        await pilot.press("ctrl+s")
        await pilot.pause()
    (decision,) = saved(store, path).who_decides.decisions
    assert (decision.decision, decision.who_decides, decision.can_decide) == ("Who to employ", "Me, with Mum", True)


async def test_the_usual_tasks_are_added_with_one_key(store: PlanStore) -> None:
    plan = new_plan("Tasks")
    plan.management.option = ManagementOption.DIRECT_PAYMENT
    # A PA's wages: the employer's tasks are offered only to a plan that employs one.
    plan.finance.line_items.append(
        LineItem(id="pa1", description="Sam", category=SpendCategory.PERSONAL_ASSISTANT, unit_cost="14", quantity="10")
    )
    async with plan_open_at(store, plan, step=Step.REVIEW) as (app, pilot, path):
        await pilot.press("f5")
        await until(pilot, lambda: isinstance(app.screen, UsualTasksDialog), "the list of usual tasks")
        await pilot.press("enter")  # Every one is ticked to start with.
        await until(pilot, lambda: not isinstance(app.screen, UsualTasksDialog), "the tasks added")
        await pilot.press("f5")  # Again: nothing is offered twice.
        await pilot.pause()
        assert not isinstance(app.screen, UsualTasksDialog)
        await pilot.press("ctrl+s")
        await pilot.pause()
    tasks = [action.task for action in saved(store, path).actions]
    assert tasks == USUAL_TASKS[ManagementOption.DIRECT_PAYMENT]


async def test_a_week_is_filled_in_by_keyboard_and_set_against_the_money(store: PlanStore, example_plan: Plan) -> None:
    example_plan.week.entries = []
    async with plan_open_at(store, example_plan, step=Step.RESOURCES, size=(80, 24)) as (app, pilot, path):
        # The cost is chosen from a drop-down: open it, go down to the first cost, take it.
        await _add(
            pilot, "week", {"what": "Sam helps me get up", "units": "4", "line_item": ("enter", "down", "enter")}
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        notes = str(app.screen.query_one("#week-notes").render())
        assert "is paid for 20 a week; the week shows 4." in notes
    (entry,) = saved(store, path).week.entries
    assert (entry.what, entry.units, entry.line_item) == ("Sam helps me get up", 4, "pa-mornings")


async def test_a_late_task_with_nobody_to_do_it_shows_on_every_step(store: PlanStore) -> None:
    async with plan_open_at(store, step=Step.REVIEW) as (app, pilot, _path):
        await _add(pilot, "actions", {"task": "Sign the agreement", "by": "01/01/2020"})
        bar = str(app.screen.query_one("#journey").render())
        assert "Tasks: 1 late, 1 with nobody (step 6)" in bar
        assert "▶6 Review~◀" in bar  # Begun, and not done while a task is late.
        row = app.screen.query_one("#actions VirtualTable", VirtualTable).get_row_at(0)
        assert [str(cell) for cell in row] == ["Sign the agreement", "nobody yet", "01/01/2020 ✗ late", "not yet"]
        await pilot.press("f7")
        await pilot.pause()
        assert "Tasks: 1 late, 1 with nobody (step 6)" in str(app.screen.query_one("#journey").render())
