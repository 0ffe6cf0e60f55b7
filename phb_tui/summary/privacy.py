"""Copies of a plan with private notes taken out, for anything that leaves the person's hands."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

from plan_store import Note, Plan

Value = TypeVar("Value")


def without_private(plan: Plan) -> Plan:
    """The plan with every private note dropped from its list, or emptied.

    It walks the whole model rather than naming fields, so a note field added later is covered
    without anyone having to remember this function. Only the parts that hold a private note are
    copied; the rest is shared with the plan, so the result is for reading, never for editing.
    Copying the whole plan took longer than drawing the summary of a big one.
    """
    return _stripped(plan)


def _stripped(value: Value) -> Value:
    if isinstance(value, Note):
        return type(value)(text="", private=True) if value.private else value
    if isinstance(value, list):
        kept = [_stripped(item) for item in value if not (isinstance(item, Note) and item.private)]
        same = len(kept) == len(value) and all(new is old for new, old in zip(kept, value, strict=True))
        return value if same else kept  # type: ignore[return-value]
    if isinstance(value, BaseModel):
        changes: dict[str, Any] = {}
        for name in type(value).model_fields:
            old = getattr(value, name)
            new = _stripped(old)
            if new is not old:
                changes[name] = new
        return value.model_copy(update=changes) if changes else value
    return value
