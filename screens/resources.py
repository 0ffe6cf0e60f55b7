"""Step 4: support beyond the money, each linked to the outcomes it helps with."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from phb_tui.planning.fields import Form
from phb_tui.planning.outcome_names import UNWRITTEN, outcome_name
from phb_tui.planning.person_centred import WEEK_NOTES_HEADING, brief, in_week_order, weekly_costs
from phb_tui.planning.steps import Step
from phb_tui.planning.wizard import resources as step
from phb_tui.widgets.form import ModelForm
from phb_tui.widgets.item_list import ItemList, ListSpec
from plan_store import Plan, Resource, ResourceKind, next_id
from plan_store.person_centred import WeekEntry
from plan_store.vocabulary import Day, TimeOfDay

from .base import StepScreen


def outcome_choices(plan: Plan) -> list[tuple[str, str]]:
    """Outcomes as people see them in lists: numbered, in the plan's order."""
    return [(outcome_name(plan, o, n).listed(60, UNWRITTEN), o.id) for n, o in enumerate(plan.outcomes, 1)]


def outcome_numbers(plan: Plan, outcome_ids: list[str]) -> str:
    numbers = {o.id: str(n) for n, o in enumerate(plan.outcomes, 1)}
    return ", ".join(numbers.get(oid, oid) for oid in outcome_ids) or "none"


def week_entry_fields(plan: Plan) -> Form[WeekEntry]:
    """The fields of one thing in the week, with the plan's own costs and support to choose from."""
    return step.WEEK_ENTRIES.form.with_options(
        line_item=lambda: weekly_costs(plan),
        resource=lambda: [(brief(resource.description), resource.id) for resource in plan.resources],
    )


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
            fields=step.RESOURCES.form,
            make=lambda: Resource(
                id=next_id("r", (r.id for r in plan.resources)), kind=ResourceKind.OWN_SKILL, description=""
            ),
            empty="Nothing listed yet: press A to add your skills, people, or community services.",
        )
        yield ItemList(lambda: step.RESOURCES.entries(plan), spec, links=lambda: outcome_choices(plan), id="resources")
        yield Static("My week (you can skip this)", classes="step-section")
        yield Static(
            "Put your support, people and activities in your week, a line for each. It shows the week you "
            "want, and whether it matches what the money pays for.",
            classes="field-help",
        )
        yield ModelForm(step.WEEK.of(plan), step.WEEK, id="week-form")

        def paid_by(entry: WeekEntry) -> str:
            paid = next((item.description for item in plan.finance.line_items if item.id == entry.line_item), "")
            given = next((r.description for r in plan.resources if r.id == entry.resource), "")
            return " / ".join(part for part in (paid, given) if part)

        week = ListSpec[WeekEntry](
            noun="part of your week",
            columns=[
                ("Day", lambda e: e.day.label),
                ("Time", lambda e: e.time.label),
                ("What", lambda e: e.what or "(not written yet)"),
                ("How many", lambda e: f"{e.units.normalize():f}"),
                ("Paid for or given by", paid_by),
            ],
            fields=week_entry_fields(plan),
            make=lambda: WeekEntry(day=Day.MONDAY, time=TimeOfDay.MORNING, what=""),
            empty="Nothing in your week yet: press A to add the first thing, such as a PA's morning visit.",
        )
        yield ItemList(lambda: step.WEEK_ENTRIES.entries(plan), week, id="week")
        yield Static(id="week-notes", classes="step-note", markup=False)  # It quotes the person's words.

    def on_mount(self) -> None:
        super().on_mount()
        self.plan_edited()

    def plan_edited(self) -> None:
        entries = self.plan.week.entries
        if entries != sorted(entries, key=in_week_order):
            entries.sort(key=in_week_order)  # A week reads Monday to Sunday.
            self.query_one("#week", ItemList).redraw()
        notes = self.analysis().week_notes
        self.query_one("#week-notes", Static).update("\n".join([WEEK_NOTES_HEADING, *notes]) if notes else "")
