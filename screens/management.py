"""Step 3: how the money is held. The options side by side, a few questions, and a suggestion
that says why, which the person can take or leave."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid
from textual.widgets import Button, Select, Static

from phb_tui.planning.advice import choice_note, suggest_management
from phb_tui.planning.steps import Step
from phb_tui.planning.wizard import management as step
from phb_tui.widgets.form import ModelForm
from phb_tui.widgets.item_list import ItemList, ListSpec
from plan_store import (
    ManagementOption,
)
from plan_store.person_centred import Decision

from .base import StepScreen

OPTIONS = {
    ManagementOption.DIRECT_PAYMENT: (
        "The money is paid to you, or to someone who acts for you, to buy the care you agreed. "
        "You have the most say, and you keep records and receipts."
    ),
    ManagementOption.NOTIONAL: (
        "The NHS keeps the money and arranges the care you agree together. The least paperwork for you, "
        "and the way most budgets are held."
    ),
    ManagementOption.THIRD_PARTY: "A charity or other group outside the NHS holds the money and arranges care with you.",
    ManagementOption.MIXED: "One way for some parts of the plan and another for the rest, set item by item.",
}

DECISIONS = ListSpec[Decision](
    noun="decision",
    columns=[
        ("About", lambda d: d.area.label),
        ("Decision", lambda d: d.decision),
        ("Who decides", lambda d: d.who_decides),
    ],
    fields=step.DECISIONS.form,
    make=lambda: Decision(decision=""),
    empty="No decisions yet: press A to add one, such as who to employ, or how the money is spent.",
)


class ManagementScreen(StepScreen):
    STEP = Step.MANAGEMENT
    CSS_PATH = ["base.tcss", "management.tcss"]

    def compose_step(self) -> ComposeResult:
        yield Static("The four choices", classes="step-section")
        with Grid(id="options"):
            for option, text in OPTIONS.items():
                yield Static(f"[b]{option.label}[/b]\n{text}", classes="option-card")
        yield Static("A few questions", classes="step-section")
        yield ModelForm(step.QUESTIONS.of(self.plan), step.QUESTIONS, id="questions")
        yield Static("Suggestion", classes="step-section")
        yield Static(id="suggestion", classes="step-note")
        yield Button("Use this suggestion", id="accept", disabled=True)
        yield Static("Your choice", classes="step-section")
        yield Static(id="choice-note", classes="step-note")
        yield ModelForm(step.CHOICE.of(self.plan), step.CHOICE, id="choice")
        yield Static("If you have a direct payment", classes="step-section")
        yield ModelForm(step.DIRECT_PAYMENT.of(self.plan), step.DIRECT_PAYMENT, id="direct-payment")
        yield Static("Who decides (you can skip this)", classes="step-section")
        yield ModelForm(step.WHO_DECIDES.of(self.plan), step.WHO_DECIDES, id="who-decides")
        decisions = step.DECISIONS.entries(self.plan)
        yield ItemList(lambda: decisions, DECISIONS, id="decisions")

    def on_mount(self) -> None:
        super().on_mount()
        self.plan_edited()

    def plan_edited(self) -> None:
        suggestion = suggest_management(self.plan)
        lines = [f"Suggested: {suggestion.option.label}." if suggestion.option else ""]
        lines += [f"- {reason}" for reason in suggestion.reasons]
        if suggestion.option and self.plan.management.option == suggestion.option:
            lines.append("This is what you have chosen.")
        elif suggestion.option and self.plan.management.option:
            lines.append(
                f"You have chosen {self.plan.management.option.label.lower()} instead, which is your decision to make."
            )
        self.query_one("#suggestion", Static).update("\n".join(line for line in lines if line))
        note = choice_note(self.plan)
        self.query_one("#choice-note", Static).update(note)
        self.query_one("#choice-note", Static).display = bool(note)
        self.query_one("#accept", Button).disabled = (
            suggestion.option is None or suggestion.option == self.plan.management.option
        )

    @on(Button.Pressed, "#accept")
    def _accept(self) -> None:
        suggestion = suggest_management(self.plan)
        if suggestion.option is not None:
            # Setting the choice box goes through the form, so the change is checked and saved.
            self.query_one("#field-option", Select).value = suggestion.option.value
