"""Step 3, Managing the money: a few questions, the choice of how the money is held, a direct
payment's details, and who decides."""

from __future__ import annotations

from plan_store import DirectPayment, DirectPaymentRecipient, Management, SelfAssessment
from plan_store.person_centred import Decision, WhoDecides
from plan_store.vocabulary import ActingRole

from ..fields import FieldSpec, form, listed
from ..steps import Step
from .entry import StepEntry

QUESTIONS = form(
    SelfAssessment,
    [
        FieldSpec(
            "control_wanted",
            "How much control do you want over the money and your support?",
            reported="Control wanted",
        ),
        FieldSpec(
            "managing_money", "How confident are you managing money and keeping records?", reported="Managing money"
        ),
        FieldSpec(
            "using_computers",
            "How confident are you using a computer or phone for banking and forms?",
            reported="Using computers",
        ),
        FieldSpec("employing_staff", "How confident are you employing and managing staff?", reported="Employing staff"),
        FieldSpec(
            "who_can_help",
            "Who could help?",
            help="Family, friends, or organisations people near you have used.",
            reported="Who could help",
        ),
    ],
    at=lambda plan: plan.management.self_assessment,
)

CHOICE = form(
    Management,
    [
        FieldSpec("option", "How the money will be held", reported="How the money is held"),
        FieldSpec(
            "managed_by",
            "Who will manage it",
            help="You, or someone who does it for you: a family member, a friend, or an organisation.",
            reported="Managed by",
        ),
        FieldSpec("helped_by", "Who will help", reported="Helped by"),
        FieldSpec("notes", "Notes"),
    ],
    at=lambda plan: plan.management,
)

DIRECT_PAYMENT = form(
    DirectPayment,
    [
        FieldSpec(
            "received_by",
            "Who the direct payment is paid to",
            help="\n".join(f"{who.label}: {who.explained}" for who in DirectPaymentRecipient),
            reported="Direct payment paid to",
        ),
        FieldSpec(
            "held_in",
            "Where the money is kept",
            help="Always apart from your own money.",
            reported="Direct payment held in",
        ),
        FieldSpec(
            "agreement_signed",
            "Agreement",
            placeholder="The direct payment agreement is signed",
            help="It is signed before any money is paid.",
            reported="Direct payment agreement",
        ),
        FieldSpec(
            "first_payment",
            "First payment",
            placeholder="dd/mm/yyyy",
            help="Optional. The first review comes within three months of it.",
        ),
    ],
    at=lambda plan: plan.management.direct_payment,
)

WHO_DECIDES = form(
    WhoDecides,
    [
        FieldSpec(
            "acting_role",
            "Someone who acts for me",
            help="\n".join(f"{role.label}: someone who {role.explained}." for role in ActingRole),
            reported="Acting for me",
        ),
        FieldSpec("acting_name", "Their name"),
        FieldSpec("information", "How I like to be given information and choices"),
        FieldSpec("best_times", "Best times for me to decide", reported="Best times to decide"),
        FieldSpec("worst_times", "Worst times for me to decide", reported="Worst times to decide"),
    ],
    at=lambda plan: plan.who_decides,
)

DECISIONS = listed(
    Decision,
    [
        FieldSpec("area", "What it is about", reported="About"),
        FieldSpec("decision", "The decision", placeholder="Who to employ as a PA", reported="Decision"),
        FieldSpec("how_involved", "How I must be involved", reported="How I am involved"),
        FieldSpec("who_decides", "Who makes the final decision", reported="Who decides"),
        FieldSpec(
            "can_decide",
            "I can make this decision",
            placeholder="I can make this decision myself",
            help="Untick if you cannot: then it is made for you, in your best interests.",
        ),
    ],
    entries=lambda plan: plan.who_decides.decisions,
)

ENTRY = StepEntry(
    Step.MANAGEMENT, "Managing the money", "Money", (QUESTIONS, CHOICE, DIRECT_PAYMENT, WHO_DECIDES, DECISIONS)
)
