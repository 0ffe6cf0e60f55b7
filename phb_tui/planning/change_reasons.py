"""The person's reason for each change that needs the NHS team's agreement.

The changes that need agreement are numbered in the order `phb changes` lists them, so a person
can say "change 2" without copying its name. The reason itself is kept under the change's own
name (`Change.key`) and the agreed revision it is measured from: listing the changes again, or
editing something else, never moves a reason to another change, and a reason given for one
variation is not offered again once a later version has been agreed.
"""

from __future__ import annotations

from plan_store import Plan, PlanError
from plan_store.models import ChangeReason

from .changes import Change, needing_agreement


def numbered(changes: list[Change]) -> list[Change]:
    """The changes that need agreement and have a reason of their own, numbered from 1 in this
    order; the total of all spending is left out (the changes it adds up are listed)."""
    return [change for change in needing_agreement(changes) if not change.overall]


def reason_for(plan: Plan, since: int, change: Change) -> str:
    """The person's reason for `change`, or "" when none is given yet."""
    found = next((r for r in plan.change_reasons if r.change == change.key and r.since == since), None)
    return found.reason if found else ""


def set_reason(plan: Plan, since: int, changes: list[Change], number: int, reason: str) -> Change:
    """Keep `reason` for change `number` (as `numbered` counts them); empty words remove it."""
    asking = numbered(changes)
    if not asking:
        raise PlanError("No change since the plan was agreed needs the NHS team's agreement, so no reason is needed.")
    if not 1 <= number <= len(asking):
        raise PlanError(
            f"There is no change {number} to give a reason for: the changes that need agreement are "
            f"numbered 1 to {len(asking)}."
        )
    change = asking[number - 1]
    words = " ".join(reason.split())
    kept = [r for r in plan.change_reasons if not (r.change == change.key and r.since == since)]
    if words:
        kept.append(ChangeReason(change=change.key, since=since, reason=words))
    plan.change_reasons = kept
    return change
