"""Step 3: how the money is held. The options side by side, a few questions, and a suggestion
that says why, which the person can take or leave."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid
from textual.widgets import Button, Select, Static

from phb_tui.planning.advice import choice_note, suggest_management
from phb_tui.planning.steps import Step
from phb_tui.widgets.form import FieldSpec, ModelForm
from phb_tui.widgets.item_list import ItemList, ListSpec
from plan_store import (
    DirectPaymentRecipient,
    ManagementOption,
)
from plan_store.person_centred import Decision
from plan_store.vocabulary import ActingRole

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

QUESTIONS = [
    FieldSpec(
        "control_wanted",
        "How much control do you want over the money and your support?",
    ),
    FieldSpec("managing_money", "How confident are you managing money and keeping records?"),
    FieldSpec(
        "using_computers",
        "How confident are you using a computer or phone for banking and forms?",
    ),
    FieldSpec("employing_staff", "How confident are you employing and managing staff?"),
    FieldSpec("who_can_help", "Who could help?", help="Family, friends, or organisations people near you have used."),
]

CHOICE = [
    FieldSpec("option", "How the money will be held"),
    FieldSpec(
        "managed_by",
        "Who will manage it",
        help="You, or someone who does it for you: a family member, a friend, or an organisation.",
    ),
    FieldSpec("helped_by", "Who will help"),
    FieldSpec("notes", "Notes"),
]


DIRECT_PAYMENT = [
    FieldSpec(
        "received_by",
        "Who the direct payment is paid to",
        help="\n".join(f"{who.label}: {who.explained}" for who in DirectPaymentRecipient),
    ),
    FieldSpec(
        "held_in",
        "Where the money is kept",
        help="Always apart from your own money.",
    ),
    FieldSpec(
        "agreement_signed",
        "Agreement",
        placeholder="The direct payment agreement is signed",
        help="It is signed before any money is paid.",
    ),
    FieldSpec(
        "first_payment",
        "First payment",
        placeholder="dd/mm/yyyy",
        help="Optional. The first review comes within three months of it.",
    ),
]


WHO_DECIDES = [
    FieldSpec(
        "acting_role",
        "Someone who acts for me",
        help="\n".join(f"{role.label}: someone who {role.explained}." for role in ActingRole),
    ),
    FieldSpec("acting_name", "Their name"),
    FieldSpec("information", "How I like to be given information and choices"),
    FieldSpec("best_times", "Best times for me to decide"),
    FieldSpec("worst_times", "Worst times for me to decide"),
]

DECISIONS = ListSpec[Decision](
    noun="decision",
    columns=[
        ("About", lambda d: d.area.label),
        ("Decision", lambda d: d.decision),
        ("Who decides", lambda d: d.who_decides),
    ],
    fields=[
        FieldSpec("area", "What it is about"),
        FieldSpec("decision", "The decision", placeholder="Who to employ as a PA"),
        FieldSpec("how_involved", "How I must be involved"),
        FieldSpec("who_decides", "Who makes the final decision"),
        FieldSpec(
            "can_decide",
            "I can make this decision",
            placeholder="I can make this decision myself",
            help="Untick if you cannot: then it is made for you, in your best interests.",
        ),
    ],
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
        yield ModelForm(self.plan.management.self_assessment, QUESTIONS, id="questions")
        yield Static("Suggestion", classes="step-section")
        yield Static(id="suggestion", classes="step-note")
        yield Button("Use this suggestion", id="accept", disabled=True)
        yield Static("Your choice", classes="step-section")
        yield Static(id="choice-note", classes="step-note")
        yield ModelForm(self.plan.management, CHOICE, id="choice")
        yield Static("If you have a direct payment", classes="step-section")
        yield ModelForm(self.plan.management.direct_payment, DIRECT_PAYMENT, id="direct-payment")
        yield Static("Who decides (you can skip this)", classes="step-section")
        yield ModelForm(self.plan.who_decides, WHO_DECIDES, id="who-decides")
        decisions = self.plan.who_decides.decisions
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
