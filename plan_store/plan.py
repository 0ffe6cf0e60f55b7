"""The whole plan: one model that screens edit, the store saves and the summary reads."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime

from pydantic import Field, field_validator, model_validator

from .dates import format_date_text
from .fields import Line, PlanModel, Text, Title
from .models import (
    Agreement,
    ChangeReason,
    FinancialPlan,
    Flexibility,
    GetInformed,
    Helper,
    KeyContacts,
    LineItem,
    Management,
    NotApplicable,
    Outcome,
    Person,
    Resource,
    Reviews,
    Risk,
    SignOff,
)
from .person_centred import AboutMe, Action, MyWeek, WhoDecides
from .vocabulary import EligibilityRoute, JourneyStage

SCHEMA_VERSION = 6
"""The plan file layout this program writes. Older files are upgraded by `migrations.py`."""


class Plan(PlanModel):
    schema_version: int = SCHEMA_VERSION
    title: Title
    created: datetime
    updated: datetime
    revision: int = Field(default=0, ge=0)
    """Goes up by one with every saved change, so a reviewer can tell two copies of a plan apart."""
    stage: JourneyStage = JourneyStage.FINDING_OUT

    person: Person = Field(default_factory=Person)
    helpers: list[Helper] = []
    icb_name: Line = ""
    """The local Integrated Care Board (formerly the CCG) that agrees the budget."""
    eligibility: EligibilityRoute | None = None
    contacts: KeyContacts = Field(default_factory=KeyContacts)
    assessed_needs: Text = ""
    """What the assessment of needs found, in the person's own words."""

    informed: GetInformed = Field(default_factory=GetInformed)
    about_me: AboutMe = Field(default_factory=AboutMe)
    outcomes: list[Outcome] = []
    management: Management = Field(default_factory=Management)
    resources: list[Resource] = []
    finance: FinancialPlan = Field(default_factory=FinancialPlan)
    flexibility: Flexibility = Field(default_factory=Flexibility)
    risks: list[Risk] = []
    contingency_plan: Text = ""
    """What happens when planned support fails: who steps in, who to call."""
    reviews: Reviews = Field(default_factory=Reviews)
    sign_off: list[SignOff] = []
    agreements: list[Agreement] = []
    """Each revision the NHS team agreed, oldest first; the last is the baseline changes are measured from."""
    change_reasons: list[ChangeReason] = []
    """The person's reason for each change that needs agreement, kept for the variation request."""
    week: MyWeek = Field(default_factory=MyWeek)
    who_decides: WhoDecides = Field(default_factory=WhoDecides)
    actions: list[Action] = []
    not_applicable: list[NotApplicable] = []
    """Readiness rules the person says do not apply, each with the reason the reviewer sees."""

    @field_validator("schema_version")
    @classmethod
    def _current_version(cls, version: int) -> int:
        # Older versions are upgraded before validation and newer ones refused by the store, so
        # anything else reaching here is a file edited by hand.
        if version != SCHEMA_VERSION:
            raise ValueError(f"must be {SCHEMA_VERSION} for this version of PHB Planner")
        return version

    @field_validator("created", "updated")
    @classmethod
    def _with_time_zone(cls, moment: datetime) -> datetime:
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)

    @model_validator(mode="after")
    def _links_hold(self) -> Plan:
        problems = list(link_problems(self))
        if problems:
            raise ValueError("\n".join(problems))
        return self

    def outcome(self, outcome_id: str) -> Outcome | None:
        return next((o for o in self.outcomes if o.id == outcome_id), None)


def link_problems(plan: Plan) -> Iterator[str]:
    """Every id that is used twice, and every link to an outcome that does not exist."""
    yield from _duplicates("outcomes", (o.id for o in plan.outcomes))
    yield from _duplicates("resources", (r.id for r in plan.resources))
    yield from _duplicates("finance.line_items", (i.id for i in plan.finance.line_items))
    yield from _duplicates("informed.checklist", (c.key for c in plan.informed.checklist), "key")
    yield from _duplicates("actions", (a.id for a in plan.actions))
    yield from _duplicates("not_applicable", (n.rule for n in plan.not_applicable), "rule")
    yield from _review_before_start(plan)
    items = {i.id for i in plan.finance.line_items}
    resources = {r.id for r in plan.resources}
    for n, entry in enumerate(plan.week.entries):
        if entry.line_item is not None and entry.line_item not in items:
            yield f'week.entries[{n}].line_item: links to cost "{entry.line_item}", but the plan has no cost with that id'
        if entry.resource is not None and entry.resource not in resources:
            yield f'week.entries[{n}].resource: links to "{entry.resource}", but the plan has no support with that id'

    known = {o.id for o in plan.outcomes}
    known_text = ", ".join(f'"{o}"' for o in sorted(known)) or "none yet"
    # Where each link is, worked out only for a link that is broken: a plan has thousands that hold.
    linkers: list[tuple[str, Sequence[LineItem | Resource]]] = [
        ("finance.line_items", plan.finance.line_items),
        ("resources", plan.resources),
    ]
    for where, linking in linkers:
        for n, linker in enumerate(linking):
            for position, outcome_id in enumerate(linker.outcome_ids):
                if outcome_id not in known:
                    yield (
                        f'{where}[{n}].outcome_ids[{position}]: links to outcome "{outcome_id}", '
                        f"but the plan has no outcome with that id (outcome ids: {known_text})"
                    )


def _review_before_start(plan: Plan) -> Iterator[str]:
    start, first = plan.finance.budget_start, plan.reviews.first_review
    if start is not None and first is not None and first < start:
        yield (
            f"reviews.first_review: is {format_date_text(first)}, before the budget starts "
            f"({format_date_text(start)}); the first review comes after the start, usually within three months"
        )


def _duplicates(where: str, ids: Iterable[str], field: str = "id") -> Iterator[str]:
    for value, count in Counter(ids).items():
        if count > 1:
            yield f'{where}: the {field} "{value}" is used {count} times; each must be different'


def next_id(prefix: str, taken: Iterable[str]) -> str:
    """The first free id like "o1", "o2", ... so new entries never collide with old ones."""
    used = set(taken)
    number = 1
    while f"{prefix}{number}" in used:
        number += 1
    return f"{prefix}{number}"
