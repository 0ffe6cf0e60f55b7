"""Step 1: who the plan is for, the right to a budget, and what to find out, ask and worry about."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from phb_tui.planning.steps import Step
from phb_tui.widgets.form import FieldSpec, ModelForm
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

PERSON_FIELDS = [
    FieldSpec("name", "Full name"),
    FieldSpec("preferred_name", "What you like to be called"),
    FieldSpec("date_of_birth", "Date of birth", placeholder="dd/mm/yyyy", help="Optional. Day, month, year."),
    FieldSpec(
        "nhs_number", "NHS number", placeholder="ten digits", help="Optional. Ten digits, on letters from the NHS."
    ),
]

PLAN_FIELDS = [
    FieldSpec(
        "icb_name",
        "Local ICB",
        placeholder="the name on their letters",
        help="The Integrated Care Board that agrees budgets where you live (it replaced the CCG).",
    ),
    FieldSpec("eligibility", "Why you can have a budget"),
    FieldSpec(
        "stage",
        "Where you are in the journey",
        help="It usually takes months from start to finish; delays are common.",
    ),
]

CONTACT_FIELDS = [
    FieldSpec(
        "lead_professional",
        "Care coordinator or lead professional",
        placeholder="Name and role",
        help="The person at the NHS who leads on your care, if you have one.",
    ),
    FieldSpec("lead_professional_contact", "How to reach them", placeholder="Phone or email"),
    FieldSpec("gp", "GP practice"),
    FieldSpec(
        "icb_contact", "Who deals with your budget at the ICB", placeholder="Team or person, with phone or email"
    ),
    FieldSpec(
        "case_reference", "Case reference", help="Optional. The reference on letters from the ICB, if there is one."
    ),
]

CHECKLIST_FIELDS = [
    FieldSpec("question", "What to find out"),
    FieldSpec("done", "Found out", placeholder="I have found this out"),
    FieldSpec("notes", "What I found out"),
]

HELPERS = ListSpec[Helper](
    noun="helper",
    columns=[
        ("Who", lambda h: h.name or h.role.label),
        ("Role", lambda h: h.role.label),
        ("Contact", lambda h: h.contact),
    ],
    fields=[
        FieldSpec("role", "Their role"),
        FieldSpec("name", "Name"),
        FieldSpec("contact", "Phone or email"),
    ],
    make=lambda: Helper(role=HelperRole.SELF),
    empty="Nobody listed yet: press A to add who is helping write this plan.",
)

CONTACTS = ListSpec[Contact](
    noun="contact",
    columns=[("Name", lambda c: c.name), ("Kind", lambda c: c.kind.label), ("How to reach", lambda c: c.how_to_reach)],
    fields=[
        FieldSpec("name", "Name"),
        FieldSpec("kind", "What kind of contact"),
        FieldSpec("how_to_reach", "How to reach them", placeholder="Phone, email, or where they meet"),
        FieldSpec("notes", "Notes"),
    ],
    make=lambda: Contact(name=""),
    empty="No contacts yet: peer networks, user-led organisations and brokers are good places to start.",
)

KEEP_PRIVATE = FieldSpec("private", "Keep private", placeholder="Keep this private (left out of anything you share)")
QUESTION_FIELDS = [
    FieldSpec("text", "Question"),
    FieldSpec("answered", "Answered", placeholder="This question has its answer"),
    KEEP_PRIVATE,
]
WORRY_FIELDS = [FieldSpec("text", "Worry"), KEEP_PRIVATE]


def _private(note: Note) -> str:
    return "private" if note.private else "shared"


class GetInformedScreen(StepScreen):
    STEP = Step.GET_INFORMED
    CSS_PATH = ["base.tcss", "get_informed.tcss"]

    def compose_step(self) -> ComposeResult:
        plan = self.plan
        yield Static("Who the plan is for", classes="step-section")
        yield ModelForm(plan.person, PERSON_FIELDS, id="person-form")
        yield Static("Who is helping", classes="step-section")
        yield ItemList(lambda: plan.helpers, HELPERS, id="helpers")
        yield Static("Your right to a budget", classes="step-section")
        yield ModelForm(plan, PLAN_FIELDS, id="plan-form")
        yield Static(id="right-explained", classes="step-note")
        yield Static("Your NHS contacts", classes="step-section")
        yield ModelForm(plan.contacts, CONTACT_FIELDS, id="contacts-form")
        yield Static("Things to find out", classes="step-section")
        checklist = ListSpec[ChecklistItem](
            noun="thing to find out",
            columns=[
                ("Done", lambda c: "yes" if c.done else "not yet"),
                ("Question", lambda c: c.question),
                ("Notes", lambda c: c.notes.text),
            ],
            fields=CHECKLIST_FIELDS,
            make=lambda: ChecklistItem(key=next_id("mine-", (c.key for c in plan.informed.checklist)), question=""),
        )
        yield ItemList(lambda: plan.informed.checklist, checklist, id="checklist")
        yield Static("People to talk to", classes="step-section")
        yield ItemList(lambda: plan.informed.contacts, CONTACTS, id="contacts")
        yield Static("Questions to ask", classes="step-section")
        questions = ListSpec[Question](
            noun="question",
            columns=[
                ("Question", lambda q: q.text),
                ("Answered?", lambda q: "yes" if q.answered else "not yet"),
                ("Shared?", _private),
            ],
            fields=QUESTION_FIELDS,
            make=Question,
            empty="No questions yet: write them down before you meet anyone.",
        )
        yield ItemList(lambda: plan.informed.questions, questions, id="questions")
        yield Static("Worries (kept private unless you choose to share them)", classes="step-section")
        worries = ListSpec[PrivateNote](
            noun="worry",
            columns=[("Worry", lambda n: n.text), ("Shared?", _private)],
            fields=WORRY_FIELDS,
            make=PrivateNote,
            empty="Nothing noted. Writing worries down helps when you talk to people.",
        )
        yield ItemList(lambda: plan.informed.worries, worries, id="worries")

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
