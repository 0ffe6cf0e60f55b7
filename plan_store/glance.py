"""What a list of plans shows, read without parsing and checking the whole file.

A broker may have thousands of plans, and reading one in full takes most of a millisecond, nearly
all of it parsing TOML. A list needs a handful of values: the title, the person's name, the stage,
when it was saved, the budget and what each line item costs. `glance` picks those lines out of a
file laid out as PHB Planner writes it and checks them with the plan model's own rules.

It is careful rather than clever: the moment a file strays from that layout (a hand edit with an
inline table, a dotted key, an escaped quote in a value it needs, a format version it does not
know) it gives up and returns None, and the caller reads the file in full. So it never shows a
value the full reader would not. What it does not do is check the rest of the file: a mistake
elsewhere is found when the plan is opened, or by `phb check`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any, cast

from pydantic import TypeAdapter, ValidationError, create_model

from .fields import PlanModel
from .models import Costed, FinancialPlan, LineItem, Person
from .plan import SCHEMA_VERSION, Plan
from .vocabulary import JourneyStage


@dataclass(frozen=True)
class PlanGlance:
    """The part of a plan a list shows."""

    title: str
    name: str
    """The person's name, and below the name they like to be called by."""
    preferred_name: str
    stage: JourneyStage
    updated: datetime
    finance: FinancialPlan
    """The budget and the year convention. Read its spending from `costs`: a quick read leaves
    `finance.line_items` empty."""
    costs: Sequence[Costed]

    @classmethod
    def of(cls, plan: Plan) -> PlanGlance:
        person = plan.person
        return cls(
            plan.title,
            person.name,
            person.preferred_name,
            plan.stage,
            plan.updated,
            plan.finance,
            plan.finance.line_items,
        )


def _subset(model: type[PlanModel], names: Sequence[str]) -> type[PlanModel]:
    """A model of some of `model`'s fields, with the same types, limits and defaults."""
    fields: dict[str, Any] = {
        name: (model.model_fields[name].annotation, copy(model.model_fields[name])) for name in names
    }
    return create_model(f"{model.__name__}Glance", __base__=PlanModel, **fields)


@cache
def _checkers() -> tuple[type[PlanModel], type[PlanModel], TypeAdapter[list[Any]]]:
    """Built on first use, not on import: opening a plan never needs them. The costs are checked
    as one list, in one call, rather than one call for each."""
    costs = _subset(LineItem, ["unit_cost", "quantity", "period", "contribution"])
    return (
        _subset(Plan, ["title", "created", "updated", "stage"]),
        _subset(Person, ["name", "preferred_name"]),
        TypeAdapter(list[costs]),  # type: ignore[valid-type]
    )


_WANTED: dict[str, tuple[str, ...]] = {
    "": ("schema_version", "title", "created", "updated", "stage"),
    "person": ("name", "preferred_name"),
    "finance": ("budget_amount", "budget_period", "budget_start", "budget_end"),
    "finance.year": ("weeks", "four_week_periods", "months"),
    "finance.line_items": ("unit_cost", "quantity", "period", "contribution"),
}
_ARRAY_TABLES = frozenset({"finance.line_items"})
_HIDING: dict[str, tuple[str, ...]] = {"": ("person", "finance"), "finance": ("year", "line_items")}
"""Keys that would hold a wanted table as a value (`person = {...}`): the glance gives up on those."""
_KEYS = {
    table: re.compile(rf"\n({'|'.join(wanted + _HIDING.get(table, ()))}) = ([^\n]*)")
    for table, wanted in _WANTED.items()
}
# Every pattern below starts at a line break, so a search jumps from line to line instead of trying
# every character; the text is given a line break at the start so that its first line counts too.
_MULTILINE_STRING = re.compile(r'"""(?:[^"\\]|\\[\s\S]|"(?!""))*"{3,5}(?!")')
_OPAQUE = '"..." x'
"""What a multi-line string becomes: nothing inside it can be taken for a table or a key, and it
is not a value the glance accepts, so a wanted key written that way sends the file to a full read."""
_LEAVE_TO_FULL_READ = ("'''", "\r", " '", "['", ",'", "{'", "='")
"""Literal strings and Windows line ends: rare in saved plans, so such files are read in full."""
_QUOTES_IN_COMMENT = re.compile(r'\n#[^\n]*"""')
_STRANGE_LINE = re.compile(
    r"""\n(?!
        [A-Za-z0-9_-]+\ =\ \S                              # key = value
      | \[\[?[A-Za-z0-9_.-]+\]\]?(?:\n|$)                  # [table] or [[array.of.tables]]
      | [\ \t]+(?:"(?:[^"\\\n]|\\.)*"|[-+0-9.:TZ\ ]+|true|false|\[[^\n]*\]|\{[^\n]*\}),?(?:\n|$)   # in a list
      | \](?:\n|$) | \# | \n | $
    )""",
    re.VERBOSE,
)
_HEADER = re.compile(r"\n(\[\[?)([A-Za-z0-9_.-]+)(\]\]?)(?=\n|$)")
_NUMBER = re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?")
_DATE_TIME = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d{1,6})?(?:Z|[+-]\d\d:\d\d)?")
_DATE = re.compile(r"\d{4}-\d\d-\d\d")


class _Unsure(Exception):
    """The file strays from the layout the glance understands; read it in full instead."""


def glance(text: str) -> PlanGlance | None:
    """The listed values of a plan file's text, or None if only a full read can tell."""
    try:
        found = _pick_out(text)
    except _Unsure:
        return None
    head = found.get("", {})
    if head.pop("schema_version", None) != SCHEMA_VERSION:
        return None  # An older file needs upgrading and a newer one refusing: both by the full reader.
    finance = found.get("finance", {})
    if "finance.year" in found:
        finance["year"] = found["finance.year"]
    try:
        head_model, person_model, cost_list = _checkers()
        # As dictionaries: the models are made at run time, so a type checker cannot see their fields.
        checked = dict(head_model.model_validate(head))
        person = dict(person_model.model_validate(found.get("person", {})))
        budget = FinancialPlan.model_validate(finance)
        # The cost model has exactly the fields of `Costed`, which a type checker cannot see.
        costs = cast(list[Costed], cost_list.validate_python(found.get("finance.line_items", [])))
    except ValidationError:
        return None  # The full reader names the problem properly.
    return PlanGlance(
        checked["title"], person["name"], person["preferred_name"], checked["stage"], checked["updated"], budget, costs
    )


def _pick_out(text: str) -> dict[str, Any]:
    """The wanted values by table name; an array of tables holds a list with a dict per entry."""
    if any(sign in text for sign in _LEAVE_TO_FULL_READ):
        raise _Unsure
    text = "\n" + text
    if '"""' in text:
        if _QUOTES_IN_COMMENT.search(text):
            raise _Unsure
        text = _MULTILINE_STRING.sub(_OPAQUE, text)
        if '"""' in text:
            raise _Unsure  # A multi-line string that never ends.
    if _STRANGE_LINE.search(text):
        raise _Unsure  # Indented, dotted or quoted keys, and anything stranger.
    headers = list(_HEADER.finditer(text))
    regions = [("", False, 0)] + [(header.group(2), _is_array(header), header.end()) for header in headers]
    ends = [header.start() for header in headers] + [len(text)]
    found: dict[str, Any] = {}
    for (name, is_array, start), end in zip(regions, ends, strict=True):
        if name not in _WANTED:
            continue
        if is_array != (name in _ARRAY_TABLES) or (not is_array and name in found):
            raise _Unsure  # The full reader says what is wrong.
        values = _values(name, text, start, end)
        if is_array:
            found.setdefault(name, []).append(values)
        else:
            found[name] = values
    return found


def _is_array(header: re.Match[str]) -> bool:
    if len(header.group(1)) != len(header.group(3)):
        raise _Unsure
    return len(header.group(1)) == 2


def _values(table: str, text: str, start: int, end: int) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for match in _KEYS[table].finditer(text, start, end):
        key, value = match.groups()
        if key in values or key in _HIDING.get(table, ()):
            raise _Unsure
        values[key] = _scalar(value)
    return values


def _scalar(value: str) -> Any:
    """A wanted value: a plain string, a number, a date or a date and time, exactly as the full reader gives it."""
    if value[:1] == '"':
        if len(value) >= 2 and value[-1] == '"' and value.count('"') == 2 and "\\" not in value:
            return value[1:-1]
        raise _Unsure
    if _NUMBER.fullmatch(value):
        return Decimal(value) if "." in value else int(value)
    if _DATE_TIME.fullmatch(value):
        return datetime.fromisoformat(value)
    if _DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise _Unsure from None  # Not a real date: the full reader names it.
    raise _Unsure
