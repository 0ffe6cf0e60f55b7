"""Step 6: risks and the contingency plan, reviews and the review log, and who agreed the plan."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.widgets import Static

from phb_tui.planning.steps import Step
from phb_tui.widgets.form import FieldSpec, ModelForm
from phb_tui.widgets.item_list import ItemList, ListSpec
from plan_store import ReviewEntry, Risk, SignOff
from plan_store.dates import format_date_text

from .base import StepScreen

RISKS = ListSpec[Risk](
    noun="risk",
    columns=[
        ("Risk", lambda r: r.description or "(not described yet)"),
        ("How it is managed", lambda r: r.mitigation),
        ("Who acts", lambda r: r.who_acts),
    ],
    fields=[
        FieldSpec("description", "What could go wrong"),
        FieldSpec("mitigation", "How it is managed"),
        FieldSpec("who_acts", "Who acts"),
    ],
    make=lambda: Risk(description=""),
    empty="No risks listed: what could go wrong, and what would you do?",
)

CONTINGENCY_PLAN = [
    FieldSpec(
        "contingency_plan",
        "If planned support fails",
        help="Who steps in, and who to call, if support does not turn up. (The contingency fund, money set aside, is in step 5.)",
    ),
]

REVIEW_FIELDS = [
    FieldSpec("first_review", "First review", placeholder="dd/mm/yyyy", help="Usually within about three months."),
    FieldSpec(
        "every_months", "Then every how many months", placeholder="months", help="At least once a year: 12 or fewer."
    ),
    FieldSpec("monitored_by", "Who keeps an eye on the plan"),
]

LOG = ListSpec[ReviewEntry](
    noun="review",
    columns=[
        ("Date", lambda r: format_date_text(r.reviewed_on)),
        ("Working", lambda r: r.working),
        ("Not working", lambda r: r.not_working),
    ],
    fields=[
        FieldSpec("reviewed_on", "Date of the review"),
        FieldSpec("working", "What is working"),
        FieldSpec("not_working", "What is not working"),
        FieldSpec("changes", "What will change"),
        FieldSpec("outcomes_progress", "How the outcomes are going"),
    ],
    make=lambda: ReviewEntry(reviewed_on=date.today()),
    empty="No reviews yet.",
)

SIGN_OFF = ListSpec[SignOff](
    noun="person agreeing",
    columns=[
        ("Name", lambda s: s.name),
        ("Role", lambda s: s.role),
        ("Agreed on", lambda s: format_date_text(s.agreed_on) or "not yet"),
    ],
    fields=[
        FieldSpec("name", "Name"),
        FieldSpec("role", "Role", placeholder="Budget holder, CHC nurse assessor..."),
        FieldSpec("agreed_on", "Date agreed"),
    ],
    make=lambda: SignOff(name=""),
    empty="Nobody has signed off yet.",
)


class ReviewScreen(StepScreen):
    STEP = Step.REVIEW
    CSS_PATH = ["base.tcss"]

    def compose_step(self) -> ComposeResult:
        plan = self.plan
        yield Static("Risks", classes="step-section")
        yield ItemList(lambda: plan.risks, RISKS, id="risks")
        yield Static("Contingency plan", classes="step-section")
        yield ModelForm(plan, CONTINGENCY_PLAN, id="contingency-plan")
        yield Static("Reviews", classes="step-section")
        yield ModelForm(plan.reviews, REVIEW_FIELDS, id="review-form")
        yield Static("Review log", classes="step-section")
        yield ItemList(lambda: plan.reviews.log, LOG, id="review-log")
        yield Static("Sign-off", classes="step-section")
        yield ItemList(lambda: plan.sign_off, SIGN_OFF, id="sign-off")
