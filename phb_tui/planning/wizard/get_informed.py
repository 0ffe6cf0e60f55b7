"""Step 1, Get informed: who the plan is for, who is helping, the right to a budget, the NHS
contacts, and what to find out, ask and worry about."""

from __future__ import annotations

from datetime import date

from plan_store import ChecklistItem, Contact, Helper, KeyContacts, Person, Plan, PrivateNote
from plan_store.models import Question

from ..fields import FieldSpec, form, listed
from ..steps import Step
from .entry import StepEntry

PERSON = form(
    Person,
    [
        FieldSpec("name", "Full name", reported="Name"),
        FieldSpec("preferred_name", "What you like to be called", reported="Likes to be called"),
        FieldSpec("date_of_birth", "Date of birth", placeholder="dd/mm/yyyy", help="Optional. Day, month, year."),
        FieldSpec(
            "nhs_number", "NHS number", placeholder="ten digits", help="Optional. Ten digits, on letters from the NHS."
        ),
    ],
    at=lambda plan: plan.person,
)

HELPERS = listed(
    Helper,
    [
        FieldSpec("role", "Their role"),
        FieldSpec("name", "Name"),
        FieldSpec("contact", "Phone or email"),
    ],
    entries=lambda plan: plan.helpers,
)

RIGHT_TO_A_BUDGET = form(
    Plan,
    [
        FieldSpec(
            "icb_name",
            "Local ICB",
            placeholder="the name on their letters",
            help="The Integrated Care Board that agrees budgets where you live (it replaced the CCG).",
            reported="ICB (formerly CCG)",
        ),
        FieldSpec("eligibility", "Why you can have a budget", reported="Eligibility"),
        FieldSpec(
            "stage",
            "Where you are in the journey",
            help="It usually takes months from start to finish; delays are common.",
            reported="Stage",
        ),
    ],
    at=lambda plan: plan,
)

CONTACTS = form(
    KeyContacts,
    [
        FieldSpec(
            "lead_professional",
            "Care coordinator or lead professional",
            placeholder="Name and role",
            help="The person at the NHS who leads on your care, if you have one.",
        ),
        FieldSpec("lead_professional_contact", "How to reach them", placeholder="Phone or email"),
        FieldSpec("gp", "GP practice"),
        FieldSpec(
            "icb_contact",
            "Who deals with your budget at the ICB",
            placeholder="Team or person, with phone or email",
            reported="ICB contact",
        ),
        FieldSpec(
            "case_reference", "Case reference", help="Optional. The reference on letters from the ICB, if there is one."
        ),
    ],
    at=lambda plan: plan.contacts,
)

CHECKLIST = listed(
    ChecklistItem,
    [
        FieldSpec("question", "What to find out"),
        FieldSpec("done", "Found out", placeholder="I have found this out"),
        FieldSpec("notes", "What I found out"),
    ],
    entries=lambda plan: plan.informed.checklist,
)

PEOPLE_TO_TALK_TO = listed(
    Contact,
    [
        FieldSpec("name", "Name"),
        FieldSpec("kind", "What kind of contact"),
        FieldSpec("how_to_reach", "How to reach them", placeholder="Phone, email, or where they meet"),
        FieldSpec("notes", "Notes"),
    ],
    entries=lambda plan: plan.informed.contacts,
)

KEEP_PRIVATE = FieldSpec("private", "Keep private", placeholder="Keep this private (left out of anything you share)")

QUESTIONS = listed(
    Question,
    [
        FieldSpec("text", "Question"),
        FieldSpec("answered", "Answered", placeholder="This question has its answer"),
        KEEP_PRIVATE,
    ],
    entries=lambda plan: plan.informed.questions,
)

WORRIES = listed(PrivateNote, [FieldSpec("text", "Worry"), KEEP_PRIVATE], entries=lambda plan: plan.informed.worries)


def _still_to_do(plan: Plan, today: date) -> list[str]:
    missing = []
    if plan.eligibility is None:
        missing.append("Choose why you can have a budget (your eligibility).")
    if not plan.icb_name:
        missing.append("Add the name of your local ICB.")
    return missing


ENTRY = StepEntry(
    Step.GET_INFORMED,
    "Get informed",
    "Informed",
    (PERSON, HELPERS, RIGHT_TO_A_BUDGET, CONTACTS, CHECKLIST, PEOPLE_TO_TALK_TO, QUESTIONS, WORRIES),
    still_to_do=_still_to_do,
)
