"""The plan as a health professional reads it: short, in the order they check, honest about gaps.

`build_summary` makes a `Document`; the renderers decide how it looks. Private notes are left out
unless `include_private` is set, and then the document says so at the top. `personal` adds what
the person gathered for themselves (things to find out, people to talk to), which `phb show`
includes so the plain-text view is complete, and exports leave out to keep the summary short.
Questions and worries go in only when the person has not marked them private.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from plan_store import LineItem, Note, Plan, format_money
from plan_store.nhs_number import format_nhs_number
from plan_store.vocabulary import HelperRole, ManagementOption, ManagementRoute, Period, SpendCategory

from .checks import find_gaps
from .document import Alert, Bar, BarChart, Block, BulletList, Document, Facts, Paragraph, Section, Subheading, Table
from .finance import (
    NO_OUTCOME,
    budget_position,
    convention_text,
    item_cost_each_time,
    item_cost_per_year,
    yearly_by_category,
    yearly_by_outcome,
    yearly_by_route,
    yearly_total,
)

NOT_GIVEN = "not given yet"
SIGNATURE_LINE = "Signed: ___________________  Name: ___________________  Date: __________"


def build_summary(plan: Plan, include_private: bool = False, personal: bool = False) -> Document:
    notices = []
    if include_private:
        notices.append("This copy includes notes marked private. Share it only with people you trust.")
    sections = [
        _readiness(plan),
        _who(plan),
        _eligibility(plan),
        _outcomes(plan),
        _management(plan),
        _money(plan),
        _other_support(plan),
        _risks(plan),
        _flexibility(plan),
        _reviews(plan),
        _to_discuss(plan, include_private),
        _sign_off(plan),
    ]
    if personal:
        sections.append(_getting_informed(plan, include_private))
    return Document(plan.title, notices, [s for s in sections if s.blocks])


def long_date(day: date) -> str:
    """"3 June 1991": the form used in NHS letters, unambiguous in any country."""
    return f"{day.day} {day:%B %Y}"


def _or_missing(text: str) -> str:
    return text.strip() or NOT_GIVEN


def _readiness(plan: Plan) -> Section:
    gaps = find_gaps(plan)
    if not gaps:
        return Section("Ready for review", [Paragraph("No gaps found: everything a reviewer checks for is here.")])
    count = "1 thing" if len(gaps) == 1 else f"{len(gaps)} things"
    return Section("Not yet complete", [Alert(f"{count} still to do before sign-off:"), BulletList([str(g) for g in gaps])])


def _who(plan: Plan) -> Section:
    person = plan.person
    rows = [("Name", _or_missing(person.name))]
    if person.preferred_name:
        rows.append(("Likes to be called", person.preferred_name))
    if person.date_of_birth:
        rows.append(("Date of birth", long_date(person.date_of_birth)))
    if person.nhs_number:
        rows.append(("NHS number", format_nhs_number(person.nhs_number)))
    for helper in plan.helpers:
        if helper.role == HelperRole.SELF:
            rows.append(("Written by", "the person themselves" + (f" ({helper.contact})" if helper.contact else "")))
        else:
            who = ", ".join(part for part in (helper.name or NOT_GIVEN, helper.contact) if part)
            rows.append((f"Helped by ({helper.role.label.lower()})", who))
    rows.append(("Stage", f"{plan.stage.number} of 11: {plan.stage.label}"))
    return Section("Who the plan is for", [Facts(rows)])


def _eligibility(plan: Plan) -> Section:
    rows = [("ICB (formerly CCG)", _or_missing(plan.icb_name))]
    if plan.eligibility:
        right = "a legal right to a budget" if plan.eligibility.is_legal_right else "offered at the ICB's discretion"
        rows.append(("Eligibility", f"{plan.eligibility.label}: {right}"))
    else:
        rows.append(("Eligibility", NOT_GIVEN))
    return Section("Eligibility and ICB", [Facts(rows)])


def _outcomes(plan: Plan) -> Section:
    blocks: list[Block] = []
    for number, outcome in enumerate(plan.outcomes, 1):
        blocks.append(Subheading(f"Outcome {number}: {_or_missing(outcome.outcome)}"))
        blocks.append(Facts([
            ("What matters", _or_missing(outcome.what_matters)),
            ("How I will know", _or_missing(outcome.how_i_will_know)),
            ("Evidence", _or_missing(outcome.evidence)),
            ("Risk if not met", _or_missing(outcome.risk_if_not_met)),
            ("Priority", outcome.priority.label),
        ]))
        serves = [f"{i.description}: {_cost_phrase(i)}" for i in plan.finance.line_items if outcome.id in i.outcome_ids]
        serves += [f"{r.description} ({r.kind.label.lower()})" for r in plan.resources if outcome.id in r.outcome_ids]
        if serves:
            blocks += [Paragraph("Paid for or supported by:"), BulletList(serves)]
        else:
            blocks.append(Alert("Nothing is linked to this outcome yet."))
    return Section("Outcomes, and what serves each one", blocks)


def _cost_phrase(item: LineItem) -> str:
    each = format_money(item_cost_each_time(item))
    return f"{each} one-off" if item.period == Period.ONE_OFF else f"{each} {item.period.label}"


def _management(plan: Plan) -> Section:
    management = plan.management
    rows = [
        ("How the money is held", management.option.label if management.option else NOT_GIVEN),
        ("Managed by", _or_missing(management.managed_by)),
    ]
    if management.helped_by:
        rows.append(("Helped by", management.helped_by))
    blocks: list[Block] = [Facts(rows)]
    if management.notes:
        blocks.append(Paragraph(management.notes))
    return Section("Managing the money", blocks)


def _money(plan: Plan) -> Section:
    position = budget_position(plan)
    period = plan.finance.budget_period.label
    show_route = any(item.route for item in plan.finance.line_items)
    headers = ["Item", "Provider", "Cost", "How often", "A year", "Outcome"] + (["Paid by"] if show_route else [])
    rows = []
    for item in plan.finance.line_items:
        cost = format_money(item_cost_each_time(item))
        if item.quantity != 1:
            cost += f" ({item.quantity:f} x {format_money(item.unit_cost)})"
        linked = ", ".join(_outcome_number(plan, oid) for oid in item.outcome_ids) or "NONE"
        yearly = format_money(item_cost_per_year(item, plan.finance.year))
        row = [item.description, item.provider, cost, item.period.label, yearly, linked]
        rows.append(row + ([item.route.label if item.route else ""] if show_route else []))

    def total(label: str, amount: str, when: str = period) -> list[str]:
        return [label, "", amount, when, "", ""] + ([""] if show_route else [])

    totals = [total("Planned spending", format_money(position.planned))]
    if position.one_off and plan.finance.budget_period != Period.YEAR:
        totals.append(total("One-off purchases, on top", format_money(position.one_off), "one-off"))
    totals.append(total("Contingency", format_money(position.contingency)))
    remaining = position.remaining
    if position.budget is not None and remaining is not None:
        totals.append(total("Budget", format_money(position.budget)))
        totals.append(total("Left over" if remaining >= 0 else "OVER BUDGET by", format_money(abs(remaining))))
    else:
        totals.append(total("Budget", NOT_GIVEN, ""))

    blocks: list[Block] = []
    if rows:
        blocks.append(Table(headers, rows, numeric=frozenset({2, 4}), totals=totals))
    else:
        blocks.append(Paragraph("Nothing is planned yet."))
    if remaining is not None and remaining < 0:
        blocks.append(Alert(f"Planned spending is over the budget by {format_money(-remaining)} {period}."))
    if position.one_off and plan.finance.budget_period == Period.YEAR:
        blocks.append(Paragraph("One-off purchases are counted once, in the first year."))
    if plan.finance.contingency_notes:
        blocks.append(Paragraph(f"Contingency: {plan.finance.contingency_notes}"))
    blocks += spending_charts(plan)
    blocks += _breakdowns(plan)
    blocks.append(Paragraph(convention_text(plan.finance.year)))
    return Section("Financial plan", blocks)


def spending_charts(plan: Plan) -> list[Block]:
    """Spending a year for each outcome, and how much of the budget is used: as bars and figures."""
    blocks: list[Block] = []
    total = yearly_total(plan)
    if total:
        names = {o.id: f"Outcome {n}" for n, o in enumerate(plan.outcomes, 1)}
        names[NO_OUTCOME] = "Not linked to an outcome"
        bars = [Bar(names[key], f"{format_money(amount)} a year", amount / total) for key, amount in yearly_by_outcome(plan).items()]
        shared = any(len(item.outcome_ids) > 1 for item in plan.finance.line_items)
        note = " (an item serving several outcomes is shared equally between them)" if shared else ""
        blocks += [Paragraph(f"Spending for each outcome{note}:"), BarChart(bars)]
    position = budget_position(plan)
    if position.budget and position.share_used is not None:
        used = position.planned + position.contingency
        label = f"Budget used, with contingency ({plan.finance.budget_period.label})"
        blocks.append(BarChart([Bar(label, f"{format_money(used)} of {format_money(position.budget)}", position.share_used)]))
    return blocks


def _breakdowns(plan: Plan) -> list[Block]:
    by_route = yearly_by_route(plan)
    blocks: list[Block] = []
    if len(by_route) > 1:
        rows = [(_route_label(key), f"{format_money(amount)} a year") for key, amount in by_route.items()]
        blocks += [Paragraph("By how it is paid for:"), Facts(rows)]
    by_category = yearly_by_category(plan)
    if len(by_category) > 1:
        rows = [(SpendCategory(key).label, f"{format_money(amount)} a year") for key, amount in by_category.items()]
        blocks += [Paragraph("By kind of spending:"), Facts(rows)]
    return blocks


def _route_label(key: str) -> str:
    """Items carry a route; items without one follow the plan's option, which may be unset."""
    for choices in (ManagementRoute, ManagementOption):
        if key in {member.value for member in choices}:
            return choices(key).label
    return "Not chosen yet"


def _outcome_number(plan: Plan, outcome_id: str) -> str:
    return next((str(n) for n, o in enumerate(plan.outcomes, 1) if o.id == outcome_id), outcome_id)


def _other_support(plan: Plan) -> Section:
    """Support not linked to any outcome; linked support is listed under its outcomes."""
    unlinked = [r for r in plan.resources if not r.outcome_ids]
    items = [f"{r.kind.label}: {r.description}" + (f" ({r.who_or_where})" if r.who_or_where else "") for r in unlinked]
    return Section("Other support, not yet linked to an outcome", [BulletList(items)] if items else [])


def _risks(plan: Plan) -> Section:
    blocks: list[Block] = []
    for risk in plan.risks:
        rows = [("Risk", _or_missing(risk.description)), ("How it is managed", _or_missing(risk.mitigation))]
        if risk.who_acts:
            rows.append(("Who acts", risk.who_acts))
        blocks.append(Facts(rows))
    if not plan.risks:
        blocks.append(Paragraph(f"Risks: {NOT_GIVEN}."))
    blocks.append(Facts([("If planned support fails", _or_missing(plan.contingency_plan))]))
    return Section("Risks and contingency plan", blocks)


def _flexibility(plan: Plan) -> Section:
    flexibility = plan.flexibility
    return Section("Flexibility agreement", [Facts([
        ("Free to change without asking", _or_missing(flexibility.free_to_change)),
        ("Must ask first", _or_missing(flexibility.must_ask_first)),
        ("Evidence of spending", _or_missing(flexibility.evidence_of_spending)),
    ])])


def _reviews(plan: Plan) -> Section:
    reviews = plan.reviews
    rows = [("First review", long_date(reviews.first_review) if reviews.first_review else NOT_GIVEN)]
    if reviews.every_months:
        every = "month" if reviews.every_months == 1 else f"{reviews.every_months} months"
        rows.append(("Then", f"every {every}"))
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
    else:
        blocks.append(Paragraph("No review has happened yet."))
    return Section("Reviews", blocks)


def _to_discuss(plan: Plan, include_private: bool) -> Section:
    """Questions and worries the person chose to share (private ones only when asked for)."""
    blocks: list[Block] = []
    for heading, notes in (("Questions:", plan.informed.questions), ("Worries:", plan.informed.worries)):
        shown = list(_visible(notes, include_private))
        if shown:
            blocks += [Paragraph(heading), BulletList(shown)]
    return Section("To discuss", blocks)


def _sign_off(plan: Plan) -> Section:
    rows = [
        (s.name + (f", {s.role}" if s.role else ""), f"agreed {long_date(s.agreed_on)}" if s.agreed_on else "not yet agreed")
        for s in plan.sign_off
    ]
    blocks: list[Block] = [Facts(rows)] if rows else [Paragraph("Nobody has agreed the plan yet.")]
    blocks += [Paragraph("Person (or their representative):"), Paragraph(SIGNATURE_LINE)]
    blocks += [Paragraph("For the NHS:"), Paragraph(SIGNATURE_LINE)]
    return Section("Agreement and sign-off", blocks, keep_together=True)


def _getting_informed(plan: Plan, include_private: bool) -> Section:
    informed = plan.informed
    blocks: list[Block] = [Paragraph("Gathered for yourself; not part of the summary you share.")]
    if informed.checklist:
        done = sum(1 for c in informed.checklist if c.done)
        blocks.append(Paragraph(f"Found out so far: {done} of {len(informed.checklist)} things on the list."))
        blocks.append(BulletList([
            f"[{'x' if c.done else ' '}] {c.question}" + _note_suffix(c.notes, include_private) for c in informed.checklist
        ]))
    contacts = [
        f"{c.name} ({c.kind.label.lower()})" + (f": {c.how_to_reach}" if c.how_to_reach else "") + _note_suffix(c.notes, include_private)
        for c in informed.contacts
    ]
    if contacts:
        blocks += [Paragraph("People to talk to:"), BulletList(contacts)]
    return Section("Getting informed", blocks)


def _visible(notes: Iterable[Note], include_private: bool) -> Iterable[str]:
    for note in notes:
        if note.text and (include_private or not note.private):
            yield note.text + (" (private)" if note.private else "")


def _note_suffix(note: Note, include_private: bool) -> str:
    shown = list(_visible([note], include_private))
    return f" - {shown[0]}" if shown else ""
