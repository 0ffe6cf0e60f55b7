"""A pack to prepare for a review: what was agreed, what changed since, how each outcome is going,
and the questions to ask, in the standard form or in easy read.

The questions come from what a review must cover: which parts of the plan work and which do not,
whether the outcomes are being met, whether the money is used effectively, and whether the way the
money is managed still suits the person. Changes that need the NHS team's agreement, and money
that builds up in a direct payment's account, are asked about because an ICB may take back money
when a plan has changed a lot or money has not been used.
"""

from __future__ import annotations

from datetime import date

from plan_store import Agreement, Plan
from plan_store.vocabulary import Progress

from ..planning.change_reasons import numbered
from ..planning.changes import find_changes, needing_agreement
from ..planning.checks import uses_direct_payment
from ..planning.finance import budget_position, in_both_views
from ..planning.outcome_names import outcome_name
from ..planning.reviews import next_review
from .build import running_head
from .changes import changes_section, status_words
from .document import Block, BulletList, Document, Facts, Paragraph, Section, Subheading
from .outcome_progress import histories, review_line
from .wording import NOT_GIVEN, long_date

NOT_AGREED = "The plan has not been agreed yet, so there is nothing to compare it with."
NO_CHANGES = "Nothing has changed since the plan was agreed."
NOT_REVIEWED = "No review has recorded how this outcome is going yet."

QUESTIONS = [
    "Which parts of the plan are working well?",
    "Which parts are not working, and what could change?",
    "Is each outcome being met? Has any outcome changed, and why?",
    "Is the money being used effectively?",
    "Is the way the money is managed still right for the person?",
    "Is anything needed now that was not needed when the plan was agreed?",
]
EASY_QUESTIONS = [
    "What is working well?",
    "What is not working?",
    "Are you getting what you wanted from your plan?",
    "Is the money being used well?",
    "Is the way the money is looked after still right for you?",
    "Do you want to change anything?",
]


def review_pack(plan: Plan, agreed: tuple[Agreement, Plan] | None, prepared: date) -> Document:
    """The pack in the standard form, for the person and the professional at the review."""
    sections = [
        Section("What was agreed", _agreed(plan, agreed)),
        _changes(plan, agreed),
        Section("How each outcome is going", _progress(plan)),
        Section("Questions to ask at the review", [BulletList(_questions(plan, agreed))]),
    ]
    byline = [running_head(plan), f"Prepared on {long_date(prepared)} from revision {plan.revision} of the plan."]
    return Document(f"Review pack: {plan.title}", [], sections, byline=byline, running_head=running_head(plan))


def _agreed(plan: Plan, agreed: tuple[Agreement, Plan] | None) -> list[Block]:
    said = status_words(plan) or "Not yet agreed."
    as_agreed = agreed[1] if agreed else plan
    position = budget_position(as_agreed)
    spends = position.whole_planned + position.whole_contingency
    due = next_review(plan.reviews)
    rows = [
        ("Budget", in_both_views(position, position.whole_budget) if position.whole_budget is not None else NOT_GIVEN),
        ("Planned, with the contingency fund", in_both_views(position, spends)),
        ("Review due", f"{long_date(due.due)} ({due.kind})" if due else NOT_GIVEN),
    ]
    outcomes = [
        f"Outcome {number}: {outcome_name(as_agreed, outcome, number).short(80) or '(not written yet)'}"
        for number, outcome in enumerate(as_agreed.outcomes, 1)
    ]
    blocks: list[Block] = [Paragraph(said), Facts(rows)]
    if outcomes:
        blocks += [Paragraph("The outcomes, as agreed:"), BulletList(outcomes)]
    return blocks


def _changes(plan: Plan, agreed: tuple[Agreement, Plan] | None) -> Section:
    if agreed is None:
        return Section("What changed since", [Paragraph(NOT_AGREED)])
    section = changes_section(plan, agreed)
    return Section("What changed since", section.blocks or [Paragraph(NO_CHANGES)])


def _progress(plan: Plan) -> list[Block]:
    """Every outcome now in the plan, with its reviews oldest first; then any removed since."""
    found = {history.outcome_id: history for history in histories(plan)}
    blocks: list[Block] = []
    for number, outcome in enumerate(plan.outcomes, 1):
        history = found.pop(outcome.id, None)
        words = outcome_name(plan, outcome, number).short(60)
        blocks.append(Subheading(f"Outcome {number}: {words}" if words else f"Outcome {number}"))
        reviews = [review_line(entry) for entry in history.reviews] if history else []
        blocks.append(BulletList(reviews) if reviews else Paragraph(NOT_REVIEWED))
    for history in found.values():
        blocks += [Subheading(history.title), BulletList([review_line(entry) for entry in history.reviews])]
    return blocks or [Paragraph("The plan has no outcomes written yet.")]


def _questions(plan: Plan, agreed: tuple[Agreement, Plan] | None) -> list[str]:
    asked = list(QUESTIONS)
    if agreed is not None:
        asking = numbered(find_changes(agreed[1], plan))
        if asking:
            count = (
                "1 change since the plan was agreed needs"
                if len(asking) == 1
                else f"{len(asking)} changes since the plan was agreed need"
            )
            asked.append(f"{count} the NHS team's agreement: is it given?")
    if uses_direct_payment(plan):
        asked.append(
            "Does the direct payment's account hold more than a few weeks of spending? Many ICBs expect "
            "no more than 4 to 8 weeks, and may take back the rest."
        )
    for history in histories(plan):
        last = history.reviews[-1]
        if history.number is not None and last.progress == Progress.NOT_STARTED:
            asked.append(f"Outcome {history.number} had not started at the last review: what would help?")
    return asked


def easy_review_pack(plan: Plan, agreed: tuple[Agreement, Plan] | None, prepared: date) -> Document:
    """The pack in easy read: questions as headings, short sentences, one idea each."""
    name = plan.person.preferred_name or plan.person.name or "you"
    if plan.agreements:
        last = plan.agreements[-1]
        said: list[Block] = [Paragraph(f"The NHS team said yes to your plan on {long_date(last.on)}.")]
    else:
        said = [Paragraph("The NHS team has not said yes to your plan yet.")]
    sections = [
        Section("What did the NHS team agree?", said),
        Section("What has changed?", _easy_changes(plan, agreed)),
        Section("How are your goals going?", _easy_progress(plan)),
        Section("What will we talk about?", [BulletList(EASY_QUESTIONS)]),
    ]
    byline = [f"Made on {long_date(prepared)}."]
    return Document(f"Getting ready for your review: {name}", [], sections, byline=byline, easy_read=True)


def _easy_changes(plan: Plan, agreed: tuple[Agreement, Plan] | None) -> list[Block]:
    if agreed is None:
        return [Paragraph("Nothing yet. Your plan has not been agreed.")]
    changes = [change for change in find_changes(agreed[1], plan) if not change.overall]
    if not changes:
        return [Paragraph("Nothing has changed.")]
    blocks: list[Block] = [BulletList([change.text for change in changes])]
    if needing_agreement(changes):
        blocks.append(Paragraph("Some of these changes need the NHS team to say yes."))
    return blocks


def _easy_progress(plan: Plan) -> list[Block]:
    if not plan.outcomes:
        return [Paragraph("You have not written your goals yet.")]
    found = {history.outcome_id: history for history in histories(plan)}
    blocks: list[Block] = []
    for number, outcome in enumerate(plan.outcomes, 1):
        blocks.append(Paragraph(outcome_name(plan, outcome, number).listed(unwritten="Not written yet.")))
        history = found.get(outcome.id)
        last = history.reviews[-1] if history else None
        if last is None or last.progress is None:
            blocks.append(Paragraph("We have not said how this is going yet."))
        else:
            blocks.append(Paragraph(f"Last time ({long_date(last.reviewed_on)}): {last.progress.label}."))
    return blocks
