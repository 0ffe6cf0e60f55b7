"""The Summary step with 1,000 costs, taking turns with a bare app showing the same text.

`python -m bench.summary_step [RUNS]` opens the plan at step 1 and goes straight to the Summary,
the first visit, when everything on it is worked out and drawn: the time from the step change to
the last frame painted, and the longest a key would then wait (the longest the event loop went
without a turn, from the first frame the Summary painted until it settled). The baseline is a bare
app switching to a screen holding the same text in a read-only TextArea.

Targets: the first visit under 100 ms; no key waits over 50 ms once the Summary is showing.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, TextArea

from bench.common import big_plan
from bench.frames import FrameClock
from bench.interactions import _Stalls
from phb_tui.app import PhbApp
from phb_tui.planning.steps import Step
from phb_tui.summary.exporting import export_text
from plan_store import Plan, PlanStore

SIZE = (80, 24)


async def _opened(app: App[Any], clock: FrameClock, go: Any) -> tuple[float, float]:
    """From the step change to the last frame; the longest wait once the first frame is painted."""
    start = time.perf_counter()
    go()
    while not [frame for frame in clock.frames if frame >= start]:
        await asyncio.sleep(0.001)
    with _Stalls() as stalls:
        _, last = await clock.settle(start)
    return last, stalls.worst


async def _phb(plan: Plan) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        store = PlanStore(Path(folder))
        opened = store.add(plan)
        app = PhbApp(store, store.open(opened.path), keys_file=Path(folder) / "none.toml", autosave_seconds=3600)
        async with app.run_test(size=SIZE):
            clock = FrameClock(app)
            await clock.settle(time.perf_counter())
            return await _opened(app, clock, lambda: app.show_step(Step.SUMMARY))


class _Shown(Screen[None]):
    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList("What a reviewer would ask about", "  one", "  two")
        yield TextArea(self.text, read_only=True, soft_wrap=False)
        yield Footer()


class _Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Footer()


async def _bare(text: str) -> tuple[float, float]:
    app = _Bare()
    async with app.run_test(size=SIZE):
        clock = FrameClock(app)
        await clock.settle(time.perf_counter())
        return await _opened(app, clock, lambda: app.push_screen(_Shown(text)))


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    plan = big_plan(1000)
    text = export_text(plan, "txt")
    ours: list[tuple[float, float]] = []
    bare: list[tuple[float, float]] = []
    for _ in range(runs):  # Taking turns, so a busy machine slows both alike.
        ours.append(asyncio.run(_phb(plan.model_copy(deep=True))))
        bare.append(asyncio.run(_bare(text)))

    def said(found: list[tuple[float, float]], which: int) -> str:
        values = sorted(pair[which] * 1000 for pair in found)
        return f"{statistics.median(values):.0f} ms ({values[0]:.0f} to {values[-1]:.0f})"

    print(f"Summary step, first visit, 1,000 costs, {runs} runs each, taking turns")
    print(f"  to the last frame:       phb {said(ours, 0)}   bare app {said(bare, 0)}   target < 100 ms")
    print(f"  longest a key waited:    phb {said(ours, 1)}   bare app {said(bare, 1)}   target < 50 ms")


if __name__ == "__main__":
    main()
