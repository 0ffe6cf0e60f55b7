"""Time from pressing F8 or F7 to the next step's screen being painted and settled, on a 50-line plan.

Driven in one process: the key goes through the app's own bindings, and the time is that of the
last frame the app paints in response (see `bench.frames`). The baseline is a bare Textual app
that switches between screens of Labels and Inputs, as many as a typical step has, on the same keys.
Target: under 50 ms median.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label

from bench.common import big_plan, ms, table
from bench.frames import FrameClock
from phb_tui.app import PhbApp
from phb_tui.planning.steps import Step
from plan_store import PlanStore

ROUNDS = 3
SCREENS = len(Step)


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


class _BareApp(App[None]):
    """F8 and F7 move between bare screens, built on first visit (`reuse`) or every time."""

    BINDINGS = [Binding("f8", "move(1)", "Next"), Binding("f7", "move(-1)", "Back")]

    def __init__(self, widgets: int, reuse: bool):
        super().__init__()
        self.widgets, self.reuse, self.at = widgets, reuse, 0

    def on_mount(self) -> None:
        self.push_screen(self._screen(0))

    def _screen(self, number: int) -> Screen[None] | str:
        if not self.reuse:
            return _BareScreen(self.widgets)
        name = f"s{number}"
        if not self.is_screen_installed(name):
            self.install_screen(_BareScreen(self.widgets), name)
        return name

    def action_move(self, delta: int) -> None:
        self.at += delta
        self.switch_screen(self._screen(self.at))


async def _press(app: App[object], clock: FrameClock, key: str) -> float:
    start = time.perf_counter()
    app.simulate_key(key)
    return (await clock.settle(start))[1]


async def _tour(app: App[object], clock: FrameClock) -> tuple[list[float], list[float], list[float]]:
    """First visits forward, then ROUNDS of returning: F7 back to the start and F8 to the end."""
    first = [await _press(app, clock, "f8") for _ in range(1, SCREENS)]
    per_screen: list[list[float]] = [[] for _ in range(SCREENS)]
    for _ in range(ROUNDS):
        for number in range(SCREENS - 2, -1, -1):
            per_screen[number].append(await _press(app, clock, "f7"))
        for number in range(1, SCREENS):
            per_screen[number].append(await _press(app, clock, "f8"))
    returns = [statistics.median(times) for times in per_screen]
    return first, returns, [seconds for times in per_screen for seconds in times]


async def _phb(folder: Path) -> tuple[list[float], list[float], list[int]]:
    store = PlanStore(folder)
    opened = store.add(big_plan(50, outcomes=8, title="Fifty lines"))
    app = PhbApp(store, store.open(opened.path), keys_file=folder / "none.toml")
    widgets = []
    async with app.run_test(size=(100, 30)):
        clock = FrameClock(app)
        app.show_step(Step.GET_INFORMED)
        await clock.settle(time.perf_counter())
        first, returns, _ = await _tour(app, clock)
        for step in Step:
            app.show_step(step)
            await clock.settle(time.perf_counter())
            widgets.append(sum(1 for _ in app.screen.walk_children()))
    return first, returns, widgets


async def _bare(widgets: int, reuse: bool) -> tuple[float, float]:
    app = _BareApp(widgets, reuse)
    async with app.run_test(size=(100, 30)):
        clock = FrameClock(app)
        await clock.settle(time.perf_counter())
        first, _, every = await _tour(app, clock)
    return statistics.median(first), statistics.median(every)


def measure() -> tuple[str, dict[str, float]]:
    with tempfile.TemporaryDirectory() as folder:
        first, returns, widgets = asyncio.run(_phb(Path(folder)))
    typical = int(statistics.median(widgets))
    bare_new, _ = asyncio.run(_bare(typical, reuse=False))
    bare_first, bare_built = asyncio.run(_bare(typical, reuse=True))
    overall, overall_first = statistics.median(returns), statistics.median(first)
    rows = [
        [f"Bare app, screens of {typical} widgets built on every switch", ms(bare_new), ms(bare_new)],
        [f"Bare app, screens of {typical} widgets built once", ms(bare_first), ms(bare_built)],
    ]
    rows += [
        [
            f"Step {step.number}: {step.heading} ({count} widgets)",
            ms(first[n - 1]) if n else "(opened on it)",
            ms(returns[n]),
        ]
        for n, (step, count) in enumerate(zip(Step, widgets, strict=True))
    ]
    rows.append(["Median over the steps", ms(overall_first), ms(overall)])
    text = table(
        f"Step switch, 50-line plan, key press to last frame (returns: median of {ROUNDS} rounds)",
        ["Screen", "First visit", "Return"],
        rows,
    )
    text += (
        f"Target: median under 50 ms ({overall * 1000:.0f} ms on return visits; {overall_first * 1000:.0f} ms the first "
        f"time each step is shown, when it is built).\n"
    )
    return text, {"switch_median": overall, "switch_first": overall_first, "switch_bare_built": bare_built}


if __name__ == "__main__":
    print(measure()[0])
