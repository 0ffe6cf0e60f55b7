"""Help text written for the app, one Markdown file per step, kept out of the code."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from ..planning.steps import Step


@cache
def guidance(step: Step) -> str:
    """The whole help for a step, shown behind the help key."""
    return files(__package__).joinpath(f"{step.value}.md").read_text(encoding="utf-8")


def intro(step: Step) -> str:
    """The first paragraph: the short guidance at the top of the step."""
    return guidance(step).split("\n\n", 1)[0].strip()
