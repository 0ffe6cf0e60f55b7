"""The plan as a health professional reads it: short, in the order they check, honest about gaps.

`build_summary` makes a `Document`; the renderers decide how it looks. Everything the person wrote
reaches it, except notes marked private, which are left out unless `include_private` is set (and
then the document says so at the top, and labels each one). `personal` adds what the person
gathered for themselves (things to find out, people to talk to), which `phb show` includes so the
plain-text view is complete, and exports leave out to keep the summary short.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

from plan_store import (
    Agreement,
    DirectPayment,
    Flexibility,
    KeyContacts,
    Management,
    Outcome,
    Person,
    Plan,
    ReviewEntry,
    Reviews,
    Risk,
    SelfAssessment,
    clock,
)
from plan_store.nhs_number import format_nhs_number
from plan_store.vocabulary import DirectPaymentRecipient, EligibilityRoute, HelperRole, JourneyStage

from ..planning.advice import wheelchair_ownership
from ..planning.analysis import PlanAnalysis, analyse
from ..planning.checks import item_name, uses_direct_payment
from ..planning.outcome_names import outcome_name
from ..planning.wizard import label
from .changes import changes_section
from .document import Alert, Block, BulletList, Document, Facts, Paragraph, Section, Subheading
from .employing import employing_section
from .front_sheet import front_sheet
from .money import budget_facts, money_section, spending_charts
from .outcome_progress import history_blocks, progress_paragraph
from .planning_tools import about_me, action_plan, my_week, who_decides
from .sections import section
from .wording import NOT_GIVEN, long_date, note_suffix, or_missing, visible

IF_THE_ICB_SAYS_NO = (
    "If the ICB says no to a direct payment or to something in this plan, or changes the amount, "
    "it must give its reasons. The person can ask it to think again, and send evidence."
)
SIGNATURE_LINE = "Signed: ___________________  Name: ___________________  Date: __________"

__all__ = ["build_summary", "byline", "notices", "running_head", "spending_charts", "summary_sections"]


def build_summary(
    plan: Plan,
    include_private: bool = False,
    personal: bool = False,
    prepared_on: date | None = None,
    agreed: tuple[Agreement, Plan] | None = None,
    analysis: PlanAnalysis | None = None,
) -> Document:
    """The summary of `plan`, from its `analysis` (made here, as of the day prepared, if not given)."""
    prepared = prepared_on or (analysis.today if analysis else clock.today())
    found = analysis or analyse(plan, prepared)
    sections = list(summary_sections(plan, found, include_private, personal, agreed))
    return Document(
        plan.title,
        notices(include_private),
        sections,
        byline=byline(plan, prepared),
        running_head=running_head(plan),
        prepared=prepared,
    )


def notices(include_private: bool) -> list[str]:
    if include_private:
        return ["This copy includes notes marked private. Share it only with people you trust."]
    return []


def byline(plan: Plan, prepared: date) -> list[str]:
    saved = long_date(plan.updated.date())
    return [
        running_head(plan),
        f"Prepared on {long_date(prepared)} from revision {plan.revision} of the plan, last saved {saved}.",
    ]


def summary_sections(
    plan: Plan,
    analysis: PlanAnalysis,
    include_private: bool = False,
    personal: bool = False,
    agreed: tuple[Agreement, Plan] | None = None,
) -> Iterator[Section]:
    """The summary's sections in order, each made only when it is reached, and none left empty,
    so a screen can show the first while the rest are still to come."""
    makers: list[Callable[[], Section]] = [
        lambda: front_sheet(plan, analysis),
        lambda: changes_section(plan, agreed, analysis),
        lambda: _who(plan, analysis),
        lambda: about_me(plan, include_private),
        lambda: _eligibility(plan, analysis),
        lambda: _needs(plan),
        lambda: _outcomes(plan, analysis),
        lambda: _management(plan),
        lambda: who_decides(plan),
        lambda: money_section(plan, analysis, include_private),
        lambda: employing_section(plan, analysis),
        lambda: _other_support(plan),
        lambda: my_week(plan, analysis.week_notes),
        lambda: _risks(plan),
        lambda: _flexibility(plan),
        lambda: _reviews(plan),
        lambda: action_plan(plan, analysis.task_notes),
        lambda: _to_discuss(plan, include_private),
        lambda: _sign_off(plan),
    ]
    if personal:
        makers.append(lambda: _getting_informed(plan, include_private))
    for make in makers:
        section = make()
        if section.blocks:
            yield section


def running_head(plan: Plan) -> str:
    """ "Plan for Daniel Price, born 3 June 1991, NHS number 943 476 5919": whose plan a page is."""
    person = plan.person
    parts = [f"Plan for {person.name.strip() or NOT_GIVEN}"]
    if person.date_of_birth:
        parts.append(f"born {long_date(person.date_of_birth)}")
    if person.nhs_number:
        parts.append(f"NHS number {format_nhs_number(person.nhs_number)}")
    return ", ".join(parts)


def _who(plan: Plan, analysis: PlanAnalysis) -> Section:
    person = plan.person
    rows = [(label(Person, "name"), or_missing(person.name))]
    if person.preferred_name:
        rows.append((label(Person, "preferred_name"), person.preferred_name))
    if person.date_of_birth:
        rows.append((label(Person, "date_of_birth"), long_date(person.date_of_birth)))
    if person.nhs_number:
        rows.append((label(Person, "nhs_number"), format_nhs_number(person.nhs_number)))
    for helper in plan.helpers:
        if helper.role == HelperRole.SELF:
            rows.append(("Written by", "the person themselves" + (f" ({helper.contact})" if helper.contact else "")))
        else:
            who = ", ".join(part for part in (helper.name or NOT_GIVEN, helper.contact) if part)
            rows.append((f"Helped by ({helper.role.label.lower()})", who))
    stage = analysis.stage
    rows.append(
        (label(Plan, "stage"), f"{stage.label} (stage {stage.number} of the {len(JourneyStage)} in the journey)")
    )
    contacts = plan.contacts
    lead = ", ".join(part for part in (contacts.lead_professional, contacts.lead_professional_contact) if part)
    contact_rows = [
        (label(KeyContacts, "lead_professional"), lead),
        (label(KeyContacts, "gp"), contacts.gp),
        (label(KeyContacts, "icb_contact"), contacts.icb_contact),
        (label(KeyContacts, "case_reference"), contacts.case_reference),
    ]
    blocks: list[Block] = [Facts(rows)]
    given = [(label, value) for label, value in contact_rows if value]
    blocks += [Paragraph("Key contacts:"), Facts(given)] if given else [Paragraph(f"Key contacts: {NOT_GIVEN}.")]
    return section("who", blocks)


def _eligibility(plan: Plan, analysis: PlanAnalysis) -> Section:
    rows = [(label(Plan, "icb_name"), or_missing(plan.icb_name))]
    if plan.eligibility:
        rows.append((label(Plan, "eligibility"), f"{plan.eligibility.label}: {plan.eligibility.right}"))
    else:
        rows.append((label(Plan, "eligibility"), NOT_GIVEN))
    rows += budget_facts(plan, analysis.position)
    return section("eligibility", [Facts(rows)])


def _needs(plan: Plan) -> Section:
    return section("needs", [Paragraph(or_missing(plan.assessed_needs))])


def _outcomes(plan: Plan, analysis: PlanAnalysis) -> Section:
    blocks: list[Block] = []
    items = plan.finance.line_items
    for number, outcome in enumerate(plan.outcomes, 1):
        blocks.append(Subheading(f"Outcome {number}: {or_missing(outcome_name(plan, outcome, number).words)}"))
        blocks.append(
            Facts(
                [
                    (label(Outcome, "what_matters"), or_missing(outcome.what_matters)),
                    (label(Outcome, "how_i_will_know"), or_missing(outcome.how_i_will_know)),
                    (label(Outcome, "evidence"), or_missing(outcome.evidence)),
                    (label(Outcome, "risk_if_not_met"), or_missing(outcome.risk_if_not_met)),
                    (label(Outcome, "priority"), outcome.priority.label),
                ]
            )
        )
        # Items by number and name: their costs are in the financial plan, said once there.
        serves = [item_name(plan, items[n - 1], start=True, number=n) for n in analysis.serving.get(outcome.id, ())]
        serves += [
            _resource_phrase(r.description, r.kind.label, r.who_or_where)
            for r in plan.resources
            if outcome.id in r.outcome_ids
        ]
        if serves:
            blocks += [Paragraph("Paid for or supported by:"), BulletList(serves)]
        else:
            blocks.append(Alert("Nothing is linked to this outcome yet."))
    return section("outcomes", blocks)


def _resource_phrase(description: str, kind: str, who_or_where: str) -> str:
    where = f", {who_or_where}" if who_or_where else ""
    return f"{description} ({kind.lower()}{where})"


def _management(plan: Plan) -> Section:
    management = plan.management
    rows = [
        (label(Management, "option"), management.option.label if management.option else NOT_GIVEN),
        (label(Management, "managed_by"), or_missing(management.managed_by)),
    ]
    if management.helped_by:
        rows.append((label(Management, "helped_by"), management.helped_by))
    if plan.eligibility == EligibilityRoute.WHEELCHAIR and (ownership := wheelchair_ownership(management.option)):
        rows.append(("The chair", ownership))
    if uses_direct_payment(plan):
        details = management.direct_payment
        received = (
            f"{details.received_by.label}. {_RECEIVED_FOR_THE_REVIEWER[details.received_by]}"
            if details.received_by
            else NOT_GIVEN
        )
        rows += [
            (label(DirectPayment, "received_by"), received),
            (label(DirectPayment, "held_in"), details.held_in.label if details.held_in else NOT_GIVEN),
            (label(DirectPayment, "agreement_signed"), "signed" if details.agreement_signed else "not signed yet"),
        ]
    blocks: list[Block] = [Facts(rows)]
    if management.notes:
        blocks.append(Paragraph(management.notes))
    answers = management.self_assessment
    chosen_with = [
        (label(SelfAssessment, "control_wanted"), answers.control_wanted.label if answers.control_wanted else ""),
        (label(SelfAssessment, "managing_money"), answers.managing_money.label if answers.managing_money else ""),
        (label(SelfAssessment, "using_computers"), answers.using_computers.label if answers.using_computers else ""),
        (label(SelfAssessment, "employing_staff"), answers.employing_staff.label if answers.employing_staff else ""),
        (label(SelfAssessment, "who_can_help"), answers.who_can_help.strip()),
    ]
    given = [(label, value) for label, value in chosen_with if value]
    if given:
        blocks += [Paragraph("How the choice was made (the person's own answers):"), Facts(given)]
    return section("management", blocks)


_RECEIVED_FOR_THE_REVIEWER = {
    DirectPaymentRecipient.PERSON: "The person receives the money, spends it as the plan says, and employs any PAs.",
    DirectPaymentRecipient.REPRESENTATIVE: (
        "A representative receives the money for a child under 16, or for an adult who lacks capacity "
        "to consent. They spend it as the plan says, and employ any PAs."
    ),
    DirectPaymentRecipient.NOMINEE: (
        "A nominee the person chose receives and manages the money, while the person decides. "
        "The nominee employs any PAs."
    ),
}
"""Who receives a direct payment, said to the reviewer about the person (the app says it to them)."""


def _other_support(plan: Plan) -> Section:
    """Support not linked to any outcome; linked support is listed under its outcomes."""
    unlinked = [r for r in plan.resources if not r.outcome_ids]
    items = [f"{r.kind.label}: {r.description}" + (f" ({r.who_or_where})" if r.who_or_where else "") for r in unlinked]
    return section("other-support", [BulletList(items)] if items else [])


def _risks(plan: Plan) -> Section:
    blocks: list[Block] = []
    for risk in plan.risks:
        rows = [
            (label(Risk, "description"), or_missing(risk.description)),
            (label(Risk, "mitigation"), or_missing(risk.mitigation)),
        ]
        if risk.who_acts:
            rows.append((label(Risk, "who_acts"), risk.who_acts))
        blocks.append(Facts(rows))
    if not plan.risks:
        blocks.append(Paragraph(f"Risks: {NOT_GIVEN}."))
    blocks.append(Facts([(label(Plan, "contingency_plan"), or_missing(plan.contingency_plan))]))
    return section("risks", blocks)


def _flexibility(plan: Plan) -> Section:
    flexibility = plan.flexibility
    return section(
        "flexibility",
        [
            Facts(
                [
                    (label(Flexibility, "free_to_change"), or_missing(flexibility.free_to_change)),
                    (label(Flexibility, "must_ask_first"), or_missing(flexibility.must_ask_first)),
                    (label(Flexibility, "evidence_of_spending"), or_missing(flexibility.evidence_of_spending)),
                ]
            )
        ],
    )


def _reviews(plan: Plan) -> Section:
    reviews = plan.reviews
    rows = [(label(Reviews, "first_review"), long_date(reviews.first_review) if reviews.first_review else NOT_GIVEN)]
    if reviews.every_months:
        every = "month" if reviews.every_months == 1 else f"{reviews.every_months} months"
        rows.append(("Then", f"every {every}"))
    rows.append((label(Reviews, "monitored_by"), or_missing(reviews.monitored_by)))
    blocks: list[Block] = [Facts(rows)]
    for entry in sorted(reviews.log, key=lambda entry: entry.reviewed_on, reverse=True):
        blocks.append(Paragraph(f"Review on {long_date(entry.reviewed_on)}:"))
        blocks.append(
            Facts(
                [
                    (label(ReviewEntry, "working"), or_missing(entry.working)),
                    (label(ReviewEntry, "not_working"), or_missing(entry.not_working)),
                    (label(ReviewEntry, "changes"), or_missing(entry.changes)),
                    (label(ReviewEntry, "outcomes_progress"), or_missing(entry.outcomes_progress)),
                ]
            )
        )
    if not reviews.log:
        blocks.append(Paragraph("No review has happened yet."))
    if history := history_blocks(plan):
        blocks += [progress_paragraph(), *history]
    return section("reviews", blocks)


def _to_discuss(plan: Plan, include_private: bool) -> Section:
    """Questions and worries the person chose to share (private ones only when asked for)."""
    blocks: list[Block] = []
    questions = [
        text + (" (answered)" if question.answered else "")
        for question in plan.informed.questions
        for text in visible([question], include_private)
    ]
    for heading, shown in (
        ("Questions:", questions),
        ("Worries:", list(visible(plan.informed.worries, include_private))),
    ):
        if shown:
            blocks += [Paragraph(heading), BulletList(shown)]
    return section("to-discuss", blocks)


def _sign_off(plan: Plan) -> Section:
    rows = [
        (
            s.name + (f", {s.role}" if s.role else ""),
            f"agreed {long_date(s.agreed_on)}" if s.agreed_on else "not yet agreed",
        )
        for s in plan.sign_off
    ]
    blocks: list[Block] = [Facts(rows)] if rows else [Paragraph("Nobody has agreed the plan yet.")]
    blocks.append(Paragraph(IF_THE_ICB_SAYS_NO))
    blocks += [Paragraph("Person (or their representative):"), Paragraph(SIGNATURE_LINE)]
    blocks += [Paragraph("For the NHS:"), Paragraph(SIGNATURE_LINE)]
    return section("sign-off", blocks, keep_together=True)


def _getting_informed(plan: Plan, include_private: bool) -> Section:
    informed = plan.informed
    blocks: list[Block] = [Paragraph("Gathered for yourself; not part of the summary you share.")]
    if informed.checklist:
        done = sum(1 for c in informed.checklist if c.done)
        blocks.append(Paragraph(f"Found out so far: {done} of {len(informed.checklist)} things on the list."))
        blocks.append(
            BulletList(
                [
                    f"[{'x' if c.done else ' '}] {c.question}" + note_suffix(c.notes, include_private)
                    for c in informed.checklist
                ]
            )
        )
    contacts = [
        f"{c.name} ({c.kind.label.lower()})"
        + (f": {c.how_to_reach}" if c.how_to_reach else "")
        + note_suffix(c.notes, include_private)
        for c in informed.contacts
    ]
    if contacts:
        blocks += [Paragraph("People to talk to:"), BulletList(contacts)]
    return section("getting-informed", blocks)
