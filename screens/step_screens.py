"""Which screen draws each step: `screens/<step value>.py`, imported the first time it is shown.

Only the first step is needed to start, and loading every step's screen (with the export and
calculator code behind them) slows start-up. The step is the registry's (`phb_tui.planning.wizard`);
its screen is found by name, so adding a step adds no entry here. A test opens every step's
screen, so a renamed or missing one fails the checks rather than the first visit to its step.
"""

from __future__ import annotations

import importlib
from functools import cache

from phb_tui.planning.steps import Step

from .base import StepScreen


@cache
def step_screen(step: Step) -> type[StepScreen]:
    """The screen class of `step`: the one in its module that says it draws that step."""
    module = importlib.import_module(f"{__package__}.{step.value}")
    for value in vars(module).values():
        if isinstance(value, type) and issubclass(value, StepScreen) and value.__dict__.get("STEP") is step:
            return value
    raise LookupError(f"{module.__name__} has no screen for the step {step.heading!r}")
