"""Help text written for the app, one Markdown file per step, kept out of the code."""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from ..planning.steps import Step


@cache
def guidance(step: Step) -> str:
    """The whole help for a step, shown behind the help key.

    A step named in the text is written `{step:finance}`, and its number put in from the step
    registry, so help never points at a step that has moved.
    """
    text = files(__package__).joinpath(f"{step.value}.md").read_text(encoding="utf-8")
    return _STEP_NAMED.sub(lambda named: str(Step(named[1]).number), text)


_STEP_NAMED = re.compile(r"\{step:(\w+)\}")


def intro(step: Step) -> str:
    """The first paragraph: the short guidance at the top of the step."""
    return guidance(step).split("\n\n", 1)[0].strip()
