"""The parts of a personal health budget plan, in the order the planning journey fills them in.

The `Plan` that ties them together lives in `plan.py`; everything here is one section of it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Protocol

from pydantic import Field, StringConstraints, ValidationInfo, field_validator, model_serializer, model_validator

from .dates import format_date_text
from .employing import Employing
from .fields import BirthDate, Identifier, Line, NhsNumber, Note, PlanModel, PrivateNote, Quantity, Text
from .money import Money, format_money
from .vocabulary import (
    Confidence,
    ContactKind,
    ContributionSource,
    ControlWanted,
    DirectPaymentAccount,
    DirectPaymentRecipient,
    HelperRole,
    ManagementOption,
    ManagementRoute,
    Period,
    Priority,
    Progress,
    ResourceKind,
    SaidBy,
    SpendCategory,
)

# --- About the plan -----------------------------------------------------------------------------


class Person(PlanModel):
    """The person the budget is for."""

    name: Line = ""
    preferred_name: Line = ""
    date_of_birth: BirthDate | None = None
    nhs_number: NhsNumber | None = None
    """Stored as ten digits; shown as 3-3-4. Checked with the modulus 11 check digit."""


class Helper(PlanModel):
    """Someone helping to write the plan, or the person themselves."""

    role: HelperRole
    name: Line = ""
    contact: Line = ""


class KeyContacts(PlanModel):
    """The people a reviewer may need to reach about the plan, and the ICB's own reference."""

    lead_professional: Line = ""
    """The care coordinator or lead professional: name and role."""
    lead_professional_contact: Line = ""
    gp: Line = ""
    """The GP practice, and the GP's name if the person wants it given."""
    icb_contact: Line = ""
    """The team or person at the ICB who deals with the budget, with a phone number or email."""
    case_reference: Line = ""
    """The ICB's reference for the person's case, when there is one."""


# --- Get informed -------------------------------------------------------------------------------


class ChecklistItem(PlanModel):
    """One thing worth finding out locally, ticked off when done."""

    key: Identifier
    """Stable name, so the app can recognise the starter items it offered."""
    question: Line
    done: bool = False
    notes: Note = Field(default_factory=Note)


class Contact(PlanModel):
    """Someone to talk to: peers, user-led organisations, brokers, the CHC team."""

    name: Line
    kind: ContactKind = ContactKind.OTHER
    how_to_reach: Line = ""
    notes: Note = Field(default_factory=Note)


class Question(Note):
    """A question to ask before or at meetings, ticked off once it has an answer.

    In a file it is plain text, like any note, until it is private or answered: then a table.
    """

    answered: bool = False

    @model_validator(mode="before")
    @classmethod
    def _from_plain_text(cls, value: Any) -> Any:
        if isinstance(value, Note) and not isinstance(value, Question):  # A question kept as a plain note.
            return {"text": value.text, "private": value.private}
        if isinstance(value, str):
            return {"text": value, "private": cls.private_by_default}
        return value

    @model_serializer(mode="plain")
    def _to_plain_text_when_usual(self) -> str | dict[str, Any]:
        if not self.answered and self.private == self.private_by_default:
            return self.text
        table: dict[str, Any] = {"text": self.text}
        if self.private != self.private_by_default:
            table["private"] = self.private
        if self.answered:
            table["answered"] = True
        return table


class GetInformed(PlanModel):
    checklist: list[ChecklistItem] = []
    contacts: list[Contact] = []
    questions: list[Question] = []
    """Questions to ask before or at meetings."""
    worries: list[PrivateNote] = []
    """Private unless the person chooses to share them."""


# --- Outcomes -----------------------------------------------------------------------------------


class Outcome(PlanModel):
    """What the person wants to achieve or keep, in their words, and how they will know."""

    id: Identifier
    what_matters: Text = ""
    outcome: Text = ""
    how_i_will_know: Text = ""
    evidence: Text = ""
    risk_if_not_met: Text = ""
    priority: Priority = Priority.MEDIUM


# --- Management ---------------------------------------------------------------------------------


class SelfAssessment(PlanModel):
    """Answers that help choose how the money is held; blank means not answered yet."""

    control_wanted: ControlWanted | None = None
    managing_money: Confidence | None = None
    using_computers: Confidence | None = None
    employing_staff: Confidence | None = None
    who_can_help: Text = ""


class DirectPayment(PlanModel):
    """How a direct payment is received and held; blank until a direct payment is part of the plan."""

    received_by: DirectPaymentRecipient | None = None
    held_in: DirectPaymentAccount | None = None
    agreement_signed: bool = False
    """The direct payment agreement, signed before any money is paid."""
    first_payment: date | None = None
    """The day of the first payment, when known: the first review comes within three months of it."""


class Management(PlanModel):
    option: ManagementOption | None = None
    self_assessment: SelfAssessment = Field(default_factory=SelfAssessment)
    managed_by: Line = ""
    """Who holds and manages the money: the person, a representative, a nominee or an organisation."""
    helped_by: Line = ""
    notes: Text = ""
    direct_payment: DirectPayment = Field(default_factory=DirectPayment)


# --- Resources beyond money ---------------------------------------------------------------------


class Resource(PlanModel):
    id: Identifier
    kind: ResourceKind
    description: Text
    who_or_where: Line = ""
    outcome_ids: list[Identifier] = []


# --- Financial plan -----------------------------------------------------------------------------


class Costed(Protocol):
    """What working out a cost needs of a line item; a quick list of plans reads only this much."""

    @property
    def unit_cost(self) -> Decimal: ...

    @property
    def quantity(self) -> Decimal: ...

    @property
    def period(self) -> Period: ...

    @property
    def contribution(self) -> Decimal: ...


class LineItem(PlanModel):
    """One thing the budget buys: `quantity` units at `unit_cost`, every `period`."""

    id: Identifier
    description: Line
    category: SpendCategory = SpendCategory.OTHER
    provider: Line = ""
    unit_cost: Money
    quantity: Quantity = Decimal(1)
    period: Period = Period.WEEK
    route: ManagementRoute | None = None
    """How this item is paid for; left out when the whole plan uses one option."""
    outcome_ids: list[Identifier] = []
    contribution: Money = Decimal("0.00")
    """Money from elsewhere toward the price, each time: only the rest is paid from the budget."""
    contribution_from: ContributionSource | None = None
    contributor: Line = ""
    """Who exactly pays it, such as the charity's name."""
    notes: Note = Field(default_factory=Note)
    checked_allowed: bool = False
    """The person checked that this is not something a budget cannot pay for (a false alarm)."""
    checked_reason: Line = ""
    """Why it is a false alarm, in a few words; the reviewer sees the flag and this reason."""

    @model_validator(mode="after")
    def _consistent(self) -> LineItem:
        # Said as "field: rule", so a message names the field whichever field was being edited.
        price = self.unit_cost * self.quantity
        if self.contribution > price:
            raise ValueError(
                f"contribution: is {format_money(self.contribution)}, more than the full price each time "
                f"({format_money(price)}); it can be at most the price"
            )
        if self.checked_allowed and not self.checked_reason.strip():
            raise ValueError(
                "checked_reason: is needed when the item is marked as checked; say in a few words why it "
                'is allowed, like "this is non-alcoholic"'
            )
        return self


class YearConvention(PlanModel):
    """How many of each period make a year. Every conversion uses these, and the summary says so."""

    weeks: Quantity = Decimal(52)
    four_week_periods: Quantity = Decimal(13)
    months: Quantity = Decimal(12)

    @field_validator("weeks", "four_week_periods", "months")
    @classmethod
    def _sensible(cls, value: Decimal, info: ValidationInfo) -> Decimal:
        low, high = _YEAR_LIMITS[info.field_name or ""]
        if not low <= value <= high:
            raise ValueError(f"must be between {low} and {high} (usually 52 weeks, 13 four-week periods, 12 months)")
        return value


# A year has 52 weeks and a day or two, so conventions differ a little; anything further out is a slip.
_YEAR_LIMITS: dict[str, tuple[Decimal, Decimal]] = {
    "weeks": (Decimal(52), Decimal("52.18")),
    "four_week_periods": (Decimal(13), Decimal("13.05")),
    "months": (Decimal(12), Decimal(12)),
}


class FinancialPlan(PlanModel):
    budget_amount: Money | None = None
    """The indicative budget the NHS has said is available, for `budget_period`."""
    budget_period: Period = Period.YEAR
    """A budget recurs (a week ... a year) or is one amount (a personal wheelchair budget, equipment)."""
    budget_start: date | None = None
    budget_end: date | None = None
    """The last day the budget covers, where it has one: a wheelchair budget often covers 5 years."""
    line_items: list[LineItem] = []
    contingency: Money = Decimal("0.00")
    """The contingency fund: money set aside for the unexpected, for `budget_period`."""
    contingency_notes: Text = ""
    kept_back_reason: Text = ""
    """Why part of the budget is left unplanned on purpose, such as saving for a yearly short break."""
    year: YearConvention = Field(default_factory=YearConvention)
    employing: Employing = Field(default_factory=Employing)
    """The PA cost calculator's answers, so every visit, `phb pa-costs` and the summary agree."""

    @model_validator(mode="after")
    def _dates_in_order(self) -> FinancialPlan:
        if self.budget_start and self.budget_end and self.budget_end < self.budget_start:
            raise ValueError(
                f"budget_end: is {format_date_text(self.budget_end)}, before the budget starts "
                f"({format_date_text(self.budget_start)}); the end must be on or after the start"
            )
        return self


class Flexibility(PlanModel):
    """What was agreed up front about changing the plan without asking."""

    free_to_change: Text = ""
    must_ask_first: Text = ""
    evidence_of_spending: Text = ""
    """When the NHS may ask for receipts or other evidence of spending."""


# --- Risks, reviews and sign-off ----------------------------------------------------------------


class Risk(PlanModel):
    description: Text
    mitigation: Text = ""
    who_acts: Line = ""


class ReviewEntry(PlanModel):
    """One review: what is working, what is not, and what will change."""

    reviewed_on: date
    working: Text = ""
    not_working: Text = ""
    changes: Text = ""
    outcomes_progress: Text = ""


class OutcomeReview(PlanModel):
    """How one outcome was going at a review, so each outcome's history can be read in order.

    `outcome_id` is not held to the outcomes the plan has now: an outcome removed later keeps the
    history it had, which the summary names as no longer in the plan.
    """

    reviewed_on: date
    outcome_id: Identifier
    progress: Progress | None = None
    how_it_is_going: Text = ""
    said_by: SaidBy | None = None
    what_will_change: Text = ""


class Reviews(PlanModel):
    first_review: date | None = None
    every_months: int | None = Field(default=None, ge=1, le=12)
    """After the first review, how often to review: at least once a year."""
    monitored_by: Line = ""
    log: list[ReviewEntry] = []
    outcomes: list[OutcomeReview] = []
    """Each outcome's progress at each review; `log` keeps what was said of the plan as a whole."""


class NotApplicable(PlanModel):
    """A readiness rule the person says does not apply to their plan, and why: the reviewer sees both."""

    rule: Identifier
    """The rule's name, as `phb check --json` gives it, such as "no-contingency-fund"."""
    reason: Line = ""

    @model_validator(mode="after")
    def _has_a_reason(self) -> NotApplicable:
        if not self.reason.strip():
            raise ValueError(
                f'reason: is needed to say the rule "{self.rule}" does not apply; say in a few words why, '
                "so the reviewer can see it"
            )
        return self


class SignOff(PlanModel):
    name: Line
    role: Line = ""
    agreed_on: date | None = None


class Agreement(PlanModel):
    """One revision of the plan the NHS team agreed, with a frozen copy kept beside the plan.

    The copy is `<file name>.agreed-<revision>`; `digest` (SHA-256 of its bytes) is how a damaged
    or changed copy is noticed and named, rather than used.
    """

    revision: int = Field(ge=0)
    by: Line
    role: Line = ""
    on: date
    digest: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class ChangeReason(PlanModel):
    """The person's reason for a change since the agreed version, for the variation request.

    `change` is the change's own name (`phb changes --json` gives it), which stays the same however
    often the changes are listed; `since` is the agreed revision the change is measured from, so a
    reason given for one variation is not offered again for the next.
    """

    change: Annotated[str, StringConstraints(pattern=r"^[a-z0-9_:.-]{1,200}$")]
    since: int = Field(ge=0)
    reason: Line
