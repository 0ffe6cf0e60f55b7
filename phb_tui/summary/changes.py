"""The changes since the agreed version, as the summary, `phb changes` and the Review step say them."""

from __future__ import annotations

import json
from collections.abc import Iterator

from plan_store import Agreement, Plan
from plan_store.money import money_to_str

from ..planning.analysis import PlanAnalysis
from ..planning.change_reasons import numbered, reason_for
from ..planning.changes import Area, Change, find_changes, needing_agreement
from .document import BulletList, Paragraph, Section, Subheading
from .sections import section
from .wording import long_date

NO_CHANGES = "Nothing has changed since then."
GIVE_A_REASON = 'To give your reason for a change, for the request to the NHS team: phb changes PLAN --reason 1 "WHY"'

ALL_WITHIN = "Nothing here needs the NHS team's agreement."


def agreed_words(agreement: Agreement) -> str:
    """ "revision 4, agreed on 24 November 2026 by Priya Shah, CHC nurse assessor" """
    role = f", {agreement.role}" if agreement.role else ""
    return f"revision {agreement.revision}, agreed on {long_date(agreement.on)} by {agreement.by}{role}"


def status_words(plan: Plan) -> str | None:
    """ "Agreed on DATE by NAME (revision N)." for the front sheet; None if never agreed."""
    if not plan.agreements:
        return None
    last = plan.agreements[-1]
    return f"Agreed on {long_date(last.on)} by {last.by} (revision {last.revision})."


def verdict_words(change: Change) -> str:
    """ "Needs the NHS team's agreement: new money: ..." as a sentence of its own."""
    return f"{change.verdict[:1].upper()}{change.verdict[1:]}: {change.reason}."


def change_line(change: Change) -> str:
    """The change and its verdict, as two sentences."""
    return f"{change.text.rstrip('.')}. {verdict_words(change)}"


def _by_area(changes: list[Change]) -> Iterator[tuple[Area, list[Change]]]:
    for area in Area:
        found = [change for change in changes if change.area == area]
        if found:
            yield area, found


NO_REASON = "not given yet"


def reason_line(number: int, reason: str) -> str:
    """ "Your reason (change 2): ..." under a change that needs agreement."""
    return f"Your reason (change {number}): {reason or NO_REASON}."


def _listed(changes: list[Change], plan: Plan | None = None, since: int = 0) -> list[str]:
    """Each area's heading, then each change in it with its verdict on the line below, and, with
    the `plan`, the person's reason under each change that needs agreement."""
    numbers = {id(change): n for n, change in enumerate(numbered(changes), 1)} if plan is not None else {}
    lines = []
    for area, found in _by_area(changes):
        lines += ["", f"{area.value}:"]
        for change in found:
            lines += [f"  - {change.text}", f"    {verdict_words(change)}"]
            if plan is not None and id(change) in numbers:
                lines.append(f"    {reason_line(numbers[id(change)], reason_for(plan, since, change))}")
    return lines


def _free_to_change(plan: Plan) -> str:
    text = " ".join(plan.flexibility.free_to_change.split())
    return f"Your flexibility agreement says you may change: {text}" if text else ""


def changes_text(plan: Plan, agreement: Agreement, agreed: Plan) -> str:
    """What `phb changes` prints: every change by area, each with its verdict and reason."""
    changes = find_changes(agreed, plan)
    lines = [f'Changes to "{plan.title}" since {agreed_words(agreement)}:']
    if not changes:
        return "\n".join([*lines, NO_CHANGES]) + "\n"
    lines += _listed(changes, plan, agreement.revision)
    asking = needing_agreement(changes)
    lines.append("")
    lines.append(f"{len(asking)} of {len(changes)} need the NHS team's agreement." if asking else ALL_WITHIN)
    if numbered(changes):
        lines.append(GIVE_A_REASON)
    if free := _free_to_change(plan):
        lines.append(free)
    return "\n".join(lines) + "\n"


def agreed_changes_words(plan: Plan, agreed: tuple[Agreement, Plan] | str | None) -> str:
    """What the Review step shows: each change with its verdict, or why there is nothing to show."""
    if agreed is None:
        return 'Not yet agreed. When the NHS team agrees the plan, record it with: phb agree PLAN --by "NAME, ROLE"'
    if isinstance(agreed, str):
        return f"The agreed copy cannot be used. {agreed}"
    agreement, before = agreed
    changes = find_changes(before, plan)
    lines = [f"Compared with {agreed_words(agreement)}."]
    if not changes:
        return "\n".join([*lines, NO_CHANGES])
    return "\n".join(lines + _listed(changes, plan, agreement.revision))


def changes_json(plan: Plan, agreement: Agreement, agreed: Plan) -> str:
    changes = find_changes(agreed, plan)
    numbers = {id(change): n for n, change in enumerate(numbered(changes), 1)}
    data = {
        "plan": plan.title,
        "revision": plan.revision,
        "since": {
            "revision": agreement.revision,
            "agreed_on": agreement.on.isoformat(),
            "by": agreement.by,
            "role": agreement.role,
        },
        "needs_agreement": bool(needing_agreement(changes)),
        "free_to_change": plan.flexibility.free_to_change,
        "changes": [
            {
                "area": change.area.value.lower(),
                "change": change.text,
                "needs_agreement": change.needs_agreement,
                "reason": change.reason,
                "yearly_effect": None if change.yearly_effect is None else money_to_str(change.yearly_effect),
                "key": change.key,
                "number": numbers.get(id(change)),
                "your_reason": reason_for(plan, agreement.revision, change) if id(change) in numbers else None,
            }
            for change in changes
        ],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def changes_section(plan: Plan, agreed: tuple[Agreement, Plan] | None, analysis: PlanAnalysis | None = None) -> Section:
    """ "Changes since the agreed version", left out (no blocks) when there are none. The plan's
    `analysis` gives its figures, when already worked out."""
    if agreed is None:
        return section("changes", [])
    agreement, before = agreed
    changes = find_changes(before, plan, analysis.figures if analysis else None)
    if not changes:
        return section("changes", [])
    blocks: list[Paragraph | Subheading | BulletList] = [Paragraph(f"Compared with {agreed_words(agreement)}.")]
    for area, found in _by_area(changes):
        blocks += [Subheading(area.value), BulletList([change_line(change) for change in found])]
    if free := _free_to_change(plan):
        blocks.append(Paragraph(free))
    return section("changes", list(blocks))
