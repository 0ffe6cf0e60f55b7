"""The journey bar: every step, where the person is, and what is still missing.

Shown on every step. The current step is marked with arrows and each step's state with a symbol,
so it reads the same without colour.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import Static

from ..planning.analysis import PlanAnalysis
from ..planning.progress import StepProgress, StepState
from ..planning.steps import Step
from ..planning.wizard import entry


class JourneyBar(Static):
    @dataclass
    class StepClicked(Message):
        """A step's name in the bar was clicked: the screen goes to it."""

        step: Step

    def __init__(self, analysis: Callable[[], PlanAnalysis], current: Step, *, id: str | None = None):
        super().__init__(id=id)
        self.analysis = analysis
        """The plan worked out for its revision, which the bar reads rather than working it out."""
        self.current = current

    _progress: Mapping[Step, StepProgress] | None = None
    _tasks = ""
    _places: tuple[tuple[int, int, Step], ...] = ()
    """Where each step is on the bar's first line: from, to (columns), and the step."""

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y != 0:
            return
        for start, end, step in self._places:
            if start <= offset.x < end and step != self.current:
                self.post_message(self.StepClicked(step))

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
        places = []
        for step, label in zip(Step, labels, strict=True):
            drawn = len(label) + (2 if step == self.current else 2 * len(pad))
            places.append((len(line), len(line) + drawn, step))
            if step == self.current:
                line.append(f"▶{label}◀", style="bold reverse")
            else:
                line.append(f"{pad}{label}{pad}", style="dim" if progress[step].state == StepState.NOT_STARTED else "")
            line.append(" ")
        self._places = tuple(places)
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
