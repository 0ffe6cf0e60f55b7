"""Step 4, Other support: support beyond the money, and the person's week."""

from __future__ import annotations

from plan_store import Resource
from plan_store.person_centred import MyWeek, WeekEntry

from ..fields import FieldSpec, form, listed
from ..steps import Step
from .entry import StepEntry

RESOURCES = listed(
    Resource,
    [
        FieldSpec("kind", "What kind of support"),
        FieldSpec("description", "What it is"),
        FieldSpec("who_or_where", "Who or where"),
        FieldSpec("outcome_ids", "Which outcomes it helps with", help="Space to tick or untick."),
    ],
    entries=lambda plan: plan.resources,
)

WEEK = form(
    MyWeek,
    [
        FieldSpec(
            "support_around_the_clock",
            "Support day and night",
            placeholder="I need support at every time of day and night",
            help="Tick this if you need someone with you around the clock: any night or day with nothing in your week is then pointed out.",
        ),
    ],
    at=lambda plan: plan.week,
)

WEEK_ENTRIES = listed(
    WeekEntry,
    [
        FieldSpec("day", "Day"),
        FieldSpec("time", "Time of day"),
        FieldSpec("what", "What happens", placeholder="Sam helps me get up"),
        FieldSpec(
            "units",
            "Hours (or visits, nights)",
            help="Counted as the cost counts them, so your week can be set against what the money pays for.",
        ),
        FieldSpec("line_item", "Paid for by"),
        FieldSpec("resource", "Or given by"),
    ],
    entries=lambda plan: plan.week.entries,
)
"""`line_item` and `resource` choose among the plan's own costs and support: the screen gives
the form those choices (`Form.with_options`)."""

ENTRY = StepEntry(Step.RESOURCES, "Other support", "Support", (RESOURCES, WEEK, WEEK_ENTRIES))
