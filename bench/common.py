"""Shared by the benchmarks: realistic plans of any size, timing, and printing tables."""

from __future__ import annotations

import compileall
import platform
import statistics
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from plan_store import LineItem, ManagementRoute, Outcome, Period, Plan, SpendCategory, new_plan
from plan_store.vocabulary import ManagementOption


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


def compiled_as_installed() -> None:
    """Compile PHB Planner's modules to bytecode, as `pip install .` does, before timing new processes.

    Python uses a compiled copy when there is one. Without it, a checkout where Python may not write
    them (PYTHONDONTWRITEBYTECODE, a read-only folder) compiles every module from source on every run,
    which an installed copy never does, while the libraries it is compared with were compiled by pip.
    """
    root = Path(__file__).resolve().parent.parent
    for package in ("plan_store", "phb_tui", "screens", "bench"):
        compileall.compile_dir(root / package, quiet=1)


def median_seconds(action: Callable[[], object], runs: int = 7) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


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
