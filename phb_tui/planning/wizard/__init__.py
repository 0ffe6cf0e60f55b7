"""The steps of the journey, each declared once: title, what it edits, what "started" and "done"
mean, and its own keys. Everything else asks here: the journey bar, the screens, `phb check`, the
summary's labels and every sentence that names a step by number.

Adding a step is a module here, a member of `Step` in the order it comes (that is its number), and
its screen, `screens/<step value>.py`, with help in `guidance/<step value>.md`.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ..fields import FieldSpec, Form
from ..steps import Step
from . import finance, get_informed, management, outcomes, resources, review, summary
from .entry import StepEntry, StepKey

STEPS: tuple[StepEntry, ...] = tuple(
    module.ENTRY for module in (get_informed, outcomes, management, resources, finance, review, summary)
)
"""In the order of the journey."""

_BY_STEP = {entry.step: entry for entry in STEPS}

__all__ = ["STEPS", "StepEntry", "StepKey", "entry", "every_form", "label"]


def entry(step: Step) -> StepEntry:
    return _BY_STEP[step]


def every_form() -> list[Form[Any]]:
    return [form for step_entry in STEPS for form in step_entry.forms]


def _label_tables() -> dict[tuple[type[BaseModel], str], FieldSpec]:
    tables: dict[tuple[type[BaseModel], str], FieldSpec] = {}
    for form in every_form():
        for spec in form:
            tables.setdefault((form.model, spec.name), spec)
    return tables


_LABELS = _label_tables()


def label(model: type[BaseModel], name: str) -> str:
    """What the summary calls a field of `model`: the words its form uses, or those the form
    declares for the reviewer. One table per model, so a form and the summary cannot drift."""
    return _LABELS[model, name].summary_label
