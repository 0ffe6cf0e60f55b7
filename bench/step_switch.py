"""Time from asking for the next step to that step's screen being idle, on a 50-line plan.

Driven in one process through Textual's Pilot. The baseline is the same measurement switching
between two bare screens of as many simple widgets, which is the floor Textual and the harness set.
Target: under 50 ms median.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label

from bench.common import big_plan, ms, table
from phb_tui.app import PhbApp
from phb_tui.steps import Step
from plan_store import PlanStore

ROUNDS = 3


class _BareScreen(Screen[None]):
    def __init__(self, widgets: int):
        super().__init__()
        self.widgets = widgets

    def compose(self) -> ComposeResult:
        yield Header()
        for n in range(self.widgets // 2):
            yield Label(f"Field {n}")
            yield Input(f"value {n}")
        yield Footer()


async def _phb_switches(folder: Path) -> tuple[dict[Step, float], int]:
    store = PlanStore(folder)
    opened = store.add(big_plan(50, outcomes=8, title="Fifty lines"))
    app = PhbApp(store, store.open(opened.path), keys_file=folder / "none.toml")
    times: dict[Step, list[float]] = {step: [] for step in Step}
    widgets = 0
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for _ in range(ROUNDS):
            for step in [*list(Step)[1:], Step.GET_INFORMED]:
                start = time.perf_counter()
                app.show_step(step)
                await pilot.pause()
                times[step].append(time.perf_counter() - start)
                widgets = max(widgets, sum(1 for _ in app.screen.walk_children()))
    return {step: statistics.median(values) for step, values in times.items()}, widgets


async def _bare_switches(widgets: int) -> tuple[float, float]:
    app: App[None] = App()
    times = []
    idle = []
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(_BareScreen(widgets))
        await pilot.pause()
        for _ in range(ROUNDS * len(Step)):
            start = time.perf_counter()
            app.switch_screen(_BareScreen(widgets))
            await pilot.pause()
            times.append(time.perf_counter() - start)
        for _ in range(ROUNDS * len(Step)):
            start = time.perf_counter()
            await pilot.pause()  # Nothing to do: what waiting for idle costs by itself.
            idle.append(time.perf_counter() - start)
        app.install_screen(_BareScreen(widgets), "a")
        app.install_screen(_BareScreen(widgets), "b")
        app.switch_screen("a")
        await pilot.pause()
        built = []
        for turn in range(ROUNDS * len(Step)):
            start = time.perf_counter()
            app.switch_screen("b" if turn % 2 == 0 else "a")  # Both already built, as the steps are.
            await pilot.pause()
            built.append(time.perf_counter() - start)
    return statistics.median(times), statistics.median(idle), statistics.median(built)


def measure() -> tuple[str, dict[str, float]]:
    with tempfile.TemporaryDirectory() as folder:
        per_step, widgets = asyncio.run(_phb_switches(Path(folder)))
    bare, floor, built = asyncio.run(_bare_switches(widgets))
    overall = statistics.median(per_step.values())
    rows = [
        ["Waiting for idle, nothing to do", ms(floor), f"{floor / bare:.2f}x"],
        [f"Bare screen already built, {widgets} widgets", ms(built), f"{built / bare:.2f}x"],
        [f"Bare screen built anew, {widgets} widgets", ms(bare), "1.00x"],
    ]
    rows += [[f"Step {step.number}: {step.title}", ms(seconds), f"{seconds / bare:.2f}x"] for step, seconds in per_step.items()]
    text = table(f"Step switch, 50-line plan (median of {ROUNDS} rounds)", ["Screen", "Time", "vs bare"], rows)
    text += (
        f"Target: median under 50 ms ({overall * 1000:.0f} ms over all steps; each step is built on its first "
        f"visit and reused after, and the median is of reuses). Showing an already-built bare screen of as many "
        f"widgets takes {built * 1000:.0f} ms here.\n"
    )
    return text, {"switch_median": overall, "switch_bare": bare, "switch_floor": floor, "switch_built": built}


if __name__ == "__main__":
    print(measure()[0])
