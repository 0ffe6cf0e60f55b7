"""A one-page request to the NHS team to agree changes made since the plan was agreed.

It lists only the changes that need agreement, each with its effect over a year and a space for
the person's reason, then the new totals against the budget, then places to sign. It is drawn by
the summary's own renderers, so every format reads the same.
"""

from __future__ import annotations

from datetime import date

from plan_store import Agreement, Plan
from plan_store.errors import PlanError

from ..planning.change_reasons import numbered, reason_for
from ..planning.changes import find_changes, signed
from ..planning.finance import budget_position, in_both_views
from .build import SIGNATURE_LINE, running_head
from .changes import agreed_words
from .document import Block, Document, Facts, Paragraph, Section, Table
from .wording import NOT_GIVEN, long_date

REASON_SPACE = "______________________________"


def variation_request(plan: Plan, agreement: Agreement, agreed: Plan, prepared: date) -> Document:
    """The request, or a PlanError when no change needs agreement (there is nothing to ask for)."""
    asking = numbered(find_changes(agreed, plan))
    if not asking:
        raise PlanError(
            f"The plan was agreed as revision {agreement.revision}. No change since then needs the NHS "
            "team's agreement, so there is nothing to ask for."
        )
    intro = Paragraph(
        f"We ask the NHS team to agree these changes to the plan. It was last agreed as {agreed_words(agreement)}."
    )
    rows = [
        [
            change.text,
            change.reason,
            "" if change.yearly_effect is None else signed(change.yearly_effect),
            reason_for(plan, agreement.revision, change) or REASON_SPACE,
        ]
        for change in asking  # Not the total of all spending: the totals below show it.
    ]
    changes = Table(["Change", "Why it needs agreement", "A year", "Why we want it"], rows, frozenset({2}))
    sections = [
        Section("The changes", [intro, changes]),
        Section("The totals", [Facts(_totals(agreed, plan))]),
        Section("Agreement", _signatures(), keep_together=True),
    ]
    byline = [running_head(plan), f"Prepared on {long_date(prepared)} from revision {plan.revision} of the plan."]
    title = f"Request to change the agreed plan: {plan.title}"
    return Document(title, [], sections, byline=byline, running_head=running_head(plan), prepared=prepared)


def _totals(agreed: Plan, plan: Plan) -> list[tuple[str, str]]:
    was, now = budget_position(agreed), budget_position(plan)
    before, after = was.whole_planned + was.whole_contingency, now.whole_planned + now.whole_contingency
    rows = [
        ("Budget", in_both_views(now, now.whole_budget) if now.whole_budget is not None else NOT_GIVEN),
        ("Planned, with the contingency fund, as agreed", in_both_views(was, before)),
        ("Planned now", f"{in_both_views(now, after)}, {signed(after - before)}"),
    ]
    left = now.whole_remaining
    if left is not None:
        rows.append(("Left over" if left >= 0 else "Over budget by", in_both_views(now, abs(left))))
    return rows


def _signatures() -> list[Block]:
    return [
        Paragraph("Person (or their representative):"),
        Paragraph(SIGNATURE_LINE),
        Paragraph("For the NHS team: agreed / not agreed (cross out one)."),
        Paragraph(SIGNATURE_LINE),
    ]
