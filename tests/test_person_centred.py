"""The person-centred planning tools' rules: the week set against the money (hours worked out by
hand), the usual tasks for each way of holding the money, and tasks late or given to nobody."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from phb_tui.planning.person_centred import (
    FOR_PA_EMPLOYERS,
    USUAL_TASKS,
    task_flag,
    task_notes,
    usual_tasks,
    week_notes,
)
from plan_store import Plan
from plan_store.person_centred import Action, WeekEntry
from plan_store.vocabulary import Day, ManagementOption, ManagementRoute, SpendCategory, TimeOfDay


def _week(plan: Plan, *entries: tuple[str, str, str, int]) -> Plan:
    plan.week.entries = [
        WeekEntry(day=Day(day), time=TimeOfDay(time), what="x", units=Decimal(units), line_item=item)
        for day, time, item, units in entries
    ]
    return plan


def test_a_pa_paid_for_20_hours_but_placed_for_15_is_noted(example_plan: Plan) -> None:
    # Sam is paid for 20 hours a week (pa-mornings); the week places 5 mornings of 3 hours.
    days = ("monday", "tuesday", "wednesday", "thursday", "friday")
    plan = _week(example_plan, *((day, "morning", "pa-mornings", 3) for day in days))
    notes = week_notes(plan)
    assert '"Personal assistant, mornings (Sam)" is paid for 20 a week; the week shows 15.' in notes


def test_night_care_paid_for_two_nights_but_placed_on_three_is_noted(example_plan: Plan) -> None:
    plan = _week(example_plan, *((day, "night", "night-care", 1) for day in ("monday", "wednesday", "friday")))
    assert '"Waking night care, two nights a week" is paid for 2 a week; the week shows 3.' in week_notes(plan)


def test_a_cost_every_four_weeks_is_counted_a_week_at_a_time(example_plan: Plan) -> None:
    # Swimming is 8 sessions every four weeks: 2 a week. Placed twice, it matches.
    plan = _week(example_plan, ("monday", "afternoon", "swim", 1), ("thursday", "afternoon", "swim", 1))
    assert not any("Swimming" in note for note in week_notes(plan))


def test_paid_support_left_out_of_the_week_is_noted_and_an_empty_week_says_nothing(example_plan: Plan) -> None:
    plan = _week(example_plan, ("monday", "afternoon", "swim", 2))
    assert '"Personal assistant, evenings (Lee)" is paid for 15 a week, and is not in the week.' in week_notes(plan)
    plan.week.entries = []
    assert week_notes(plan) == []


def test_nights_and_days_with_nobody_are_noted_when_support_is_needed_around_the_clock(example_plan: Plan) -> None:
    everything = [(day.value, time.value, "pa-mornings", 0) for day in Day for time in TimeOfDay]
    plan = _week(example_plan, *[slot for slot in everything if not (slot[0] == "tuesday" and slot[1] == "night")])
    plan.week.entries = [entry for entry in plan.week.entries if entry.day != Day.SUNDAY]
    plan.week.support_around_the_clock = True
    notes = week_notes(plan)
    assert "Nothing is placed on Tuesday night, though support is needed all night." in notes
    assert "Nothing is placed on Sunday, though support is needed all day and night." in notes
    plan.week.entries = [
        entry for entry in plan.week.entries if not (entry.day == Day.FRIDAY and entry.time != TimeOfDay.NIGHT)
    ]
    assert "Nothing is placed on Friday in the day, though support is needed all day." in week_notes(plan)
    assert not any("Monday" in note for note in week_notes(plan))


@pytest.mark.parametrize(
    "option", [ManagementOption.DIRECT_PAYMENT, ManagementOption.THIRD_PARTY, ManagementOption.NOTIONAL]
)
def test_the_usual_tasks_for_each_way_of_holding_the_money(option: ManagementOption, example_plan: Plan) -> None:
    example_plan.management.option = option
    example_plan.actions = []
    assert usual_tasks(example_plan) == USUAL_TASKS[option]
    if option == ManagementOption.DIRECT_PAYMENT:
        assert "Register as an employer with HMRC (the tax office) and set up payroll" in usual_tasks(example_plan)
    example_plan.actions = [Action(id="a1", task=USUAL_TASKS[option][0])]
    assert USUAL_TASKS[option][0] not in usual_tasks(example_plan)  # Offered once, not again.


def test_a_mix_offers_the_tasks_of_every_way(example_plan: Plan) -> None:
    example_plan.management.option = ManagementOption.MIXED
    example_plan.actions = []
    # Every way: a cost paid each way (the example pays none through a third party).
    example_plan.finance.line_items[2].route = ManagementRoute.THIRD_PARTY
    assert len(usual_tasks(example_plan)) == sum(len(tasks) for tasks in USUAL_TASKS.values())


def test_the_usual_tasks_are_only_those_the_plan_calls_for(example_plan: Plan) -> None:
    example_plan.management.option = ManagementOption.MIXED
    example_plan.actions = []
    offered = usual_tasks(example_plan)  # Direct payments and a notional part, no third party.
    assert offered == USUAL_TASKS[ManagementOption.DIRECT_PAYMENT] + USUAL_TASKS[ManagementOption.NOTIONAL]
    example_plan.finance.line_items = [
        item for item in example_plan.finance.line_items if item.category != SpendCategory.PERSONAL_ASSISTANT
    ]
    example_plan.finance.employing.assistants = []
    without_pas = usual_tasks(example_plan)
    assert not FOR_PA_EMPLOYERS & set(without_pas), without_pas
    assert "Sign the direct payment agreement" in without_pas
    example_plan.management.option = ManagementOption.NOTIONAL
    assert usual_tasks(example_plan) == USUAL_TASKS[ManagementOption.NOTIONAL]


def test_late_tasks_and_tasks_given_to_nobody_are_noted(example_plan: Plan) -> None:
    example_plan.actions = [
        Action(id="a1", task="Sign the agreement", who="Daniel", by=date(2026, 12, 5)),
        Action(id="a2", task="Open the account", who="Daniel", by=date(2026, 12, 1), done=True),
        Action(id="a3", task="Find a payroll service"),
    ]
    assert task_notes(example_plan, date(2026, 12, 10)) == [
        '"Sign the agreement" was due on 5 December 2026 (5 days ago) and is not done.',
        'Nobody has been given "Find a payroll service" yet.',
    ]
    assert task_flag(example_plan, date(2026, 12, 10)) == "Tasks: 1 late, 1 with nobody"
    # On the day it is due, a task is not late yet.
    assert task_flag(example_plan, date(2026, 12, 5)) == "Tasks: 1 with nobody"
    example_plan.actions[2].who = "Helen"
    assert task_flag(example_plan, date(2026, 12, 5)) == ""
    assert task_notes(example_plan, date(2026, 12, 5)) == []


def test_a_ready_summary_still_says_at_the_top_when_tasks_are_late_or_have_nobody(example_plan: Plan) -> None:
    from phb_tui.summary.build import build_summary
    from phb_tui.summary.render.text import render_plain

    example_plan.actions = [Action(id="a1", task="Sign the agreement", who="Daniel", by=date(2026, 12, 15))]
    top = render_plain(build_summary(example_plan, prepared_on=date(2026, 12, 10))).split("Who the plan is for")[0]
    assert "Ready for review" in top and "action plan" not in top
    example_plan.actions = [
        Action(id="a1", task="Sign the agreement", who="Daniel", by=date(2026, 12, 5)),
        Action(id="a2", task="Find a payroll service"),
    ]
    top = render_plain(build_summary(example_plan, prepared_on=date(2026, 12, 10))).split("Who the plan is for")[0]
    assert "Ready for review" in top
    assert "In the action plan, 2 tasks are late or have nobody to do them yet" in top
