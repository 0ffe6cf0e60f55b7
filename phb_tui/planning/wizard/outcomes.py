"""Step 2, Outcomes: a page about the person, what the assessment found, and the outcomes they want."""

from __future__ import annotations

from plan_store import Outcome, Plan
from plan_store.person_centred import AboutMe

from ..fields import FieldSpec, form, listed
from ..steps import Step
from .entry import StepEntry

ABOUT_ME = form(
    AboutMe,
    [
        FieldSpec("like_and_admire", "What people like and admire about me"),
        FieldSpec("important_to_me", "What is important to me"),
        FieldSpec(
            "important_for_me",
            "What is important for me",
            help="What keeps me healthy and safe, even when it is not what I would choose.",
            reported="What is important for me (health and safety)",
        ),
        FieldSpec("best_support", "How best to support me"),
        FieldSpec("working", "What is working now"),
        FieldSpec("not_working", "What is not working now"),
        FieldSpec(
            "family_view",
            "What my family thinks",
            help="What is working and not working, as my family sees it.",
            reported="What my family thinks is working and not working",
        ),
    ],
    at=lambda plan: plan.about_me,
)

NEEDS = form(
    Plan,
    [
        FieldSpec(
            "assessed_needs",
            "What the assessment found",
            help="Your health needs, in your own words, as the assessment of your needs found them.",
        ),
    ],
    at=lambda plan: plan,
)

OUTCOMES = listed(
    Outcome,
    [
        FieldSpec(
            "what_matters", "What matters to me", help="The life you want, in your words.", reported="What matters"
        ),
        FieldSpec("outcome", "The outcome I want", help="What you want to achieve or keep."),
        FieldSpec("how_i_will_know", "How I will know it is happening", reported="How I will know"),
        FieldSpec(
            "evidence",
            "Why I think this will help (evidence)",
            help="Research, professional advice or your own experience.",
            reported="Evidence",
        ),
        FieldSpec("risk_if_not_met", "The risk if this is not met", reported="Risk if not met"),
        FieldSpec("priority", "Priority"),
    ],
    entries=lambda plan: plan.outcomes,
)

ENTRY = StepEntry(Step.OUTCOMES, "Outcomes", "Outcomes", (ABOUT_ME, NEEDS, OUTCOMES))
