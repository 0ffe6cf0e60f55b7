"""How far each step of the journey has got, for the journey bar: started, done, what is missing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from plan_store import JourneyStage, Plan, clock

from .checks import Gap, find_gaps
from .steps import Step
from .wizard import STEPS


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


def journey_progress(
    plan: Plan, today: date | None = None, gaps: Sequence[Gap] | None = None
) -> dict[Step, StepProgress]:
    """`gaps` are the plan's, when already found (the analysis has them): finding them is most of
    the work, and at 10,000 costs took a second."""
    gaps = find_gaps(plan) if gaps is None else gaps
    day = today or clock.today()
    progress = {}
    for declared in STEPS:
        step = declared.step
        missing = [gap.message for gap in gaps if gap.step == step] + declared.still_to_do(plan, day)
        if declared.whole_plan:
            state = StepState.DONE if not gaps else StepState.IN_PROGRESS
        elif not declared.started(plan):
            state = StepState.NOT_STARTED
        else:
            state = StepState.IN_PROGRESS if missing else StepState.DONE
        progress[step] = StepProgress(step, state, missing)
    return progress


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
