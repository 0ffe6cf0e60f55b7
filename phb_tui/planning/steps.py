"""The steps of the planning wizard, in order: a step's number is its place here.

Everything else about a step (title, forms, what "started" and "done" mean, keys) is declared once
in `wizard/`; checks point at steps, and screens are built for them.
"""

from __future__ import annotations

from enum import StrEnum


class Step(StrEnum):
    GET_INFORMED = "get_informed"
    OUTCOMES = "outcomes"
    MANAGEMENT = "management"
    RESOURCES = "resources"
    FINANCE = "finance"
    REVIEW = "review"
    SUMMARY = "summary"

    @property
    def heading(self) -> str:
        from .wizard import entry  # The registry's declarations name steps, so it comes after them.

        return entry(self).title

    @property
    def number(self) -> int:
        return _NUMBERS[self]


_NUMBERS = {step: number for number, step in enumerate(Step, 1)}
