"""Step 7, Summary: the plan as the health professional reads it. It edits nothing of its own."""

from __future__ import annotations

from ..steps import Step
from .entry import StepEntry

ENTRY = StepEntry(Step.SUMMARY, "Summary", "Summary", whole_plan=True)
