"""Copies of a plan with private notes taken out, for anything that leaves the person's hands."""

from __future__ import annotations

from pydantic import BaseModel

from plan_store import Note, Plan


def without_private(plan: Plan) -> Plan:
    """A deep copy in which every private note is dropped from its list, or emptied.

    It walks the whole model rather than naming fields, so a note field added later is covered
    without anyone having to remember this function.
    """
    copy = plan.model_copy(deep=True)
    _strip(copy)
    return copy


def _strip(model: BaseModel) -> None:
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, Note):
            if value.private:
                setattr(model, name, type(value)(text="", private=value.private))
        elif isinstance(value, list):
            kept = [item for item in value if not (isinstance(item, Note) and item.private)]
            if len(kept) != len(value):
                setattr(model, name, kept)
            for item in kept:
                if isinstance(item, BaseModel) and not isinstance(item, Note):
                    _strip(item)
        elif isinstance(value, BaseModel):
            _strip(value)
