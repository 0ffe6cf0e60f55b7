"""Step 2: the outcomes the person wants, in their words, and what each one still lacks."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from phb_tui.planning.checks import served_outcome_ids
from phb_tui.planning.outcome_names import UNWRITTEN, outcome_name
from phb_tui.planning.steps import Step
from phb_tui.planning.wizard import outcomes as step
from phb_tui.widgets.form import ModelForm
from phb_tui.widgets.item_list import ItemList, ListSpec
from plan_store import LineItem, Outcome, Plan, Resource, next_id

from .base import StepScreen


def unlink_outcome(plan: Plan, outcome: Outcome) -> None:
    """After an outcome is removed, spending and support no longer point at it."""
    linkers: list[LineItem | Resource] = [*plan.finance.line_items, *plan.resources]
    for linker in linkers:
        if outcome.id in linker.outcome_ids:
            linker.outcome_ids = [oid for oid in linker.outcome_ids if oid != outcome.id]


class OutcomesScreen(StepScreen):
    STEP = Step.OUTCOMES
    CSS_PATH = ["base.tcss"]

    def compose_step(self) -> ComposeResult:
        plan = self.plan
        yield Static("About me (you can skip this)", classes="step-section")
        yield Static(
            "A short page about you, in your words. It comes first in the summary, because it says who the plan is for.",
            classes="field-help",
        )
        yield ModelForm(step.ABOUT_ME.of(plan), step.ABOUT_ME, id="about-me")
        yield Static("Your needs", classes="step-section")
        yield ModelForm(step.NEEDS.of(plan), step.NEEDS, id="needs-form")
        yield Static("Your outcomes", classes="step-section")

        def linked(outcome: Outcome) -> str:
            return "yes" if outcome.id in served_outcome_ids(plan) else "✗ nothing yet"

        spec = ListSpec[Outcome](
            noun="outcome",
            columns=[
                ("Outcome", lambda o: outcome_name(plan, o).words or UNWRITTEN),
                ("Priority", lambda o: o.priority.label),
                ("Linked", linked),
            ],
            fields=step.OUTCOMES.form,
            make=lambda: Outcome(id=next_id("o", (o.id for o in plan.outcomes))),
            empty="No outcomes yet: press A to add the first one.",
            numbered=True,
            on_remove=lambda outcome: unlink_outcome(plan, outcome),
        )
        yield ItemList(lambda: step.OUTCOMES.entries(plan), spec, id="outcomes")
        yield Static(id="unlinked", classes="step-note", markup=False)  # Lists the outcomes as written.

    def on_mount(self) -> None:
        super().on_mount()
        self.plan_edited()

    def plan_edited(self) -> None:
        linked = served_outcome_ids(self.plan)
        waiting = [
            outcome_name(self.plan, o, n).listed(unwritten=UNWRITTEN)
            for n, o in enumerate(self.plan.outcomes, 1)
            if o.id not in linked
        ]
        text = (
            f"Not yet linked to any spending or other support (link them in steps {Step.RESOURCES.number} and {Step.FINANCE.number}):\n"
            + "\n".join(waiting)
            if waiting
            else ("Every outcome has spending or support linked to it." if self.plan.outcomes else "")
        )
        self.query_one("#unlinked", Static).update(text)
