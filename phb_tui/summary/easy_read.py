"""An easy-read summary of a plan: short sentences, one idea each, headings that are questions.

For people with a learning disability, and their families, alongside the full summary that the
health professional reads. It says what the plan is for, what it pays for and what happens next,
in the person's own words where they wrote them. It leaves out what only the reviewer needs
(the checks, the year conventions, the evidence).

Each idea has a picture beside it (see `pictures`), and the words never lean on the picture: a
reader who cannot see it, or a copy printed without it, loses nothing. Money is in whole pounds
where the pence are nothing, and each sentence says one thing.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from plan_store import LineItem, Period, Plan, clock, format_money

from ..planning.analysis import PlanAnalysis, analyse
from ..planning.finance import BudgetPosition, item_cost_each_time
from ..planning.outcome_names import outcome_name
from ..planning.person_centred import week_by_day
from .document import Block, BulletList, Document, Paragraph, Section
from .pictures import picture
from .wording import long_date

_HOLDERS = {
    "direct_payment": "The money is paid to you. You buy the support yourself.",
    "notional": "The NHS keeps the money. The NHS pays for your support.",
    "third_party": "A group outside the NHS keeps the money. They pay for your support.",
    "mixed": "Some money is paid to you. The NHS or a group keeps the rest.",
}


_Idea = tuple[str, str, list[Block]]
"""A question, the picture beside it, and the answer."""


def easy_read_summary(plan: Plan, today: date | None = None, analysis: PlanAnalysis | None = None) -> Document:
    """The easy-read summary of `plan`, from its `analysis` (made here, as of `today`, if not given)."""
    today = today or (analysis.today if analysis else clock.today())
    analysis = analysis or analyse(plan, today)
    name = plan.person.preferred_name or plan.person.name or "you"
    ideas: list[_Idea] = [
        ("Who is this plan for?", "person", [Paragraph(f"This plan is for {name}.")]),
        *_about_you(plan),
        ("What do you want to change?", "goal", _outcomes(plan)),
        ("How much money is there?", "money", _money(analysis.position)),
        ("What will the money pay for?", "shopping", _spending(plan)),
        ("What does your week look like?", "week", _week(plan)),
        ("Who looks after the money?", "purse", [Paragraph(_holder(plan))]),
        ("Who makes decisions?", "deciding", _decisions(plan)),
        ("What if something goes wrong?", "problem", _contingency(plan)),
        ("What needs to happen first?", "to do", _tasks(plan, today)),
        ("When will the plan be checked?", "check", _review(plan)),
        ("Is the plan ready?", "ready", _ready(analysis)),
    ]
    # The planning tools are optional: a question nobody has answered is left out, not shown empty.
    kept = [
        Section(question, [picture(symbol), *blocks])
        for question, symbol, blocks in ideas
        if blocks or question not in _OPTIONAL
    ]
    return Document(f"My health plan: {name}", [], kept, easy_read=True)


_ROLES = {
    "representative": "They look after the money. They decide for you.",
    "attorney": "You gave them the power to decide for you.",
    "deputy": "A court chose them to decide for you.",
    "nominee": "They look after the money. You still decide.",
}

_OPTIONAL = {"What does your week look like?", "Who makes decisions?", "What needs to happen first?"}


def _about_you(plan: Plan) -> list[_Idea]:
    """About me in questions, in the person's own words. The family's view stays out: this page
    speaks to the person."""
    me = plan.about_me
    asked = [
        ("What do people like about you?", "star", me.like_and_admire),
        ("What is important to you?", "heart", me.important_to_me),
        ("What keeps you safe and well?", "safe", me.important_for_me),
        ("How do you like to be helped?", "help", me.best_support),
        ("What is working now?", "working", me.working),
        ("What is not working now?", "not working", me.not_working),
        ("How do you like to be told things?", "talking", plan.who_decides.information),
    ]
    return [(question, symbol, [Paragraph(answer)]) for question, symbol, answer in asked if answer.strip()]


def _week(plan: Plan) -> list[Block]:
    blocks: list[Block] = []
    for day, here in week_by_day(plan):
        blocks += [Paragraph(f"{day.label}:"), BulletList([f"{entry.time.label}: {entry.what}" for entry in here])]
    return blocks


def _decisions(plan: Plan) -> list[Block]:
    deciding = plan.who_decides
    blocks: list[Block] = []
    if deciding.acting_role is not None:
        named = f": {_sentence(deciding.acting_name)}" if deciding.acting_name else "."
        blocks.append(Paragraph(f"Someone can act for you{named} {_ROLES[deciding.acting_role.value]}"))
    lines = []
    for decision in deciding.decisions:
        line = _sentence(decision.decision)
        if decision.how_involved:
            line += f" How you are involved: {_sentence(decision.how_involved)}"
        if decision.who_decides:
            line += f" Who decides: {_sentence(decision.who_decides)}"
        if not decision.can_decide:
            line += " Other people decide this. They must choose what is best for you."
        lines.append(line)
    if lines:
        blocks.append(BulletList(lines))
    return blocks


def _tasks(plan: Plan, today: date) -> list[Block]:
    lines = []
    for action in plan.actions:
        who = f"Who: {_sentence(action.who)}" if action.who else "Nobody is doing this yet."
        when = f" By {long_date(action.by)}." if action.by else ""
        done = " Done." if action.done else " This is late." if action.by and action.by < today else ""
        lines.append(f"{_sentence(action.task)} {who}{when}{done}")
    return [BulletList(lines)] if lines else []


def _sentence(words: str) -> str:
    """The person's words as a whole sentence, so the next one does not run into it."""
    words = words.strip()
    return words if words.endswith((".", "?", "!")) else f"{words}."


def _outcomes(plan: Plan) -> list[Block]:
    if not plan.outcomes:
        return [Paragraph("You have not written this yet.")]
    blocks: list[Block] = []
    for number, outcome in enumerate(plan.outcomes, 1):
        blocks.append(Paragraph(outcome_name(plan, outcome, number).listed(unwritten="Not written yet.")))
        if outcome.how_i_will_know:
            blocks.append(Paragraph(f"You will know it is working when: {outcome.how_i_will_know}"))
    return blocks


def _money(position: BudgetPosition) -> list[Block]:
    if position.whole_budget is None:
        return [Paragraph("The NHS has not said how much money there is yet.")]
    spends = position.whole_planned + position.whole_contingency
    lines: list[Block] = [
        *_amount(position, "The NHS says there is", position.whole_budget),
        *_amount(position, "The plan spends", spends),
    ]
    remaining = position.whole_remaining or Decimal(0)
    if remaining < 0:
        lines += _amount(position, "That is", -remaining, "more than the money there is")
        lines.append(Paragraph("You can ask the NHS team to look at the money again."))
    else:
        lines.append(Paragraph("That fits the money there is."))
    return lines


def _amount(position: BudgetPosition, start: str, whole: Decimal, after: str = "") -> list[Paragraph]:
    """An amount of the whole budget, then its share for each budget period in a sentence of its
    own: "The plan spends £39,000 a year." "That is £3,000 every four weeks." """
    after = f" {after}" if after else ""
    if position.period == Period.ONE_OFF:
        return [Paragraph(f"{start} {_pounds(whole)} in all{after}.")]
    said = [Paragraph(f"{start} {_pounds(whole)} a year{after}.")]
    if position.has_period_view:
        said.append(Paragraph(f"That is {_pounds(position.in_period(whole))} {position.period.label}."))
    return said


def _pounds(amount: Decimal) -> str:
    return format_money(amount, whole_pounds=True)


def _spending(plan: Plan) -> list[Block]:
    items = plan.finance.line_items
    if not items:
        return [Paragraph("You have not written this yet.")]
    return [BulletList([f"{item.description}: {_cost(item)}" for item in items])]


def _cost(item: LineItem) -> str:
    """What a cost comes to each time: "£290 a week", or "£389.99 one time only" ("one-off" is jargon)."""
    when = "one time only" if item.period == Period.ONE_OFF else item.period.label
    return f"{_pounds(item_cost_each_time(item))} {when}"


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


def _ready(analysis: PlanAnalysis) -> list[Block]:
    gaps = analysis.gaps
    if not gaps:
        # The checks cannot judge everything, so never promise that nothing is missing.
        return [
            Paragraph("Yes. Our checks found nothing missing."),
            Paragraph("The NHS team may still ask you things."),
        ]
    count = "1 thing is" if len(gaps) == 1 else f"{len(gaps)} things are"
    return [Paragraph(f"Not yet. {count} missing. Your planner or family can help you finish it.")]
