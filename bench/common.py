"""Shared by the benchmarks: realistic plans of any size, timing, and printing tables."""

from __future__ import annotations

import compileall
import platform
import random
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from plan_store import LineItem, ManagementRoute, Note, Outcome, Period, Plan, Resource, Risk, SpendCategory, new_plan
from plan_store.vocabulary import ManagementOption, Priority, ResourceKind


def big_plan(items: int, outcomes: int = 50, title: str = "Benchmark plan") -> Plan:
    """A plan shaped like a real one, scaled up: every item linked to one or two outcomes."""
    plan = new_plan(title)
    plan.person.name = "Sam Example"
    plan.management.option = ManagementOption.MIXED
    plan.management.managed_by = "Sam, with a payroll service"
    plan.finance.budget_amount = Decimal("9000000.00")
    plan.outcomes = [
        Outcome(
            id=f"o{n}", outcome=f"Outcome {n}: staying well at home and getting out", what_matters="Family and friends"
        )
        for n in range(1, outcomes + 1)
    ]
    periods = [Period.WEEK, Period.FOUR_WEEKS, Period.MONTH, Period.YEAR, Period.ONE_OFF]
    plan.finance.line_items = [
        LineItem(
            id=f"i{n}",
            description=f"Support item {n}",
            category=list(SpendCategory)[n % len(SpendCategory)],
            provider=f"Provider {n % 17}",
            unit_cost=Decimal(f"{10 + n % 90}.{n % 100:02d}"),
            quantity=Decimal(n % 7 + 1),
            period=periods[n % len(periods)],
            route=ManagementRoute.DIRECT_PAYMENT if n % 2 else ManagementRoute.NOTIONAL,
            outcome_ids=[f"o{n % outcomes + 1}"]
            + ([f"o{(n + 7) % outcomes + 1}"] if n % 3 == 0 and outcomes > 7 else []),
        )
        for n in range(1, items + 1)
    ]
    return plan


_WORDS = [
    "support",
    "getting",
    "up",
    "washing",
    "dressing",
    "breakfast",
    "swimming",
    "pool",
    "physiotherapy",
    "exercises",
    "garden",
    "friends",
    "church",
    "choir",
    "football",
    "match",
    "bus",
    "pass",
    "shopping",
    "cooking",
    "evening",
    "morning",
    "night",
    "sitter",
    "respite",
    "break",
    "family",
    "carer",
    "tired",
    "confident",
    "independent",
    "safe",
    "home",
    "community",
    "college",
    "course",
    "art",
    "class",
    "walk",
    "dog",
    "medication",
    "reminders",
    "pressure",
    "care",
    "hoist",
    "transfer",
    "wheelchair",
    "outings",
    "library",
    "music",
    "lessons",
]

_SERVICES = [
    ("Personal assistant, mornings", SpendCategory.PERSONAL_ASSISTANT, "20", Period.WEEK, "14.50"),
    ("Personal assistant, evenings", SpendCategory.PERSONAL_ASSISTANT, "12", Period.WEEK, "14.50"),
    ("Agency night sitter", SpendCategory.AGENCY_CARE, "2", Period.WEEK, "165.00"),
    ("Physiotherapy session", SpendCategory.THERAPY, "2", Period.FOUR_WEEKS, "45.00"),
    ("Swimming sessions", SpendCategory.ACTIVITY, "8", Period.FOUR_WEEKS, "4.80"),
    ("Respite break", SpendCategory.RESPITE, "1", Period.YEAR, "950.00"),
    ("Payroll service", SpendCategory.OTHER, "1", Period.MONTH, "22.50"),
    ("Employer's liability insurance", SpendCategory.OTHER, "1", Period.YEAR, "120.00"),
    ("Art class", SpendCategory.ACTIVITY, "1", Period.WEEK, "12.00"),
    ("Pressure-relieving cushion", SpendCategory.EQUIPMENT, "1", Period.ONE_OFF, "389.99"),
]


def _sentence(rng: random.Random, low: int = 6, high: int = 18) -> str:
    words = rng.choices(_WORDS, k=rng.randint(low, high))
    return " ".join(words).capitalize() + "."


def realistic_plan(number: int, title: str | None = None) -> Plan:
    """A plan of the shape people write: 2 to 6 outcomes, 5 to 40 costs, notes (some private and
    some over several lines), other support and risks. The same number always gives the same plan."""
    rng = random.Random(number)
    plan = new_plan(title or f"Client {number:04d}")
    plan.person.name = f"Person {number}"
    plan.person.preferred_name = f"P{number}"
    plan.management.option = rng.choice(list(ManagementOption))
    plan.finance.budget_amount = Decimal(rng.randrange(8000, 90000))
    plan.contingency_plan = _sentence(rng, 15, 40)
    plan.about_me.important_to_me = _sentence(rng)
    plan.outcomes = [
        Outcome(
            id=f"o{n}",
            what_matters=_sentence(rng),
            outcome=_sentence(rng),
            how_i_will_know=_sentence(rng),
            evidence=_sentence(rng, 10, 30),
            risk_if_not_met=_sentence(rng),
            priority=rng.choice(list(Priority)),
        )
        for n in range(1, rng.randint(2, 6) + 1)
    ]
    items = []
    for n in range(1, rng.randint(5, 40) + 1):
        name, category, quantity, period, cost = rng.choice(_SERVICES)
        # Each person's rates and hours differ: few costs are exactly alike from plan to plan.
        cost = f"{Decimal(cost) * Decimal(rng.randint(85, 125)) / 100:.2f}"
        quantity = str(max(1, int(quantity) + rng.randint(-2, 6)))
        notes = "\n".join(_sentence(rng) for _ in range(rng.randint(0, 3)))
        items.append(
            LineItem(
                id=f"i{n}",
                description=f"{name} {n}",
                category=category,
                provider=f"Provider {rng.randint(1, 30)}",
                unit_cost=Decimal(cost),
                quantity=Decimal(quantity),
                period=period,
                outcome_ids=[f"o{rng.randint(1, len(plan.outcomes))}"],
                notes=Note(text=notes, private=rng.random() < 0.2),
            )
        )
    plan.finance.line_items = items
    plan.resources = [
        Resource(id=f"r{n}", kind=rng.choice(list(ResourceKind)), description=_sentence(rng), outcome_ids=["o1"])
        for n in range(1, rng.randint(0, 5) + 1)
    ]
    plan.risks = [Risk(description=_sentence(rng), mitigation=_sentence(rng)) for _ in range(rng.randint(1, 4))]
    return plan


def compiled_as_installed() -> None:
    """Compile PHB Planner's modules to bytecode, as `pip install .` does, before timing new processes.

    Python uses a compiled copy when there is one. Without it, a checkout where Python may not write
    them (PYTHONDONTWRITEBYTECODE, a read-only folder) compiles every module from source on every run,
    which an installed copy never does, while the libraries it is compared with were compiled by pip.
    """
    root = Path(__file__).resolve().parent.parent
    for package in ("plan_store", "phb_tui", "screens", "bench"):
        compileall.compile_dir(root / package, quiet=1)


@dataclass(frozen=True)
class Spread:
    """Timings of one thing: the median, with the fastest and slowest, in seconds."""

    median: float
    low: float
    high: float

    @classmethod
    def of(cls, seconds: Sequence[float]) -> Spread:
        return cls(statistics.median(seconds), min(seconds), max(seconds))

    def __str__(self) -> str:
        return f"{self.median * 1000:.1f} ms ({self.low * 1000:.1f} to {self.high * 1000:.1f})"


def ratio(figure: float, baseline: float) -> str:
    return f"{figure / baseline:.2f}x" if baseline else "-"


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def alternating(actions: dict[str, Callable[[], object]], runs: int = 7) -> dict[str, Spread]:
    """Each action timed `runs` times, taking turns, so a busy moment on the machine falls on all alike."""
    seconds: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(runs):
        for name, action in actions.items():
            seconds[name].append(timed(action))
    return {name: Spread.of(times) for name, times in seconds.items()}


def median_seconds(action: Callable[[], object], runs: int = 7) -> float:
    return statistics.median(timed(action) for _ in range(runs))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def table(title: str, headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]
    lines = [title, "=" * len(title)]
    lines.append("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    lines.append("  ".join("-" * w for w in widths))
    lines += [
        "  ".join(str(c).rjust(w) if n else str(c).ljust(w) for n, (c, w) in enumerate(zip(row, widths, strict=True)))
        for row in rows
    ]
    return "\n".join(lines) + "\n"


def machine() -> str:
    import os

    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
