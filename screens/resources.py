"""Step 4: support beyond the money, each linked to the outcomes it helps with."""

from __future__ import annotations

from textual.app import ComposeResult

from phb_tui.planning.steps import Step
from phb_tui.widgets.form import FieldSpec
from phb_tui.widgets.item_list import ItemList, ListSpec
from plan_store import Plan, Resource, ResourceKind, next_id

from .base import StepScreen

RESOURCE_FIELDS = [
    FieldSpec("kind", "What kind of support"),
    FieldSpec("description", "What it is"),
    FieldSpec("who_or_where", "Who or where"),
    FieldSpec("outcome_ids", "Which outcomes it helps with", help="Space to tick or untick."),
]


def outcome_choices(plan: Plan) -> list[tuple[str, str]]:
    """Outcomes as people see them in lists: numbered, in the plan's order."""
    return [(f"{n}. {(o.outcome or o.what_matters or o.id)[:60]}", o.id) for n, o in enumerate(plan.outcomes, 1)]


def outcome_numbers(plan: Plan, outcome_ids: list[str]) -> str:
    numbers = {o.id: str(n) for n, o in enumerate(plan.outcomes, 1)}
    return ", ".join(numbers.get(oid, oid) for oid in outcome_ids) or "none"


class ResourcesScreen(StepScreen):
    STEP = Step.RESOURCES
    CSS_PATH = ["base.tcss"]

    def compose_step(self) -> ComposeResult:
        plan = self.plan
        spec = ListSpec[Resource](
            noun="kind of support",
            columns=[
                ("Support", lambda r: r.description or "(not described yet)"),
                ("Kind", lambda r: r.kind.label),
                ("Who or where", lambda r: r.who_or_where),
                ("Outcomes", lambda r: outcome_numbers(plan, r.outcome_ids)),
            ],
            fields=RESOURCE_FIELDS,
            make=lambda: Resource(
                id=next_id("r", (r.id for r in plan.resources)), kind=ResourceKind.OWN_SKILL, description=""
            ),
            empty="Nothing listed yet: press A to add your skills, people, or community services.",
        )
        yield ItemList(lambda: plan.resources, spec, links=lambda: outcome_choices(plan), id="resources")
