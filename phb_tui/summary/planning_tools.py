"""The summary's sections for the person-centred planning tools: about me, who decides, my week
and the action plan. A section is left out while its tool has nothing in it."""

from __future__ import annotations

from collections.abc import Sequence

from plan_store import Plan
from plan_store.person_centred import AboutMe, Decision, WhoDecides

from ..planning.person_centred import week_by_day
from ..planning.wizard import label
from .document import Alert, Block, BulletList, Facts, Paragraph, Section, Table
from .sections import section
from .wording import long_date, visible

REVIEWER_WEEK_NOTES_HEADING = (
    "The person's week set against what the money pays for, in hours, visits or nights as each cost "
    "counts them (notes to talk about, not mistakes):"
)
"""The reviewer's copy speaks of the person; the Other support step says "your week" to them."""


def about_me(plan: Plan, include_private: bool) -> Section:
    """Who the plan is for, in their words: it opens the summary, before anything is asked for."""
    me = plan.about_me
    rows = [
        (label(AboutMe, "like_and_admire"), me.like_and_admire),
        (label(AboutMe, "important_to_me"), me.important_to_me),
        (label(AboutMe, "important_for_me"), me.important_for_me),
        (label(AboutMe, "best_support"), me.best_support),
        (label(AboutMe, "working"), me.working),
        (label(AboutMe, "not_working"), me.not_working),
    ]
    family = list(visible([me.family_view], include_private))
    if family:
        rows.append((label(AboutMe, "family_view"), family[0]))
    given = [(label, text) for label, text in rows if text.strip()]
    return section("about-me", [Facts(given)] if given else [])


def who_decides(plan: Plan) -> Section:
    deciding = plan.who_decides
    blocks: list[Block] = []
    facts = []
    if deciding.acting_role is not None:
        role = deciding.acting_role
        named = f"{deciding.acting_name}, " if deciding.acting_name else ""
        facts.append((label(WhoDecides, "acting_role"), f"{named}{role.in_a_sentence}: someone who {role.explained}"))
    facts += [
        (label, text)
        for label, text in (
            (label(WhoDecides, "information"), deciding.information),
            (label(WhoDecides, "best_times"), deciding.best_times),
            (label(WhoDecides, "worst_times"), deciding.worst_times),
        )
        if text.strip()
    ]
    if facts:
        blocks.append(Facts(facts))
    if deciding.decisions:
        rows = [
            [
                decision.area.label,
                decision.decision,
                decision.how_involved,
                decision.who_decides
                + ("" if decision.can_decide else " (I cannot make this decision: it is made in my best interests)"),
            ]
            for decision in deciding.decisions
        ]
        blocks.append(
            Table([label(Decision, name) for name in ("area", "decision", "how_involved", "who_decides")], rows)
        )
    return section("who-decides", blocks)


def my_week(plan: Plan, notes: Sequence[str]) -> Section:
    """The week a day at a time, then what it shows set against what the money pays for (`notes`,
    the analysis's week notes)."""
    week = plan.week
    if not week.entries:
        return section("week", [])
    items = {item.id: item.description for item in plan.finance.line_items}
    resources = {r.id: r.description for r in plan.resources}
    blocks: list[Block] = []
    if week.support_around_the_clock:
        blocks.append(Paragraph("I need support at every time of day and night."))
    for day, here in week_by_day(plan):
        lines = []
        for entry in here:
            details = []
            if entry.line_item in items:
                details.append(f"paid for by: {items[entry.line_item]}; counts as {entry.units.normalize():f}")
            elif entry.units != 1:
                details.append(f"how many: {entry.units.normalize():f}")
            if entry.resource in resources:
                details.append(f"given by: {resources[entry.resource]}")
            lines.append(f"{entry.time.label}: {entry.what}" + (f" ({'; '.join(details)})" if details else ""))
        blocks += [Paragraph(f"{day.label}:"), BulletList(lines)]
    if notes:
        blocks.append(Paragraph(REVIEWER_WEEK_NOTES_HEADING))
        blocks.append(BulletList(list(notes)))
    return section("week", blocks)


def action_plan(plan: Plan, notes: Sequence[str]) -> Section:
    """The tasks, then `notes` on those late or with nobody (the analysis's task notes)."""
    if not plan.actions:
        return section("actions", [])
    rows = [
        [
            action.task,
            action.who or "nobody yet",
            long_date(action.by) if action.by else "no date",
            "yes" if action.done else "not yet",
        ]
        for action in plan.actions
    ]
    blocks: list[Block] = [Table(["What must happen", "Who", "By", "Done"], rows)]
    blocks += [Alert(note) for note in notes]
    return section("actions", blocks)
