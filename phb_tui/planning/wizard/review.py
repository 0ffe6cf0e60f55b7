"""Step 6, Review and sign-off: risks and the contingency plan, reviews, who agreed the plan, and
the tasks before it starts."""

from __future__ import annotations

from plan_store import Plan, ReviewEntry, Reviews, Risk, SignOff
from plan_store.models import OutcomeReview
from plan_store.person_centred import Action

from ..fields import FieldSpec, form, listed
from ..person_centred import task_notes
from ..steps import Step
from .entry import StepEntry, StepKey

RISKS = listed(
    Risk,
    [
        FieldSpec("description", "What could go wrong", reported="Risk"),
        FieldSpec("mitigation", "How it is managed"),
        FieldSpec("who_acts", "Who acts"),
    ],
    entries=lambda plan: plan.risks,
)

CONTINGENCY_PLAN = form(
    Plan,
    [
        FieldSpec(
            "contingency_plan",
            "If planned support fails",
            help=(
                "Who steps in, and who to call, if support does not turn up. (The contingency fund, "
                f"money set aside, is in step {Step.FINANCE.number}.)"
            ),
            reported="Contingency plan: if planned support fails",
        ),
    ],
    at=lambda plan: plan,
)

REVIEWS = form(
    Reviews,
    [
        FieldSpec("first_review", "First review", placeholder="dd/mm/yyyy", help="Usually within about three months."),
        FieldSpec(
            "every_months",
            "Then every how many months",
            placeholder="months",
            help="At least once a year: 12 or fewer.",
        ),
        FieldSpec("monitored_by", "Who keeps an eye on the plan", reported="Monitored by"),
    ],
    at=lambda plan: plan.reviews,
)

LOG = listed(
    ReviewEntry,
    [
        FieldSpec("reviewed_on", "Date of the review"),
        FieldSpec("working", "What is working", reported="Working"),
        FieldSpec("not_working", "What is not working", reported="Not working"),
        FieldSpec("changes", "What will change", reported="Changes"),
        FieldSpec("outcomes_progress", "How the outcomes are going", reported="Progress on outcomes"),
    ],
    entries=lambda plan: plan.reviews.log,
)

OUTCOME_PROGRESS = listed(
    OutcomeReview,
    [
        FieldSpec("reviewed_on", "Date of the review"),
        FieldSpec("outcome_id", "Which outcome"),
        FieldSpec("progress", "How far along it is"),
        FieldSpec("how_it_is_going", "How it is going, in words"),
        FieldSpec("said_by", "Who said so"),
        FieldSpec("what_will_change", "What will change"),
    ],
    entries=lambda plan: plan.reviews.outcomes,
)
"""`outcome_id` chooses among the plan's outcomes: the screen gives the form those choices."""

SIGN_OFF = listed(
    SignOff,
    [
        FieldSpec("name", "Name"),
        FieldSpec("role", "Role", placeholder="Budget holder, CHC nurse assessor..."),
        FieldSpec("agreed_on", "Date agreed"),
    ],
    entries=lambda plan: plan.sign_off,
)

ACTIONS = listed(
    Action,
    [
        FieldSpec("task", "What must happen"),
        FieldSpec("who", "Who will do it"),
        FieldSpec("by", "By when", placeholder="dd/mm/yyyy"),
        FieldSpec("done", "Done", placeholder="This is done"),
    ],
    entries=lambda plan: plan.actions,
)

ENTRY = StepEntry(
    Step.REVIEW,
    "Review and sign-off",
    "Review",
    (RISKS, CONTINGENCY_PLAN, REVIEWS, LOG, OUTCOME_PROGRESS, SIGN_OFF, ACTIONS),
    still_to_do=task_notes,
    keys=(StepKey("review.usual_tasks", "f5", "usual tasks"), StepKey("review.agree", "f3", "mark as agreed")),
)
