"""The journey bar: every step, where the person is, and what is still missing.

Shown on every step. The current step is marked with arrows and each step's state with a symbol,
so it reads the same without colour.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from rich.text import Text
from textual.widgets import Static

from ..planning.analysis import PlanAnalysis
from ..planning.progress import StepProgress, StepState
from ..planning.steps import Step
from ..planning.wizard import entry


class JourneyBar(Static):
    def __init__(self, analysis: Callable[[], PlanAnalysis], current: Step, *, id: str | None = None):
        super().__init__(id=id)
        self.analysis = analysis
        """The plan worked out for its revision, which the bar reads rather than working it out."""
        self.current = current

    _progress: Mapping[Step, StepProgress] | None = None
    _tasks = ""

    def on_mount(self) -> None:
        self.refresh_progress()

    def on_resize(self) -> None:
        # Only the layout depends on the width: the progress is worked out again after an edit.
        self._draw()

    def refresh_progress(self) -> None:
        """Read the progress again, after the plan changed."""
        analysis = self.analysis()
        self._progress = analysis.progress
        self._tasks = analysis.task_flag
        self._draw()

    def _draw(self) -> None:
        progress = self._progress
        if progress is None:
            return
        # Every step named, in the widest layout that fits on one line; numbers alone only when
        # even the tightest cannot (narrower than 80 columns).
        width = self.size.width
        for pad, named in ((" ", True), ("", True), ("", False)):
            gap = " " if pad else ""
            labels = [
                f"{step.number} {entry(step).short}{gap}{progress[step].state.mark}"
                if named or step == self.current
                else f"{step.number}{progress[step].state.mark}"
                for step in Step
            ]
            length = sum(len(label) + 2 * len(pad) + 1 for label in labels) + 2
            if length <= width:
                break
        roomy = width >= 100
        tasks = self._tasks
        line = Text()
        for step, label in zip(Step, labels, strict=True):
            if step == self.current:
                line.append(f"▶{label}◀", style="bold reverse")
            else:
                line.append(f"{pad}{label}{pad}", style="dim" if progress[step].state == StepState.NOT_STARTED else "")
            line.append(" ")
        here = progress[self.current]
        detail = f"Step {self.current.number} of {len(Step)}: {self.current.heading} ({here.state.value})."
        if here.missing:
            detail += f" Still to do here: {here.missing[0]}"
            if len(here.missing) > 1:
                detail += f" (and {len(here.missing) - 1} more)"
        line.append("\n" + detail)
        if not roomy:
            line.append("\n✓ done, ~ started, ○ not started", style="dim")
        if tasks:
            # Every step shows it: a late task can hold up the day the plan starts.
            line.append(" · " if not roomy else "\n")
            line.append(f"{tasks} (step {Step.REVIEW.number})", style="bold")
        self.update(line)
