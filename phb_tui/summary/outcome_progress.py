"""Each outcome's history at reviews, as the summary, the review pack and `phb reviews PLAN` say it.

Outcomes come in the plan's order, each with its reviews oldest first, so a reader sees how it
has gone over time. How far along it is, is always said in words ("On track"), never by colour or
a symbol alone. An outcome removed since keeps its history, named as no longer in the plan.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from plan_store import Plan
from plan_store.models import OutcomeReview

from ..planning.outcome_names import outcome_name
from .document import Block, BulletList, Paragraph, Subheading
from .wording import long_date

NOT_SAID = "how far along is not said"
NO_PROGRESS_YET = "No review has recorded how each outcome is going yet."


@dataclass(frozen=True)
class OutcomeHistory:
    title: str
    """ "Outcome 2: I swim twice a week", or, for one removed since, that it is no longer in the plan."""
    outcome_id: str
    number: int | None
    """Its number in the plan now; None when it has been removed."""
    reviews: list[OutcomeReview]


def histories(plan: Plan) -> list[OutcomeHistory]:
    """Every outcome that has been reviewed, in the plan's order, then any removed since."""
    by_outcome: dict[str, list[OutcomeReview]] = {}
    for entry in sorted(plan.reviews.outcomes, key=lambda entry: entry.reviewed_on):
        by_outcome.setdefault(entry.outcome_id, []).append(entry)
    found = []
    for number, outcome in enumerate(plan.outcomes, 1):
        if outcome.id in by_outcome:
            words = outcome_name(plan, outcome, number).short(60)
            title = f"Outcome {number}: {words}" if words else f"Outcome {number}"
            found.append(OutcomeHistory(title, outcome.id, number, by_outcome.pop(outcome.id)))
    for outcome_id, reviews in by_outcome.items():
        found.append(OutcomeHistory(f'An outcome no longer in the plan ("{outcome_id}")', outcome_id, None, reviews))
    return found


def review_line(entry: OutcomeReview) -> str:
    """ "20 October 2026: On track, said by the person. No hospital stays. What will change: ..." """
    how_far = entry.progress.label if entry.progress else NOT_SAID[0].upper() + NOT_SAID[1:]
    said = f", said by {entry.said_by.label[0].lower()}{entry.said_by.label[1:]}" if entry.said_by else ""
    parts = [f"{long_date(entry.reviewed_on)}: {how_far}{said}."]
    if words := " ".join(entry.how_it_is_going.split()):
        parts.append(words if words.endswith((".", "!", "?")) else words + ".")
    if change := " ".join(entry.what_will_change.split()):
        parts.append(f"What will change: {change}" + ("" if change.endswith((".", "!", "?")) else "."))
    return " ".join(parts)


def history_blocks(plan: Plan) -> list[Block]:
    """A heading for each outcome reviewed, then its reviews, oldest first; [] when there are none."""
    blocks: list[Block] = []
    for history in histories(plan):
        blocks += [Subheading(history.title), BulletList([review_line(entry) for entry in history.reviews])]
    return blocks


def history_lines(plan: Plan) -> Iterator[str]:
    """The same, as lines of plain text for `phb reviews PLAN`."""
    found = histories(plan)
    if not found:
        yield NO_PROGRESS_YET
    for history in found:
        yield ""
        yield f"{history.title.rstrip('.')}:"
        yield from (f"  - {review_line(entry)}" for entry in history.reviews)


def history_json(plan: Plan) -> str:
    data = {
        "plan": plan.title,
        "outcomes": [
            {
                "outcome_id": history.outcome_id,
                "number": history.number,
                "title": history.title,
                "reviews": [
                    {
                        "reviewed_on": entry.reviewed_on.isoformat(),
                        "progress": entry.progress.value if entry.progress else None,
                        "progress_words": entry.progress.label if entry.progress else None,
                        "how_it_is_going": entry.how_it_is_going,
                        "said_by": entry.said_by.value if entry.said_by else None,
                        "what_will_change": entry.what_will_change,
                    }
                    for entry in history.reviews
                ],
            }
            for history in histories(plan)
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def progress_paragraph() -> Paragraph:
    return Paragraph("How each outcome is going, at each review, oldest first:")
