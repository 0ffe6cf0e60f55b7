"""Forms as data: which model a form edits, where the plan keeps it, and what a person reads there.

Declared here, below the widgets, because more than the screens read them: the journey bar and
`phb` commands ask whether a step is started, and the answer must come from the very fields the
step's forms edit, or the two drift apart. The summary reads the same declarations for its labels.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, overload

from pydantic import BaseModel

from plan_store import Plan

LinkOptions = Callable[[], list[tuple[str, str]]]
"""(label, id) pairs for a `links` field, read when the form is drawn."""


@dataclass(frozen=True)
class FieldSpec:
    """What a person reads about a field. How it is drawn comes from the model (`field_kind`)."""

    name: str
    label: str
    help: str = ""
    placeholder: str = ""
    """Example text in an empty box; for a tick box, the words beside it."""
    options: LinkOptions | None = None
    """For a field that points at one entry elsewhere in the plan (a cost, a support): the
    (label, id) pairs to choose from, read when the form is drawn."""
    reported: str = ""
    """What the summary calls the field, where the reviewer reads it in other words than the
    person is asked it ("How I will know" for "How I will know it is happening")."""

    @property
    def summary_label(self) -> str:
        return self.reported or self.label


Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True, eq=False)
class Form(Sequence[FieldSpec], Generic[Model]):
    """The fields one form edits, and the model they belong to: a form drawn from it, and every
    reader of "what this step edits", see the same fields of the same model.

    `at` finds the model in a plan; a form over something the plan does not keep as it is (the PA
    calculator's answers, worked on as a copy) has none.
    """

    model: type[Model]
    fields: tuple[FieldSpec, ...]
    at: Callable[[Plan], Model] | None = None

    def __post_init__(self) -> None:
        # Checked when declared, so a misspelt or renamed field fails on import, not in front of a person.
        unknown = [spec.name for spec in self.fields if spec.name not in self.model.model_fields]
        if unknown:
            raise TypeError(f"{self.model.__name__} has no field {', '.join(unknown)}")

    @overload
    def __getitem__(self, index: int) -> FieldSpec: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[FieldSpec]: ...

    def __getitem__(self, index: int | slice) -> FieldSpec | Sequence[FieldSpec]:
        return self.fields[index]

    def __len__(self) -> int:
        return len(self.fields)

    def __iter__(self) -> Iterator[FieldSpec]:
        return iter(self.fields)

    def of(self, plan: Plan) -> Model:
        """The part of `plan` this form edits."""
        if self.at is None:
            raise TypeError(f"The form for {self.model.__name__} edits a copy, not a part of the plan")
        return self.at(plan)

    def field(self, name: str) -> FieldSpec:
        return next(spec for spec in self.fields if spec.name == name)

    def with_options(self, **options: LinkOptions) -> Form[Model]:
        """The same form, with the plan's own entries to choose from in the named fields."""
        fields = tuple(
            dataclasses.replace(spec, options=options[spec.name]) if spec.name in options else spec
            for spec in self.fields
        )
        return dataclasses.replace(self, fields=fields)


def form(model: type[Model], fields: Iterable[FieldSpec], at: Callable[[Plan], Model] | None = None) -> Form[Model]:
    return Form(model, tuple(fields), at)


Entry = TypeVar("Entry", bound=BaseModel)


@dataclass(frozen=True, eq=False)
class Listed(Generic[Entry]):
    """A list in the plan that a step edits an entry at a time, with the form for one entry."""

    form: Form[Entry]
    entries: Callable[[Plan], list[Entry]]


def listed(model: type[Entry], fields: Iterable[FieldSpec], entries: Callable[[Plan], list[Entry]]) -> Listed[Entry]:
    return Listed(Form(model, tuple(fields)), entries)


Part = Form[Any] | Listed[Any]
"""One thing a step edits: a form over a part of the plan, or a list of entries."""
