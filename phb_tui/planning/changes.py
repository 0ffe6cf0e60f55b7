"""What changed between the agreed version of a plan and the plan now, said as a person would.

Each change is grouped by what it touches and sorted by the rules an ICB uses: new money, moving
money between outcomes, new kinds of spending, and a different way of holding the money (or a
different person holding it) need the NHS team's agreement. Anything else is within the plan's
own flexibility agreement, whose words are shown beside such changes but never parsed.
Items, outcomes and supports are matched by id; risks, which have none, by what they say.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from plan_store import LineItem, Plan
from plan_store.money import format_money, round_pennies
from plan_store.vocabulary import ManagementOption, Period, SpendCategory

from .finance import NO_OUTCOME, budget_position, by_outcome, item_cost_per_year
from .outcome_names import outcome_name

if TYPE_CHECKING:
    from .analysis import Figures

NEEDS_AGREEMENT = "needs the NHS team's agreement"
WITHIN_FLEXIBILITY = "you may do this without asking"
NEW_MONEY = "new money: the plan spends more than was agreed"
MOVED_MONEY = "money moves between outcomes"
NEW_KIND = "a new kind of spending"
NEW_ITEM = "a new item of spending"
NEW_ROUTE = "the money is managed a different way"
NEW_HOLDER = "someone else receives or manages the money"
NEW_BUDGET = "the NHS team sets the budget"
NEW_RULES = "the flexibility agreement itself was agreed with the NHS team"
WITHIN = "it is within the flexibility agreement"

_HOURLY = {SpendCategory.PERSONAL_ASSISTANT, SpendCategory.AGENCY_CARE}
_EVERY = {"week": "a week", "four_weeks": "every four weeks", "month": "a month", "year": "a year"}
_ROUTE_WORDS = {
    "direct_payment": "direct payment",
    "notional": "notional",
    "third_party": "third party",
    "mixed": "a mix",
}


class Area(StrEnum):
    OUTCOMES = "Outcomes"
    MONEY = "Money"
    SUPPORT = "Support"
    MANAGEMENT = "Management"
    RISKS = "Risks"


@dataclass(frozen=True)
class Change:
    area: Area
    text: str
    reason: str = WITHIN
    needs_agreement: bool = False
    yearly_effect: Decimal | None = None
    """How much more (or, negative, less) the change spends in a year, where it changes money."""
    overall: bool = False
    """A total the other changes add up to (all planned spending), not a change of its own."""
    key: str = ""
    """The change's own name, made of ids rather than words ("item:pa1:cost"), so it stays the same
    each time the changes are listed: the person's reason for it is kept under this name."""

    @property
    def verdict(self) -> str:
        return NEEDS_AGREEMENT if self.needs_agreement else WITHIN_FLEXIBILITY


def find_changes(agreed: Plan, now: Plan, figures: Figures | None = None) -> list[Change]:
    """Every difference between the two plans, outcomes first, in the order of `Area`. `figures`
    are the plan's now, when already worked out."""
    found = [
        *_outcomes(agreed, now),
        *_money(agreed, now, figures),
        *_support(agreed, now),
        *_management(agreed, now),
        *_risks(agreed, now),
    ]
    order = list(Area)
    return sorted(found, key=lambda change: order.index(change.area))


def needing_agreement(changes: list[Change]) -> list[Change]:
    return [change for change in changes if change.needs_agreement]


def signed(amount: Decimal) -> str:
    """ "+£520.00" or "-£40.00": a difference, always with its sign."""
    return ("+" if amount >= 0 else "-") + format_money(abs(amount))


# --- Outcomes -----------------------------------------------------------------------------------


def _outcome_words(text: str) -> str:
    words = " ".join(text.split())
    return words if len(words) <= 60 else words[:57].rstrip() + "..."


def _outcomes(agreed: Plan, now: Plan) -> Iterator[Change]:
    before = {o.id: o for o in agreed.outcomes}
    numbers = {o.id: n for n, o in enumerate(now.outcomes, 1)}
    for number, outcome in enumerate(now.outcomes, 1):
        old = before.get(outcome.id)
        if old is None:
            yield Change(
                Area.OUTCOMES,
                f"Outcome {number} added: {outcome_name(now, outcome, number).short(60)}".rstrip(": "),
                key=f"outcome:{outcome.id}:added",
            )
            continue
        said = []
        if old.outcome != outcome.outcome or old.what_matters != outcome.what_matters:
            said.append(
                ("words", f"Outcome {number} reworded: {outcome_name(now, outcome, number).short(60)}".rstrip(": "))
            )
        if old.how_i_will_know != outcome.how_i_will_know:
            said.append(("measure", f"Outcome {number}: how you will know it is met has changed"))
        if old.priority != outcome.priority:
            said.append(
                (
                    "priority",
                    f"Outcome {number}: priority {old.priority.label.lower()} -> {outcome.priority.label.lower()}",
                )
            )
        if not said and old != outcome:
            said.append(("evidence", f"Outcome {number}: the evidence, or the risk if it is not met, has changed"))
        yield from (Change(Area.OUTCOMES, text, key=f"outcome:{outcome.id}:{what}") for what, text in said)
    for number, old in enumerate(agreed.outcomes, 1):
        if old.id not in numbers:
            yield Change(
                Area.OUTCOMES,
                f"Outcome {number} removed: {outcome_name(agreed, old, number).short(60)}".rstrip(": "),
                key=f"outcome:{old.id}:removed",
            )


# --- Money --------------------------------------------------------------------------------------


def _name(item: LineItem) -> str:
    return " ".join(item.description.split()) or item.id


def _yearly(plan: Plan, item: LineItem) -> Decimal:
    return round_pennies(item_cost_per_year(item, plan.finance.year))


def _each(item: LineItem) -> str:
    return "an hour" if item.category in _HOURLY else "each"


def _how_often(item: LineItem) -> str:
    return _EVERY.get(item.period.value, "once")


def _route(plan: Plan, item: LineItem) -> str | None:
    if item.route is not None:
        return item.route.value
    option = plan.management.option
    return option.value if option is not None and option != ManagementOption.MIXED else None


def _money(agreed: Plan, now: Plan, figures: Figures | None) -> Iterator[Change]:
    was, is_now = budget_position(agreed), figures.position if figures else budget_position(now)
    more = (is_now.whole_planned + is_now.whole_contingency) - (was.whole_planned + was.whole_contingency)
    spends_more = more > 0
    if (
        agreed.finance.budget_amount != now.finance.budget_amount
        or agreed.finance.budget_period != now.finance.budget_period
    ):
        yield Change(
            Area.MONEY,
            f"Budget: {_budget(agreed)} -> {_budget(now)}",
            NEW_BUDGET,
            True,
            key="budget",
        )
    dates_were = (agreed.finance.budget_start, agreed.finance.budget_end)
    dates = (now.finance.budget_start, now.finance.budget_end)
    if dates_were != dates:
        yield Change(
            Area.MONEY, f"Budget dates: {_span(*dates_were)} -> {_span(*dates)}", NEW_BUDGET, True, key="budget-dates"
        )
    yield from _items(agreed, now, spends_more)
    if agreed.finance.contingency != now.finance.contingency:
        up = spends_more and now.finance.contingency > agreed.finance.contingency
        yield Change(
            Area.MONEY,
            f"Contingency fund: {format_money(agreed.finance.contingency)} -> {format_money(now.finance.contingency)}",
            NEW_MONEY if up else WITHIN,
            up,
            key="contingency",
        )
    if more:
        yield Change(
            Area.MONEY,
            f"Planned in all: {format_money(was.whole_planned + was.whole_contingency)} -> "
            f"{format_money(is_now.whole_planned + is_now.whole_contingency)} a year ({signed(more)})",
            NEW_MONEY if spends_more else WITHIN,
            spends_more,
            more,
            overall=True,
            key="planned",
        )
    yield from _between_outcomes(agreed, now, figures)


def _budget(plan: Plan) -> str:
    amount = plan.finance.budget_amount
    if amount is None:
        return "not given"
    period = plan.finance.budget_period
    return format_money(amount) + ("" if period == Period.ONE_OFF else f" {_EVERY[period.value]}")


def _span(start: date | None, end: date | None) -> str:
    def day(when: date | None) -> str:
        return f"{when.day} {when:%B %Y}" if when else "not given"

    return f"from {day(start)} to {day(end)}"


def _items(agreed: Plan, now: Plan, spends_more: bool) -> Iterator[Change]:
    before = {item.id: item for item in agreed.finance.line_items}
    kinds = {item.category for item in agreed.finance.line_items}
    kept = {item.id for item in now.finance.line_items}
    for item in now.finance.line_items:
        old = before.get(item.id)
        if old is None:
            cost = _yearly(now, item)
            kind = item.category not in kinds
            reason = f"{NEW_KIND} ({item.category.label.lower()})" if kind else NEW_ITEM
            yield Change(
                Area.MONEY,
                f"{_name(item)} added: {format_money(cost)} a year",
                reason,
                True,
                cost,
                key=f"item:{item.id}:added",
            )
        else:
            yield from _item_changes(agreed, now, old, item, kinds, spends_more)
    for old in agreed.finance.line_items:
        if old.id not in kept:
            cost = _yearly(agreed, old)
            yield Change(
                Area.MONEY,
                f"{_name(old)} removed: {format_money(cost)} a year less",
                WITHIN,
                False,
                -cost,
                key=f"item:{old.id}:removed",
            )


def _item_changes(
    agreed: Plan, now: Plan, old: LineItem, item: LineItem, kinds: set[SpendCategory], spends_more: bool
) -> Iterator[Change]:
    name = _name(item)
    parts = []
    if old.unit_cost != item.unit_cost:
        parts.append(f"{format_money(old.unit_cost)} -> {format_money(item.unit_cost)} {_each(item)}")
    if old.quantity != item.quantity or old.period != item.period:
        unit = " hours" if item.category in _HOURLY else ""
        parts.append(f"{old.quantity:f} -> {item.quantity:f}{unit} {_how_often(item)}")
    if old.contribution != item.contribution:
        parts.append(f"paid from elsewhere {format_money(old.contribution)} -> {format_money(item.contribution)}")
    was, cost = _yearly(agreed, old), _yearly(now, item)
    if cost != was:
        parts.append(f"{format_money(was)} -> {format_money(cost)} a year ({signed(cost - was)})")
    if parts:
        up = cost > was
        yield Change(
            Area.MONEY,
            f"{name}: {'; '.join(parts)}",
            NEW_MONEY if up and spends_more else WITHIN,
            up and spends_more,
            cost - was,
            key=f"item:{item.id}:cost",
        )
    if old.description != item.description:
        yield Change(Area.MONEY, f'"{_name(old)}" is now called "{name}"', key=f"item:{item.id}:name")
    if old.provider != item.provider:
        yield Change(
            Area.MONEY,
            f"{name}: provided by {item.provider or 'nobody named'} (was {old.provider or 'nobody named'})",
            key=f"item:{item.id}:provider",
        )
    if old.category != item.category:
        new_kind = item.category not in kinds
        yield Change(
            Area.MONEY,
            f"{name}: {old.category.label.lower()} -> {item.category.label.lower()}",
            NEW_KIND if new_kind else WITHIN,
            new_kind,
            key=f"item:{item.id}:kind",
        )
    route_was, route = _route(agreed, old), _route(now, item)
    if route_was != route:
        yield Change(
            Area.MANAGEMENT,
            f"{name} moved from {_ROUTE_WORDS.get(route_was or '', 'no option chosen')} to "
            f"{_ROUTE_WORDS.get(route or '', 'no option chosen')}",
            NEW_ROUTE,
            True,
            key=f"item:{item.id}:route",
        )
    if old.outcome_ids != item.outcome_ids:
        yield Change(
            Area.MONEY,
            f"{name}: now for {_outcome_list(now, item.outcome_ids)} (was {_outcome_list(agreed, old.outcome_ids)})",
            MOVED_MONEY if cost else WITHIN,
            bool(cost),
            key=f"item:{item.id}:outcomes",
        )


def _outcome_list(plan: Plan, ids: list[str]) -> str:
    numbers = {o.id: n for n, o in enumerate(plan.outcomes, 1)}
    named = [f"outcome {numbers[i]}" for i in ids if i in numbers]
    return " and ".join(named) or "no outcome"


def _between_outcomes(agreed: Plan, now: Plan, figures: Figures | None) -> Iterator[Change]:
    """Money moved between outcomes that are in both versions: one gains while another loses."""
    was, is_now = by_outcome(agreed), figures.by_outcome if figures else by_outcome(now)
    both = [key for key in is_now if key in was and key != NO_OUTCOME]
    gains = [key for key in both if is_now[key] > was[key]]
    losses = [key for key in both if is_now[key] < was[key]]
    if not gains or not losses:
        return
    numbers = {o.id: n for n, o in enumerate(now.outcomes, 1)}
    moves = "; ".join(
        f"outcome {numbers[key]}: {format_money(was[key])} -> {format_money(is_now[key])}"
        for key in both
        if key in gains + losses
    )
    yield Change(Area.MONEY, f"Money for outcomes: {moves}", MOVED_MONEY, True, key="between-outcomes")


# --- Support, management and risks ---------------------------------------------------------------


def _support(agreed: Plan, now: Plan) -> Iterator[Change]:
    before = {r.id: r for r in agreed.resources}
    kept = {r.id for r in now.resources}
    for resource in now.resources:
        old = before.get(resource.id)
        words = _outcome_words(resource.description)
        if old is None:
            yield Change(Area.SUPPORT, f"Support added: {words}", key=f"support:{resource.id}:added")
        elif old != resource:
            yield Change(Area.SUPPORT, f"Support changed: {words}", key=f"support:{resource.id}:changed")
    for old in agreed.resources:
        if old.id not in kept:
            yield Change(
                Area.SUPPORT, f"Support removed: {_outcome_words(old.description)}", key=f"support:{old.id}:removed"
            )


def _management(agreed: Plan, now: Plan) -> Iterator[Change]:
    was, is_now = agreed.management, now.management
    if was.option != is_now.option:
        before = _ROUTE_WORDS.get(was.option.value if was.option else "", "no option chosen")
        after = _ROUTE_WORDS.get(is_now.option.value if is_now.option else "", "no option chosen")
        yield Change(Area.MANAGEMENT, f"The budget moved from {before} to {after}", NEW_ROUTE, True, key="option")
    if was.managed_by != is_now.managed_by:
        yield Change(
            Area.MANAGEMENT,
            f"The money is managed by {is_now.managed_by or 'nobody named'} (was {was.managed_by or 'nobody named'})",
            NEW_HOLDER,
            True,
            key="managed-by",
        )
    received_was, received = was.direct_payment.received_by, is_now.direct_payment.received_by
    if received_was != received:
        yield Change(
            Area.MANAGEMENT,
            f"The direct payment is paid to {received.label.lower() if received else 'nobody named'} "
            f"(was {received_was.label.lower() if received_was else 'nobody named'})",
            NEW_HOLDER,
            True,
            key="received-by",
        )
    if was.direct_payment.held_in != is_now.direct_payment.held_in:
        held = is_now.direct_payment.held_in
        yield Change(
            Area.MANAGEMENT,
            f"The money is now held in {held.label.lower() if held else 'no account named'}",
            key="held-in",
        )
    if agreed.flexibility != now.flexibility:
        yield Change(Area.MANAGEMENT, "The flexibility agreement changed", NEW_RULES, True, key="flexibility")


def _risks(agreed: Plan, now: Plan) -> Iterator[Change]:
    def key(text: str) -> str:
        return " ".join(text.split()).casefold()

    def named(text: str, what: str) -> str:
        """A risk has no id: its words, as a short digest, name it."""
        return f"risk:{hashlib.sha256(key(text).encode()).hexdigest()[:12]}:{what}"

    before = {key(r.description): r for r in agreed.risks}
    after = {key(r.description) for r in now.risks}
    for risk in now.risks:
        old = before.get(key(risk.description))
        words = _outcome_words(risk.description)
        if old is None:
            yield Change(Area.RISKS, f"Risk added: {words}", key=named(risk.description, "added"))
        elif old.mitigation != risk.mitigation or old.who_acts != risk.who_acts:
            yield Change(Area.RISKS, f"Risk plan changed: {words}", key=named(risk.description, "changed"))
    for old in agreed.risks:
        if key(old.description) not in after:
            yield Change(
                Area.RISKS, f"Risk removed: {_outcome_words(old.description)}", key=named(old.description, "removed")
            )
