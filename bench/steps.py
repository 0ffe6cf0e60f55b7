"""Each step's first visit with 1,000 costs, against a bare app of the same screens, taking turns.

A person presses F8 from the first step to the last in a new app each run (every visit a first
one, when the step's screen is built), in one process at 80x24, timed from the key to the last
frame painted in answer (`bench.frames`). The baseline is the bare app of `bench.bare` with as many
widgets on each screen as the app's steps had in the run before it, toured the same way: what
Textual alone takes to build and paint screens of that size.

While the Summary opens, the longest the event loop went without a turn is noted: a key pressed
then waits that long. The bare app's figure is beside it.

Targets: the Summary's and the Financial plan's first visits under 100 ms; no key waits 50 ms
after the Summary opens.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from textual.app import App

from bench.bare import screens_app
from bench.common import big_plan, table
from bench.frames import FrameClock, Stalls, press
from bench.targets import FINANCE_VISIT, SUMMARY_VISIT, SUMMARY_WAIT, Target
from phb_tui.app import PhbApp
from phb_tui.planning.steps import Step
from plan_store import PlanStore

SIZE = (80, 24)
COSTS = 1000


async def _tour(app: App[Any]) -> list[tuple[int, float, float]]:
    """(widgets, key to last frame, longest wait) for each screen of the tour, the first as opened."""
    visits = []
    async with app.run_test(size=SIZE):
        clock = FrameClock(app)
        await clock.settle(time.perf_counter())
        visits.append((_widgets(app), 0.0, 0.0))
        for _ in range(len(Step) - 1):
            with Stalls() as stalls:
                _, last = await press(app, clock, "f8")
            visits.append((_widgets(app), last, stalls.worst))
    return visits


def _widgets(app: App[Any]) -> int:
    return sum(1 for _ in app.screen.walk_children(with_self=False))


async def _phb_tour(folder: Path) -> list[tuple[int, float, float]]:
    store = PlanStore(folder)
    opened = store.add(big_plan(COSTS, title=f"Plan with {COSTS} items"))
    app = PhbApp(store, store.open(opened.path), keys_file=folder / "none.toml", autosave_seconds=3600)
    return await _tour(app)


def measure(quick: bool = False) -> tuple[str, list[Target]]:
    runs = 2 if quick else 5
    phb: list[list[tuple[int, float, float]]] = []
    bare: list[list[tuple[int, float, float]]] = []
    for _ in range(runs):  # Taking turns: the bare app has the screens of the tour before it.
        with tempfile.TemporaryDirectory() as folder:
            phb.append(asyncio.run(_phb_tour(Path(folder))))
        bare.append(asyncio.run(_tour(screens_app([widgets for widgets, _, _ in phb[-1]]))))
    steps = list(Step)

    def median(tours: list[list[tuple[int, float, float]]], step: Step, field: int) -> float:
        return statistics.median(tour[steps.index(step)][field] for tour in tours)

    rows = [
        [
            f"{step.number}. {step.heading}",
            f"{median(phb, step, 0):.0f}",
            f"{median(phb, step, 1) * 1000:.0f} ms" if step.number > 1 else "(opened)",
            f"{median(bare, step, 1) * 1000:.0f} ms" if step.number > 1 else "",
            f"{median(phb, step, 2) * 1000:.0f} ms" if step.number > 1 else "",
            f"{median(bare, step, 2) * 1000:.0f} ms" if step.number > 1 else "",
        ]
        for step in steps
    ]
    text = table(
        f"First visit of each step, {COSTS:,} costs, F8 to the last frame (median of {runs} runs, "
        "taking turns with a bare app of the same screens)",
        ["Step", "Widgets", "phb", "bare app", "longest wait", "bare app"],
        rows,
    )

    def beside(step: Step, field: int) -> str:
        return f"bare app {median(bare, step, field) * 1000:.0f} ms"

    targets = [
        SUMMARY_VISIT.judged(median(phb, Step.SUMMARY, 1), beside(Step.SUMMARY, 1)),
        SUMMARY_WAIT.judged(median(phb, Step.SUMMARY, 2), beside(Step.SUMMARY, 2)),
        FINANCE_VISIT.judged(median(phb, Step.FINANCE, 1), beside(Step.FINANCE, 1)),
    ]
    return text, targets


if __name__ == "__main__":
    print(measure()[0])
