"""How far each step has got, as the journey bar shows it: each planning tool counts as a start on
its step, and a late or unowned task keeps the Review step from being done."""

from __future__ import annotations

from datetime import date

from phb_tui.planning.progress import StepState, journey_progress
from phb_tui.planning.steps import Step
from plan_store import Plan, new_plan
from plan_store.person_centred import Action, Decision, WeekEntry
from plan_store.vocabulary import Day, TimeOfDay

TODAY = date(2026, 12, 10)


def _state(plan: Plan, step: Step) -> StepState:
    return journey_progress(plan, TODAY)[step].state


def test_each_planning_tool_alone_is_a_start_on_its_step() -> None:
    plan = new_plan("Tools")
    steps = (Step.OUTCOMES, Step.MANAGEMENT, Step.RESOURCES, Step.REVIEW)
    assert [_state(plan, step) for step in steps] == [StepState.NOT_STARTED] * 4
    plan.about_me.important_to_me = "My garden"
    plan.who_decides.decisions = [Decision(decision="Who to employ")]
    plan.week.entries = [WeekEntry(day=Day.MONDAY, time=TimeOfDay.MORNING, what="Swimming")]
    plan.actions = [Action(id="a1", task="Sign the agreement", who="Daniel")]
    assert StepState.NOT_STARTED not in [_state(plan, step) for step in steps]


def test_a_late_or_unowned_task_keeps_review_from_being_done(example_plan: Plan) -> None:
    example_plan.actions = [Action(id="a1", task="Sign the agreement", who="Daniel", by=date(2026, 12, 20))]
    assert _state(example_plan, Step.REVIEW) == StepState.DONE
    example_plan.actions[0].by = date(2026, 12, 9)
    review = journey_progress(example_plan, TODAY)[Step.REVIEW]
    assert review.state == StepState.IN_PROGRESS
    assert review.missing == ['"Sign the agreement" was due on 9 December 2026 (1 day ago) and is not done.']
    example_plan.actions[0].done = True
    assert _state(example_plan, Step.REVIEW) == StepState.DONE
    example_plan.actions.append(Action(id="a2", task="Find a payroll service"))
    assert journey_progress(example_plan, TODAY)[Step.REVIEW].missing == [
        'Nobody has been given "Find a payroll service" yet.'
    ]
