"""The journey bar: every step, where the person is, and what is still missing.

Shown on every step. The current step is marked with arrows and each step's state with a symbol,
so it reads the same without colour.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from plan_store import Plan

from ..planning.progress import StepState, journey_progress
from ..planning.steps import Step

_SHORT = {
    Step.GET_INFORMED: "Informed",
    Step.OUTCOMES: "Outcomes",
    Step.MANAGEMENT: "Money held",
    Step.RESOURCES: "Support",
    Step.FINANCE: "Finance",
    Step.REVIEW: "Review",
    Step.SUMMARY: "Summary",
}


class JourneyBar(Static):
    def __init__(self, plan: Plan, current: Step, *, id: str | None = None):
        super().__init__(id=id)
        self.plan = plan
        self.current = current

    def on_mount(self) -> None:
        self.refresh_progress()

    def on_resize(self) -> None:
        self.refresh_progress()

    def refresh_progress(self) -> None:
        progress = journey_progress(self.plan)
        # Below 100 columns only the current step is named, so the bar stays on one line.
        roomy = self.size.width >= 100
        line = Text()
        for step in Step:
            named = roomy or step == self.current
            label = (
                f"{step.number} {_SHORT[step]} {progress[step].state.mark}"
                if named
                else f"{step.number}{progress[step].state.mark}"
            )
            if step == self.current:
                line.append(f"▶{label}◀", style="bold reverse")
            else:
                line.append(f" {label} ", style="dim" if progress[step].state == StepState.NOT_STARTED else "")
            line.append(" ")
        here = progress[self.current]
        detail = f"Step {self.current.number} of {len(Step)}: {self.current.heading} ({here.state.value})."
        if here.missing:
            detail += f" Still to do here: {here.missing[0]}"
            if len(here.missing) > 1:
                detail += f" (and {len(here.missing) - 1} more)"
        line.append("\n" + detail)
        if not roomy:
            line.append("\n✓ done, ~ started, o not started", style="dim")
        self.update(line)
