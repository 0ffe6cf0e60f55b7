"""An easy-read summary of a plan: short sentences, one idea each, headings that are questions.

For people with a learning disability, and their families, alongside the full summary that the
health professional reads. It says what the plan is for, what it pays for and what happens next,
in the person's own words where they wrote them. It leaves out what only the reviewer needs
(the checks, the year conventions, the evidence).
"""

from __future__ import annotations

from decimal import Decimal

from plan_store import Plan, format_money

from ..planning.checks import find_gaps
from ..planning.finance import budget_position, budget_words, item_cost_each_time
from .document import Block, BulletList, Document, Paragraph, Section
from .wording import long_date

_HOLDERS = {
    "direct_payment": "The money is paid to you. You buy the support yourself.",
    "notional": "The NHS keeps the money. The NHS pays for your support.",
    "third_party": "A group outside the NHS keeps the money. They pay for your support.",
    "mixed": "Some money is paid to you. The NHS or a group keeps the rest.",
}


def easy_read_summary(plan: Plan) -> Document:
    name = plan.person.preferred_name or plan.person.name or "you"
    sections = [
        Section("Who is this plan for?", [Paragraph(f"This plan is for {name}.")]),
        Section("What do you want to change?", _outcomes(plan)),
        Section("How much money is there?", _money(plan)),
        Section("What will the money pay for?", _spending(plan)),
        Section("Who looks after the money?", [Paragraph(_holder(plan))]),
        Section("What if something goes wrong?", _contingency(plan)),
        Section("When will the plan be checked?", _review(plan)),
        Section("Is the plan ready?", _ready(plan)),
    ]
    return Document(f"My health plan: {name}", [], sections, easy_read=True)


def _outcomes(plan: Plan) -> list[Block]:
    if not plan.outcomes:
        return [Paragraph("You have not written this yet.")]
    blocks: list[Block] = []
    for number, outcome in enumerate(plan.outcomes, 1):
        blocks.append(Paragraph(f"{number}. {outcome.outcome or outcome.what_matters or 'Not written yet.'}"))
        if outcome.how_i_will_know:
            blocks.append(Paragraph(f"You will know it is working when: {outcome.how_i_will_know}"))
    return blocks


def _money(plan: Plan) -> list[Block]:
    position = budget_position(plan)
    if position.budget is None:
        return [Paragraph("The NHS has not said how much money there is yet.")]
    span = budget_words(plan.finance)
    lines: list[Block] = [
        Paragraph(f"The NHS says there is {format_money(position.budget)} {span}."),
        Paragraph(f"The plan spends {format_money(position.planned + position.contingency)} {span}."),
    ]
    remaining = position.remaining or Decimal(0)
    if remaining < 0:
        lines.append(Paragraph(f"That is {format_money(-remaining)} too much. The plan needs to change."))
    else:
        lines.append(Paragraph("That fits the money there is."))
    return lines


def _spending(plan: Plan) -> list[Block]:
    items = plan.finance.line_items
    if not items:
        return [Paragraph("You have not written this yet.")]
    return [
        BulletList(
            [f"{item.description}: {format_money(item_cost_each_time(item))} {item.period.label}" for item in items]
        )
    ]


def _holder(plan: Plan) -> str:
    option = plan.management.option
    return _HOLDERS.get(option.value, "") if option else "You have not chosen this yet."


def _contingency(plan: Plan) -> list[Block]:
    if not plan.contingency_plan.strip():
        return [Paragraph("You have not written this yet.")]
    return [Paragraph(plan.contingency_plan)]


def _review(plan: Plan) -> list[Block]:
    first = plan.reviews.first_review
    if first is None:
        return [Paragraph("There is no date yet.")]
    return [Paragraph(f"The first check is on {long_date(first)}.")]


def _ready(plan: Plan) -> list[Block]:
    gaps = find_gaps(plan)
    if not gaps:
        return [Paragraph("Yes. Nothing is missing.")]
    count = "1 thing is" if len(gaps) == 1 else f"{len(gaps)} things are"
    return [Paragraph(f"Not yet. {count} missing. Your planner or family can help you finish it.")]
