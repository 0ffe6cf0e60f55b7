"""The PA cost calculator and the plan: the answers it starts from, and its lines, never twice.

Every caller (the app's calculator, `phb pa-costs PLAN`, the summary) starts from `plan_costs`, so
they give the same figures to the penny. The lines the calculator writes are remembered in the
plan with what it wrote; a line that now differs was edited by the person, and a change to it is
shown and asked about before it is made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from plan_store import FinancialPlan, LineItem, ManagementRoute, Period, SpendCategory, format_money, round_pennies
from plan_store.employing import MOST_HOURS_A_WEEK, EmployerCosts, PersonalAssistant, WrittenLine
from plan_store.models import YearConvention

from .employer_rates import EmployerRates
from .finance import item_cost_per_year
from .pa_costs import WAGE_KEYS, CostPart, Costs, OwnLine, employment_costs

_SUFFIX = {
    "sleep_ins": "sleepins",
    "holiday_cover": "holcover",
    "sick_cover": "sickcover",
    "ni": "ni",
    "pension": "pension",
}
"""The line item each employer cost of a PA becomes: `<wage line id>-<suffix>`."""
_MADE = tuple(f"-{suffix}" for suffix in _SUFFIX.values())


def made_by_calculator(line_id: str) -> bool:
    return line_id.startswith("employer-") or line_id.endswith(_MADE)


def pa_wage_lines(items: list[LineItem]) -> list[PersonalAssistant]:
    """The PAs a plan already pays wages to, as the calculator's starting point.

    A personal assistant line item paid weekly, as hours times an hourly rate ("20 x £14.50 a
    week"), is a PA's wages. Lines the calculator made itself are not.
    """
    return [
        PersonalAssistant(
            who=_who(item.description),
            hourly_rate=item.unit_cost,
            hours_per_week=min(item.quantity, MOST_HOURS_A_WEEK),
            wage_line=item.id,
        )
        for item in items
        if item.category == SpendCategory.PERSONAL_ASSISTANT
        and item.period == Period.WEEK
        and not made_by_calculator(item.id)
    ]


def plan_assistants(finance: FinancialPlan) -> list[PersonalAssistant]:
    """Every PA, with the answers stored for them: the plan's weekly PA wage lines (their rate and
    hours read from the line, which the person may have changed), then PAs described but not yet
    given a wage line. Answers for a PA whose wage line has gone are dropped with it."""
    stored = {pa.wage_line: pa for pa in finance.employing.assistants if pa.wage_line}
    found = []
    for pa in pa_wage_lines(finance.line_items):
        known = stored.get(pa.wage_line or "")
        if known is None:
            found.append(pa)
        else:
            found.append(known.model_copy(update={"hourly_rate": pa.hourly_rate, "hours_per_week": pa.hours_per_week}))
    return found + [pa.model_copy(deep=True) for pa in finance.employing.assistants if not pa.wage_line]


_OWN_WORDS = {"insurance": ("liability insurance",), "payroll": ("payroll",)}


def own_employer_lines(items: list[LineItem], year: YearConvention) -> dict[str, OwnLine]:
    """Insurance and payroll the person put in the plan themselves, by key: the calculator counts
    these rather than asking for them again or adding a second line."""
    found: dict[str, OwnLine] = {}
    for item in items:
        if made_by_calculator(item.id):
            continue
        for key, words in _OWN_WORDS.items():
            if key not in found and any(word in item.description.casefold() for word in words):
                found[key] = OwnLine(item.id, item.description, round_pennies(item_cost_per_year(item, year)))
    return found


def plan_costs(
    finance: FinancialPlan,
    rates: EmployerRates,
    today: date | None = None,
    pas: list[PersonalAssistant] | None = None,
    employer: EmployerCosts | None = None,
) -> Costs:
    """The costs of the plan's PAs from its stored answers (or the answers being typed)."""
    return employment_costs(
        plan_assistants(finance) if pas is None else pas,
        finance.employing if employer is None else employer,
        rates,
        today=today,
        year=finance.year,
        own_lines=own_employer_lines(finance.line_items, finance.year),
    )


_COST_WORDS = ("cover", "insurance", "payroll", "pension", "sick", "holiday", "recruit", "dbs", "training", "redundan")


def lines_that_may_repeat(items: list[LineItem], counted: set[str] | None = None) -> list[str]:
    """Lines a person wrote in their own words that may be costs the calculator adds.

    They cannot be matched for certain ("Agency cover while a PA is on holiday" may or may not be
    the cover the calculator costs), so they are named for the person to check, never removed.
    Lines the calculator already counts as the plan's own (`counted`) are not named.
    """
    return [
        item.description
        for item in items
        if not made_by_calculator(item.id)
        and item.id not in (counted or set())
        and any(word in item.description.casefold() for word in _COST_WORDS)
    ]


def _who(description: str) -> str:
    """A short name for the PA, for the lines made beside their wages: "(Sam)" in the wage line's
    description if it names them, else the description itself."""
    named = re.search(r"\(([^()]{1,40})\)\s*$", description)
    return (named.group(1) if named else description.split(":")[0]).strip()[:60] or "Personal assistant"


@dataclass(frozen=True)
class Edit:
    """A change to a line the person made or edited since the calculator wrote it."""

    line_id: str
    now: str
    """The line as it is: description and amount."""
    becomes: str | None
    """What it would become; None when it would be removed."""

    def __str__(self) -> str:
        if self.becomes is None:
            return f"{self.now}: would be removed."
        return f"{self.now}: would become {self.becomes}."


@dataclass
class PlanChange:
    line_items: list[LineItem]
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    """The descriptions of the lines added, changed and taken out."""
    new_wage_lines: dict[int, str] = field(default_factory=dict)
    """For each PA (by position) that had no wage line: the id of the one made for them."""
    edits: list[Edit] = field(default_factory=list)
    """Lines the person edited that this would change or remove: ask before making it."""
    written: list[WrittenLine] = field(default_factory=list)
    """The calculator's lines as written, to keep in the plan for next time."""

    def in_words(self) -> str:
        """What changed, naming each line, for the message shown after putting it in the plan."""
        said = [
            f"{what} {'; '.join(names)}."
            for what, names in (("Added:", self.added), ("Updated:", self.updated), ("Removed:", self.removed))
            if names
        ]
        return " ".join(said) if said else "Nothing needed changing: the plan already had these figures."


def apply_to_plan(costs: Costs, items: list[LineItem], written: list[WrittenLine] | None = None) -> PlanChange:
    """The plan's line items with these costs in them: added where missing, updated where there.

    A PA whose wages are already a line item gets only what is missing beside it (cover, National
    Insurance, pension), each linked to the same outcomes as the wages and placed right after
    them, so the summary shows a PA's wage and its employer costs together. A PA with no wage line
    gets one. Running the calculator again updates the same lines, and removes one whose cost has
    become nothing, rather than adding a second set. `written` is what the calculator wrote last
    time: a line that differs from it is listed in `edits`, for the caller to ask about.
    """
    change = PlanChange([item.model_copy(deep=True) for item in items])
    before = {record.id: record for record in written or []}
    taken = {item.id for item in change.line_items}
    all_outcomes: list[str] = []
    for number, cost in enumerate(costs.per_pa):
        pa = cost.pa
        wage = next((item for item in change.line_items if item.id == pa.wage_line), None)
        if wage is None:
            wage = LineItem(
                id=_free_id("pa", taken),
                description=f"{pa.who}: wages, every week of the year (holiday and sick pay included)"[:300],
                category=SpendCategory.PERSONAL_ASSISTANT,
                unit_cost=pa.hourly_rate,
                quantity=pa.hours_per_week,
                period=Period.WEEK,
                route=ManagementRoute.DIRECT_PAYMENT,
                outcome_ids=list(pa.outcome_ids),
            )
            change.line_items.append(wage)
            change.new_wage_lines[number] = wage.id
            change.added.append(wage.description)
        all_outcomes += [o for o in wage.outcome_ids if o not in all_outcomes]
        place = change.line_items.index(wage) + 1
        for part in cost.parts:
            if part.key not in WAGE_KEYS:
                place = _put(change, before, f"{wage.id[:22]}-{_SUFFIX[part.key]}", part, wage.outcome_ids, place)
    for part in costs.employer:
        if part.key not in costs.own_lines:
            _put(change, before, f"employer-{part.key}", part, all_outcomes, len(change.line_items))
    return change


def _put(
    change: PlanChange,
    before: dict[str, WrittenLine],
    line_id: str,
    part: CostPart,
    outcome_ids: list[str],
    place: int,
) -> int:
    """Add, update or remove one cost's line, noting what changed; where the next line goes."""
    items = change.line_items
    existing = next((item for item in items if item.id == line_id), None)
    description = part.description[:300]
    if existing is None:
        if part.yearly:
            made = LineItem(
                id=line_id,
                description=description,
                category=SpendCategory.PERSONAL_ASSISTANT,
                unit_cost=part.yearly,
                period=Period.YEAR,
                route=ManagementRoute.DIRECT_PAYMENT,
                outcome_ids=list(outcome_ids),
            )
            items.insert(place, made)
            change.added.append(description)
            change.written.append(WrittenLine(id=line_id, description=description, unit_cost=part.yearly))
            return place + 1
        return place
    edited = _edited(existing, before.get(line_id))
    now = f'"{existing.description}" ({_cost_words(existing)})'
    if not part.yearly:
        at = items.index(existing)
        items.remove(existing)
        change.removed.append(existing.description)
        if edited:
            change.edits.append(Edit(line_id, now, None))
        return place - (1 if at < place else 0)
    same = (existing.description, existing.unit_cost, existing.quantity, existing.period) == (
        description,
        part.yearly,
        Decimal(1),
        Period.YEAR,
    )
    if not same:
        if edited:
            change.edits.append(Edit(line_id, now, f'"{description}" ({format_money(part.yearly)} a year)'))
        existing.description = description
        existing.unit_cost = part.yearly
        existing.quantity = Decimal(1)
        existing.period = Period.YEAR
        change.updated.append(description)
    existing.outcome_ids = list(outcome_ids)
    change.written.append(WrittenLine(id=line_id, description=description, unit_cost=part.yearly))
    return max(place, items.index(existing) + 1)


def _edited(item: LineItem, record: WrittenLine | None) -> bool:
    """The line is not as the calculator last wrote it (or it has no record of writing it)."""
    if record is None:
        return True
    return (item.description, item.unit_cost, item.quantity, item.period) != (
        record.description,
        record.unit_cost,
        Decimal(1),
        Period.YEAR,
    )


def _cost_words(item: LineItem) -> str:
    each = format_money(item.unit_cost * item.quantity)
    return f"{each} once" if item.period == Period.ONE_OFF else f"{each} {item.period.label}"


def _free_id(stem: str, taken: set[str]) -> str:
    number = 1
    while f"{stem}{number}" in taken:
        number += 1
    taken.add(f"{stem}{number}")
    return f"{stem}{number}"
