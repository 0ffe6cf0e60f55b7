"""How far each step of the journey has got, for the journey bar: started, done, what is missing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from plan_store import JourneyStage, Plan, clock

from .checks import Gap, find_gaps
from .person_centred import task_notes
from .steps import Step


class StepState(StrEnum):
    NOT_STARTED = "not started"
    IN_PROGRESS = "in progress"
    DONE = "done"

    @property
    def mark(self) -> str:
        """A symbol that differs in shape, not only colour: readable with NO_COLOR."""
        return {"not started": "○", "in progress": "~", "done": "✓"}[self.value]


@dataclass(frozen=True)
class StepProgress:
    step: Step
    state: StepState
    missing: list[str]


def journey_progress(plan: Plan, today: date | None = None) -> dict[Step, StepProgress]:
    gaps = find_gaps(plan)
    progress = {}
    for step in Step:
        missing = [gap.message for gap in gaps if gap.step == step] + _local_missing(plan, step, today or clock.today())
        if step == Step.SUMMARY:
            state = StepState.DONE if not gaps else StepState.IN_PROGRESS
        elif not _STARTED[step](plan):
            state = StepState.NOT_STARTED
        else:
            state = StepState.IN_PROGRESS if missing else StepState.DONE
        progress[step] = StepProgress(step, state, missing)
    return progress


def _local_missing(plan: Plan, step: Step, today: date) -> list[str]:
    """Things the person needs for themselves, which a reviewer would not send back."""
    if step == Step.REVIEW:
        return task_notes(plan, today)
    if step != Step.GET_INFORMED:
        return []
    missing = []
    if plan.eligibility is None:
        missing.append("Choose why you can have a budget (your eligibility).")
    if not plan.icb_name:
        missing.append("Add the name of your local ICB.")
    return missing


_STARTED: dict[Step, Callable[[Plan], bool]] = {
    Step.GET_INFORMED: lambda p: bool(
        p.person.name
        or p.icb_name
        or p.eligibility
        or p.informed.contacts
        or p.informed.questions
        or p.informed.worries
        or any(c.done for c in p.informed.checklist)
    ),
    Step.OUTCOMES: lambda p: bool(p.outcomes or p.about_me != type(p.about_me)()),
    Step.MANAGEMENT: lambda p: bool(
        p.management.option
        or p.management.managed_by
        or p.management.self_assessment != type(p.management.self_assessment)()
        or p.who_decides != type(p.who_decides)()
    ),
    Step.RESOURCES: lambda p: bool(p.resources or p.week.entries),
    Step.FINANCE: lambda p: bool(p.finance.budget_amount is not None or p.finance.line_items),
    Step.REVIEW: lambda p: bool(p.risks or p.contingency_plan or p.reviews.first_review or p.sign_off or p.actions),
    Step.SUMMARY: lambda p: True,
}


def journey_stage(plan: Plan, gaps: list[Gap] | None = None) -> JourneyStage:
    """Where the plan is in the journey, never behind what the plan itself shows.

    The stage is the person's to set, and is often left at the start: a finished plan would then
    say "Finding out" beside a summary ready for review. So a plan being written is at least
    "Planning", and one with no gaps at least "Plan written"; a later stage the person set stands.
    """
    gaps = find_gaps(plan) if gaps is None else gaps
    shown = plan.stage
    if plan.outcomes or plan.finance.line_items:
        shown = max(shown, JourneyStage.PLANNING, key=lambda stage: stage.number)
        if not gaps:
            shown = max(shown, JourneyStage.PLAN_WRITTEN, key=lambda stage: stage.number)
    return shown
