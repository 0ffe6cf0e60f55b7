"""Step 1: who the plan is for, the right to a budget, and what to find out, ask and worry about."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from phb_tui.planning.steps import Step
from phb_tui.planning.wizard import get_informed as step
from phb_tui.widgets.form import ModelForm
from phb_tui.widgets.item_list import ItemList, ListSpec
from plan_store import (
    ChecklistItem,
    Contact,
    Helper,
    HelperRole,
    Note,
    PrivateNote,
    next_id,
)
from plan_store.models import Question

from .base import StepScreen

HELPERS = ListSpec[Helper](
    noun="helper",
    columns=[
        ("Who", lambda h: h.name or h.role.label),
        ("Role", lambda h: h.role.label),
        ("Contact", lambda h: h.contact),
    ],
    fields=step.HELPERS.form,
    make=lambda: Helper(role=HelperRole.SELF),
    empty="Nobody listed yet: press A to add who is helping write this plan.",
)

CONTACTS = ListSpec[Contact](
    noun="contact",
    columns=[("Name", lambda c: c.name), ("Kind", lambda c: c.kind.label), ("How to reach", lambda c: c.how_to_reach)],
    fields=step.PEOPLE_TO_TALK_TO.form,
    make=lambda: Contact(name=""),
    empty="No contacts yet: peer networks, user-led organisations and brokers are good places to start.",
)


def _private(note: Note) -> str:
    return "private" if note.private else "shared"


class GetInformedScreen(StepScreen):
    STEP = Step.GET_INFORMED
    CSS_PATH = ["base.tcss", "get_informed.tcss"]

    def compose_step(self) -> ComposeResult:
        plan = self.plan
        yield Static("Who the plan is for", classes="step-section")
        yield ModelForm(step.PERSON.of(plan), step.PERSON, id="person-form")
        yield Static("Who is helping", classes="step-section")
        yield ItemList(lambda: step.HELPERS.entries(plan), HELPERS, id="helpers")
        yield Static("Your right to a budget", classes="step-section")
        yield ModelForm(step.RIGHT_TO_A_BUDGET.of(plan), step.RIGHT_TO_A_BUDGET, id="plan-form")
        yield Static(id="right-explained", classes="step-note")
        yield Static("Your NHS contacts", classes="step-section")
        yield ModelForm(step.CONTACTS.of(plan), step.CONTACTS, id="contacts-form")
        yield Static("Things to find out", classes="step-section")
        checklist = ListSpec[ChecklistItem](
            noun="thing to find out",
            columns=[
                ("Done", lambda c: "yes" if c.done else "not yet"),
                ("Question", lambda c: c.question),
                ("Notes", lambda c: c.notes.text),
            ],
            fields=step.CHECKLIST.form,
            make=lambda: ChecklistItem(key=next_id("mine-", (c.key for c in plan.informed.checklist)), question=""),
        )
        yield ItemList(lambda: step.CHECKLIST.entries(plan), checklist, id="checklist")
        yield Static("People to talk to", classes="step-section")
        yield ItemList(lambda: step.PEOPLE_TO_TALK_TO.entries(plan), CONTACTS, id="contacts")
        yield Static("Questions to ask", classes="step-section")
        questions = ListSpec[Question](
            noun="question",
            columns=[
                ("Question", lambda q: q.text),
                ("Answered?", lambda q: "yes" if q.answered else "not yet"),
                ("Shared?", _private),
            ],
            fields=step.QUESTIONS.form,
            make=Question,
            empty="No questions yet: write them down before you meet anyone.",
        )
        yield ItemList(lambda: step.QUESTIONS.entries(plan), questions, id="questions")
        yield Static("Worries (kept private unless you choose to share them)", classes="step-section")
        worries = ListSpec[PrivateNote](
            noun="worry",
            columns=[("Worry", lambda n: n.text), ("Shared?", _private)],
            fields=step.WORRIES.form,
            make=PrivateNote,
            empty="Nothing noted. Writing worries down helps when you talk to people.",
        )
        yield ItemList(lambda: step.WORRIES.entries(plan), worries, id="worries")

    def on_mount(self) -> None:
        super().on_mount()
        self.plan_edited()

    def plan_edited(self) -> None:
        route = self.plan.eligibility
        if route is None:
            text = "Choose the reason that fits. If none does, choose the last one: your ICB decides."
        elif route.is_legal_right:
            text = f"{route.label}: you have {route.right}."
        else:
            text = "No legal right applies, but your ICB can still offer a budget. Ask them who they offer budgets to."
        self.query_one("#right-explained", Static).update(text)
