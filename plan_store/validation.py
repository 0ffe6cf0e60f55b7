"""Turn pydantic's validation errors into field paths and plain rules for people.

Pydantic's own wording ("Input should be a valid decimal") is written for programmers. A person
who edited a plan by hand, or a broker who received one, needs the place and what to write there.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import FieldProblem

_MESSAGES = {
    "missing": "is required but missing",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "string_type": "must be text in quotes",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "list_type": "must be a list, written [ ... ] or as repeated [[tables]]",
    "model_type": "must be a table of fields",
    "model_attributes_type": "must be a table of fields",
    "dict_type": "must be a table of fields",
    "date_type": "must be a date, written like 2026-04-01",
    "date_parsing": "must be a date, written like 2026-04-01",
    "date_from_datetime_inexact": "must be a date without a time, written like 2026-04-01",
    "date_from_datetime_parsing": "must be a real date, written like 2026-04-01",
    "datetime_type": "must be a date and time, written like 2026-04-01T09:30:00Z",
    "datetime_parsing": "must be a date and time, written like 2026-04-01T09:30:00Z",
    "datetime_from_date_parsing": "must be a date and time, written like 2026-04-01T09:30:00Z",
}


def problems_from(error: ValidationError, model: type[BaseModel]) -> list[FieldProblem]:
    """One FieldProblem per error, in file order; a cross-section problem may add several.

    A rule that spans fields (ids and links across the plan, a contribution against its price)
    names the field it is about at the start of each line, "contribution: is ...", and that name is
    added to the place the rule was checked, so the problem points at the field itself.
    """
    problems: list[FieldProblem] = []
    for detail in error.errors(include_url=False):
        location = tuple(detail["loc"])
        message = _message(detail, model, location)
        if detail["type"] == "value_error" and _NAMED.match(message):
            problems += [_within(location, line) for line in message.splitlines()]
        else:
            problems.append(FieldProblem(path_text(location), message))
    return problems


def path_text(location: Sequence[int | str]) -> str:
    """("finance", "line_items", 2, "unit_cost") -> "finance.line_items[2].unit_cost"."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


_NAMED = re.compile(r"^[a-z_][a-z0-9_]*(\[\d+\])?(\.[a-z_][a-z0-9_]*(\[\d+\])?)*: ")


def _within(location: tuple[Any, ...], line: str) -> FieldProblem:
    if not _NAMED.match(line):
        return FieldProblem(path_text(location), line)
    path, _, rest = line.partition(": ")
    return FieldProblem(".".join(part for part in (path_text(location), path) if part), rest)


def _message(detail: Any, model: type[BaseModel], location: tuple[Any, ...]) -> str:
    kind = detail["type"]
    if kind == "value_error":
        return str(detail["ctx"]["error"])
    if kind == "extra_forbidden":
        return _unknown_field(model, location)
    if kind == "enum":
        return f"must be one of {detail['ctx']['expected']}".replace("'", '"')
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        return _bound(kind, detail["ctx"])
    if kind == "literal_error":
        return f"must be {detail['ctx']['expected']}".replace("'", '"')
    fallback = str(detail["msg"])
    return _MESSAGES.get(kind, fallback[:1].lower() + fallback[1:])


def _bound(kind: str, context: dict[str, Any]) -> str:
    words = {
        "greater_than_equal": ("ge", "or more"),
        "greater_than": ("gt", "exclusive lower"),
        "less_than_equal": ("le", "or less"),
        "less_than": ("lt", "exclusive upper"),
    }[kind]
    limit = context[words[0]]
    if kind == "greater_than":
        return f"must be more than {limit}"
    if kind == "less_than":
        return f"must be less than {limit}"
    return f"must be {limit} {words[1]}"


def _unknown_field(model: type[BaseModel], location: tuple[Any, ...]) -> str:
    known = _fields_at(model, location[:-1])
    name = str(location[-1])
    close = difflib.get_close_matches(name, known, n=1)
    hint = f'; did you mean "{close[0]}"?' if close else ""
    allowed = ", ".join(known)
    return f"is not a field this version of PHB Planner knows{hint} (allowed here: {allowed})"


def _fields_at(model: type[BaseModel], location: tuple[Any, ...]) -> list[str]:
    """The field names allowed at a place in the plan, found by walking the model's types."""
    current: type[BaseModel] | None = model
    for part in location:
        if current is None:
            return []
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        current = model_in(field.annotation) if field else None
    return list(current.model_fields) if current else []


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The model inside `X`, `list[X]` or `X | None`, if there is one."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType, typing.Annotated):
        for argument in typing.get_args(annotation):
            found = model_in(argument)
            if found:
                return found
    return None
