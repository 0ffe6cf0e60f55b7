"""What the registry knows of one step: its title, what it edits, and what "started" and "done" mean."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, NamedTuple

from plan_store import Plan, new_plan

from ..fields import Form, Listed, Part
from ..steps import Step


class StepKey(NamedTuple):
    """A key a step adds that the footer has no room for: the status line names it."""

    binding_id: str
    usual: str
    does: str


def _nothing_missing(plan: Plan, today: date) -> list[str]:
    return []


@dataclass(frozen=True, eq=False)
class StepEntry:
    """One step of the journey, declared once. Its number is its place in `STEPS`; its screen is
    `screens.<step value>`; its help is `guidance/<step value>.md`."""

    step: Step
    title: str
    short: str
    """The title in a word, for the journey bar, which names every step on one line of 80 columns."""
    parts: tuple[Part, ...] = ()
    """What the step edits, in the order its screen shows it. The step counts as started once any
    of it differs from a new plan: so every field a form shows is a start, and nothing else is."""
    still_to_do: Callable[[Plan, date], list[str]] = _nothing_missing
    """What the person needs for themselves, which a reviewer would not send back."""
    whole_plan: bool = False
    """A step that reads the whole plan (the Summary): always started, done when nothing is missing anywhere."""
    keys: tuple[StepKey, ...] = ()

    @property
    def forms(self) -> list[Form[Any]]:
        """Every form the step draws, a list's entry form included."""
        return [part.form if isinstance(part, Listed) else part for part in self.parts]

    def started(self, plan: Plan) -> bool:
        if self.whole_plan:
            return True
        fresh = _fresh_plan()
        for part in self.parts:
            if isinstance(part, Listed):
                if part.entries(plan) != part.entries(fresh):
                    return True
            elif part.at is not None:
                now, before = part.at(plan), part.at(fresh)
                if any(getattr(now, spec.name) != getattr(before, spec.name) for spec in part.fields):
                    return True
        return False


@cache
def _fresh_plan() -> Plan:
    """A new plan, as `phb new` makes it, to tell what the person has changed. Only ever read."""
    return new_plan("A new plan")
