"""The plan worked out once: every figure, gap and note the views show, read-only.

The summary, `phb check`, the Summary and Financial plan steps, the journey bar and the exports
all read one `PlanAnalysis` rather than asking the planning rules again, so each figure is worked
out once for each saved revision of the plan and every view shows the same one. Like a compiler's
intermediate form, it is made from the plan by one function (`analyse`) and never changed; the
app keeps the latest in an `AnalysisCache` and makes a new one only when the plan's revision (or
the day) changes.

An analysis describes the plan as it was when it was made: read it for that revision only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from types import MappingProxyType

from plan_store import JourneyStage, LineItem, Plan

from . import checks
from .checks import Criterion, Gap, gaps_by_criterion, item_name, set_aside_texts
from .employer_rates import LoadedRates, load_rates
from .finance import (
    BudgetPosition,
    basis_total,
    budget_position,
    by_category,
    by_outcome,
    by_route,
    line_costs,
)
from .pa_costs import Costs
from .pa_plan import plan_assistants, plan_costs
from .person_centred import task_flag, task_notes, tasks_to_settle, week_notes
from .progress import StepProgress, journey_progress, journey_stage
from .restricted import restricted_kind
from .steps import Step


@dataclass(frozen=True)
class Flag:
    """A cost that looks like something a budget cannot pay for, checked by the person or not."""

    number: int
    """The item's number in the financial plan, from 1."""
    name: str
    """ "Item 3: Wine for the party": how the reviewer reads it, at the start of a sentence."""
    kind: str
    checked: bool
    reason: str
    """Why the person says it is allowed, when they checked it."""


@dataclass(frozen=True)
class Figures:
    """The money, from the financial plan alone: what notes say never changes a figure, so a copy of
    the plan with private notes left out has the same figures, and can share them."""

    position: BudgetPosition
    line_costs: tuple[Decimal, ...]
    """Each line on the breakdowns' basis (a year, or a one-off budget's span), as the table shows it."""
    basis_total: Decimal
    by_outcome: Mapping[str, Decimal]
    by_route: Mapping[str, Decimal]
    by_category: Mapping[str, Decimal]
    pa_costs: Costs | None
    """What employing the plan's personal assistants costs, from the calculator; None without PAs."""
    pa_rates: LoadedRates | None
    """The dated rates those costs were worked out with, and where they came from."""


@dataclass(frozen=True)
class PlanAnalysis:
    today: date
    """The day the analysis was made for: tasks are late, and rates apply, as of this day."""
    figures: Figures
    gaps: tuple[Gap, ...]
    """What a reviewer would send back, less the rules the plan sets aside."""
    set_aside: tuple[tuple[Gap, str], ...]
    """Gaps of rules the plan says do not apply, each with the reason given."""
    stage: JourneyStage
    week_notes: tuple[str, ...]
    task_notes: tuple[str, ...]
    tasks_to_settle: str | None
    task_flag: str
    flags: tuple[Flag, ...]
    serving: Mapping[str, tuple[int, ...]]
    """Each outcome's items, by their numbers in the financial plan, in order."""
    plan: Plan = field(repr=False, compare=False)
    """The plan as analysed, for the journey progress, worked out only when a view asks for it."""

    @property
    def position(self) -> BudgetPosition:
        return self.figures.position

    @property
    def ready(self) -> bool:
        return not self.gaps

    @cached_property
    def gaps_by_criterion(self) -> Mapping[Criterion, list[Gap]]:
        return MappingProxyType(gaps_by_criterion(list(self.gaps)))

    @cached_property
    def set_aside_texts(self) -> tuple[str, ...]:
        return tuple(set_aside_texts(self.plan, list(self.set_aside)))

    @cached_property
    def progress(self) -> Mapping[Step, StepProgress]:
        """Every step's state for the journey bar: worked out on first reading, once, from the gaps found."""
        return MappingProxyType(journey_progress(self.plan, self.today, self.gaps))


def figures_of(plan: Plan, today: date, rates: LoadedRates | None = None) -> Figures:
    finance = plan.finance
    costs = line_costs(finance)
    pa_costs = pa_rates = None
    if plan_assistants(finance):
        pa_rates = rates or load_rates()
        pa_costs = plan_costs(finance, pa_rates.rates, today)
    return Figures(
        position=budget_position(plan),
        line_costs=tuple(costs),
        basis_total=basis_total(plan, costs),
        by_outcome=MappingProxyType(by_outcome(plan, costs)),
        by_route=MappingProxyType(by_route(plan, costs)),
        by_category=MappingProxyType(by_category(plan, costs)),
        pa_costs=pa_costs,
        pa_rates=pa_rates,
    )


def analyse(plan: Plan, today: date, rates: LoadedRates | None = None, figures: Figures | None = None) -> PlanAnalysis:
    """Everything the views show about `plan`, as of `today`.

    `rates` are the PA calculator's (read from the rates file when not given). `figures` are those
    of a plan with the same money, such as the plan itself for its copy with private notes left
    out: they are used as they are rather than worked out again.
    """
    # Looked up when used, so that the rules in force are always the ones run.
    gaps, aside = checks.find_gaps(plan), checks.set_aside(plan)
    items = plan.finance.line_items
    flags = tuple(
        Flag(number, item_name(plan, item, start=True, number=number), kind, item.checked_allowed, item.checked_reason)
        for number, item in enumerate(items, 1)
        if (kind := restricted_kind(item))
    )
    return PlanAnalysis(
        today=today,
        figures=figures or figures_of(plan, today, rates),
        gaps=tuple(gaps),
        set_aside=tuple(aside),
        stage=journey_stage(plan, gaps),
        week_notes=tuple(week_notes(plan)),
        task_notes=tuple(task_notes(plan, today)),
        tasks_to_settle=tasks_to_settle(plan, today),
        task_flag=task_flag(plan, today),
        flags=flags,
        serving=_serving(items),
        plan=plan,
    )


def _serving(items: list[LineItem]) -> Mapping[str, tuple[int, ...]]:
    """Found in one pass over the costs, rather than one for each outcome."""
    serving: dict[str, list[int]] = {}
    for number, item in enumerate(items, 1):
        for outcome_id in dict.fromkeys(item.outcome_ids):
            serving.setdefault(outcome_id, []).append(number)
    return MappingProxyType({key: tuple(numbers) for key, numbers in serving.items()})


class AnalysisCache:
    """The analysis of one open plan, made again only when its revision or the day has changed.

    The revision counts saved edits (`PlanSession.revision`), so an analysis is made once for each
    and every view of that revision shares it.
    """

    def __init__(self) -> None:
        self._key: tuple[int, int, date] | None = None
        self._analysis: PlanAnalysis | None = None

    def of(self, plan: Plan, revision: int, today: date) -> PlanAnalysis:
        key = (id(plan), revision, today)
        if self._analysis is None or key != self._key or self._analysis.plan is not plan:
            self._analysis = analyse(plan, today)
            self._key = key
        return self._analysis

    def forget(self) -> None:
        self._key = None
        self._analysis = None
