"""The plan as a health professional reads it: short, in the order they check, honest about gaps.

`build_summary` makes a `Document`; the renderers decide how it looks. Private notes are left out
unless `include_private` is set, and then the document says so at the top.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from plan_store import LineItem, Note, Plan, format_money
from plan_store.nhs_number import format_nhs_number
from plan_store.vocabulary import Period

from .checks import find_gaps
from .document import Alert, Block, BulletList, Document, Facts, Paragraph, Section, Table
from .finance import CONVENTION, budget_position, item_cost_each_time, item_cost_per_year

NOT_GIVEN = "not given yet"


def build_summary(plan: Plan, include_private: bool = False) -> Document:
    notices = []
    if include_private:
        notices.append("This copy includes notes marked private. Share it only with people you trust.")
    sections = [
        _still_to_do(plan),
        _about(plan),
        _outcomes(plan),
        _management(plan),
        _money(plan),
        _other_support(plan),
        _risks(plan),
        _flexibility(plan),
        _reviews(plan),
        _sign_off(plan),
        _getting_informed(plan, include_private),
    ]
    return Document(plan.title, notices, [s for s in sections if s.blocks])


def long_date(day: date) -> str:
    """"3 June 1991": the form used in NHS letters, unambiguous in any country."""
    return f"{day.day} {day:%B %Y}"


def _or_missing(text: str) -> str:
    return text.strip() or NOT_GIVEN


def _still_to_do(plan: Plan) -> Section:
    gaps = find_gaps(plan)
    if not gaps:
        return Section("Ready for review", [Paragraph("No gaps found: everything a reviewer checks for is here.")])
    return Section("Not yet complete", [Alert(f"{len(gaps)} thing(s) still to do before sign-off:"), BulletList([str(g) for g in gaps])])


def _about(plan: Plan) -> Section:
    person = plan.person
    rows = [("Name", _or_missing(person.name))]
    if person.preferred_name:
        rows.append(("Likes to be called", person.preferred_name))
    if person.date_of_birth:
        rows.append(("Date of birth", long_date(person.date_of_birth)))
    if person.nhs_number:
        rows.append(("NHS number", format_nhs_number(person.nhs_number)))
    for helper in plan.helpers:
        who = ", ".join(part for part in (helper.name, helper.contact) if part) or NOT_GIVEN
        rows.append((f"Helped by ({helper.role.label.lower()})", who))
    rows.append(("ICB (formerly CCG)", _or_missing(plan.icb_name)))
    if plan.eligibility:
        right = "a legal right" if plan.eligibility.is_legal_right else "offered at the ICB's discretion"
        rows.append(("Eligibility", f"{plan.eligibility.label} ({right})"))
    else:
        rows.append(("Eligibility", NOT_GIVEN))
    rows.append(("Journey stage", f"{plan.stage.number} of 11: {plan.stage.label}"))
    return Section("Who the plan is for", [Facts(rows)])


def _outcomes(plan: Plan) -> Section:
    blocks: list[Block] = []
    for number, outcome in enumerate(plan.outcomes, 1):
        rows = [
            ("What matters", _or_missing(outcome.what_matters)),
            ("How I will know", _or_missing(outcome.how_i_will_know)),
            ("Evidence", _or_missing(outcome.evidence)),
            ("Risk if not met", _or_missing(outcome.risk_if_not_met)),
            ("Priority", outcome.priority.label),
        ]
        items = [i for i in plan.finance.line_items if outcome.id in i.outcome_ids]
        resources = [r for r in plan.resources if outcome.id in r.outcome_ids]
        serves = [f"{i.description}: {_cost_phrase(i)}" for i in items]
        serves += [f"{r.description} ({r.kind.label.lower()})" for r in resources]
        blocks.append(Paragraph(f"Outcome {number}: {_or_missing(outcome.outcome)}"))
        blocks.append(Facts(rows))
        blocks.append(BulletList(serves) if serves else Alert("Nothing is linked to this outcome yet."))
    return Section("Outcomes and what serves them", blocks)


def _cost_phrase(item: LineItem) -> str:
    each = format_money(item_cost_each_time(item))
    return f"{each} one-off" if item.period == Period.ONE_OFF else f"{each} {item.period.label}"


def _management(plan: Plan) -> Section:
    management = plan.management
    option = management.option.label if management.option else NOT_GIVEN
    rows = [("How the money is held", option), ("Managed by", _or_missing(management.managed_by))]
    if management.helped_by:
        rows.append(("Helped by", management.helped_by))
    blocks: list[Block] = [Facts(rows)]
    if management.notes:
        blocks.append(Paragraph(management.notes))
    return Section("Managing the money", blocks)


def _money(plan: Plan) -> Section:
    position = budget_position(plan)
    period = plan.finance.budget_period.label
    rows = []
    for item in plan.finance.line_items:
        linked = ", ".join(_outcome_number(plan, oid) for oid in item.outcome_ids) or "NONE"
        route = item.route.label if item.route else ""
        rows.append([
            item.description,
            item.provider,
            _cost_phrase(item),
            format_money(item_cost_per_year(item)),
            route,
            linked,
        ])
    totals = [["Planned spending", "", f"{format_money(position.planned)} {period}", "", "", ""]]
    if position.one_off and plan.finance.budget_period != Period.YEAR:
        totals.append(["One-off purchases (not in the figure above)", "", format_money(position.one_off), "", "", ""])
    totals.append(["Contingency", "", f"{format_money(position.contingency)} {period}", "", "", ""])
    blocks: list[Block] = []
    if rows:
        headers = ["Item", "Provider", "Cost", "A year", "Paid by", "Outcome"]
        blocks.append(Table(headers, rows, numeric=frozenset({2, 3}), totals=totals))
    facts = [("Budget", f"{format_money(position.budget)} {period}" if position.budget is not None else NOT_GIVEN)]
    remaining = position.remaining
    if remaining is not None:
        facts.append(("Left after spending and contingency" if remaining >= 0 else "OVER BUDGET by", format_money(abs(remaining))))
    blocks.append(Facts(facts))
    if remaining is not None and remaining < 0:
        blocks.append(Alert(f"Planned spending is over the budget by {format_money(-remaining)} {period}."))
    if position.one_off and plan.finance.budget_period == Period.YEAR:
        blocks.append(Paragraph("One-off purchases are counted once, in the first year."))
    blocks.append(Paragraph(CONVENTION))
    if plan.finance.contingency_notes:
        blocks.append(Paragraph(f"Contingency: {plan.finance.contingency_notes}"))
    return Section("Financial plan", blocks)


def _outcome_number(plan: Plan, outcome_id: str) -> str:
    for number, outcome in enumerate(plan.outcomes, 1):
        if outcome.id == outcome_id:
            return str(number)
    return outcome_id


def _other_support(plan: Plan) -> Section:
    items = [f"{r.kind.label}: {r.description}" + (f" ({r.who_or_where})" if r.who_or_where else "") for r in plan.resources]
    return Section("Other support, beyond the money", [BulletList(items)] if items else [])


def _risks(plan: Plan) -> Section:
    blocks: list[Block] = []
    for risk in plan.risks:
        rows = [("Risk", risk.description), ("How it is managed", _or_missing(risk.mitigation))]
        if risk.who_acts:
            rows.append(("Who acts", risk.who_acts))
        blocks.append(Facts(rows))
    blocks.append(Facts([("If planned support fails", _or_missing(plan.contingency_plan))]))
    return Section("Risks and contingency plan", blocks)


def _flexibility(plan: Plan) -> Section:
    flexibility = plan.flexibility
    rows = [
        ("Free to change without asking", _or_missing(flexibility.free_to_change)),
        ("Must ask first", _or_missing(flexibility.must_ask_first)),
        ("Evidence of spending", _or_missing(flexibility.evidence_of_spending)),
    ]
    return Section("Flexibility agreement", [Facts(rows)])


def _reviews(plan: Plan) -> Section:
    reviews = plan.reviews
    first = long_date(reviews.first_review) if reviews.first_review else NOT_GIVEN
    rows = [("First review", first)]
    if reviews.every_months:
        rows.append(("Then", f"every {reviews.every_months} month(s)"))
    rows.append(("Monitored by", _or_missing(reviews.monitored_by)))
    blocks: list[Block] = [Facts(rows)]
    if reviews.log:
        last = max(reviews.log, key=lambda entry: entry.reviewed_on)
        blocks.append(Paragraph(f"Last review, {long_date(last.reviewed_on)}:"))
        blocks.append(Facts([
            ("Working", _or_missing(last.working)),
            ("Not working", _or_missing(last.not_working)),
            ("Changes", _or_missing(last.changes)),
            ("Progress on outcomes", _or_missing(last.outcomes_progress)),
        ]))
    return Section("Reviews", blocks)


def _sign_off(plan: Plan) -> Section:
    rows = [
        (f"{s.name}" + (f", {s.role}" if s.role else ""), f"agreed {long_date(s.agreed_on)}" if s.agreed_on else "not yet agreed")
        for s in plan.sign_off
    ]
    blocks: list[Block] = [Facts(rows)] if rows else []
    blocks.append(Paragraph("Signed: ____________________  Name: ____________________  Date: __________"))
    return Section("Agreement and sign-off", blocks)


def _getting_informed(plan: Plan, include_private: bool) -> Section:
    informed = plan.informed
    blocks: list[Block] = []
    done = [c for c in informed.checklist if c.done]
    if informed.checklist:
        blocks.append(Paragraph(f"Found out so far: {len(done)} of {len(informed.checklist)} things on the list."))
        checklist = [f"[{'x' if c.done else ' '}] {c.question}" + _note_suffix(c.notes, include_private) for c in informed.checklist]
        blocks.append(BulletList(checklist))
    contacts = [f"{c.name} ({c.kind.label.lower()})" + (f": {c.how_to_reach}" if c.how_to_reach else "") + _note_suffix(c.notes, include_private) for c in informed.contacts]
    if contacts:
        blocks += [Paragraph("People to talk to:"), BulletList(contacts)]
    for heading, notes in (("Questions to ask:", informed.questions), ("Worries:", informed.worries)):
        shown = list(_visible(notes, include_private))
        if shown:
            blocks += [Paragraph(heading), BulletList(shown)]
    return Section("Getting informed", blocks)


def _visible(notes: Iterable[Note], include_private: bool) -> Iterable[str]:
    for note in notes:
        if note.text and (include_private or not note.private):
            yield note.text + (" (private)" if note.private else "")


def _note_suffix(note: Note, include_private: bool) -> str:
    shown = list(_visible([note], include_private))
    return f" - {shown[0]}" if shown else ""
